import type { Kysely } from 'kysely';
import type { BookInput, MoveInput } from '../../../src-shared/api/areas/appointments';
import type { AppointmentView, BookingProblem } from '../../../src-shared/scheduling/model';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { isBlocking, MOVABLE_STATUSES, STATUS_LABELS } from '../../../src-shared/scheduling/status';
import { MINUTE_MS } from '../../../src-shared/scheduling/time';
import type { Actor } from '../actor';
import type { AppointmentRow, AppointmentUpdate, Database } from '../db/schema';
import { newId } from '../ids';
import { requireLivePatient } from '../patients/live-patient';
import {
  findAppointmentOwner,
  findLiveAppointment,
  insertAppointment,
  insertHistory,
  updateAppointment,
} from './appointment-repository';
import { viewAppointment } from './appointment-views';
import { datesOf, findProblems, placementFor, refuse, resolveStart } from './booking-rules';
import { clinicClock, requireProvider, requireType } from './config';

/**
 * Booking and moving: the write paths that place an appointment, checked by the rules in
 * booking-rules.ts (cancel, status and details are in appointment-changes.ts).
 */

type Db = Kysely<Database>;

export type { Actor };

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface WriteOutcome {
  view: AppointmentView;
  /** The problems an override set aside (empty when none was needed). */
  overridden: BookingProblem[];
  providerIds: string[];
  dates: string[];
}

/** An occurrence of a recurring series (see series.ts) is booked by the same rules, with its link. */
export interface SeriesLink {
  seriesId: string;
  index: number;
}

export async function bookAppointment(
  db: Db,
  input: BookInput,
  actor: Actor,
  now: number,
  series?: SeriesLink,
): Promise<WriteOutcome> {
  const clock = await clinicClock(db);
  const zone = clock.timeZone;
  await requireLivePatient(db, input.patientId);
  const type = await requireType(db, input.typeId);
  if (type.providerIds.length > 0 && !type.providerIds.includes(input.providerId)) {
    const provider = await requireProvider(db, input.providerId);
    throw fieldError('providerId', `${provider.display_name} does not see ${type.row.name} appointments`);
  }
  if (input.rescheduledFromId) {
    const previous = await findAppointmentOwner(db, input.rescheduledFromId);
    if (!previous) throw fieldError('rescheduledFromId', 'no such appointment');
    if (previous.patient_id !== input.patientId)
      throw fieldError('rescheduledFromId', 'is another patient’s appointment');
    if (isBlocking(previous.status))
      throw fieldError('rescheduledFromId', 'cancel that appointment first, or move it instead');
  }
  const start = resolveStart(clock, input.start);
  const end = start + (input.durationMinutes ?? type.row.duration_minutes) * MINUTE_MS;
  const placement = await placementFor(db, zone, { ...input, start, end });
  const problems = await findProblems(db, clock, placement);
  if (problems.length > 0 && !input.override) refuse(problems);
  const overrideReason = problems.length > 0 ? (input.override?.reason ?? null) : null;

  const row: AppointmentRow = {
    id: newId(),
    patient_id: input.patientId,
    provider_id: placement.provider.id,
    location_id: placement.locationId,
    room_id: placement.roomId,
    type_id: type.row.id,
    start_at: start,
    end_at: end,
    reason: input.reason,
    notes: input.notes,
    status: 'booked',
    cancel_reason: null,
    cancelled_by: null,
    cancelled_at: null,
    rescheduled_from_id: input.rescheduledFromId,
    meeting_link: input.meetingLink,
    override_reason: overrideReason,
    overridden_by: overrideReason ? actor.userId : null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
    series_id: series?.seriesId ?? null,
    series_index: series?.index ?? null,
  };
  try {
    await insertAppointment(db, row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(
        'CONFLICT',
        `${placement.provider.display_name} was booked at that time by someone else a moment ago.`,
      );
    throw error;
  }
  await insertHistory(db, {
    appointmentId: row.id,
    at: now,
    actor,
    action: 'booked',
    changes: {
      patientId: row.patient_id,
      providerId: row.provider_id,
      locationId: row.location_id,
      roomId: row.room_id,
      typeId: row.type_id,
      start: row.start_at,
      end: row.end_at,
      ...(row.rescheduled_from_id && { rescheduledFromId: row.rescheduled_from_id }),
      ...(overrideReason && { overridden: problems.map((p) => p.code) }),
    },
    overrideReason,
  });
  return {
    view: await viewAppointment(db, zone, row.id),
    overridden: overrideReason ? problems : [],
    providerIds: [row.provider_id],
    dates: datesOf(zone, placement),
  };
}

export async function existing(db: Db, id: string, expectedUpdatedAt: number | undefined): Promise<AppointmentRow> {
  const row = await findLiveAppointment(db, id);
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such appointment.', {
      fields: { appointmentId: 'no such appointment' },
    });
  if (expectedUpdatedAt !== undefined && row.updated_at !== expectedUpdatedAt) {
    throw new ApiError(
      'CONFLICT',
      'Someone else changed this appointment since you loaded it. Reload it and try again.',
    );
  }
  return row;
}

export function diff(before: AppointmentRow, after: AppointmentUpdate): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (key === 'updated_at') continue;
    const old = before[key as keyof AppointmentRow];
    if (old !== value) changes[key] = { from: old, to: value };
  }
  return changes;
}

export async function moveAppointment(db: Db, input: MoveInput, actor: Actor, now: number): Promise<WriteOutcome> {
  const clock = await clinicClock(db);
  const zone = clock.timeZone;
  const before = await existing(db, input.appointmentId, input.expectedUpdatedAt);
  if (!MOVABLE_STATUSES.includes(before.status)) {
    throw new ApiError('CONFLICT', `This appointment is ${STATUS_LABELS[before.status]}; it can no longer be moved.`);
  }
  const providerId = input.providerId ?? before.provider_id;
  if (providerId !== before.provider_id) {
    const type = await requireType(db, before.type_id);
    if (type.providerIds.length > 0 && !type.providerIds.includes(providerId)) {
      const provider = await requireProvider(db, providerId);
      throw fieldError('providerId', `${provider.display_name} does not see ${type.row.name} appointments`);
    }
  }
  const start = input.start ? resolveStart(clock, input.start) : before.start_at;
  const duration =
    input.durationMinutes !== undefined ? input.durationMinutes * MINUTE_MS : before.end_at - before.start_at;
  const locationChanged = input.locationId !== undefined && input.locationId !== before.location_id;
  const roomId = input.roomId !== undefined ? input.roomId : locationChanged ? null : before.room_id;
  const placement = await placementFor(db, zone, {
    id: before.id,
    patientId: before.patient_id,
    providerId,
    locationId:
      input.locationId ??
      (input.providerId !== undefined && providerId !== before.provider_id ? undefined : before.location_id),
    roomId,
    start,
    end: start + duration,
  });
  const problems = await findProblems(db, clock, placement);
  if (problems.length > 0 && !input.override) refuse(problems);
  const overrideReason = problems.length > 0 ? (input.override?.reason ?? null) : null;

  const after: AppointmentUpdate = {
    provider_id: placement.provider.id,
    location_id: placement.locationId,
    room_id: placement.roomId,
    start_at: placement.start,
    end_at: placement.end,
    override_reason: overrideReason,
    overridden_by: overrideReason ? actor.userId : null,
    updated_at: Math.max(now, before.updated_at + 1),
  };
  const changes = diff(before, after);
  try {
    await updateAppointment(db, before.id, after);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError(
        'CONFLICT',
        `${placement.provider.display_name} was booked at that time by someone else a moment ago.`,
      );
    throw error;
  }
  await insertHistory(db, {
    appointmentId: before.id,
    at: now,
    actor,
    action: 'moved',
    changes: { ...changes, ...(overrideReason && { overridden: problems.map((p) => p.code) }) },
    overrideReason,
  });
  return {
    view: await viewAppointment(db, zone, before.id),
    overridden: overrideReason ? problems : [],
    providerIds: [...new Set([before.provider_id, placement.provider.id])],
    dates: [
      ...new Set([...datesOf(zone, { start: before.start_at, end: before.end_at }), ...datesOf(zone, placement)]),
    ],
  };
}
