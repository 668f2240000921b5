import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { describeSync, lastErrorText, remindersHeldSentence } from './describe-sync';
import { useTranslation } from '../../i18n';

const FIND_SECTION_MS = 3000;
/** The settings form above the section may still be arriving: the section is kept in view while it does. */
const SETTLE_MS = 800;

/** Settings, then its Sync section scrolled into view and focused once it has drawn (it reads its status first). */
function openSyncSettings() {
  window.location.hash = '#/settings';
  const until = Date.now() + FIND_SECTION_MS;
  const find = () => {
    const heading = document.getElementById('sync-heading');
    if (!heading) {
      if (Date.now() < until) requestAnimationFrame(find);
      return;
    }
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
    const settled = Date.now() + SETTLE_MS;
    let top = Number.NaN;
    const keep = () => {
      if (heading.offsetTop !== top) {
        top = heading.offsetTop;
        heading.scrollIntoView({ block: 'start' });
      }
      if (Date.now() < settled) requestAnimationFrame(keep);
    };
    keep();
  };
  requestAnimationFrame(find);
}

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
