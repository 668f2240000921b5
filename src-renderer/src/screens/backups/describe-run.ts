import type { BackupRun } from '../../../../src-shared/api/areas/backups';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

/** One sentence a person can act on: what was written and checked, or what went wrong. */
export function describeRun(run: BackupRun): { good: boolean; text: string } {
  if (!run.verified || !run.file) return { good: false, text: run.error ?? 'The backup was not made.' };
  const size = run.sizeBytes === null ? '' : ` (${formatBytes(run.sizeBytes)})`;
  const counted = `${run.patients ?? 0} patients and ${run.appointments ?? 0} appointments`;
  const text = `Backed up to ${run.file}${size} and verified: it opens, passes the integrity check and holds ${counted}.`;
  return run.error ? { good: false, text: `${text} ${run.error}` } : { good: true, text };
}
