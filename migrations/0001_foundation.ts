import type { Migration } from './types';

const ROLE_PERMISSIONS: Record<string, { label: string; permissions: string[] }> = {
  admin: {
    label: 'Administrator',
    permissions: [
      'settings:read',
      'settings:manage',
      'users:manage',
      'audit:read',
      'patients:read',
      'patients:write',
      'appointments:read',
      'appointments:write',
      'visits:write',
      'vitals:write',
      'reports:read',
      'billing:read',
      'billing:refund',
      'stock:manage',
    ],
  },
  manager: {
    label: 'Clinic manager',
    permissions: [
      'settings:read',
      'settings:manage',
      'audit:read',
      'patients:read',
      'patients:write',
      'appointments:read',
      'appointments:write',
      'visits:write',
      'reports:read',
      'billing:read',
      'billing:refund',
      'stock:manage',
    ],
  },
  receptionist: {
    label: 'Receptionist',
    permissions: [
      'settings:read',
      'patients:read',
      'patients:write',
      'appointments:read',
      'appointments:write',
      'visits:write',
      'billing:read',
    ],
  },
  nurse: {
    label: 'Nurse',
    permissions: [
      'settings:read',
      'patients:read',
      'appointments:read',
      'visits:write',
      'vitals:write',
      'stock:manage',
    ],
  },
  provider: {
    label: 'Provider',
    permissions: [
      'settings:read',
      'patients:read',
      'appointments:read',
      'visits:write',
      'vitals:write',
      'reports:read',
    ],
  },
};

export const migration0001: Migration = {
  version: 1,
  name: 'foundation',
  up(db, now) {
    db.exec(`
      CREATE TABLE clinic_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        clinic_name TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        currency TEXT NOT NULL CHECK (length(currency) = 3),
        lock_timeout_minutes INTEGER NOT NULL DEFAULT 10 CHECK (lock_timeout_minutes BETWEEN 1 AND 240),
        date_format TEXT NOT NULL DEFAULT 'YYYY-MM-DD' CHECK (date_format IN ('YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY')),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE roles (
        id TEXT PRIMARY KEY,
        label TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE role_permissions (
        role_id TEXT NOT NULL REFERENCES roles(id),
        permission TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (role_id, permission)
      ) STRICT;

      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        username TEXT NOT NULL COLLATE NOCASE UNIQUE,
        display_name TEXT NOT NULL,
        role_id TEXT NOT NULL REFERENCES roles(id),
        password_hash TEXT NOT NULL,
        password_changed_at INTEGER NOT NULL,
        disabled_at INTEGER,
        failed_login_count INTEGER NOT NULL DEFAULT 0,
        login_blocked_until INTEGER,
        last_login_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        actor_user_id TEXT,
        actor_username TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        details TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX audit_log_created_at ON audit_log (created_at);
      CREATE INDEX audit_log_actor ON audit_log (actor_username, seq);
      CREATE INDEX audit_log_action ON audit_log (action, seq);

      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
    const insertRole = db.prepare('INSERT INTO roles (id, label, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const insertPermission = db.prepare(
      'INSERT INTO role_permissions (role_id, permission, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    for (const [role, { label, permissions }] of Object.entries(ROLE_PERMISSIONS)) {
      insertRole.run(role, label, now, now);
      for (const permission of permissions) insertPermission.run(role, permission, now, now);
    }
  },
};
