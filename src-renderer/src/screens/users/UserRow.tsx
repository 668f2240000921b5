import { useState } from 'react';
import type { UserSummary } from '../../../../src-shared/api/areas/users';
import type { Result } from '../../../../src-shared/api/errors';
import { call } from '../../api';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useUsers } from '../../stores/users';
import { ChangeRole } from './ChangeRole';
import { ResetPasswordForm } from './ResetPasswordForm';

export function UserRow({ user }: { user: UserSummary }) {
  const replace = useUsers((state) => state.replace);
  const clock = useClinicClock();
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [resetting, setResetting] = useState(false);

  async function apply(pending: Promise<Result<UserSummary>>, done: (user: UserSummary) => string) {
    setError(null);
    setNote(null);
    const answer = await pending;
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    replace(answer.value);
    setNote(done(answer.value));
  }

  const toggle = user.disabled ? 'Enable' : 'Disable';

  return (
    <>
      <tr className={user.disabled ? 'user-disabled' : undefined}>
        <th scope="row">{user.displayName}</th>
        <td className="mono">{user.username}</td>
        <td>
          <ChangeRole
            user={user}
            onChange={(role) =>
              void apply(
                call('users.changeRole', { userId: user.id, role }),
                (updated) => `${updated.displayName} is now ${updated.role}.`,
              )
            }
          />
        </td>
        <td>
          <span className={`badge ${user.disabled ? 'badge-denied' : 'badge-ok'}`}>
            {user.disabled ? 'Disabled' : 'Active'}
          </span>
          {user.signInBlockedUntil !== null && (
            <span className="badge badge-denied">Sign-in locked after {user.failedSignIns} wrong passwords</span>
          )}
        </td>
        <td className="nowrap">{user.lastLoginAt === null ? 'Never' : formatDateTime(user.lastLoginAt, clock)}</td>
        <td>
          <div className="row-actions">
            <button
              type="button"
              aria-label={`${toggle} ${user.displayName}`}
              onClick={() =>
                void apply(
                  call('users.setDisabled', { userId: user.id, disabled: !user.disabled }),
                  (updated) => `${updated.displayName} ${updated.disabled ? 'disabled' : 'enabled'}.`,
                )
              }
            >
              {toggle}
            </button>
            <button
              type="button"
              aria-label={`Reset password of ${user.displayName}`}
              aria-expanded={resetting}
              onClick={() => setResetting(!resetting)}
            >
              Reset password
            </button>
            {user.signInBlockedUntil !== null && (
              <button
                type="button"
                aria-label={`Clear the sign-in lock of ${user.displayName}`}
                onClick={() =>
                  void apply(
                    call('users.clearLock', { userId: user.id }),
                    (updated) => `${updated.displayName} can sign in again.`,
                  )
                }
              >
                Clear sign-in lock
              </button>
            )}
          </div>
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
                replace(updated);
                setResetting(false);
                setError(null);
                setNote(`Password reset for ${updated.displayName}.`);
              }}
            />
          </td>
        </tr>
      )}
    </>
  );
}
