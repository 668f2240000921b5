import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';

/** Replaces the whole app while locked: nothing of the work behind it stays in the page. */
export function LockScreen() {
  const { session, signedIn, signedOut } = useSession();
  const [password, setPassword] = useState('');
  const { errors, show, clear } = useFormErrors({ password });
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    const result = await call('auth.unlock', { password });
    setBusy(false);
    setPassword('');
    if (result.ok) return signedIn(result.value);
    // Too many wrong passwords (or a disabled account) ends this desk's session: back to sign-in.
    if (result.error.code === 'UNAUTHENTICATED' && !result.error.details?.fields) return signedOut();
    // The message says how many tries are left; it stays with the form rather than under the field.
    show({ ...result.error, details: undefined });
  }

  async function signOut() {
    await call('auth.logout', {});
    signedOut();
  }

  return (
    <main className="centered locked">
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <h1>Locked</h1>
        <p className="lead">
          Signed in as <strong>{session?.user.displayName}</strong> ({session?.user.username}). Enter your password to
          continue.
        </p>
        <Field
          label="Password"
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
          autoFocus
        />
        <FormMessage error={errors.form} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            Unlock
          </button>
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </form>
    </main>
  );
}
