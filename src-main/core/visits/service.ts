import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { todayIn } from '../../../src-shared/patients/dates';
import { formatDate } from '../../../src-shared/locale/date-format';
import { localDateOf } from '../../../src-shared/scheduling/time';
import { VISIT_STATUS_LABELS, type VisitStatus } from '../../../src-shared/visits/status';
import type { AppointmentRow, Database } from '../db/schema';
import type { VisitEventAction, VisitRow } from '../db/schema-visits';
import { newId } from '../ids';
import type { StatusFollowed } from '../scheduling/appointment-changes';
import { findLiveAppointment } from '../scheduling/appointment-repository';
import { clinicClock, requireProvider, requireRoom } from '../scheduling/config';
import { readSettings } from '../settings/repository';
import { appointmentStatusFor, syncAppointment } from './linked-appointment';
import { lastUndoable, planMove, planUndo, type MovingFields } from './machine';
import {
  findOpenVisitOfPatient,
  findVisit,
  findVisitOfAppointment,
  insertVisit,
  insertVisitEvent,
  lastTicketNumber,
  roomHolder,
  updateVisitCalled,
  updateVisitMove,
  updateVisitSelfPay,
  visitEvents,
} from './visit-repository';

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
  appointment: StatusFollowed | null;
}

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
  const row = await findVisit(db, visitId);
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
  await insertVisitEvent(db, {
    id,
    visitId: values.visitId,
    at: values.at,
    userId: values.actor.userId,
    username: values.actor.username,
    action: values.action,
    from: values.from,
    to: values.to,
    before: values.before,
    undoes: values.undoes ?? null,
  });
  return id;
}

function uniqueViolation(error: unknown, index: string): boolean {
  return (
    error instanceof Error &&
    error.message.includes('UNIQUE') &&
    error.message.includes(index.replace(/^visits_/, 'visits.'))
  );
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
  let linked: AppointmentRow | undefined;
  if (input.appointmentId) {
    const appointment = await findLiveAppointment(db, input.appointmentId);
    if (!appointment) throw fieldError('appointmentId', 'no such appointment');
    const day = localDateOf(timeZone, appointment.start_at);
    if (day !== date) {
      const written = (iso: string) => formatDate(iso, dateFormat);
      throw fieldError('appointmentId', `this appointment is on ${written(day)}, not today (${written(date)})`);
    }
    const open = await findVisitOfAppointment(db, appointment.id);
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
    linked = appointment;
  } else {
    patientId = input.patientId ?? '';
    await requireLivePatient(db, patientId);
    if (input.providerId) {
      await requireProvider(db, input.providerId, 'providerId');
      providerId = input.providerId;
    }
    const open = await findOpenVisitOfPatient(db, patientId, date);
    if (open)
      throw new ApiError('CONFLICT', 'This patient is already here today: their visit is on the board.', {
        visitId: open.id,
      });
  }
  if (providerId && input.providerId) await requireProvider(db, providerId, 'providerId');

  const lastTicket = await lastTicketNumber(db, date);
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
    ticket_number: lastTicket + 1,
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
    await insertVisit(db, row);
  } catch (error) {
    if (uniqueViolation(error, 'visits_appointment_id'))
      throw new ApiError('CONFLICT', 'This patient has just been checked in at another desk.');
    throw error;
  }
  await insertVisitEvent(db, {
    id: eventId,
    visitId,
    at: now,
    userId: actor.userId,
    username: actor.username,
    action: 'arrive',
    from: null,
    to: 'arrived',
    before: {},
    undoes: null,
  });
  const appointment = await syncAppointment(db, row, 'arrived', actor, now, linked);
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
  await updateVisitMove(db, visit.id, after, {
    lastEventId: eventId,
    undoEventId: undoes ? undoes.nextUndo : eventId,
    by: actor.userId,
    byName: actor.displayName ?? actor.username,
    at: now,
    updatedAt: Math.max(now, visit.updated_at + 1),
  });
  const appointment = await syncAppointment(db, visit, appointmentStatusFor(visit, after.status), actor, now);
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
  const events = await visitEvents(db, visit.id);
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
  await updateVisitCalled(db, visit.id, {
    at: now,
    roomId: input.roomId,
    updatedAt: Math.max(now, visit.updated_at + 1),
  });
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
  if (visit.self_pay !== selfPay) await updateVisitSelfPay(db, visit.id, selfPay, Math.max(now, visit.updated_at + 1));
  return { visitId: visit.id, date: visit.local_date, appointment: null, changed: visit.self_pay !== selfPay };
}
