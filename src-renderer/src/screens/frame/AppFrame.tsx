import { useCallback, useEffect } from 'react';
import { bridge, call } from '../../api';
import { useHashRoute } from '../../hooks/useHashRoute';
import { useIdleLock } from '../../hooks/useIdleLock';
import { useSession } from '../../stores/session';
import { AuditScreen } from '../audit/AuditScreen';
import { HomeScreen } from '../home/HomeScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { UsersScreen } from '../users/UsersScreen';
import { ROUTES } from './routes';

const SCREENS: Record<string, () => React.JSX.Element> = {
  '': HomeScreen,
  settings: SettingsScreen,
  users: UsersScreen,
  audit: AuditScreen,
};

export function AppFrame() {
  const { session, clinicName, can, locked, signedOut, signedIn, settingsChanged } = useSession();
  const [route, navigate] = useHashRoute();

  const lock = useCallback(() => {
    locked();
    void call('auth.lock', {});
  }, [locked]);
  useIdleLock(session?.lockTimeoutMinutes ?? 10, lock);

  useEffect(
    () =>
      bridge.on('session.changed', ({ session: next }) => {
        if (!next) signedOut();
        else if (next.locked) locked();
        else signedIn(next);
      }),
    [locked, signedIn, signedOut],
  );
  useEffect(() => bridge.on('settings.changed', ({ settings }) => settingsChanged(settings)), [settingsChanged]);

  async function signOut() {
    await call('auth.logout', {});
    signedOut();
  }

  if (!session) return null;
  const current = ROUTES.find((candidate) => candidate.path === route) ?? ROUTES[0];
  const allowed = !current?.permission || can(current.permission);
  const Screen = SCREENS[current?.path ?? ''] ?? HomeScreen;

  return (
    <div className="frame">
      <header className="topbar">
        <span className="brand">{clinicName}</span>
        <span className="who">
          {session.user.displayName} · <span className="role">{session.user.role}</span>
        </span>
        <button type="button" onClick={lock} title="Lock (Ctrl+L)">
          Lock
        </button>
        <button type="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <nav aria-label="Main">
        <ul>
          {ROUTES.filter((item) => !item.permission || can(item.permission)).map((item) => (
            <li key={item.path}>
              <a href={`#/${item.path}`} aria-current={item.path === current?.path ? 'page' : undefined} onClick={() => navigate(item.path)}>
                {item.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content">
        {allowed ? (
          <Screen />
        ) : (
          <p role="alert" className="form-error">
            You do not have permission to open {current?.label}.
          </p>
        )}
      </main>
    </div>
  );
}
