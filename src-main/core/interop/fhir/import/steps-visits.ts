import { ApiError } from '../../../../../src-shared/api/errors';
import { appointmentStatusFromFhir, FHIR_EXTENSIONS } from '../../../../../src-shared/fhir/codes';
import { localDateOf, localTimeOf, offsetAt } from '../../../../../src-shared/scheduling/time';
import type { AppointmentRow } from '../../../db/schema';
import { newId } from '../../../ids';
import { insertAppointment, MAX_APPOINTMENT_MS } from '../../../scheduling/appointment-repository';
import { bookAppointment, isUniqueViolation } from '../../../scheduling/appointments';
import { createType } from '../../../scheduling/appointment-types';
import { liveLocations } from '../../../scheduling/location-repository';
import { createLocation } from '../../../scheduling/locations';
import { liveTypes } from '../../../scheduling/type-repository';
import { child, conceptText, num, objects, text, type Json } from './fhir-json';
import { missingPatient } from './steps-records';
import type { ImportSession, StepResult } from './session';

/**
 * Encounters and Appointments. What happened (before now) is history: written as it was, with its
 * outcome, without the booking rules (the provider's hours then are not known). What is still to come is
 * a booking: made through bookAppointment, so the rules apply, and a refusal is reported, not forced.
 */

/** The type and place imported history is filed under when the file says nothing the desk knows. */
export const IMPORTED_TYPE_NAME = 'Imported visit';
const IMPORTED_LOCATION_NAME = 'Imported';

type HistoryStatus = AppointmentRow['status'];

/** An encounter that took place is a completed appointment in the book, whatever stage it was last seen at. */
const ENCOUNTER_PAST: Record<string, HistoryStatus> = {
  finished: 'completed',
  arrived: 'completed',
  triaged: 'completed',
  'in-progress': 'completed',
  onleave: 'completed',
  cancelled: 'cancelled',
};

interface Visit {
  label: string;
  patientRef: unknown;
  practitionerRef: unknown;
  start: number | undefined;
  end: number | undefined;
  minutes: number | undefined;
  status: string;
  /** The exact desk status a Front Desk export carried in its extension. */
  deskStatus: string | undefined;
  reason: string | null;
  notes: string | null;
}

function instant(value: unknown): number | undefined {
  const raw = text(value);
  if (!raw || !/^\d{4}-\d{2}-\d{2}T/.test(raw)) return undefined;
  const parsed = Date.parse(raw);
  return Number.isNaN(parsed) ? undefined : parsed;
}

/** The first participant that is a Practitioner (in the file, or by its reference's type). */
function practitionerOf(session: ImportSession, resource: Json, key: 'actor' | 'individual'): unknown {
  for (const participant of objects(resource.participant)) {
    const ref = child(participant, key);
    const entry = session.entryOf(ref);
    if (entry?.resourceType === 'Practitioner' || text(ref?.reference)?.startsWith('Practitioner')) return ref;
  }
  return undefined;
}

export function appointmentVisit(session: ImportSession, resource: Json): Visit {
  let patientRef: unknown;
  for (const participant of objects(resource.participant)) {
    const entry = session.entryOf(child(participant, 'actor'));
    const ref = text(child(participant, 'actor')?.reference) ?? '';
    if (entry?.resourceType === 'Patient' || ref.startsWith('Patient')) patientRef ??= child(participant, 'actor');
  }
  const practitionerRef = practitionerOf(session, resource, 'actor');
  const start = instant(resource.start);
  return {
    label: `Appointment ${text(resource.start) ?? ''}`.trim(),
    patientRef,
    practitionerRef,
    start,
    end: instant(resource.end),
    minutes: num(resource.minutesDuration),
    status: text(resource.status) ?? 'booked',
    deskStatus: text(
      objects(resource.extension).find((item) => item.url === FHIR_EXTENSIONS.appointmentDeskStatus)?.valueCode,
    ),
    reason: (text(resource.description) ?? conceptText(objects(resource.reasonCode)[0]) ?? null)?.slice(0, 500) ?? null,
    notes: text(resource.comment)?.slice(0, 4000) ?? null,
  };
}

export function encounterVisit(session: ImportSession, resource: Json): Visit {
  const period = child(resource, 'period');
  return {
    label: `${conceptText(objects(resource.type)[0]) ?? 'Encounter'} ${text(period?.start) ?? ''}`.trim(),
    patientRef: resource.subject,
    practitionerRef: practitionerOf(session, resource, 'individual'),
    start: instant(period?.start),
    end: instant(period?.end),
    minutes: undefined,
    status: text(resource.status) ?? 'finished',
    deskStatus: undefined,
    reason:
      (conceptText(objects(resource.reasonCode)[0]) ?? conceptText(objects(resource.type)[0]) ?? null)?.slice(0, 500) ??
      null,
    notes: null,
  };
}

async function importedPlace(session: ImportSession): Promise<{ typeId: string; locationId: string }> {
  const type =
    (await liveTypes(session.db)).find((row) => row.name.toLocaleLowerCase() === IMPORTED_TYPE_NAME.toLocaleLowerCase())
      ?.id ??
    (
      await createType(
        session.db,
        { name: IMPORTED_TYPE_NAME, durationMinutes: 15, colour: '#6f7f8f', defaultPriceMinor: null, providerIds: [] },
        session.now,
      )
    ).id;
  const location =
    (await liveLocations(session.db))[0]?.id ??
    (await createLocation(session.db, { name: IMPORTED_LOCATION_NAME, address: null }, session.now)).id;
  return { typeId: type, locationId: location };
}

export async function createVisitFrom(
  session: ImportSession,
  visit: Visit,
  pastStatus: (visit: Visit) => HistoryStatus | null,
): Promise<StepResult> {
  const { label } = visit;
  if (visit.status === 'entered-in-error') return { outcome: 'skipped', label, reason: 'it was entered in error' };
  const patientId = await session.localIdOf(visit.patientRef, 'Patient', 'patients');
  if (!patientId) return { outcome: 'skipped', label, reason: missingPatient(visit.patientRef) };
  const providerId = await session.localIdOf(visit.practitionerRef, 'Practitioner', 'providers');
  if (!providerId)
    return {
      outcome: 'skipped',
      label,
      reason: 'it names no practitioner the file holds; every appointment needs a provider',
    };
  if (visit.start === undefined) return { outcome: 'skipped', label, reason: 'it has no start time' };
  const end = visit.end ?? visit.start + (visit.minutes ?? 15) * 60_000;
  if (end <= visit.start) return { outcome: 'skipped', label, reason: 'it ends before it starts' };
  if (end - visit.start > MAX_APPOINTMENT_MS)
    return {
      outcome: 'skipped',
      label,
      reason: 'it lasts more than a day (a hospital stay), which the appointment book does not hold',
    };
  const place = await importedPlace(session);
  if (visit.start >= session.now) return bookFuture(session, visit, { patientId, providerId, ...place, end });
  const status = pastStatus(visit);
  if (!status)
    return {
      outcome: 'skipped',
      label,
      reason: `its status "${visit.status}" is not a visit that took place or was booked`,
    };
  const row: AppointmentRow = {
    id: newId(),
    patient_id: patientId,
    provider_id: providerId,
    location_id: place.locationId,
    room_id: null,
    type_id: place.typeId,
    start_at: visit.start,
    end_at: end,
    reason: visit.reason,
    notes: visit.notes,
    status,
    cancel_reason: status === 'cancelled' ? 'Cancelled before it was imported' : null,
    cancelled_by: null,
    cancelled_at: status === 'cancelled' ? visit.start : null,
    rescheduled_from_id: null,
    meeting_link: null,
    override_reason: null,
    overridden_by: null,
    created_by: session.actor.userId,
    created_at: session.now,
    updated_at: session.now,
    deleted_at: null,
    series_id: null,
    series_index: null,
  };
  try {
    await insertAppointment(session.db, row);
  } catch (error) {
    if (isUniqueViolation(error))
      return { outcome: 'skipped', label, reason: 'the provider already has an appointment starting at that time' };
    throw error;
  }
  return { outcome: 'created', localTable: 'appointments', localId: row.id, label };
}

async function bookFuture(
  session: ImportSession,
  visit: Visit,
  place: { patientId: string; providerId: string; typeId: string; locationId: string; end: number },
): Promise<StepResult> {
  const { label } = visit;
  if (visit.status !== 'booked' && visit.status !== 'pending' && visit.status !== 'planned')
    return { outcome: 'skipped', label, reason: `it is still to come and its status is "${visit.status}", not booked` };
  const start = visit.start ?? session.now;
  const minutes = Math.round((place.end - start) / 60_000);
  try {
    const outcome = await bookAppointment(
      session.db,
      {
        patientId: place.patientId,
        providerId: place.providerId,
        typeId: place.typeId,
        locationId: place.locationId,
        roomId: null,
        start: {
          date: localDateOf(session.timeZone, start),
          time: localTimeOf(session.timeZone, start),
          offsetMinutes: offsetAt(session.timeZone, start),
        },
        durationMinutes: Math.min(720, Math.max(5, minutes)),
        reason: visit.reason,
        notes: visit.notes,
        meetingLink: null,
        rescheduledFromId: null,
      },
      session.actor,
      session.now,
    );
    return {
      outcome: 'created',
      localTable: 'appointments',
      localId: outcome.view.id,
      label,
      reason: 'booked: it is still to come',
    };
  } catch (error) {
    if (error instanceof ApiError && (error.code === 'VALIDATION' || error.code === 'CONFLICT'))
      return { outcome: 'skipped', label, reason: `the booking rules refused it: ${error.message}` };
    throw error;
  }
}

export const pastStatusOf = {
  Appointment: (visit: Visit) => appointmentStatusFromFhir(visit.status, visit.deskStatus),
  Encounter: (visit: Visit) => ENCOUNTER_PAST[visit.status] ?? null,
};
