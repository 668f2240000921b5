import { useId, useState, type SyntheticEvent } from 'react';
import type { UserSummary } from '../../../../src-shared/api/areas/users';
import { call } from '../../api';

interface ResetPasswordFormProps {
  user: UserSummary;
  onDone: (updated: UserSummary) => void;
  onCancel: () => void;
}

/** A small inline form in the user's row: the new password, then save or cancel. */
export function ResetPasswordForm({ user, onDone, onCancel }: ResetPasswordFormProps) {
  const id = useId();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const result = await call('users.resetPassword', { userId: user.id, password });
    setBusy(false);
    if (!result.ok) {
      setError(result.error.details?.fields?.password ?? result.error.message);
      return;
    }
    onDone(result.value);
  }

  return (
    <form
      className="inline-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-label={`Reset password of ${user.displayName}`}
    >
      <label htmlFor={id}>New password for {user.displayName}</label>
      <input
        id={id}
        type="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
        }}
        autoComplete="new-password"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        autoFocus
      />
      <button type="submit" className="primary" disabled={busy}>
        Save password
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </form>
  );
}
