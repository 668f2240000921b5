import { ROLES } from '../../../../src-shared/api/permissions';

export const ROLE_OPTIONS = ROLES.map((role) => ({
  value: role,
  label: `${role.charAt(0).toUpperCase()}${role.slice(1)}`,
}));
