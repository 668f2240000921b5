import { useId, useState, type SyntheticEvent } from 'react';
import type { UserSummary } from '../../../../src-shared/api/areas/users';
import { call } from '../../api';
import { correctTheFields, draftProblems, useFormErrors } from '../../hooks/useFormErrors';
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
  const [busy, setBusy] = useState(false);
  const input = { userId: user.id, password };
  const errors = useFormErrors({ password }, () => draftProblems('users.resetPassword', input));
  // One line in a table row: the password's own problem, else what else went wrong (never "see above").
  const error =
    errors.errors.fields.password ?? (errors.errors.form === correctTheFields() ? null : errors.errors.form);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    errors.clear();
    const local = draftProblems('users.resetPassword', input);
    if (Object.keys(local).length > 0) return errors.showProblems(local, ['password']);
    setBusy(true);
    const result = await call('users.resetPassword', input);
    setBusy(false);
    if (!result.ok) return errors.show(result.error, ['password']);
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
