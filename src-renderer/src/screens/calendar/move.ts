import type { AppointmentView, BookingProblem } from '../../../../src-shared/scheduling/model';
import type { ApiErrorData } from '../../../../src-shared/api/errors';
import type { Input } from '../../../../src-shared/api/contract';
import { formatLocalTime } from '../../../../src-shared/scheduling/time';
import { call } from '../../api';
import { useWaitlistOffers } from '../../stores/waitlist-offers';
import { i18next, variant } from '../../i18n';

/** Where to put an appointment: anything left out stays as it is. */
export interface MoveTarget {
  providerId: string;
  date: string;
  /** Wall-clock minutes since midnight on `date`. */
  minute: number;
  durationMinutes: number;
}

export type MoveOutcome =
  { ok: true; view: AppointmentView } | { ok: false; error: ApiErrorData; problems: BookingProblem[] };

/** The refusal reasons main sends with a CONFLICT (provider busy, outside hours ...). */
export function problemsOf(details: unknown): BookingProblem[] {
  if (typeof details !== 'object' || details === null || !('problems' in details) || !Array.isArray(details.problems))
    return [];
  return (details.problems as unknown[]).filter(
    (p): p is BookingProblem => typeof p === 'object' && p !== null && 'message' in p && typeof p.message === 'string',
  );
}

/**
 * `appointments.move` for this target: only what changed, and the version the screen showed, so a
 * change made meanwhile at another desk is refused rather than overwritten.
 */
export function moveInput(
  appointment: AppointmentView,
  target: MoveTarget,
  override?: string,
): Input<'appointments.move'> {
  const time = formatLocalTime(target.minute);
  return {
    appointmentId: appointment.id,
    ...((target.date !== appointment.date || time !== appointment.startTime) && { start: { date: target.date, time } }),
    ...(target.providerId !== appointment.providerId && { providerId: target.providerId }),
    ...(target.durationMinutes !== appointment.durationMinutes && { durationMinutes: target.durationMinutes }),
    expectedUpdatedAt: appointment.updatedAt,
    ...(override !== undefined && { override: { reason: override } }),
  };
}

/**
 * Asks main to move (and/or resize) an appointment (see {@link moveInput}). A move that leaves the old
 * start shows the waitlist's offers for it.
 */
export async function moveAppointment(
  appointment: AppointmentView,
  target: MoveTarget,
  override?: string,
): Promise<MoveOutcome> {
  const result = await call('appointments.move', moveInput(appointment, target, override));
  if (result.ok) {
    // A move frees the old time as a cancel does: offer it to the waitlist (a resize keeps the start, so it frees no start).
    if (result.value.start !== appointment.start || result.value.providerId !== appointment.providerId)
      useWaitlistOffers.getState().show(appointment);
    return { ok: true, view: result.value };
  }
  return {
    ok: false,
    error: result.error,
    problems: result.error.code === 'CONFLICT' ? problemsOf(result.error.details) : [],
  };
}

/** 'Moved Tanaka, Aiko to 09:30–10:00 with Dr Ben Carter.' */
export function movedMessage(
  view: AppointmentView,
  providerName: string | undefined,
  dateLabel: string | null,
): string {
  return i18next.t('calendar:move.movedTo', {
    patientName: view.patientName,
    date: dateLabel ?? '',
    startTime: view.startTime,
    endTime: view.endTime,
    providerName: providerName ?? '',
    context: variant(dateLabel && 'date', providerName && 'provider'),
  });
}
