import type { Kysely } from 'kysely';
import type { LocationSummary, RemoveResult, RoomSummary } from '../../../src-shared/scheduling/model';
import type { UpdateLocationInput, UpdateRoomInput } from '../../../src-shared/api/areas/schedule';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { localDateOf } from '../../../src-shared/scheduling/time';
import type { Database, LocationRow, RoomRow } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { newId } from '../ids';
import { futureAppointments } from './appointment-repository';
import { endLocationRules, providersWithExtraHoursAt, providersWithHoursAt } from './availability-repository';
import { clinicClock, requireLocation, requireRoom, toLocation, toRoom } from './config';
import {
  endLocation,
  endRooms,
  insertLocation,
  insertRoom,
  liveLocations,
  liveRooms,
  locationNamed,
  occupiedRooms,
  renameRoom,
  roomNamed,
  updateLocationRow,
} from './location-repository';
import { providerNames, providersDefaultingTo } from './provider-repository';

/**
 * The clinic's locations and their rooms. Both are named by past appointments, series and visits,
 * so removing one always deactivates it (`deleted_at`): hidden from lists and refused by booking,
 * still joined to by the records. Removal is refused, naming what still uses it, while anything
 * would go on booking or seating patients there: a person moves or removes those first.
 */

type Db = Kysely<Database>;

const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export async function createLocation(
  db: Db,
  input: { name: string; address: string | null },
  now: number,
): Promise<LocationSummary> {
  if (await locationNamed(db, input.name)) throw fieldError('name', `there is already a location called ${input.name}`);
  const row: LocationRow = {
    id: newId(),
    name: input.name,
    address: input.address,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertLocation(db, row);
  return toLocation(row);
}

export async function listLocations(db: ReadDb): Promise<LocationSummary[]> {
  return (await liveLocations(db)).map(toLocation);
}

export async function updateLocation(db: Db, input: UpdateLocationInput, now: number): Promise<LocationSummary> {
  const before = await requireLocation(db, input.locationId);
  if (input.name !== undefined && (await locationNamed(db, input.name, before.id)))
    throw fieldError('name', `there is already a location called ${input.name}`);
  await updateLocationRow(db, before.id, {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.address !== undefined && { address: input.address }),
    updated_at: Math.max(now, before.updated_at + 1),
  });
  return toLocation(await requireLocation(db, before.id));
}

/** What would go on using the location after it is gone, as phrases for the refusal (empty: nothing). */
async function locationUses(db: Db, locationId: string, roomIds: readonly string[], today: string, now: number) {
  const [upcoming, templates, extraHours, defaults, occupied] = await Promise.all([
    futureAppointments(db, 'location_id', locationId, now),
    providersWithHoursAt(db, locationId, today),
    providersWithExtraHoursAt(db, locationId, today),
    providersDefaultingTo(db, locationId),
    occupiedRooms(db, roomIds),
  ]);
  const [hoursOf, extraOf, defaultOf] = await Promise.all([
    providerNames(db, templates),
    providerNames(db, extraHours),
    providerNames(db, defaults),
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
  const roomIds = (await liveRooms(db, location.id)).map((room) => room.id);
  const { uses, details } = await locationUses(db, location.id, roomIds, today, now);
  if (uses.length > 0)
    throw new ApiError(
      'CONFLICT',
      `${location.name} is still in use: ${uses.join('; ')}. Move or remove these first.`,
      details,
    );

  await endRooms(db, roomIds, now);
  const holidayCount = await endLocationRules(db, location.id, today, now);
  await endLocation(db, location.id, now, Math.max(now, location.updated_at + 1));
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

export async function createRoom(
  db: Db,
  input: { locationId: string; name: string },
  now: number,
): Promise<RoomSummary> {
  await requireLocation(db, input.locationId);
  if (await roomNamed(db, input.locationId, input.name))
    throw fieldError('name', `this location already has a room called ${input.name}`);
  const row: RoomRow = {
    id: newId(),
    location_id: input.locationId,
    name: input.name,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertRoom(db, row);
  return toRoom(row);
}

export async function listRooms(db: ReadDb, locationId?: string): Promise<RoomSummary[]> {
  return (await liveRooms(db, locationId)).map(toRoom);
}

export async function updateRoom(db: Db, input: UpdateRoomInput, now: number): Promise<RoomSummary> {
  const before = await requireRoom(db, input.roomId);
  if (await roomNamed(db, before.location_id, input.name, before.id))
    throw fieldError('name', `this location already has a room called ${input.name}`);
  await renameRoom(db, before.id, input.name, Math.max(now, before.updated_at + 1));
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
  await endRooms(db, [room.id], now, Math.max(now, room.updated_at + 1));
  return { outcome: 'deactivated', message: `${room.name} is removed; past appointments keep its name.` };
}
