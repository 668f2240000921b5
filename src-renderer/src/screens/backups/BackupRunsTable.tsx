import type { BackupRun } from '../../../../src-shared/api/areas/backups';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { formatBytes } from './describe-run';
import { useTranslation } from '../../i18n';

/** The last ten backups, newest first: when, where, how big, verified or what went wrong. */
export function BackupRunsTable({ runs }: { runs: BackupRun[] }) {
  const { t } = useTranslation('backups');
  const clock = useClinicClock();
  return (
    <section className="backup-section no-print" aria-labelledby="backup-runs-title">
      <h2 id="backup-runs-title">{t('BackupRunsTable.recentBackups')}</h2>
      {runs.length === 0 ? (
        <p>{t('BackupRunsTable.noBackupHasBeenMade')}</p>
      ) : (
        <table className="backup-runs">
          <thead>
            <tr>
              <th scope="col">{t('BackupRunsTable.when')}</th>
              <th scope="col">{t('BackupRunsTable.how')}</th>
              <th scope="col">{t('BackupRunsTable.file')}</th>
              <th scope="col">{t('BackupRunsTable.size')}</th>
              <th scope="col">{t('BackupRunsTable.verified')}</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>{formatDateTime(run.startedAt, clock)}</td>
                <td>{run.kind === 'manual' ? t('BackupRunsTable.backUpNow') : t('BackupRunsTable.schedule')}</td>
                <td>
                  {run.file ? `${run.folder} / ${run.file}` : run.folder}
                  {run.error && <div className={run.verified ? 'hint' : 'backup-result-bad'}>{run.error}</div>}
                </td>
                <td>{run.sizeBytes === null ? '—' : formatBytes(run.sizeBytes)}</td>
                <td>{run.verified ? t('BackupRunsTable.yes') : t('BackupRunsTable.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
