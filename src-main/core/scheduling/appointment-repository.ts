import { sql, type Kysely, type Selectable } from 'kysely';
import type { AppointmentHistoryEntry } from '../../../src-shared/scheduling/model';
import { BLOCKING_STATUSES } from '../../../src-shared/scheduling/status';
import { MINUTE_MS } from '../../../src-shared/scheduling/time';
import type { Actor } from '../actor';
import type { AppointmentRow, AppointmentUpdate, Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { insertRow, preparedRead, updateRowById } from '../db/prepared';
import { newId } from '../ids';

/**
 * The appointment aggregate's SQL: an appointment row and its insert-only history. The services decide
 * (`booking-rules.ts`, `appointments.ts`, `appointment-changes.ts`); only this file writes the answer.
 */

type Db = Kysely<Database>;
type AppointmentHistoryRow = Selectable<Database['appointment_history']>;

/** An appointment lasts at most a day (CHECK in the migration): overlap searches scan a bounded range. */
export const MAX_APPOINTMENT_MS = 24 * 60 * MINUTE_MS;

/** The appointment's own columns a view shows (a day view reads hundreds of rows: no more than it needs). */
const VIEW_COLUMNS = [
  'a.id',
  'a.patient_id',
  'a.provider_id',
  'a.location_id',
  'a.room_id',
  'a.type_id',
  'a.start_at',
  'a.end_at',
  'a.reason',
  'a.notes',
  'a.status',
  'a.cancel_reason',
  'a.cancelled_by',
  'a.cancelled_at',
  'a.rescheduled_from_id',
  'a.series_id',
  'a.meeting_link',
  'a.override_reason',
  'a.created_at',
  'a.updated_at',
] as const;

function appointmentsWithNames(db: ReadDb) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('patients as p', 'p.id', 'a.patient_id')
    .innerJoin('appointment_types as t', 't.id', 'a.type_id')
    .select(VIEW_COLUMNS)
    .select([
      'p.first_name',
      'p.middle_name',
      'p.last_name',
      'p.preferred_name',
      'p.mrn',
      't.name as type_name',
      't.colour as type_colour',
    ])
    .where('a.deleted_at', 'is', null);
}

/** An appointment with its patient's names and its type's name and colour, as views show it. */
export type JoinedRow = Pick<
  AppointmentRow,
  (typeof VIEW_COLUMNS)[number] extends `a.${infer C}` ? C & keyof AppointmentRow : never
> & {
  first_name: string;
  middle_name: string | null;
  last_name: string;
  preferred_name: string | null;
  mrn: string;
  type_name: string;
  type_colour: string;
};

const joinedAppointmentById = preparedRead((db, v: { id: string }) =>
  appointmentsWithNames(db).where('a.id', '=', v.id),
);

export async function findJoinedAppointment(db: ReadDb, id: string): Promise<JoinedRow | undefined> {
  return (await joinedAppointmentById(db, { id }))[0];
}

/** Live appointments of these providers (or this room) that overlap [from, to), ordered by start. */
export async function joinedAppointmentsOverlapping(
  db: ReadDb,
  filter: ({ providerIds: readonly string[] } | { roomId: string }) & {
    from: number;
    to: number;
    includeCancelled: boolean;
  },
): Promise<JoinedRow[]> {
  if ('providerIds' in filter && filter.providerIds.length === 0) return [];
  // A provider's columns (day and week views) or a room's week.
  const owned =
    'providerIds' in filter
      ? appointmentsWithNames(db).where('a.provider_id', 'in', [...filter.providerIds])
      : appointmentsWithNames(db).where('a.room_id', '=', filter.roomId);
  let query = owned
    .where('a.start_at', '>', filter.from - MAX_APPOINTMENT_MS)
    .where('a.start_at', '<', filter.to)
    .where('a.end_at', '>', filter.from)
    .orderBy('a.start_at')
    .orderBy('a.id');
  if (!filter.includeCancelled) query = query.where('a.status', '!=', 'cancelled');
  return query.execute();
}

/** An appointment's history, oldest first. */
export function appointmentHistory(db: ReadDb, appointmentId: string): Promise<AppointmentHistoryRow[]> {
  return db
    .selectFrom('appointment_history')
    .selectAll()
    .where('appointment_id', '=', appointmentId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** Blocking, live appointments of these providers, patients or rooms that overlap [from, to). */
export function blockingOverlaps(
  db: ReadDb,
  column: 'provider_id' | 'room_id' | 'patient_id',
  values: readonly string[],
  from: number,
  to: number,
) {
  return db
    .selectFrom('appointments')
    .select(['id', 'start_at', 'end_at', 'provider_id'])
    .where(column, 'in', [...values])
    .where('start_at', '>', from - MAX_APPOINTMENT_MS)
    .where('start_at', '<', to)
    .where('end_at', '>', from)
    .where('status', 'in', [...BLOCKING_STATUSES])
    .where('deleted_at', 'is', null);
}

export type Busy = Pick<AppointmentRow, 'id' | 'start_at' | 'end_at' | 'provider_id'>;

/** The earliest blocking appointment of one provider, room or patient in [start, end), `exceptId` aside. */
export async function firstBlockingOverlap(
  db: ReadDb,
  column: 'provider_id' | 'room_id' | 'patient_id',
  value: string,
  range: { start: number; end: number; exceptId?: string | undefined },
): Promise<Busy | undefined> {
  const query = firstOverlapQuery(column, range.exceptId !== undefined);
  const [first] = await query(db, {
    value,
    startsAfter: range.start - MAX_APPOINTMENT_MS,
    start: range.start,
    end: range.end,
    exceptId: range.exceptId ?? '',
  });
  return first;
}

type OverlapValues = { value: string; startsAfter: number; start: number; end: number; exceptId: string };
const firstOverlapQueries = new Map<string, (db: ReadDb, values: OverlapValues) => Promise<Busy[]>>();

/** Booking's overlap check compiled once for each column it checks, with or without an appointment set aside. */
function firstOverlapQuery(column: 'provider_id' | 'room_id' | 'patient_id', setAside: boolean) {
  const key = `${column}:${String(setAside)}`;
  let query = firstOverlapQueries.get(key);
  if (!query) {
    query = preparedRead((db, v: OverlapValues) => {
      const overlapping = db
        .selectFrom('appointments')
        .select(['id', 'start_at', 'end_at', 'provider_id'])
        .where(column, '=', v.value)
        .where('start_at', '>', v.startsAfter)
        .where('start_at', '<', v.end)
        .where('end_at', '>', v.start)
        .where('status', 'in', [...BLOCKING_STATUSES])
        .where('deleted_at', 'is', null);
      return (setAside ? overlapping.where('id', '!=', v.exceptId) : overlapping).orderBy('start_at').limit(1);
    });
    firstOverlapQueries.set(key, query);
  }
  return query;
}

const liveAppointmentById = preparedRead((db, v: { id: string }) =>
  db.selectFrom('appointments').selectAll().where('id', '=', v.id).where('deleted_at', 'is', null),
);

/** A live (not deleted) appointment's row. */
export async function findLiveAppointment(db: ReadDb, id: string): Promise<AppointmentRow | undefined> {
  return (await liveAppointmentById(db, { id }))[0];
}

/** Whose an appointment is and where it stands, deleted or not (what a reschedule points back at). */
export function findAppointmentOwner(
  db: ReadDb,
  id: string,
): Promise<Pick<AppointmentRow, 'patient_id' | 'status'> | undefined> {
  return db.selectFrom('appointments').select(['patient_id', 'status']).where('id', '=', id).executeTakeFirst();
}

export async function insertAppointment(db: Db, row: AppointmentRow): Promise<void> {
  await insertRow(db, 'appointments', row);
}

export async function updateAppointment(db: Db, id: string, changes: AppointmentUpdate): Promise<void> {
  await updateRowById(db, 'appointments', id, changes);
}

export async function insertHistory(
  db: Db,
  entry: {
    appointmentId: string;
    at: number;
    actor: Actor;
    action: AppointmentHistoryEntry['action'];
    changes: Record<string, unknown>;
    overrideReason: string | null;
  },
): Promise<void> {
  await insertRow(db, 'appointment_history', {
    id: newId(),
    appointment_id: entry.appointmentId,
    at: entry.at,
    user_id: entry.actor.userId,
    username: entry.actor.username,
    action: entry.action,
    changes: JSON.stringify(entry.changes),
    override_reason: entry.overrideReason,
    created_at: entry.at,
    updated_at: entry.at,
  });
}

/** Live appointments with this provider, type, location or room that end after now. */
export async function futureAppointments(
  db: ReadDb,
  column: 'provider_id' | 'type_id' | 'location_id' | 'room_id',
  id: string,
  now: number,
): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(column, '=', id)
    .where('end_at', '>', now)
    .where('status', 'in', [...BLOCKING_STATUSES])
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Whether any appointment, series or waitlist entry, past or present, names this provider or type. */
export async function isReferenced(db: ReadDb, column: 'provider_id' | 'type_id', id: string): Promise<boolean> {
  const [appointment, series] = await Promise.all([
    db.selectFrom('appointments').select('id').where(column, '=', id).limit(1).executeTakeFirst(),
    db.selectFrom('appointment_series').select('id').where(column, '=', id).limit(1).executeTakeFirst(),
  ]);
  if (appointment || series) return true;
  if (column === 'type_id')
    return (
      (await db.selectFrom('waitlist_entries').select('id').where('type_id', '=', id).limit(1).executeTakeFirst()) !==
      undefined
    );
  const listed = await db
    .selectFrom('waitlist_entries')
    .select('id')
    .where(sql<boolean>`exists (select 1 from json_each(provider_ids) where value = ${id})`)
    .limit(1)
    .executeTakeFirst();
  return listed !== undefined;
}

/** Whether a patient waits on the waitlist for this type. */
export async function someoneWaitsFor(db: ReadDb, typeId: string): Promise<boolean> {
  const waiting = await db
    .selectFrom('waitlist_entries')
    .select('id')
    .where('type_id', '=', typeId)
    .where('status', '=', 'waiting')
    .limit(1)
    .executeTakeFirst();
  return waiting !== undefined;
}

/** Start and status of the live, not cancelled appointments starting in [from, to), of these providers (none: all). */
export function startsBetween(db: ReadDb, from: number, to: number, providerIds: readonly string[]) {
  let query = db
    .selectFrom('appointments')
    .select(['start_at', 'status'])
    .where('start_at', '>=', from)
    .where('start_at', '<', to)
    .where('status', '!=', 'cancelled')
    .where('deleted_at', 'is', null);
  if (providerIds.length > 0) query = query.where('provider_id', 'in', [...providerIds]);
  return query.execute();
}

/** The `changes` of the appointment's newest status entry in its history, if any. */
export async function newestStatusChange(db: ReadDb, appointmentId: string): Promise<string | undefined> {
  const [newest] = await newestStatusChangeOf(db, { appointmentId });
  return newest?.changes;
}

/** The appointment's newest history entry of any kind: what an undo of a cancel checks is still the cancel. */
export async function newestChange(
  db: ReadDb,
  appointmentId: string,
): Promise<{ action: string; changes: string } | undefined> {
  return db
    .selectFrom('appointment_history')
    .select(['action', 'changes'])
    .where('appointment_id', '=', appointmentId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

const newestStatusChangeOf = preparedRead((db, v: { appointmentId: string }) =>
  db
    .selectFrom('appointment_history')
    .select('changes')
    .where('appointment_id', '=', v.appointmentId)
    .where('action', '=', 'status')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(1),
);

/**
 * One patient's appointments on either side of `now` (by `appointments_patient_time`): the next
 * `upcomingLimit` from now, soonest first, and `pastLimit` before now, newest first. One more than asked
 * is read on each side so the caller knows whether there are more.
 */
export async function patientAppointments(
  db: ReadDb,
  filter: { patientId: string; now: number; upcomingLimit: number; pastLimit: number },
): Promise<{ upcoming: JoinedRow[]; past: JoinedRow[] }> {
  const own = appointmentsWithNames(db).where('a.patient_id', '=', filter.patientId);
  const upcoming = await own
    .where('a.start_at', '>=', filter.now)
    .orderBy('a.start_at')
    .orderBy('a.id')
    .limit(filter.upcomingLimit + 1)
    .execute();
  const past = await own
    .where('a.start_at', '<', filter.now)
    .orderBy('a.start_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.pastLimit + 1)
    .execute();
  return { upcoming, past };
}

/** How many of the patient's appointments since `from` (and before `to`) were missed. */
export async function countNoShows(db: ReadDb, patientId: string, from: number, to: number): Promise<number> {
  const row = await db
    .selectFrom('appointments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('patient_id', '=', patientId)
    .where('start_at', '>=', from)
    .where('start_at', '<', to)
    .where('status', '=', 'no_show')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.n ?? 0;
}
