import type { Kysely } from 'kysely';
import type { UserSummary } from '../../../src-shared/api/areas/users';
import { isPermission, type Permission, type Role } from '../../../src-shared/api/permissions';
import type { Database, NewUser, UserRow, UserUpdate } from '../db/schema';
import type { ReadDb } from '../db/handles';

export function findUserByUsername(db: Kysely<Database>, username: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function findUserById(db: ReadDb, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countUsers(db: ReadDb): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countActiveAdmins(db: ReadDb): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role_id', '=', 'admin')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function listUsers(db: ReadDb): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('display_name').execute();
}

export async function insertUser(db: Kysely<Database>, user: NewUser): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

export async function updateUser(db: Kysely<Database>, id: string, changes: UserUpdate): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function permissionsOf(db: ReadDb, role: Role): Promise<Set<Permission>> {
  const rows = await db.selectFrom('role_permissions').select('permission').where('role_id', '=', role).execute();
  return new Set(rows.map((row) => row.permission).filter(isPermission));
}

export function toUserSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role_id as Role,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    failedSignIns: row.failed_login_count,
    signInBlockedUntil: row.login_blocked_until,
  };
}
