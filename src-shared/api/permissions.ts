/**
 * Named permissions. Roles map to sets of them in the database (migrations seed the defaults);
 * this list is what procedures may ask for.
 */
export const PERMISSIONS = [
  'settings:read',
  'settings:manage',
  'users:manage',
  'audit:read',
  'patients:read',
  'patients:write',
  'patients:merge',
  'appointments:read',
  'appointments:write',
  'visits:write',
  'vitals:write',
  'reports:read',
  'billing:read',
  'billing:write',
  'billing:refund',
  'billing:adjust',
  'billing:close',
  'billing:claims',
  'stock:manage',
  'stock:read',
  'stock:dispense',
  'stock:receive',
  'stock:adjust',
  'stock:count:approve',
  'stock:order',
  'reminders:manage',
  'backups:manage',
  'tasks:read',
  'tasks:team',
  'tasks:all',
  'comms:write',
  'referrals:manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['admin', 'manager', 'receptionist', 'nurse', 'provider'] as const;
export type Role = (typeof ROLES)[number];

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
