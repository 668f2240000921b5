import { useState } from 'react';
import type { AuditEntry } from '../../../../src-shared/api/areas/audit';
import type { Input, Output } from '../../../../src-shared/api/contract';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';
import { useTranslation } from '../../i18n';

export type AuditFilter = Omit<Input<'audit.list'>, 'beforeSeq' | 'limit'>;

const PAGE = 100;

/** Older pages fetched by "Load more", valid only beside the first page they continue. */
interface OlderPages {
  after: Output<'audit.list'>;
  entries: AuditEntry[];
  nextBeforeSeq: number | null;
}

export function AuditScreen() {
  const { t } = useTranslation('audit');
  const [filter, setFilter] = useState<AuditFilter>({});
  const first = useProcedure('audit.list', { ...filter, limit: PAGE });
  const [older, setOlder] = useState<OlderPages | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiErrorData | null>(null);

  // A new first page (another filter, or read again) starts the list over.
  const extra = older && older.after === first.value ? older : null;
  const entries = [...(first.value?.entries ?? []), ...(extra?.entries ?? [])];
  const nextBeforeSeq = extra ? extra.nextBeforeSeq : (first.value?.nextBeforeSeq ?? null);
  const loading = first.loading || loadingMore;
  const error = first.error ?? moreError;

  // Reading the next page is the user's click, not an effect: it extends what is on screen.
  async function loadMore() {
    const after = first.value;
    if (!after || nextBeforeSeq === null) return;
    setLoadingMore(true);
    const result = await call('audit.list', { ...filter, beforeSeq: nextBeforeSeq, limit: PAGE });
    setLoadingMore(false);
    if (!result.ok) {
      setMoreError(result.error);
      return;
    }
    setMoreError(null);
    setOlder({
      after,
      entries: [...(extra?.entries ?? []), ...result.value.entries],
      nextBeforeSeq: result.value.nextBeforeSeq,
    });
  }

  return (
    <section>
      <div className="section-head">
        <h1>{t('AuditScreen.auditLog')}</h1>
        <VerifyChain />
      </div>
      <AuditFilters
        onApply={(next) => {
          setMoreError(null);
          setFilter(next);
        }}
      />
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
