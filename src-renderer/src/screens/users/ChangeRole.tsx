import { useState } from 'react';
import type { UserSummary } from '../../../../src-shared/api/areas/users';
import { ROLES, type Role } from '../../../../src-shared/api/permissions';
import { ROLE_OPTIONS } from './roles';
import { useTranslation } from '../../i18n';

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** The role select and its button; the button wakes when a different role is chosen. */
export function ChangeRole({ user, onChange }: { user: UserSummary; onChange: (role: Role) => void }) {
  const { t } = useTranslation('users');
  const [role, setRole] = useState<Role>(user.role);
  const [shownRole, setShownRole] = useState<Role>(user.role);
  // Follow the row when the role changed elsewhere (another desk, or this button).
  if (shownRole !== user.role) {
    setShownRole(user.role);
    setRole(user.role);
  }
  return (
    <div className="role-cell">
      <label className="visually-hidden" htmlFor={`role-${user.id}`}>
        {t('ChangeRole.roleOf', { displayName: user.displayName })}
      </label>
      <select
        id={`role-${user.id}`}
        value={role}
        onChange={(event) => {
          if (isRole(event.target.value)) setRole(event.target.value);
        }}
      >
        {ROLE_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={role === user.role}
        aria-label={t('ChangeRole.changeRoleOf', { displayName: user.displayName })}
        onClick={() => onChange(role)}
      >
        {t('ChangeRole.changeRole')}
      </button>
    </div>
  );
}
