import { ROLES } from '../../../../src-shared/api/permissions';

export const ROLE_OPTIONS = ROLES.map((role) => ({
  value: role,
  label: `${role.charAt(0).toUpperCase()}${role.slice(1)}`,
}));

/** A role as the role select shows it ("Receptionist"). */
export const roleLabel = (role: string): string => ROLE_OPTIONS.find((option) => option.value === role)?.label ?? role;
