// The English of the screens behind sign-in, before anything of this chunk renders.
import '../../i18n/screens';
import './backups.css';
import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { draftProblems, useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';
import { useTranslation } from '../../i18n';

/**
 * Start-up when the host could not get the database key (keychain reset, key file lost) but the
 * clinic's recovery envelope is there: the recovery sheet's key opens the clinic, and the host keeps
 * the key again its usual way. Then sign in as always.
 */
export function RecoveryScreen() {
  const { t } = useTranslation('backups');
  const reason = useSession((state) => state.recoveryReason);
  const checkAgain = useSession((state) => state.checkAgain);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [busy, setBusy] = useState(false);
  // The key is only checked for its shape here (main's words); it is never shown back.
  const problems = () => draftProblems('system.recover', { recoveryKey });
  const { errors, show, showProblems, clear } = useFormErrors({ recoveryKey }, problems);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    const local = problems();
    if (Object.keys(local).length > 0) return showProblems(local, ['recoveryKey']);
    setBusy(true);
    const result = await call('system.recover', { recoveryKey });
    setBusy(false);
    if (!result.ok) return show(result.error, ['recoveryKey']);
    checkAgain();
  }

  return (
    <main className="centered">
      <form
        className="card wide"
        aria-label={t('RecoveryScreen.openWithTheRecoveryKey')}
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <h1>{t('RecoveryScreen.openWithTheRecoveryKey')}</h1>
        <p className="lead">{reason}</p>
        <p>{t('RecoveryScreen.theRecoveryKeyIsOn')}</p>
        <Field
          label={t('RecoveryScreen.recoveryKey')}
          value={recoveryKey}
          onChange={(event) => setRecoveryKey(event.target.value)}
          error={errors.fields.recoveryKey}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          className="recovery-key-input"
          placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"
        />
        <FormMessage error={errors.fields.recoveryKey ? null : errors.form} />
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('RecoveryScreen.opening') : t('RecoveryScreen.openTheClinic')}
        </button>
      </form>
    </main>
  );
}
