import { useProcedure } from '../../hooks/useProcedure';
import { describeSync, lastErrorText, remindersHeldSentence } from './describe-sync';
import { useTranslation } from '../../i18n';

/** The header's sync status; administrators follow it to Settings → Sync. */
export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const status = useProcedure('sync.status', {}, { refreshOn: { 'sync.changed': true } });
  if (!status.value) return null;
  const text = describeSync(status.value, Date.now());
  const held = remindersHeldSentence(status.value);
  const title = [lastErrorText(status.value) ?? text, held].filter(Boolean).join('\n');
  return (
    <span className="sync-status" data-testid="sync-status" title={title}>
      {t('SyncIndicator.sync', { text })}
    </span>
  );
}
