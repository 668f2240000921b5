import { useEffect } from 'react';
import { FormMessage } from '../../components/FormMessage';
import { useAudit } from '../../stores/audit';
import { AuditFilters } from './AuditFilters';

const OUTCOME_LABELS = { ok: 'Succeeded', failed: 'Failed', denied: 'Denied' } as const;

export function AuditScreen() {
  const { entries, nextBeforeSeq, error, verification, load, loadMore, verify } = useAudit();

  useEffect(() => {
    void load({});
  }, [load]);

  return (
    <section>
      <div className="section-head">
        <h1>Audit log</h1>
        <button type="button" onClick={() => void verify()}>
          Verify chain
        </button>
      </div>
      {verification && (
        <p role="status" className={verification.ok ? 'form-success' : 'form-error'}>
          {verification.ok
            ? `Chain intact: ${verification.checked} entries checked.`
            : `Chain broken at entry ${verification.brokenAtSeq}: ${verification.reason}.`}
        </p>
      )}
      <AuditFilters onApply={(filter) => void load(filter)} />
      <FormMessage error={error} />
      <table>
        <caption className="visually-hidden">Audit entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Time</th>
            <th scope="col">User</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">Outcome</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq} className={entry.outcome === 'ok' ? undefined : `outcome-${entry.outcome}`}>
              <td>{entry.seq}</td>
              <td>{new Date(entry.at).toLocaleString()}</td>
              <td>{entry.actorUsername ?? '—'}</td>
              <td>{entry.action}</td>
              <td>{entry.targetType ? `${entry.targetType} ${entry.targetId?.slice(-8) ?? ''}` : '—'}</td>
              <td>{OUTCOME_LABELS[entry.outcome]}</td>
              <td className="details">{entry.details ? JSON.stringify(entry.details) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && <p>No entries match.</p>}
      {nextBeforeSeq !== null && (
        <button type="button" onClick={() => void loadMore()}>
          Load more
        </button>
      )}
    </section>
  );
}
