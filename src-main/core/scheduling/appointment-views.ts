import type {
  AppointmentDetail,
  AppointmentHistoryEntry,
  AppointmentView,
  PatientAppointments,
} from '../../../src-shared/scheduling/model';
import { ApiError } from '../../../src-shared/api/errors';
import { displayName } from '../../../src-shared/patients/names';
import { formatLocalTime, localParts, MINUTE_MS } from '../../../src-shared/scheduling/time';
import type { ReadDb } from '../db/handles';
import {
  appointmentHistory,
  countNoShows,
  findJoinedAppointment,
  patientAppointments,
  joinedAppointmentsOverlapping,
  type JoinedRow,
} from './appointment-repository';
import { clinicClock } from './config';

/** Appointments as the screens see them: names joined, times in the clinic's zone. */

export function toView(zone: string, row: JoinedRow): AppointmentView {
  // Two wall-clock readings per appointment (start and end), each plain arithmetic on cached offsets.
  const start = localParts(zone, row.start_at);
  const end = localParts(zone, row.end_at);
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: displayName({
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      preferredName: row.preferred_name,
    }),
    patientMrn: row.mrn,
    providerId: row.provider_id,
    locationId: row.location_id,
    roomId: row.room_id,
    typeId: row.type_id,
    typeName: row.type_name,
    colour: row.type_colour,
    start: row.start_at,
    end: row.end_at,
    date: start.date,
    startTime: formatLocalTime(start.minutes),
    endTime: formatLocalTime(end.minutes),
    offsetMinutes: start.offsetMinutes,
    durationMinutes: Math.round((row.end_at - row.start_at) / MINUTE_MS),
    reason: row.reason,
    notes: row.notes,
    status: row.status,
    cancelReason: row.cancel_reason,
    cancelledBy: row.cancelled_by,
    cancelledAt: row.cancelled_at,
    rescheduledFromId: row.rescheduled_from_id,
    seriesId: row.series_id,
    meetingLink: row.meeting_link,
    overrideReason: row.override_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function viewAppointment(db: ReadDb, zone: string, id: string): Promise<AppointmentView> {
  const row = await findJoinedAppointment(db, id);
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such appointment.', {
      fields: { appointmentId: 'no such appointment' },
    });
  return toView(zone, row);
}

/** Live appointments of these providers that overlap [from, to), ordered by start. */
export async function appointmentsOverlapping(
  db: ReadDb,
  zone: string,
  filter: ({ providerIds: readonly string[] } | { roomId: string }) & {
    from: number;
    to: number;
    includeCancelled: boolean;
  },
): Promise<AppointmentView[]> {
  return (await joinedAppointmentsOverlapping(db, filter)).map((row) => toView(zone, row));
}

export async function getAppointment(db: ReadDb, id: string): Promise<AppointmentDetail> {
  const { timeZone } = await clinicClock(db);
  const view = await viewAppointment(db, timeZone, id);
  const history = await appointmentHistory(db, id);
  return {
    ...view,
    history: history.map((h): AppointmentHistoryEntry => ({
      at: h.at,
      userId: h.user_id,
      username: h.username,
      action: h.action,
      changes: JSON.parse(h.changes) as Record<string, unknown>,
      overrideReason: h.override_reason,
    })),
  };
}

const YEAR_MS = 365 * 24 * 60 * MINUTE_MS;

/** A patient's upcoming and past appointments (cancelled ones too) and their no-shows of the last year. */
export async function appointmentsOfPatient(
  db: ReadDb,
  input: { patientId: string; upcomingLimit: number; pastLimit: number },
  now: number,
): Promise<PatientAppointments> {
  const { timeZone } = await clinicClock(db);
  const rows = await patientAppointments(db, { ...input, now });
  return {
    upcoming: rows.upcoming.slice(0, input.upcomingLimit).map((row) => toView(timeZone, row)),
    moreUpcoming: rows.upcoming.length > input.upcomingLimit,
    past: rows.past.slice(0, input.pastLimit).map((row) => toView(timeZone, row)),
    morePast: rows.past.length > input.pastLimit,
    noShowsLastYear: await countNoShows(db, input.patientId, now - YEAR_MS, now),
  };
}
