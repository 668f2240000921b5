import { call } from '../../api';
import { useSession } from '../../stores/session';
import { SyncIndicator } from '../sync/SyncIndicator';
import { NotificationBell } from '../notifications/NotificationBell';
import { useTranslation } from '../../i18n';
import { LanguagePicker } from './LanguagePicker';
import { useOverlays } from './overlays';

export function Header({ onLock }: { onLock: () => void }) {
  const { t } = useTranslation('frame');
  const session = useSession((state) => state.session);
  const clinicName = useSession((state) => state.clinicName);
  const demo = useSession((state) => state.demo);
  const signedOut = useSession((state) => state.signedOut);
  const show = useOverlays((state) => state.show);

  async function signOut() {
    await call('auth.logout', {});
    signedOut();
  }

  return (
    <header className="topbar">
      <span className="brand">
        {clinicName ?? t('Header.frontDesk')}
        {demo && (
          <span className="demo-mark" title={t('Header.demoTitle')}>
            {t('Header.demo')}
          </span>
        )}
      </span>
      {session && (
        <span className="who">
          <span className="who-name">{session.user.displayName}</span>
          <span className="role">{session.user.role}</span>
        </span>
      )}
      {session && <SyncIndicator />}
      {session && <NotificationBell />}
      <LanguagePicker />
      <button
        type="button"
        className="topbar-search"
        onClick={() => show('palette')}
        aria-keyshortcuts={t('Header.controlK')}
      >
        {t('Header.searchCtrlK')}
      </button>
      <button type="button" onClick={() => show('shortcuts')} aria-keyshortcuts={t('Header.questionMark')}>
        {t('Header.shortcuts')}
      </button>
      <button
        type="button"
        onClick={onLock}
        title={t('Header.lockTheScreenCtrlL')}
        aria-keyshortcuts={t('Header.controlL')}
      >
        {t('Header.lock')}
      </button>
      <button type="button" onClick={() => void signOut()}>
        {t('Header.signOut')}
      </button>
    </header>
  );
}
