import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';
import { Trans, useTranslation } from '../../i18n';

/** Replaces the whole app while locked: nothing of the work behind it stays in the page. */
export function LockScreen() {
  const { t } = useTranslation('lock');
  const { session, signedIn, signedOut } = useSession();
  const [password, setPassword] = useState('');
  // Emptied after each try: not a mistake of theirs to point at until they unlock again.
  const [emptied, setEmptied] = useState(false);
  // Only the shape of what is typed ("must not be empty"); the password is never shown back.
  const problems = () => draftProblems('auth.unlock', { password });
  const { errors, show, showProblems, clear } = useFormErrors({ password }, () => (emptied ? {} : problems()));
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['password']);
    setBusy(true);
    const result = await call('auth.unlock', { password });
    setBusy(false);
    setPassword('');
    setEmptied(true);
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
        <h1>{t('LockScreen.locked')}</h1>
        <p className="lead">
          <Trans
            t={t}
            i18nKey="LockScreen.signedInAsEnterYour"
            values={{ displayName: session?.user.displayName, username: session?.user.username }}
            components={{ strong: <strong /> }}
          />
        </p>
        <Field
          label={t('LockScreen.password')}
          type="password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            setEmptied(false);
          }}
          error={errors.fields.password}
          autoComplete="current-password"
          autoFocus
        />
        <FormMessage error={errors.form} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {t('LockScreen.unlock')}
          </button>
          <button type="button" onClick={() => void signOut()}>
            {t('LockScreen.signOut')}
          </button>
        </div>
      </form>
    </main>
  );
}
