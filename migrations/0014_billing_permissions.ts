import type { Migration } from './types';

/**
 * Billing's permissions for the roles: receptionists take payments, build and issue invoices and
 * count their drawer (read, write, close); managers and administrators also refund, adjust (write
 * off) and work the claims. Nurses and providers get none: what a patient owes is not theirs to see.
 * `billing:read` and `billing:refund` existed before (migration 0001) and are kept where they were.
 */
const GRANTS: Record<string, string[]> = {
  admin: ['billing:read', 'billing:write', 'billing:refund', 'billing:adjust', 'billing:close', 'billing:claims'],
  manager: ['billing:read', 'billing:write', 'billing:refund', 'billing:adjust', 'billing:close', 'billing:claims'],
  receptionist: ['billing:read', 'billing:write', 'billing:close'],
};

export const migration0014: Migration = {
  version: 14,
  name: 'billing_permissions',
  up(db, now) {
    const grant = db.prepare(
      'INSERT OR IGNORE INTO role_permissions (role_id, permission, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    for (const [role, permissions] of Object.entries(GRANTS)) {
      for (const permission of permissions) grant.run(role, permission, now, now);
    }
  },
};
