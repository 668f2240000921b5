import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAudit } from '../../stores/audit';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';

export function AuditScreen() {
  const entries = useAudit((state) => state.entries);
  const nextBeforeSeq = useAudit((state) => state.nextBeforeSeq);
  const loading = useAudit((state) => state.loading);
  const error = useAudit((state) => state.error);
  const load = useAudit((state) => state.load);
  const loadMore = useAudit((state) => state.loadMore);

  useEffect(() => {
    void load({});
  }, [load]);

  return (
    <section>
      <div className="section-head">
        <h1>Audit log</h1>
        <VerifyChain />
      </div>
      <AuditFilters onApply={(filter) => void load(filter)} />
      <ErrorMessage error={error} area="Audit log" />
      <AuditTable entries={entries} />
      {entries.length === 0 && !loading && !error && <p>No entries match.</p>}
      {nextBeforeSeq !== null && (
        <button type="button" onClick={() => void loadMore()} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
