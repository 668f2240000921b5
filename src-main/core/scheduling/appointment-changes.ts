import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import {
  CANCELLABLE_STATUSES,
  isBlocking,
  STATUS_LABELS,
  STATUS_TRANSITIONS,
  type AppointmentStatus,
} from '../../../src-shared/scheduling/status';
import { dayRefusal, deskRefusal } from '../../../src-shared/scheduling/status-rules';
import type { AppointmentHistoryEntry } from '../../../src-shared/scheduling/model';
import type { Actor } from '../actor';
import type { AppointmentRow, AppointmentUpdate, Database } from '../db/schema';
import { insertHistory, newestChange, updateAppointment } from './appointment-repository';
import { viewAppointment } from './appointment-views';
import { diff, existing, isUniqueViolation, type WriteOutcome } from './appointments';
import { datesOf, findProblems, placementFor } from './booking-rules';
import { clinicClock, type ClinicClock } from './config';
import { statusFacts } from './status-facts';

/**
 * Changes that keep an appointment's time and place: cancel, its status, its details. A status that
 * holds the time again is checked against the rules (booking-rules.ts) as a booking is.
 */

type Db = Kysely<Database>;
/** A cancel's entry in the appointment's history: the status it left. */
type CancelChanges = { status?: { from?: unknown } };

/** The outcome of a change that left the appointment as it was: nothing for the day views to redraw. */
async function unchanged(db: Db, zone: string, id: string): Promise<WriteOutcome> {
  return { view: await viewAppointment(db, zone, id), overridden: [], providerIds: [], dates: [] };
}

/** A change as the appointment's history keeps it: who, when, what kind, and each field's before and after. */
type HistoryChange = {
  actor: Actor;
  at: number;
  action: AppointmentHistoryEntry['action'];
  changes: Record<string, unknown>;
};

/** Records a change in the appointment's history (no rule was overridden by it). */
async function recordHistory(db: Db, before: AppointmentRow, change: HistoryChange): Promise<void> {
  await insertHistory(db, { appointmentId: before.id, ...change, overrideReason: null });
}

/** Records a change in the appointment's history and answers it, with the provider and day it touched. */
async function recorded(db: Db, zone: string, before: AppointmentRow, change: HistoryChange): Promise<WriteOutcome> {
  await recordHistory(db, before, change);
  return answered(db, zone, before);
}

/** A change's answer: the appointment as it is now, with the provider and day it touched. */
async function answered(db: Db, zone: string, before: AppointmentRow): Promise<WriteOutcome> {
  return { view: await viewAppointment(db, zone, before.id), overridden: [], ...touched(zone, before) };
}

/** The provider and days a change touched: what the day views redraw. */
function touched(zone: string, row: AppointmentRow): { providerIds: string[]; dates: string[] } {
  return { providerIds: [row.provider_id], dates: datesOf(zone, { start: row.start_at, end: row.end_at }) };
}

export async function cancelAppointment(
  db: Db,
  input: { appointmentId: string; reason: string; expectedUpdatedAt?: number },
  actor: Actor,
  now: number,
): Promise<WriteOutcome> {
  const { timeZone: zone } = await clinicClock(db);
  const before = await existing(db, input.appointmentId, input.expectedUpdatedAt);
  if (!CANCELLABLE_STATUSES.includes(before.status)) {
    throw new ApiError('CONFLICT', `This appointment is ${STATUS_LABELS[before.status]}; it cannot be cancelled.`);
  }
  const after: AppointmentUpdate = {
    status: 'cancelled',
    cancel_reason: input.reason,
    cancelled_by: actor.userId,
    cancelled_at: now,
    updated_at: Math.max(now, before.updated_at + 1),
  };
  await updateAppointment(db, before.id, after);
  return recorded(db, zone, before, { actor, at: now, action: 'cancelled', changes: diff(before, after) });
}

export async function setAppointmentStatus(
  db: Db,
  input: { appointmentId: string; status: AppointmentStatus; expectedUpdatedAt?: number },
  actor: Actor,
  now: number,
): Promise<WriteOutcome> {
  const clock = await clinicClock(db);
  const before = await existing(db, input.appointmentId, input.expectedUpdatedAt);
  if (input.status === 'cancelled')
    throw fieldError('status', 'cancel with appointments.cancel, which records the reason');
  if (before.status === input.status) return unchanged(db, clock.timeZone, before.id);
  const facts = await statusFacts(db, before, now);
  await changeStatus(db, clock, before, input.status, deskRefusal(facts, input.status), actor, now);
  return answered(db, clock.timeZone, before);
}

/** An appointment whose status a visit moved: what the calendars are told (they read the rest themselves). */
export interface StatusFollowed {
  appointmentId: string;
  patientId: string;
  providerIds: string[];
  dates: string[];
}

/**
 * The visit keeping its appointment in step (check-in, the board's moves): the same rules as the
 * desk's own moves for the day, without what only the desk's answer needs (the appointment's view,
 * its newest change for an undo). `before` is the appointment as the caller read it in this
 * transaction, so it is not read again. Null when the status was already `to`.
 */
export async function followVisitStatus(
  db: Db,
  before: AppointmentRow,
  to: AppointmentStatus,
  actor: Actor,
  now: number,
): Promise<StatusFollowed | null> {
  if (to === 'cancelled') throw fieldError('status', 'cancel with appointments.cancel, which records the reason');
  if (before.status === to) return null;
  const clock = await clinicClock(db);
  const facts = await statusFacts(db, before, now, { previous: false });
  await changeStatus(db, clock, before, to, dayRefusal(facts, to), actor, now);
  return { appointmentId: before.id, patientId: before.patient_id, ...touched(clock.timeZone, before) };
}

/** The status move both doors make once their rule has spoken: the transitions, a time held again, the write and its history. */
async function changeStatus(
  db: Db,
  clock: ClinicClock,
  before: AppointmentRow,
  to: AppointmentStatus,
  refusal: string | null,
  actor: Actor,
  now: number,
): Promise<void> {
  if (refusal)
    throw new ApiError('CONFLICT', `${refusal[0]?.toUpperCase() ?? ''}${refusal.slice(1)}.`, {
      fields: { status: refusal },
    });
  if (!STATUS_TRANSITIONS[before.status].includes(to)) {
    const allowed = STATUS_TRANSITIONS[before.status].map((s) => STATUS_LABELS[s]);
    throw new ApiError(
      'CONFLICT',
      `An appointment that is ${STATUS_LABELS[before.status]} cannot become ${STATUS_LABELS[to]}` +
        (allowed.length > 0 ? ` (it can become ${allowed.join(', ')}).` : '.'),
    );
  }
  // A no-show taken back holds the time again: it must not now clash with what was booked since.
  if (!isBlocking(before.status) && isBlocking(to)) await refuseClashes(db, clock, before);
  const after: AppointmentUpdate = { status: to, updated_at: Math.max(now, before.updated_at + 1) };
  await updateHeld(db, before.id, after);
  await recordHistory(db, before, { actor, at: now, action: 'status', changes: diff(before, after) });
}

/** What was booked since at this appointment's time, with its provider, room or patient: a refusal. */
async function refuseClashes(db: Db, clock: ClinicClock, row: AppointmentRow) {
  const placement = await placementFor(db, clock.timeZone, {
    id: row.id,
    patientId: row.patient_id,
    providerId: row.provider_id,
    locationId: row.location_id,
    roomId: row.room_id,
    start: row.start_at,
    end: row.end_at,
  });
  const clashes = (await findProblems(db, clock, placement)).filter((p) => p.code.endsWith('_busy'));
  if (clashes.length > 0)
    throw new ApiError('CONFLICT', clashes.map((p) => p.message).join(' '), { problems: clashes });
}

/** An update that makes the appointment hold its time again; two desks racing for the start meet the unique index. */
async function updateHeld(db: Db, id: string, after: AppointmentUpdate) {
  try {
    await updateAppointment(db, id, after);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(
        'CONFLICT',
        'Another appointment now starts at the same time with this provider or in this room.',
      );
    throw error;
  }
}

/**
 * Takes a cancel back (the desk's Undo): the status it had before, the cancellation cleared — only
 * while the cancel is the appointment's newest change, and only if its time is still free.
 */
export async function undoCancel(
  db: Db,
  input: { appointmentId: string; expectedUpdatedAt?: number | undefined },
  actor: Actor,
  now: number,
): Promise<WriteOutcome> {
  const clock = await clinicClock(db);
  const before = await existing(db, input.appointmentId, input.expectedUpdatedAt);
  if (before.status !== 'cancelled') {
    throw new ApiError('CONFLICT', `This appointment is ${STATUS_LABELS[before.status]}: there is no cancel to undo.`, {
      fields: { appointmentId: 'is not cancelled' },
    });
  }
  const newest = await newestChange(db, before.id);
  const from = newest?.action === 'cancelled' ? (JSON.parse(newest.changes) as CancelChanges).status?.from : null;
  const back = CANCELLABLE_STATUSES.find((status) => status === from);
  if (back === undefined) {
    throw new ApiError('CONFLICT', 'Only a cancel that is the newest change of the appointment can be undone.', {
      fields: { appointmentId: 'its cancel is not its newest change' },
    });
  }
  await refuseClashes(db, clock, before);
  const after: AppointmentUpdate = {
    status: back,
    cancel_reason: null,
    cancelled_by: null,
    cancelled_at: null,
    updated_at: Math.max(now, before.updated_at + 1),
  };
  await updateHeld(db, before.id, after);
  return recorded(db, clock.timeZone, before, { actor, at: now, action: 'status', changes: diff(before, after) });
}

/**
 * Changes what an appointment says — reason, notes, meeting link — without touching when, with whom
 * or where (that is a move, checked by the rules). Left-out fields stay; null clears one. A cancelled
 * appointment is left as it was. The history keeps what changed ('details').
 */
export async function updateAppointmentDetails(
  db: Db,
  input: {
    appointmentId: string;
    reason?: string | null | undefined;
    notes?: string | null | undefined;
    meetingLink?: string | null | undefined;
    expectedUpdatedAt?: number | undefined;
  },
  actor: Actor,
  now: number,
): Promise<WriteOutcome> {
  const { timeZone: zone } = await clinicClock(db);
  const before = await existing(db, input.appointmentId, input.expectedUpdatedAt);
  if (before.status === 'cancelled')
    throw new ApiError('CONFLICT', 'This appointment is cancelled; its details are kept as they were.');
  const after: AppointmentUpdate = {
    ...(input.reason !== undefined && { reason: input.reason }),
    ...(input.notes !== undefined && { notes: input.notes }),
    ...(input.meetingLink !== undefined && { meeting_link: input.meetingLink }),
  };
  const changes = diff(before, after);
  if (Object.keys(changes).length === 0) return unchanged(db, zone, before.id);
  await updateAppointment(db, before.id, { ...after, updated_at: Math.max(now, before.updated_at + 1) });
  return recorded(db, zone, before, { actor, at: now, action: 'details', changes });
}
