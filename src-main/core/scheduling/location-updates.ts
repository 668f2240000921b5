import type { Kysely } from 'kysely';
import type { LocationSummary, RoomSummary } from '../../../src-shared/scheduling/model';
import type { UpdateLocationInput, UpdateRoomInput } from '../../../src-shared/api/areas/schedule';
import type { RemoveResult } from '../../../src-shared/scheduling/model';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { localDateOf } from '../../../src-shared/scheduling/time';
import type { Database } from '../db/schema';
import { clinicClock, nameColumn, requireLocation, requireRoom, toLocation, toRoom } from './config';
import { futureAppointments } from './config-updates';

/**
 * Changing and removing locations and rooms. Both are named by past appointments, series and visits,
 * so removing one always deactivates it (`deleted_at`): hidden from lists and refused by booking,
 * still joined to by the records. Removal is refused, naming what still uses it, while anything
 * would go on booking or seating patients there: a person moves or removes those first.
 */

type Db = Kysely<Database>;

const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export async function updateLocation(db: Db, input: UpdateLocationInput, now: number): Promise<LocationSummary> {
  const before = await requireLocation(db, input.locationId);
  if (input.name !== undefined) {
    const clash = await db
      .selectFrom('locations')
      .select('id')
      .where(nameColumn, '=', input.name)
      .where('id', '!=', before.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (clash) throw fieldError('name', `there is already a location called ${input.name}`);
  }
  await db
    .updateTable('locations')
    .set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.address !== undefined && { address: input.address }),
      updated_at: Math.max(now, before.updated_at + 1),
    })
    .where('id', '=', before.id)
    .execute();
  return toLocation(await requireLocation(db, before.id));
}

/** Names of the rooms among these that hold a patient now (roomed or with the provider). */
async function occupiedRooms(db: Db, roomIds: readonly string[]): Promise<string[]> {
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

/** Active providers' names, once each, in order. */
async function providerNames(db: Db, providerIds: readonly string[]): Promise<string[]> {
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

/** What would go on using the location after it is gone, as phrases for the refusal (empty: nothing). */
async function locationUses(db: Db, locationId: string, roomIds: readonly string[], today: string, now: number) {
  const [upcoming, templates, extraHours, defaults, occupied] = await Promise.all([
    futureAppointments(db, 'location_id', locationId, now),
    db
      .selectFrom('availability_templates')
      .select('provider_id')
      .where('location_id', '=', locationId)
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
      .execute(),
    db
      .selectFrom('availability_exceptions')
      .select('provider_id')
      .where('location_id', '=', locationId)
      .where('kind', '=', 'extra_hours')
      .where('deleted_at', 'is', null)
      .where('end_date', '>=', today)
      .execute(),
    db
      .selectFrom('providers')
      .select('id')
      .where('default_location_id', '=', locationId)
      .where('deleted_at', 'is', null)
      .execute(),
    occupiedRooms(db, roomIds),
  ]);
  const [hoursOf, extraOf, defaultOf] = await Promise.all([
    providerNames(
      db,
      templates.map((row) => row.provider_id),
    ),
    providerNames(
      db,
      extraHours.map((row) => row.provider_id),
    ),
    providerNames(
      db,
      defaults.map((row) => row.id),
    ),
  ]);
  const uses = [
    upcoming > 0 && counted(upcoming, 'upcoming appointment'),
    hoursOf.length > 0 && `weekly hours of ${hoursOf.join(', ')}`,
    extraOf.length > 0 && `extra hours of ${extraOf.join(', ')}`,
    defaultOf.length > 0 && `default location of ${defaultOf.join(', ')}`,
    occupied.length > 0 && `a patient in ${occupied.join(', ')} now`,
  ].filter((use): use is string => use !== false);
  return {
    uses,
    details: {
      upcoming,
      weeklyHours: hoursOf,
      extraHours: extraOf,
      defaultLocationOf: defaultOf,
      occupiedRooms: occupied,
    },
  };
}

/**
 * Refused while appointments ahead, weekly or extra hours, a provider's default or a patient in one of
 * its rooms still use it. Its rooms go with it, and so do holidays and time off from today on that
 * applied to it alone (they only took away hours there).
 */
export async function removeLocation(db: Db, locationId: string, now: number): Promise<RemoveResult> {
  const location = await requireLocation(db, locationId);
  const today = localDateOf((await clinicClock(db)).timeZone, now);
  const rooms = await db
    .selectFrom('rooms')
    .select('id')
    .where('location_id', '=', location.id)
    .where('deleted_at', 'is', null)
    .execute();
  const roomIds = rooms.map((room) => room.id);
  const { uses, details } = await locationUses(db, location.id, roomIds, today, now);
  if (uses.length > 0)
    throw new ApiError(
      'CONFLICT',
      `${location.name} is still in use: ${uses.join('; ')}. Move or remove these first.`,
      details,
    );

  const ended = { deleted_at: now, updated_at: now };
  if (roomIds.length > 0) await db.updateTable('rooms').set(ended).where('id', 'in', roomIds).execute();
  const holidays = await db
    .updateTable('clinic_holidays')
    .set(ended)
    .where('location_id', '=', location.id)
    .where('deleted_at', 'is', null)
    .where('date', '>=', today)
    .executeTakeFirst();
  await db
    .updateTable('availability_exceptions')
    .set(ended)
    .where('location_id', '=', location.id)
    .where('deleted_at', 'is', null)
    .where('end_date', '>=', today)
    .execute();
  await db
    .updateTable('locations')
    .set({ deleted_at: now, updated_at: Math.max(now, location.updated_at + 1) })
    .where('id', '=', location.id)
    .execute();
  const holidayCount = Number(holidays.numUpdatedRows);
  const along = [
    roomIds.length > 0 && `its ${counted(roomIds.length, 'room')}`,
    holidayCount > 0 && counted(holidayCount, 'holiday'),
  ]
    .filter(Boolean)
    .join(' and ');
  return {
    outcome: 'deactivated',
    message: `${location.name} is removed${along ? ` with ${along}` : ''}; past appointments keep its name.`,
  };
}

export async function updateRoom(db: Db, input: UpdateRoomInput, now: number): Promise<RoomSummary> {
  const before = await requireRoom(db, input.roomId);
  const clash = await db
    .selectFrom('rooms')
    .select('id')
    .where('location_id', '=', before.location_id)
    .where(nameColumn, '=', input.name)
    .where('id', '!=', before.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (clash) throw fieldError('name', `this location already has a room called ${input.name}`);
  await db
    .updateTable('rooms')
    .set({ name: input.name, updated_at: Math.max(now, before.updated_at + 1) })
    .where('id', '=', before.id)
    .execute();
  return toRoom(await requireRoom(db, before.id));
}

/** Refused while appointments ahead are booked in it or a patient is in it now. */
export async function removeRoom(db: Db, roomId: string, now: number): Promise<RemoveResult> {
  const room = await requireRoom(db, roomId);
  const upcoming = await futureAppointments(db, 'room_id', room.id, now);
  if (upcoming > 0) {
    throw new ApiError(
      'CONFLICT',
      `${room.name} still has ${counted(upcoming, 'upcoming appointment')}: move or cancel them first.`,
      { upcoming },
    );
  }
  if ((await occupiedRooms(db, [room.id])).length > 0)
    throw new ApiError('CONFLICT', `A patient is in ${room.name} now: move them out of it first.`);
  await db
    .updateTable('rooms')
    .set({ deleted_at: now, updated_at: Math.max(now, room.updated_at + 1) })
    .where('id', '=', room.id)
    .execute();
  return { outcome: 'deactivated', message: `${room.name} is removed; past appointments keep its name.` };
}
