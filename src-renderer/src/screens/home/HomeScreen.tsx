import { useSession } from '../../stores/session';
import { ROUTES } from '../frame/routes';

export function HomeScreen() {
  const session = useSession((state) => state.session);
  const can = useSession((state) => state.can);
  if (!session) return null;
  const areas = ROUTES.filter((route) => route.path !== '' && (!route.permission || can(route.permission)));

  return (
    <section>
      <h1>Welcome, {session.user.displayName}</h1>
      <p className="lead">
        Signed in with the role <strong className="role-name">{session.user.role}</strong>. Press <kbd>Ctrl</kbd>+
        <kbd>L</kbd> to lock the screen whenever you step away from the desk.
      </p>
      {areas.length > 0 ? (
        <>
          <h2>Your areas</h2>
          <ul className="area-list">
            {areas.map((area) => (
              <li key={area.path}>
                <a href={`#/${area.path}`}>{area.label}</a>
                <span>{area.summary}</span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>
          There is nothing for your role to open yet. Patients, scheduling and check-in will appear here as they arrive.
        </p>
      )}
    </section>
  );
}
