import { useState } from 'react';
import type { UserSummary } from '../../../../src-shared/api/areas/users';
import type { Result } from '../../../../src-shared/api/errors';
import { call } from '../../api';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { ChangeRole } from './ChangeRole';
import { ResetPasswordForm } from './ResetPasswordForm';
import { roleLabel } from './roles';
import { useTranslation } from '../../i18n';

export function UserRow({ user, onSaved }: { user: UserSummary; onSaved: () => void }) {
  const { t } = useTranslation('users');
  const clock = useClinicClock();
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);
  // Disabling signs the person out and keeps them out: asked in the row first. Enabling is not.
  const [confirmingDisable, setConfirmingDisable] = useState(false);

  async function apply(pending: Promise<Result<UserSummary>>, done: (user: UserSummary) => string) {
    setError(null);
    setNote(null);
    const answer = await pending;
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    onSaved();
    setNote(done(answer.value));
  }

  const toggle = user.disabled ? t('UserRow.enable') : t('UserRow.disable');
  // Main refuses to disable the account in use; the button is not offered for it.
  const isSelf = useSession((state) => state.session?.user.id === user.id);

  return (
    <>
      <tr className={user.disabled ? 'user-disabled' : undefined}>
        <th scope="row">{user.displayName}</th>
        <td className="mono">{user.username}</td>
        <td>
          <ChangeRole
            user={user}
            onChange={(role) =>
              void apply(call('users.changeRole', { userId: user.id, role }), (updated) =>
                t('UserRow.isNow', { displayName: updated.displayName, role: roleLabel(updated.role) }),
              )
            }
          />
        </td>
        <td>
          <span className={`badge ${user.disabled ? 'badge-denied' : 'badge-ok'}`}>
            {user.disabled ? t('UserRow.disabled') : t('UserRow.active')}
          </span>
          {user.signInBlockedUntil !== null && (
            <span className="badge badge-denied">
              {t('UserRow.signInLockedAfterWrong', { failedSignIns: user.failedSignIns })}
            </span>
          )}
        </td>
        <td className="nowrap">
          {user.lastLoginAt === null ? t('UserRow.never') : formatDateTime(user.lastLoginAt, clock)}
        </td>
        <td>
          <div className="row-actions">
            {!isSelf && !confirmingDisable && (
              <button
                type="button"
                aria-label={
                  user.disabled
                    ? t('UserRow.enableUser', { displayName: user.displayName })
                    : t('UserRow.disableUser', { displayName: user.displayName })
                }
                onClick={() => {
                  if (!user.disabled) {
                    setNote(null);
                    setConfirmingDisable(true);
                    return;
                  }
                  void apply(call('users.setDisabled', { userId: user.id, disabled: false }), (updated) =>
                    t('UserRow.wasEnabled', { displayName: updated.displayName }),
                  );
                }}
              >
                {toggle}
              </button>
            )}
            <button
              type="button"
              aria-label={t('UserRow.resetPasswordOf', { displayName: user.displayName })}
              aria-expanded={resetting}
              onClick={() => setResetting(!resetting)}
            >
              {t('UserRow.resetPassword')}
            </button>
            {user.signInBlockedUntil !== null && (
              <button
                type="button"
                aria-label={t('UserRow.clearTheSignInLock', { displayName: user.displayName })}
                onClick={() =>
                  void apply(call('users.clearLock', { userId: user.id }), (updated) =>
                    t('UserRow.canSignInAgain', { displayName: updated.displayName }),
                  )
                }
              >
                {t('UserRow.clearSignInLock')}
              </button>
            )}
          </div>
          {confirmingDisable && (
            <div role="group" aria-label={t('UserRow.confirmDisableLabel', { displayName: user.displayName })}>
              <p>{t('UserRow.confirmDisableText', { displayName: user.displayName })}</p>
              <div className="row-actions">
                <button
                  type="button"
                  className="danger"
                  autoFocus
                  onClick={() => {
                    setConfirmingDisable(false);
                    void apply(call('users.setDisabled', { userId: user.id, disabled: true }), (updated) =>
                      t('UserRow.wasDisabled', { displayName: updated.displayName }),
                    );
                  }}
                >
                  {t('UserRow.yesDisable')}
                </button>
                <button type="button" onClick={() => setConfirmingDisable(false)}>
                  {t('UserRow.cancel')}
                </button>
              </div>
            </div>
          )}
          {error && (
            <p role="alert" className="row-message field-error">
              {error}
            </p>
          )}
          {note && (
            <p role="status" className="row-message form-success">
              {note}
            </p>
          )}
        </td>
      </tr>
      {resetting && (
        <tr className="subrow">
          <td colSpan={6}>
            <ResetPasswordForm
              user={user}
              onCancel={() => setResetting(false)}
              onDone={(updated) => {
                onSaved();
                setResetting(false);
                setError(null);
                setNote(t('UserRow.passwordResetFor', { displayName: updated.displayName }));
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
