import './backups.css';
import { useState, type SyntheticEvent } from 'react';
import { call } from '../../api';
import { Field } from '../../components/Field';
import { FormMessage } from '../../components/FormMessage';
import { useFormErrors } from '../../hooks/useFormErrors';
import { useSession } from '../../stores/session';

/**
 * Start-up when the host could not get the database key (keychain reset, key file lost) but the
 * clinic's recovery envelope is there: the recovery sheet's key opens the clinic, and the host keeps
 * the key again its usual way. Then sign in as always.
 */
export function RecoveryScreen() {
  const reason = useSession((state) => state.recoveryReason);
  const refresh = useSession((state) => state.refresh);
  const [recoveryKey, setRecoveryKey] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, show, clear } = useFormErrors({ recoveryKey });

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    clear();
    setBusy(true);
    const result = await call('system.recover', { recoveryKey });
    setBusy(false);
    if (!result.ok) return show(result.error, ['recoveryKey']);
    await refresh();
  }

  return (
    <main className="centered">
      <form
        className="card wide"
        aria-label="Open with the recovery key"
        onSubmit={(event) => void submit(event)}
        noValidate
      >
        <h1>Open with the recovery key</h1>
        <p className="lead">{reason}</p>
        <p>
          The recovery key is on the clinic&rsquo;s recovery sheet, printed when Front Desk was set up (or when an
          administrator last made a new one): eight groups of four letters and digits. Capitals, spaces and dashes do
          not matter.
        </p>
        <Field
          label="Recovery key"
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
          {busy ? 'Opening…' : 'Open the clinic'}
        </button>
      </form>
    </main>
  );
}
