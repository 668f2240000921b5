import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { todayIn } from '../../../src-shared/patients/dates';
import { formatDate } from '../../../src-shared/locale/date-format';
import type { AppointmentStatus } from '../../../src-shared/scheduling/status';
import { localDateOf } from '../../../src-shared/scheduling/time';
import { VISIT_STATUS_LABELS, type VisitStatus } from '../../../src-shared/visits/status';
import type { Database } from '../db/schema';
import type { VisitEventAction, VisitRow } from '../db/schema-visits';
import { newId } from '../ids';
import { setAppointmentStatus, type WriteOutcome } from '../scheduling/appointments';
import { clinicClock, requireProvider, requireRoom } from '../scheduling/config';
import { readSettings } from '../settings/repository';
import { lastUndoable, planMove, planUndo, type MovingFields } from './machine';

/**
 * Visit writes. Each runs inside the router's BEGIN IMMEDIATE transaction: the read, the machine's
 * decision and the write cannot interleave with another desk's. Every move appends an event with the
 * fields as they were, and keeps the linked appointment's status in step through the scheduling
 * module's own status rules (not a copy of them).
 */

type Db = Kysely<Database>;

import type { Actor as VisitActor } from '../actor';
import { requireLivePatient } from '../patients/live-patient';
export type { VisitActor };

export interface VisitOutcome {
  visitId: string;
  date: string;
  /** Set when the linked appointment's status changed: the calendar is told too. */
  appointment: WriteOutcome | null;
}

/** The appointment status that goes with each visit status. */
const APPOINTMENT_STATUS: Record<Exclude<VisitStatus, 'cancelled'>, AppointmentStatus> = {
  arrived: 'arrived',
  roomed: 'in_room',
  with_provider: 'in_room',
  ready_for_checkout: 'in_room',
  checked_out: 'completed',
};

const MOVING_KEYS = [
  'status',
  'room_id',
  'provider_id',
  'roomed_at',
  'seen_at',
  'ready_at',
  'checked_out_at',
  'status_since',
] as const;

function movingFields(row: MovingFields): MovingFields {
  return Object.fromEntries(MOVING_KEYS.map((key) => [key, row[key]])) as unknown as MovingFields;
}

async function requireVisit(db: Db, visitId: string, expectedLastEventId: string | undefined): Promise<VisitRow> {
  const row = await db
    .selectFrom('visits')
    .selectAll()
    .where('id', '=', visitId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', 'There is no such visit.', { fields: { visitId: 'no such visit' } });
  if (expectedLastEventId !== undefined && row.last_event_id !== expectedLastEventId) {
    const who = row.last_move_by_name ? ` (${row.last_move_by_name})` : '';
    throw new ApiError(
      'CONFLICT',
      `Someone else${who} moved this patient since your screen showed it: it is now ${VISIT_STATUS_LABELS[row.status]}. Look again and retry.`,
      {
        status: row.status,
        lastEventId: row.last_event_id,
      },
    );
  }
  return row;
}

async function appendEvent(
  db: Db,
  values: {
    visitId: string;
    at: number;
    actor: VisitActor;
    action: VisitEventAction;
    from: VisitStatus | null;
    to: VisitStatus;
    before: MovingFields | Record<string, never>;
    undoes?: string;
  },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('visit_events')
    .values({
      id,
      visit_id: values.visitId,
      at: values.at,
      user_id: values.actor.userId,
      username: values.actor.username,
      action: values.action,
      from_status: values.from,
      to_status: values.to,
      before: JSON.stringify(values.before),
      undoes_event_id: values.undoes ?? null,
      created_at: values.at,
      updated_at: values.at,
    })
    .execute();
  return id;
}

/** Moves the linked appointment's status along; refusals come from the scheduling rules themselves. */
async function syncAppointment(
  db: Db,
  visit: VisitRow,
  to: AppointmentStatus,
  actor: VisitActor,
  now: number,
): Promise<WriteOutcome | null> {
  if (!visit.appointment_id) return null;
  const outcome = await setAppointmentStatus(
    db,
    { appointmentId: visit.appointment_id, status: to },
    actor,
    now,
    'visit',
  );
  return outcome.providerIds.length > 0 ? outcome : null;
}

function uniqueViolation(error: unknown, index: string): boolean {
  return (
    error instanceof Error &&
    error.message.includes('UNIQUE') &&
    error.message.includes(index.replace(/^visits_/, 'visits.'))
  );
}

async function roomHolder(db: Db, roomId: string, visitId: string): Promise<string | null> {
  const holder = await db
    .selectFrom('visits')
    .select('id')
    .where('room_id', '=', roomId)
    .where('status', 'in', ['roomed', 'with_provider'])
    .where('deleted_at', 'is', null)
    .where('id', '<>', visitId)
    .executeTakeFirst();
  return holder?.id ?? null;
}

// ---- check-in ----------------------------------------------------------------------------------

export interface CheckInInput {
  appointmentId?: string | undefined;
  patientId?: string | undefined;
  providerId?: string | undefined;
}

export async function checkIn(db: Db, input: CheckInInput, actor: VisitActor, now: number): Promise<VisitOutcome> {
  const { timeZone, dateFormat } = await clinicClock(db);
  const date = todayIn(timeZone, now);
  let patientId: string;
  let providerId: string | null = null;
  let statusBefore: string | null = null;
  if (input.appointmentId) {
    const appointment = await db
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', input.appointmentId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!appointment) throw fieldError('appointmentId', 'no such appointment');
    const day = localDateOf(timeZone, appointment.start_at);
    if (day !== date) {
      const written = (iso: string) => formatDate(iso, dateFormat);
      throw fieldError('appointmentId', `this appointment is on ${written(day)}, not today (${written(date)})`);
    }
    const open = await db
      .selectFrom('visits')
      .select(['id', 'last_move_by_name', 'arrived_at'])
      .where('appointment_id', '=', appointment.id)
      .where('status', '<>', 'cancelled')
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (open) {
      throw new ApiError(
        'CONFLICT',
        `This patient is already checked in${open.last_move_by_name ? ` (by ${open.last_move_by_name})` : ''}.`,
        { visitId: open.id },
      );
    }
    patientId = appointment.patient_id;
    providerId = input.providerId ?? appointment.provider_id;
    statusBefore = appointment.status;
  } else {
    patientId = input.patientId ?? '';
    await requireLivePatient(db, patientId);
    if (input.providerId) {
      await requireProvider(db, input.providerId, 'providerId');
      providerId = input.providerId;
    }
    const open = await db
      .selectFrom('visits')
      .select('id')
      .where('patient_id', '=', patientId)
      .where('local_date', '=', date)
      .where('status', 'in', ['arrived', 'roomed', 'with_provider', 'ready_for_checkout'])
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (open)
      throw new ApiError('CONFLICT', 'This patient is already here today: their visit is on the board.', {
        visitId: open.id,
      });
  }
  if (providerId && input.providerId) await requireProvider(db, providerId, 'providerId');

  const last = await db
    .selectFrom('visits')
    .select((eb) => eb.fn.max('ticket_number').as('n'))
    .where('local_date', '=', date)
    .executeTakeFirst();
  const visitId = newId();
  const eventId = newId();
  const row: VisitRow = {
    id: visitId,
    patient_id: patientId,
    appointment_id: input.appointmentId ?? null,
    appointment_status_before: statusBefore,
    provider_id: providerId,
    room_id: null,
    status: 'arrived',
    local_date: date,
    ticket_number: (last?.n ?? 0) + 1,
    arrived_at: now,
    roomed_at: null,
    seen_at: null,
    ready_at: null,
    checked_out_at: null,
    status_since: now,
    called_at: null,
    called_room_id: null,
    last_event_id: eventId,
    undo_event_id: eventId,
    last_move_by: actor.userId,
    last_move_by_name: actor.displayName ?? actor.username,
    last_move_at: now,
    self_pay: 0,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  try {
    await db.insertInto('visits').values(row).execute();
  } catch (error) {
    if (uniqueViolation(error, 'visits_appointment_id'))
      throw new ApiError('CONFLICT', 'This patient has just been checked in at another desk.');
    throw error;
  }
  await db
    .insertInto('visit_events')
    .values({
      id: eventId,
      visit_id: visitId,
      at: now,
      user_id: actor.userId,
      username: actor.username,
      action: 'arrive',
      from_status: null,
      to_status: 'arrived',
      before: '{}',
      undoes_event_id: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const appointment = await syncAppointment(db, row, 'arrived', actor, now);
  return { visitId, date, appointment };
}

// ---- moves -------------------------------------------------------------------------------------

async function applyMove(
  db: Db,
  visit: VisitRow,
  after: MovingFields,
  action: VisitEventAction,
  actor: VisitActor,
  now: number,
  undoes?: { eventId: string; nextUndo: string | null },
): Promise<VisitOutcome> {
  if (
    after.room_id &&
    (after.status === 'roomed' || after.status === 'with_provider') &&
    after.room_id !== visit.room_id
  ) {
    const holder = await roomHolder(db, after.room_id, visit.id);
    if (holder)
      throw new ApiError('CONFLICT', 'That room is taken: another patient is in it.', {
        fields: { roomId: 'another patient is in this room' },
        visitId: holder,
      });
  }
  const eventId = await appendEvent(db, {
    visitId: visit.id,
    at: now,
    actor,
    action,
    from: visit.status,
    to: after.status,
    before: movingFields(visit),
    ...(undoes && { undoes: undoes.eventId }),
  });
  await db
    .updateTable('visits')
    .set({
      ...after,
      last_event_id: eventId,
      undo_event_id: undoes ? undoes.nextUndo : eventId,
      last_move_by: actor.userId,
      last_move_by_name: actor.displayName ?? actor.username,
      last_move_at: now,
      updated_at: Math.max(now, visit.updated_at + 1),
    })
    .where('id', '=', visit.id)
    .execute();
  const target: AppointmentStatus | null =
    after.status === 'cancelled'
      ? ((visit.appointment_status_before as AppointmentStatus | null) ?? 'booked')
      : APPOINTMENT_STATUS[after.status];
  // An undone arrival of an appointment that was already marked arrived goes back to booked.
  const appointmentTarget = after.status === 'cancelled' && target === 'arrived' ? 'booked' : target;
  const appointment = await syncAppointment(db, visit, appointmentTarget, actor, now);
  return { visitId: visit.id, date: visit.local_date, appointment };
}

export interface MoveInput {
  visitId: string;
  to: VisitStatus;
  roomId?: string | undefined;
  providerId?: string | undefined;
  expectedLastEventId?: string | undefined;
}

export async function moveVisit(db: Db, input: MoveInput, actor: VisitActor, now: number): Promise<VisitOutcome> {
  const visit = await requireVisit(db, input.visitId, input.expectedLastEventId);
  if (input.roomId) await requireRoom(db, input.roomId, 'roomId');
  if (input.providerId) await requireProvider(db, input.providerId, 'providerId');
  const providerStep = (await readSettings(db))?.providerStep ?? true;
  const plan = planMove(movingFields(visit), input, now, providerStep);
  if (!plan.ok) {
    throw plan.field === 'to'
      ? new ApiError('CONFLICT', plan.reason, { fields: { to: plan.reason } })
      : fieldError(plan.field, plan.reason);
  }
  return applyMove(db, visit, plan.after, input.to === 'checked_out' ? 'check_out' : 'move', actor, now);
}

export async function checkOutVisit(
  db: Db,
  input: { visitId: string; expectedLastEventId?: string | undefined },
  actor: VisitActor,
  now: number,
): Promise<VisitOutcome> {
  return moveVisit(db, { ...input, to: 'checked_out' }, actor, now);
}

/** Takes back the newest move not yet undone: the fields go back exactly as they were; an arrival undone cancels the visit. */
export async function undoVisit(
  db: Db,
  input: { visitId: string; expectedLastEventId?: string | undefined },
  actor: VisitActor,
  now: number,
): Promise<VisitOutcome> {
  const visit = await requireVisit(db, input.visitId, input.expectedLastEventId);
  const events = await db
    .selectFrom('visit_events')
    .selectAll()
    .where('visit_id', '=', visit.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  const target = lastUndoable(events);
  if (!target || visit.status === 'cancelled')
    throw new ApiError('CONFLICT', 'There is nothing to undo on this visit.');
  const before = JSON.parse(target.before) as MovingFields;
  const after = planUndo(movingFields(visit), target, before, now);
  // With this one taken back, the next undo is the newest earlier move (none after an undone arrival).
  const next = target.action === 'arrive' ? null : lastUndoable(events.filter((event) => event.id !== target.id));
  return applyMove(db, visit, after, 'undo', actor, now, { eventId: target.id, nextUndo: next?.id ?? null });
}

/** "Call to room": the ticket goes on the waiting-room display. Not a move, so not undone by undo. */
export async function callVisit(
  db: Db,
  input: { visitId: string; roomId: string },
  actor: VisitActor,
  now: number,
): Promise<VisitOutcome> {
  const visit = await requireVisit(db, input.visitId, undefined);
  await requireRoom(db, input.roomId, 'roomId');
  if (visit.status === 'checked_out' || visit.status === 'cancelled')
    throw new ApiError('CONFLICT', `A visit that is ${VISIT_STATUS_LABELS[visit.status]} cannot be called.`);
  const holder = await roomHolder(db, input.roomId, visit.id);
  if (holder)
    throw new ApiError('CONFLICT', 'That room is taken: another patient is in it.', {
      fields: { roomId: 'another patient is in this room' },
    });
  await appendEvent(db, {
    visitId: visit.id,
    at: now,
    actor,
    action: 'call',
    from: visit.status,
    to: visit.status,
    before: {},
  });
  await db
    .updateTable('visits')
    .set({ called_at: now, called_room_id: input.roomId, updated_at: Math.max(now, visit.updated_at + 1) })
    .where('id', '=', visit.id)
    .execute();
  return { visitId: visit.id, date: visit.local_date, appointment: null };
}

/**
 * "Bill this visit as self-pay" (or not): the visit's draft invoice is then built for self-pay although the
 * patient has insurance. Not a move, so not undone by undo; cleared by setting it back.
 */
export async function setVisitSelfPay(
  db: Db,
  input: { visitId: string; selfPay: boolean },
  now: number,
): Promise<VisitOutcome & { changed: boolean }> {
  const visit = await requireVisit(db, input.visitId, undefined);
  if (visit.status === 'cancelled')
    throw new ApiError('CONFLICT', 'A cancelled visit is not billed: there is nothing to mark self-pay.');
  const selfPay = input.selfPay ? 1 : 0;
  if (visit.self_pay !== selfPay)
    await db
      .updateTable('visits')
      .set({ self_pay: selfPay, updated_at: Math.max(now, visit.updated_at + 1) })
      .where('id', '=', visit.id)
      .execute();
  return { visitId: visit.id, date: visit.local_date, appointment: null, changed: visit.self_pay !== selfPay };
}
