import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';

/** Replaces the whole app while locked: nothing of the work behind it stays in the page. */
export function LockScreen() {
  const { session, signedIn, signedOut } = useSession();
  const { errors, show, clear } = useFormErrors();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    const result = await call('auth.unlock', { password });
    setBusy(false);
    setPassword('');
    if (!result.ok)
      return show({
        ...result.error,
        message: result.error.code === 'UNAUTHENTICATED' ? 'Wrong password.' : result.error.message,
        details: undefined,
      });
    signedIn(result.value);
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
