import type { Kysely, Updateable } from 'kysely';
import type { Database, ProviderRow } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';

/** The SQL of providers, and of the staff accounts a provider may be linked to. */

type Db = Kysely<Database>;

const liveProviderById = preparedRead((db, v: { id: string }) =>
  db.selectFrom('providers').selectAll().where('id', '=', v.id).where('deleted_at', 'is', null),
);

/** A live provider (every booking asks: compiled once). */
export async function findProvider(db: ReadDb, id: string): Promise<ProviderRow | undefined> {
  return (await liveProviderById(db, { id }))[0];
}

export function activeProviderRows(db: ReadDb): Promise<ProviderRow[]> {
  return db
    .selectFrom('providers')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

/** Active providers' names, once each, in order. */
export async function providerNames(db: ReadDb, providerIds: readonly string[]): Promise<string[]> {
  if (providerIds.length === 0) return [];
  const rows = await db
    .selectFrom('providers')
    .select('display_name')
    .where('id', 'in', [...new Set(providerIds)])
    .where('deleted_at', 'is', null)
    .orderBy('display_name')
    .execute();
  return rows.map((row) => row.display_name);
}

/** Active providers whose default location this is. */
export async function providersDefaultingTo(db: ReadDb, locationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('providers')
    .select('id')
    .where('default_location_id', '=', locationId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}

export function findUserForLink(db: ReadDb, userId: string) {
  return db.selectFrom('users').select(['id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
}

/** The active provider (other than `exceptId`) already linked to this account, if any. */
export function providerOfUser(db: ReadDb, userId: string, exceptId?: string) {
  let taken = db
    .selectFrom('providers')
    .select('display_name')
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null);
  if (exceptId) taken = taken.where('id', '!=', exceptId);
  return taken.executeTakeFirst();
}

/** Active staff accounts, their role's label and the provider each is linked to. */
export function staffRows(db: ReadDb) {
  return db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('providers', (join) =>
      join.onRef('providers.user_id', '=', 'users.id').on('providers.deleted_at', 'is', null),
    )
    .select(['users.id', 'users.display_name', 'roles.label as role', 'providers.id as provider_id'])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.display_name')
    .execute();
}

export async function insertProvider(db: Db, row: ProviderRow): Promise<void> {
  await db.insertInto('providers').values(row).execute();
}

export async function updateProviderRow(db: Db, id: string, changes: Updateable<Database['providers']>): Promise<void> {
  await db.updateTable('providers').set(changes).where('id', '=', id).execute();
}

/** Ends a provider still named by records, with their weekly hours. */
export async function deactivateProvider(db: Db, id: string, now: number, updatedAt: number): Promise<void> {
  await db.updateTable('providers').set({ deleted_at: now, updated_at: updatedAt }).where('id', '=', id).execute();
  await db
    .updateTable('availability_templates')
    .set({ deleted_at: now, updated_at: now })
    .where('provider_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Deletes a provider no record names, with their hours, time off and type links. */
export async function deleteProvider(db: Db, id: string): Promise<void> {
  await db.deleteFrom('availability_templates').where('provider_id', '=', id).execute();
  await db.deleteFrom('availability_exceptions').where('provider_id', '=', id).execute();
  await db.deleteFrom('appointment_type_providers').where('provider_id', '=', id).execute();
  await db.deleteFrom('providers').where('id', '=', id).execute();
}
