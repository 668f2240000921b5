import { useSession } from '../../stores/session';

export function HomeScreen() {
  const session = useSession((state) => state.session);
  return (
    <section>
      <h1>Welcome, {session?.user.displayName}</h1>
      <p className="lead">
        You are signed in as a {session?.user.role}. Use the navigation to open the areas your role allows. Press Ctrl+L to lock the
        screen whenever you step away.
      </p>
    </section>
  );
}
