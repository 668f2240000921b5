import { ApiError } from '../../../../src-shared/api/errors';
import type { CsvDateFormat } from '../../../../src-shared/interop/csv-import';
import { localToInstant, offsetAt } from '../../../../src-shared/scheduling/time';
import type { Actor } from '../../actor';
import type { AppointmentRow, Database } from '../../db/schema';
import { newId } from '../../ids';
import { insertAppointment, MAX_APPOINTMENT_MS } from '../../scheduling/appointment-repository';
import { bookAppointment, isUniqueViolation } from '../../scheduling/appointments';
import { createType } from '../../scheduling/appointment-types';
import { liveLocations } from '../../scheduling/location-repository';
import { createLocation } from '../../scheduling/locations';
import { activeProviderRows } from '../../scheduling/provider-repository';
import { liveTypes } from '../../scheduling/type-repository';
import type { Kysely } from 'kysely';
import { findLink } from '../fhir/import/link-repository';
import { IMPORTED_TYPE_NAME } from '../fhir/import/steps-visits';
import { isLivePatient, patientByNameAndDob } from './csv-repository';
import { dateOf, timeOf } from './dates';
import type { MappedRow } from './row';

/**
 * Appointments rows. What is past is history, written as it was (completed, cancelled or no-show)
 * without the booking rules, as the FHIR import does; what is still to come is booked through
 * bookAppointment, so the rules apply and a refusal is reported on the row, never forced.
 */

export interface AppointmentContext {
  db: Kysely<Database>;
  actor: Actor;
  now: number;
  timeZone: string;
  dateFormat: CsvDateFormat;
  sourceKey: string;
}

export interface PlannedAppointment {
  label: string;
  patientId: string;
  providerId: string;
  typeId: string | null;
  date: string;
  time: string;
  start: number;
  minutes: number | null;
  status: 'booked' | 'completed' | 'cancelled' | 'no_show';
  reason: string | null;
  notes: string | null;
}

/** Folded for comparing names: no case, no "Dr" title, single spaces. */
function folded(name: string): string {
  return name
    .toLocaleLowerCase()
    .replace(/^dr\.?\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function statusOf(raw: string | undefined): PlannedAppointment['status'] | null {
  const word = (raw ?? '').toLowerCase().replace(/[^a-z]/g, '');
  if (
    ['', 'booked', 'scheduled', 'confirmed', 'pending', 'arrived', 'completed', 'attended', 'checkedout'].includes(word)
  )
    return word === '' || word === 'booked' || word === 'scheduled' || word === 'confirmed' || word === 'pending'
      ? 'booked'
      : 'completed';
  if (['cancelled', 'canceled', 'cancellation', 'x'].includes(word)) return 'cancelled';
  if (['noshow', 'dna', 'didnotattend', 'didnotarrive', 'missed'].includes(word)) return 'no_show';
  return null;
}

async function patientOf(context: AppointmentContext, row: MappedRow): Promise<string | undefined> {
  const external = row.value('patientExternalId');
  if (external) {
    const link = await findLink(context.db, `csv|patients|${context.sourceKey}|id:${external}`);
    if (link && (await isLivePatient(context.db, link.local_id))) return link.local_id;
  }
  const first = row.value('patientFirstName');
  const last = row.value('patientLastName');
  const rawDob = row.value('patientDob');
  if (first && last && rawDob) {
    const dob = dateOf(rawDob, context.dateFormat);
    if (!dob) {
      row.fail('patientDob', `"${rawDob}" is not a date written as ${context.dateFormat}`);
      return undefined;
    }
    const id = await patientByNameAndDob(context.db, first, last, dob);
    if (id) return id;
  }
  if (external)
    row.fail(
      'patientExternalId',
      `no patient imported from this source has the id "${external}"; import the patients first`,
    );
  else if (first && last && rawDob)
    row.fail('patientLastName', `no patient ${first} ${last} born ${rawDob} is on the desk`);
  else row.fail(null, 'names no patient: map a patient id column, or first name, last name and date of birth');
  return undefined;
}

export async function planAppointment(context: AppointmentContext, row: MappedRow): Promise<PlannedAppointment | null> {
  for (const field of ['provider', 'date', 'time'])
    if (!row.value(field) && !(field === 'time' && row.value('date')?.match(/[ T]\d/)))
      row.fail(field, row.isMapped(field) ? 'is empty; the desk needs it' : 'no column is mapped to it');
  const patientId = await patientOf(context, row);
  const providerName = row.value('provider');
  const provider = providerName
    ? (await activeProviderRows(context.db)).find((item) => folded(item.display_name) === folded(providerName))
    : undefined;
  if (providerName && !provider) row.fail('provider', `unknown provider "${providerName}": add them on the desk first`);
  const typeName = row.value('type');
  const type = typeName
    ? (await liveTypes(context.db)).find((item) => folded(item.name) === folded(typeName))
    : undefined;
  if (typeName && !type) row.fail('type', `unknown appointment type "${typeName}": add it on the desk first`);
  const rawDate = row.value('date') ?? '';
  const date = rawDate ? dateOf(rawDate, context.dateFormat) : null;
  if (rawDate && !date) row.fail('date', `"${rawDate}" is not a date written as ${context.dateFormat}`);
  const time = timeOf(row.value('time'), rawDate);
  if (!time && (row.value('time') || rawDate.match(/[ T]\d/)))
    row.fail(row.value('time') ? 'time' : 'date', 'is not a time of day (like 09:30 or 2:15 PM)');
  const rawMinutes = row.value('durationMinutes');
  const minutes = rawMinutes === undefined ? null : Number(rawMinutes);
  if (minutes !== null && !(Number.isInteger(minutes) && minutes >= 5 && minutes <= 720))
    row.fail('durationMinutes', `"${rawMinutes ?? ''}" is not a whole number of minutes from 5 to 720`);
  const status = statusOf(row.value('status'));
  if (!status) row.fail('status', `"${row.value('status') ?? ''}" is not a status the desk knows`);
  if (row.errors.length > 0 || !patientId || !provider || !date || !time || !status) return null;
  const instant = localToInstant(context.timeZone, { date, time, fold: 'earlier' });
  if (!instant.ok) {
    row.fail('time', instant.message);
    return null;
  }
  return {
    label: `${date} ${time} ${provider.display_name}`,
    patientId,
    providerId: provider.id,
    typeId: type?.id ?? null,
    date,
    time,
    start: instant.instant,
    minutes,
    status,
    reason: row.value('reason')?.slice(0, 500) ?? null,
    notes: row.value('notes')?.slice(0, 4000) ?? null,
  };
}

async function placeFor(
  context: AppointmentContext,
  typeId: string | null,
): Promise<{ typeId: string; minutes: number; locationId: string }> {
  const types = await liveTypes(context.db);
  const existing =
    types.find((item) => item.id === typeId) ??
    types.find((item) => item.name.toLocaleLowerCase() === IMPORTED_TYPE_NAME.toLocaleLowerCase());
  const type = existing
    ? { id: existing.id, minutes: existing.duration_minutes }
    : await createType(
        context.db,
        { name: IMPORTED_TYPE_NAME, durationMinutes: 15, colour: '#6f7f8f', defaultPriceMinor: null, providerIds: [] },
        context.now,
      ).then((created) => ({ id: created.id, minutes: created.durationMinutes }));
  const location =
    (await liveLocations(context.db))[0]?.id ??
    (await createLocation(context.db, { name: 'Imported', address: null }, context.now)).id;
  return { typeId: type.id, minutes: type.minutes, locationId: location };
}

/** Writes the appointment; a refusal of the booking rules is thrown as an ApiError for the row to report. */
export async function writeAppointment(
  context: AppointmentContext,
  plan: PlannedAppointment,
): Promise<{ id: string; note: string | null }> {
  const place = await placeFor(context, plan.typeId);
  const minutes = plan.minutes ?? place.minutes;
  if (plan.start >= context.now) {
    if (plan.status !== 'booked')
      throw new ApiError('VALIDATION', `it is still to come and its status is ${plan.status}, not booked`);
    const outcome = await bookAppointment(
      context.db,
      {
        patientId: plan.patientId,
        providerId: plan.providerId,
        typeId: place.typeId,
        locationId: place.locationId,
        roomId: null,
        start: { date: plan.date, time: plan.time, offsetMinutes: offsetAt(context.timeZone, plan.start) },
        durationMinutes: minutes,
        reason: plan.reason,
        notes: plan.notes,
        meetingLink: null,
        rescheduledFromId: null,
      },
      context.actor,
      context.now,
    );
    return { id: outcome.view.id, note: 'booked: it is still to come' };
  }
  const end = plan.start + minutes * 60_000;
  if (end - plan.start > MAX_APPOINTMENT_MS) throw new ApiError('VALIDATION', 'it lasts more than a day');
  const status = plan.status === 'booked' ? 'completed' : plan.status;
  const row: AppointmentRow = {
    id: newId(),
    patient_id: plan.patientId,
    provider_id: plan.providerId,
    location_id: place.locationId,
    room_id: null,
    type_id: place.typeId,
    start_at: plan.start,
    end_at: end,
    reason: plan.reason,
    notes: plan.notes,
    status,
    cancel_reason: status === 'cancelled' ? 'Cancelled before it was imported' : null,
    cancelled_by: null,
    cancelled_at: status === 'cancelled' ? plan.start : null,
    rescheduled_from_id: null,
    meeting_link: null,
    override_reason: null,
    overridden_by: null,
    created_by: context.actor.userId,
    created_at: context.now,
    updated_at: context.now,
    deleted_at: null,
    series_id: null,
    series_index: null,
  };
  try {
    await insertAppointment(context.db, row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw new ApiError('CONFLICT', 'the provider already has an appointment starting at that time');
    throw error;
  }
  return { id: row.id, note: 'history: it is past' };
}
