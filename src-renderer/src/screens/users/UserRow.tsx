import { useState, type SyntheticEvent } from 'react';
import type { UserSummary } from '../../../../src-shared/api/areas/users';
import type { Role } from '../../../../src-shared/api/permissions';
import { call } from '../../api';
import { useUsers } from '../../stores/users';
import { ROLE_OPTIONS } from './roles';

const formatTime = (ms: number | null) => (ms === null ? 'Never' : new Date(ms).toLocaleString());

export function UserRow({ user }: { user: UserSummary }) {
  const replace = useUsers((state) => state.replace);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [role, setRole] = useState<Role>(user.role);
  const [resetting, setResetting] = useState(false);
  const [password, setPassword] = useState('');

  async function apply(result: Promise<{ ok: true; value: UserSummary } | { ok: false; error: { message: string } }>, done: string) {
    setError(null);
    setNote(null);
    const answer = await result;
    if (!answer.ok) return setError(answer.error.message);
    replace(answer.value);
    setNote(done);
  }

  async function resetPassword(event: SyntheticEvent) {
    event.preventDefault();
    await apply(call('users.resetPassword', { userId: user.id, password }), `Password reset for ${user.displayName}.`);
    setPassword('');
    setResetting(false);
  }

  return (
    <tr>
      <td>{user.displayName}</td>
      <td>{user.username}</td>
      <td>
        <label className="visually-hidden" htmlFor={`role-${user.id}`}>
          Role of {user.displayName}
        </label>
        <select id={`role-${user.id}`} value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLE_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>{' '}
        <button type="button" disabled={role === user.role} aria-label={`Change role of ${user.displayName}`} onClick={() => void apply(call('users.changeRole', { userId: user.id, role }), `${user.displayName} is now ${role}.`)}>
          Change role
        </button>
      </td>
      <td>{user.disabled ? 'Disabled' : 'Active'}</td>
      <td>{formatTime(user.lastLoginAt)}</td>
      <td>
        <div className="row-actions">
        <button
          type="button"
          aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.displayName}`}
          onClick={() => void apply(call('users.setDisabled', { userId: user.id, disabled: !user.disabled }), `${user.displayName} ${user.disabled ? 'enabled' : 'disabled'}.`)}
        >
          {user.disabled ? 'Enable' : 'Disable'}
        </button>
        {resetting ? (
          <form className="inline-form" onSubmit={(event) => void resetPassword(event)}>
            <label htmlFor={`password-${user.id}`}>New password for {user.displayName}</label>
            <input id={`password-${user.id}`} type="password" value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="new-password" autoFocus />
            <button type="submit">Save password</button>
            <button type="button" onClick={() => setResetting(false)}>
              Cancel
            </button>
          </form>
        ) : (
          <button type="button" aria-label={`Reset password of ${user.displayName}`} onClick={() => setResetting(true)}>
            Reset password
          </button>
        )}
        {error && (
          <p role="alert" className="field-error">
            {error}
          </p>
        )}
        {note && (
          <p role="status" className="form-success">
            {note}
          </p>
        )}
        </div>
      </td>
    </tr>
  );
}
