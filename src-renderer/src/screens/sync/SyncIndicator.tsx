import { useProcedure } from '../../hooks/useProcedure';
import { describeSync } from './describe-sync';
import { useTranslation } from '../../i18n';

/** The header's sync status; administrators follow it to Settings → Sync. */
export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const status = useProcedure('sync.status', {}, { refreshOn: { 'sync.changed': true } });
  if (!status.value) return null;
  const text = describeSync(status.value, Date.now());
  return (
    <span className="sync-status" data-testid="sync-status" title={status.value.lastError ?? text}>
      {t('SyncIndicator.sync', { text })}
    </span>
  );
}
