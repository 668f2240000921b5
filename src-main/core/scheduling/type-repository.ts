import type { Kysely, Updateable } from 'kysely';
import type { AppointmentTypeRow, Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';
import { nameColumn } from './location-repository';

/** The SQL of appointment types and the providers each is limited to (`appointment_type_providers`). */

type Db = Kysely<Database>;

const typeById = preparedRead((db, v: { id: string }) =>
  db.selectFrom('appointment_types').selectAll().where('id', '=', v.id).where('deleted_at', 'is', null),
);

export async function findType(db: ReadDb, id: string): Promise<AppointmentTypeRow | undefined> {
  return (await typeById(db, { id }))[0];
}

const providersOfType = preparedRead((db, v: { typeId: string }) =>
  db.selectFrom('appointment_type_providers').select('provider_id').where('type_id', '=', v.typeId),
);

/** The providers a type is limited to (none: any provider); every booking asks. */
export async function typeProviderIds(db: ReadDb, typeId: string): Promise<string[]> {
  return (await providersOfType(db, { typeId })).map((row) => row.provider_id);
}

export function liveTypes(db: ReadDb): Promise<AppointmentTypeRow[]> {
  return db.selectFrom('appointment_types').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
}

export function allTypeLinks(db: ReadDb): Promise<{ type_id: string; provider_id: string }[]> {
  return db.selectFrom('appointment_type_providers').select(['type_id', 'provider_id']).execute();
}

/** Another live type of this name (`exceptId`: the one being renamed), if any. */
export async function typeNamed(db: ReadDb, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('appointment_types')
    .select('id')
    .where(nameColumn, '=', name)
    .where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertType(db: Db, row: AppointmentTypeRow): Promise<void> {
  await db.insertInto('appointment_types').values(row).execute();
}

export async function updateTypeRow(
  db: Db,
  id: string,
  changes: Updateable<Database['appointment_types']>,
): Promise<void> {
  await db.updateTable('appointment_types').set(changes).where('id', '=', id).execute();
}

/** Links the type to these providers (none: any provider sees it). */
export async function insertTypeLinks(db: Db, typeId: string, providerIds: readonly string[], now: number) {
  if (providerIds.length === 0) return;
  await db
    .insertInto('appointment_type_providers')
    .values(
      providerIds.map((providerId) => ({
        type_id: typeId,
        provider_id: providerId,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export async function deleteTypeLinks(db: Db, typeId: string): Promise<void> {
  await db.deleteFrom('appointment_type_providers').where('type_id', '=', typeId).execute();
}

export async function deleteType(db: Db, id: string): Promise<void> {
  await db.deleteFrom('appointment_type_providers').where('type_id', '=', id).execute();
  await db.deleteFrom('appointment_types').where('id', '=', id).execute();
}
