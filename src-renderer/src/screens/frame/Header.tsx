import { call } from '../../api';
import { useSession } from '../../stores/session';
import { SyncIndicator } from '../sync/SyncIndicator';

export function Header({ onLock }: { onLock: () => void }) {
  const session = useSession((state) => state.session);
  const clinicName = useSession((state) => state.clinicName);
  const signedOut = useSession((state) => state.signedOut);

  async function signOut() {
    await call('auth.logout', {});
    signedOut();
  }

  return (
    <header className="topbar">
      <span className="brand">{clinicName ?? 'Front Desk'}</span>
      {session && (
        <span className="who">
          <span className="who-name">{session.user.displayName}</span>
          <span className="role">{session.user.role}</span>
        </span>
      )}
      {session && <SyncIndicator />}
      <button type="button" onClick={onLock} title="Lock the screen (Ctrl+L)" aria-keyshortcuts="Control+L">
        Lock
      </button>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </header>
  );
}
