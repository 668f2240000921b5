import { sql, type Kysely } from 'kysely';
import type { Database, LocationRow, RoomRow } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';

/**
 * The SQL of the clinic's locations and their rooms. Nothing a record names is deleted: removing a
 * location or room ends it (`deleted_at`).
 */

type Db = Kysely<Database>;

/** Names are unique without regard to case, as the unique indexes say. */
export const nameColumn = sql<string>`name COLLATE NOCASE`;

const liveLocationById = preparedRead((db, v: { id: string }) =>
  db.selectFrom('locations').selectAll().where('id', '=', v.id).where('deleted_at', 'is', null),
);

/** A live location (every booking asks: compiled once). */
export async function findLocation(db: ReadDb, id: string): Promise<LocationRow | undefined> {
  return (await liveLocationById(db, { id }))[0];
}

export function liveLocations(db: ReadDb): Promise<LocationRow[]> {
  return db.selectFrom('locations').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
}

/** Another live location of this name (`exceptId`: the one being renamed), if any. */
export async function locationNamed(db: ReadDb, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('locations').select('id').where(nameColumn, '=', name).where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** The clinic's one location, when it has exactly one. */
export async function onlyLocationId(db: ReadDb): Promise<string | undefined> {
  const rows = await db.selectFrom('locations').select('id').where('deleted_at', 'is', null).limit(2).execute();
  return rows.length === 1 ? rows[0]?.id : undefined;
}

export async function insertLocation(db: Db, row: LocationRow): Promise<void> {
  await db.insertInto('locations').values(row).execute();
}

export async function updateLocationRow(
  db: Db,
  id: string,
  changes: { name?: string; address?: string | null; updated_at: number },
): Promise<void> {
  await db.updateTable('locations').set(changes).where('id', '=', id).execute();
}

export async function endLocation(db: Db, id: string, now: number, updatedAt: number): Promise<void> {
  await db.updateTable('locations').set({ deleted_at: now, updated_at: updatedAt }).where('id', '=', id).execute();
}

export function findRoom(db: ReadDb, id: string): Promise<RoomRow | undefined> {
  return db.selectFrom('rooms').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export function liveRooms(db: ReadDb, locationId?: string): Promise<RoomRow[]> {
  let query = db.selectFrom('rooms').selectAll().where('deleted_at', 'is', null).orderBy('location_id').orderBy('name');
  if (locationId) query = query.where('location_id', '=', locationId);
  return query.execute();
}

/** Another live room of this name at the location (`exceptId`: the one being renamed), if any. */
export async function roomNamed(db: ReadDb, locationId: string, name: string, exceptId?: string): Promise<boolean> {
  let query = db
    .selectFrom('rooms')
    .select('id')
    .where('location_id', '=', locationId)
    .where(nameColumn, '=', name)
    .where('deleted_at', 'is', null);
  if (exceptId) query = query.where('id', '!=', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** Names of the rooms among these that hold a patient now (roomed or with the provider). */
export async function occupiedRooms(db: ReadDb, roomIds: readonly string[]): Promise<string[]> {
  if (roomIds.length === 0) return [];
  const rows = await db
    .selectFrom('visits')
    .innerJoin('rooms', 'rooms.id', 'visits.room_id')
    .select('rooms.name')
    .where('visits.room_id', 'in', [...roomIds])
    .where('visits.status', 'in', ['roomed', 'with_provider'])
    .where('visits.deleted_at', 'is', null)
    .orderBy('rooms.name')
    .execute();
  return rows.map((row) => row.name);
}

export async function insertRoom(db: Db, row: RoomRow): Promise<void> {
  await db.insertInto('rooms').values(row).execute();
}

export async function renameRoom(db: Db, id: string, name: string, updatedAt: number): Promise<void> {
  await db.updateTable('rooms').set({ name, updated_at: updatedAt }).where('id', '=', id).execute();
}

export async function endRooms(db: Db, ids: readonly string[], now: number, updatedAt = now): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('rooms')
    .set({ deleted_at: now, updated_at: updatedAt })
    .where('id', 'in', [...ids])
    .execute();
}

/** Every location's name by id, removed ones too (a slot may be at one that has ended since). */
export function allLocationNames(db: ReadDb): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('locations').select(['id', 'name']).execute();
}
