import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';
import { useTranslation } from '../../i18n';
import { DemoAccounts } from './DemoAccounts';

export function LoginScreen() {
  const { t } = useTranslation('login');
  const { clinicName, signedIn, demo } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // Emptied by a refused sign-in: not a mistake of theirs to point at until they sign in again.
  const [emptied, setEmptied] = useState(false);
  // Only the shape of what is typed ("must not be empty"); the password is never shown back.
  const problems = () => draftProblems('auth.login', { username, password });
  const { errors, show, showProblems, clear } = useFormErrors({ username, password }, () => {
    const { password: passwordProblem, ...rest } = problems();
    return emptied || passwordProblem === undefined ? rest : { ...rest, password: passwordProblem };
  });
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['username', 'password']);
    setBusy(true);
    const result = await call('auth.login', { username, password });
    setBusy(false);
    if (!result.ok) {
      // Main's own check of the shape, answered when the page's had not loaded yet (draft-checks.ts):
      // shown as the page would have shown it, beside the fields, with nothing emptied.
      const fields = result.error.code === 'VALIDATION' ? result.error.details?.fields : undefined;
      if (fields) return showProblems(fields, ['username', 'password']);
      setPassword('');
      setEmptied(true);
      // A wrong password is said once, by the form: naming the field would hint which part was wrong.
      return show({ ...result.error, details: undefined });
    }
    signedIn(result.value);
  }

  return (
    <main className="centered">
      <form className="card" onSubmit={(event) => void submit(event)} noValidate>
        <p className="eyebrow">{clinicName}</p>
        <h1>{t('LoginScreen.signIn')}</h1>
        <Field
          label={t('LoginScreen.username')}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={errors.fields.username}
          autoComplete="username"
          autoFocus
        />
        <Field
          label={t('LoginScreen.password')}
          type="password"
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
            setEmptied(false);
          }}
          error={errors.fields.password}
          autoComplete="current-password"
        />
        <FormMessage error={errors.form} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('LoginScreen.signingIn') : t('LoginScreen.signIn')}
        </button>
        {demo && <DemoAccounts />}
      </form>
    </main>
  );
}
