import type { BackupRun } from '../../../../src-shared/api/areas/backups';
import { i18next } from '../../i18n';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return i18next.t('backups:describe-run.bytes', { bytes });
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** One sentence a person can act on: what was written and checked, or what went wrong. */
export function describeRun(run: BackupRun): { good: boolean; text: string } {
  if (!run.verified || !run.file)
    return { good: false, text: run.error ?? i18next.t('backups:describe-run.theBackupWasNotMade') };
  const size = run.sizeBytes === null ? '' : ` (${formatBytes(run.sizeBytes)})`;
  const counted = i18next.t('backups:describe-run.patientsAndAppointments', {
    patients: run.patients ?? 0,
    appointments: run.appointments ?? 0,
  });
  const text = i18next.t('backups:describe-run.backedUpToAndVerified', { file: run.file, size, counted });
  return run.error ? { good: false, text: `${text} ${run.error}` } : { good: true, text };
}
