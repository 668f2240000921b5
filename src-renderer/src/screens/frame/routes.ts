import type { Permission } from '../../../../src-shared/api/permissions';

export interface RouteDef {
  path: string;
  label: string;
  permission: Permission | null;
}

/** The areas that exist today, and who may open each. */
export const ROUTES: readonly RouteDef[] = [
  { path: '', label: 'Home', permission: null },
  { path: 'settings', label: 'Settings', permission: 'settings:manage' },
  { path: 'users', label: 'Users', permission: 'users:manage' },
  { path: 'audit', label: 'Audit log', permission: 'audit:read' },
];
