import type { Kysely } from 'kysely';
import type { VisitStatus } from '../../../src-shared/visits/status';
import type { Database } from '../db/schema';
import type { VisitEventAction, VisitEventRow, VisitRow } from '../db/schema-visits';
import type { ReadDb } from '../db/handles';
import { insertRow, preparedRead } from '../db/prepared';
import type { MovingFields } from './machine';

/**
 * The visit aggregate's SQL: a visit row and its insert-only event ledger (`visit_events`). Services decide
 * what a move does (`machine.ts`, `service.ts`); only this file writes the answer.
 */

/** A visit still in its day's flow (not undone, not checked out). */
const OPEN_STATUSES: readonly VisitStatus[] = ['arrived', 'roomed', 'with_provider', 'ready_for_checkout'];
/** A visit that holds its room. */
const IN_ROOM_STATUSES: readonly VisitStatus[] = ['roomed', 'with_provider'];

const visitById = preparedRead((db, v: { visitId: string }) =>
  db.selectFrom('visits').selectAll().where('id', '=', v.visitId).where('deleted_at', 'is', null),
);

export async function findVisit(db: ReadDb, visitId: string): Promise<VisitRow | undefined> {
  return (await visitById(db, { visitId }))[0];
}

/** The visit of an appointment that was not undone, if the patient is here (or was). */
export async function findVisitOfAppointment(
  db: ReadDb,
  appointmentId: string,
): Promise<Pick<VisitRow, 'id' | 'last_move_by_name'> | undefined> {
  return (await visitOfAppointment(db, { appointmentId }))[0];
}

const visitOfAppointment = preparedRead((db, v: { appointmentId: string }) =>
  db
    .selectFrom('visits')
    .select(['id', 'last_move_by_name'])
    .where('appointment_id', '=', v.appointmentId)
    .where('status', '<>', 'cancelled')
    .where('deleted_at', 'is', null),
);

const openVisitOfPatient = preparedRead((db, v: { patientId: string; date: string }) =>
  db
    .selectFrom('visits')
    .select(['id', 'self_pay'])
    .where('patient_id', '=', v.patientId)
    .where('local_date', '=', v.date)
    .where('status', 'in', OPEN_STATUSES)
    .where('deleted_at', 'is', null)
    .limit(1),
);

/** The patient's visit on the board on `date`, if they are here (every walk-in's check-in asks: compiled once). */
export async function findOpenVisitOfPatient(
  db: ReadDb,
  patientId: string,
  date: string,
): Promise<Pick<VisitRow, 'id' | 'self_pay'> | undefined> {
  return (await openVisitOfPatient(db, { patientId, date }))[0];
}

/** The other visit in the room, if the room is taken. */
export async function roomHolder(db: ReadDb, roomId: string, visitId: string): Promise<string | null> {
  const holder = await db
    .selectFrom('visits')
    .select('id')
    .where('room_id', '=', roomId)
    .where('status', 'in', IN_ROOM_STATUSES)
    .where('deleted_at', 'is', null)
    .where('id', '<>', visitId)
    .executeTakeFirst();
  return holder?.id ?? null;
}

/** The highest ticket number given out on `date` (0 when none), undone arrivals included. */
export async function lastTicketNumber(db: ReadDb, date: string): Promise<number> {
  const [last] = await lastTicketOn(db, { date });
  return last?.n ?? 0;
}

const lastTicketOn = preparedRead((db, v: { date: string }) =>
  db
    .selectFrom('visits')
    .select((eb) => eb.fn.max('ticket_number').as('n'))
    .where('local_date', '=', v.date),
);

/** A visit's events, oldest first. */
export async function visitEvents(db: ReadDb, visitId: string): Promise<VisitEventRow[]> {
  return db
    .selectFrom('visit_events')
    .selectAll()
    .where('visit_id', '=', visitId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The appointment a visit is (or would be) linked to, as check-in and the calendar's panel need it. */
export async function findLinkedAppointment(db: ReadDb, appointmentId: string) {
  return (await linkedAppointment(db, { appointmentId }))[0];
}

const linkedAppointment = preparedRead((db, v: { appointmentId: string }) =>
  db
    .selectFrom('appointments')
    .select(['id', 'patient_id', 'provider_id', 'status', 'start_at'])
    .where('id', '=', v.appointmentId)
    .where('deleted_at', 'is', null),
);

/** An appointment with its provider's name, as the check-in review shows it. */
export async function findAppointmentWithProvider(db: ReadDb, appointmentId: string) {
  return db
    .selectFrom('appointments as a')
    .innerJoin('providers as p', 'p.id', 'a.provider_id')
    .select(['a.id', 'a.patient_id', 'a.start_at', 'a.status', 'p.display_name'])
    .where('a.id', '=', appointmentId)
    .where('a.deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Throws SQLite's UNIQUE error when the appointment already has a visit (another desk checked it in). */
export async function insertVisit(db: Kysely<Database>, row: VisitRow): Promise<void> {
  await insertRow(db, 'visits', row);
}

export interface NewVisitEvent {
  id: string;
  visitId: string;
  at: number;
  userId: string | null;
  username: string | null;
  action: VisitEventAction;
  from: VisitStatus | null;
  to: VisitStatus;
  /** The moving fields as they were before the event ({} for an arrival or a call). */
  before: MovingFields | Record<string, never>;
  undoes: string | null;
}

export async function insertVisitEvent(db: Kysely<Database>, event: NewVisitEvent): Promise<void> {
  await insertRow(db, 'visit_events', {
    id: event.id,
    visit_id: event.visitId,
    at: event.at,
    user_id: event.userId,
    username: event.username,
    action: event.action,
    from_status: event.from,
    to_status: event.to,
    before: JSON.stringify(event.before),
    undoes_event_id: event.undoes,
    created_at: event.at,
    updated_at: event.at,
  });
}

/** A move's new moving fields, with who moved it and the event that did. */
export async function updateVisitMove(
  db: Kysely<Database>,
  visitId: string,
  after: MovingFields,
  move: {
    lastEventId: string;
    undoEventId: string | null;
    by: string | null;
    byName: string | null;
    at: number;
    updatedAt: number;
  },
): Promise<void> {
  await db
    .updateTable('visits')
    .set({
      ...after,
      last_event_id: move.lastEventId,
      undo_event_id: move.undoEventId,
      last_move_by: move.by,
      last_move_by_name: move.byName,
      last_move_at: move.at,
      updated_at: move.updatedAt,
    })
    .where('id', '=', visitId)
    .execute();
}

export async function updateVisitCalled(
  db: Kysely<Database>,
  visitId: string,
  called: { at: number; roomId: string; updatedAt: number },
): Promise<void> {
  await db
    .updateTable('visits')
    .set({ called_at: called.at, called_room_id: called.roomId, updated_at: called.updatedAt })
    .where('id', '=', visitId)
    .execute();
}

export async function updateVisitSelfPay(
  db: Kysely<Database>,
  visitId: string,
  selfPay: 0 | 1,
  updatedAt: number,
): Promise<void> {
  await db.updateTable('visits').set({ self_pay: selfPay, updated_at: updatedAt }).where('id', '=', visitId).execute();
}
