import { useEffect } from 'react';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useAudit } from '../../stores/audit';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';
import { useTranslation } from '../../i18n';

export function AuditScreen() {
  const { t } = useTranslation('audit');
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
        <h1>{t('AuditScreen.auditLog')}</h1>
        <VerifyChain />
      </div>
      <AuditFilters onApply={(filter) => void load(filter)} />
      <ErrorMessage error={error} area={t('AuditScreen.auditLog')} />
      <AuditTable entries={entries} />
      {entries.length === 0 && !loading && !error && <p>{t('AuditScreen.noEntriesMatch')}</p>}
      {nextBeforeSeq !== null && (
        <button type="button" onClick={() => void loadMore()} disabled={loading}>
          {loading ? t('AuditScreen.loading') : t('AuditScreen.loadMore')}
        </button>
      )}
    </section>
  );
}
