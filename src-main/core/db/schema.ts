import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Instants are epoch milliseconds (UTC) throughout the schema. */
type EpochMs = number;

export interface ClinicSettingsTable {
  id: number;
  clinic_name: string;
  time_zone: string;
  currency: string;
  lock_timeout_minutes: Generated<number>;
  date_format: Generated<string>;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface RolesTable {
  id: string;
  label: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface RolePermissionsTable {
  role_id: string;
  permission: string;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role_id: string;
  password_hash: string;
  password_changed_at: EpochMs;
  disabled_at: EpochMs | null;
  failed_login_count: Generated<number>;
  login_blocked_until: EpochMs | null;
  last_login_at: EpochMs | null;
  created_at: EpochMs;
  updated_at: EpochMs;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  created_at: EpochMs;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: 'ok' | 'denied' | 'failed';
  details: string | null;
  prev_hash: string;
  hash: string;
}

export interface SchemaMigrationsTable {
  version: number;
  name: string;
  applied_at: EpochMs;
}

export interface Database {
  clinic_settings: ClinicSettingsTable;
  roles: RolesTable;
  role_permissions: RolePermissionsTable;
  users: UsersTable;
  audit_log: AuditLogTable;
  schema_migrations: SchemaMigrationsTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type ClinicSettingsRow = Selectable<ClinicSettingsTable>;
