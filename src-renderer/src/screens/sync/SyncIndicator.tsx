import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { openSyncSettings } from '../settings/sync-section';
import { describeSync, lastErrorText, remindersHeldSentence } from './describe-sync';
import { useTranslation } from '../../i18n';

/** The header's sync status; those who may connect the desk follow it to Settings → Sync. */
export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const status = useProcedure('sync.status', {}, { refreshOn: { 'sync.changed': true } });
  const canConnect = useSession((state) => state.can('settings:manage'));
  if (!status.value) return null;
  const text = describeSync(status.value, Date.now());
  const held = remindersHeldSentence(status.value);
  const title = [lastErrorText(status.value) ?? text, held].filter(Boolean).join('\n');
  if (canConnect) {
    return (
      <a
        className="sync-status"
        data-testid="sync-status"
        title={title}
        href="#/settings"
        onClick={(event) => {
          event.preventDefault();
          openSyncSettings();
        }}
      >
        {t('SyncIndicator.sync', { text })}
      </a>
    );
  }
  return (
    <span className="sync-status" data-testid="sync-status" title={title}>
      {t('SyncIndicator.sync', { text })}
    </span>
  );
}
