import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';
import { useTranslation } from '../../i18n';

export function LoginScreen() {
  const { t } = useTranslation('login');
  const { clinicName, signedIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const { errors, show, clear } = useFormErrors({ username, password });
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    const result = await call('auth.login', { username, password });
    setBusy(false);
    if (!result.ok) {
      setPassword('');
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
          autoComplete="username"
          autoFocus
        />
        <Field
          label={t('LoginScreen.password')}
          type="password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          autoComplete="current-password"
        />
        <FormMessage error={errors.form} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('LoginScreen.signingIn') : t('LoginScreen.signIn')}
        </button>
      </form>
    </main>
  );
}
