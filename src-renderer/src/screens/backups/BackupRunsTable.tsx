import type { BackupRun } from '../../../../src-shared/api/areas/backups';
import { formatDateTime } from '../../format/datetime';
import { useClinicSettings } from '../../stores/clinic-settings';
import { formatBytes } from './describe-run';

/** The last ten backups, newest first: when, where, how big, verified or what went wrong. */
export function BackupRunsTable({ runs }: { runs: BackupRun[] }) {
  const settings = useClinicSettings((state) => state.settings);
  const clock = { timeZone: settings?.timeZone ?? 'UTC', dateFormat: settings?.dateFormat ?? 'YYYY-MM-DD' };
  return (
    <section className="backup-section no-print" aria-labelledby="backup-runs-title">
      <h2 id="backup-runs-title">Recent backups</h2>
      {runs.length === 0 ? (
        <p>No backup has been made from Front Desk yet.</p>
      ) : (
        <table className="backup-runs">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">How</th>
              <th scope="col">File</th>
              <th scope="col">Size</th>
              <th scope="col">Verified</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td>{formatDateTime(run.startedAt, clock)}</td>
                <td>{run.kind === 'manual' ? 'Back up now' : 'Schedule'}</td>
                <td>
                  {run.file ? `${run.folder} / ${run.file}` : run.folder}
                  {run.error && <div className={run.verified ? 'hint' : 'backup-result-bad'}>{run.error}</div>}
                </td>
                <td>{run.sizeBytes === null ? '—' : formatBytes(run.sizeBytes)}</td>
                <td>{run.verified ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
