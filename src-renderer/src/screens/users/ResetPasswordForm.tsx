import { useId, useState, type SyntheticEvent } from 'react';
import type { UserSummary } from '../../../../src-shared/api/areas/users';
import { call } from '../../api';
import { useTranslation } from '../../i18n';

interface ResetPasswordFormProps {
  user: UserSummary;
  onDone: (updated: UserSummary) => void;
  onCancel: () => void;
}

/** A small inline form in the user's row: the new password, then save or cancel. */
export function ResetPasswordForm({ user, onDone, onCancel }: ResetPasswordFormProps) {
  const { t } = useTranslation('users');
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
      aria-label={t('ResetPasswordForm.resetPasswordOf', { displayName: user.displayName })}
    >
      <label htmlFor={id}>{t('ResetPasswordForm.newPasswordFor', { displayName: user.displayName })}</label>
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
        {t('ResetPasswordForm.savePassword')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('ResetPasswordForm.cancel')}
      </button>
      {error && (
        <small id={`${id}-error`} className="field-error">
          {error}
        </small>
      )}
    </form>
  );
}
