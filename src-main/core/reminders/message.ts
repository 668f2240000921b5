import type { Kysely } from 'kysely';
import type { DateFormat, TimeFormat } from '../../../src-shared/api/areas/settings';
import { formatDate } from '../../../src-shared/patients/dates';
import type { TemplateValues } from '../../../src-shared/reminders/templates';
import { isoWeekday, localParts, weekdayName } from '../../../src-shared/scheduling/time';
import { formatClockTime } from '../../../src-shared/locale/time-format';
import type { Database } from '../db/schema';
import { readSettings } from '../settings/repository';
import { appointmentForMessage } from './outbox-repository';
import type { ReadDb } from '../db/handles';

/** What a reminder says about its appointment, read at send time. */
export interface AppointmentFacts {
  id: string;
  patientId: string;
  status: string;
  startAt: number;
  deletedAt: number | null;
  firstName: string;
  lastName: string;
  provider: string;
  location: string;
  type: string;
}

export async function appointmentFacts(
  db: Kysely<Database>,
  appointmentId: string,
): Promise<AppointmentFacts | undefined> {
  const row = await appointmentForMessage(db, appointmentId);
  if (!row) return undefined;
  return {
    id: row.id,
    patientId: row.patient_id,
    status: row.status,
    startAt: row.start_at,
    deletedAt: row.deleted_at,
    firstName: row.preferred_name ?? row.first_name,
    lastName: row.last_name,
    provider: row.display_name,
    location: row.location_name,
    type: row.type_name,
  };
}

export interface ClinicFacts {
  name: string;
  timeZone: string;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
}

/** The clinic's name, zone and date and time formats; undefined before the clinic is set up. */
export async function readClinicFacts(db: ReadDb): Promise<ClinicFacts | undefined> {
  const clinic = await readSettings(db);
  return clinic
    ? {
        name: clinic.clinicName,
        timeZone: clinic.timeZone,
        dateFormat: clinic.dateFormat,
        timeFormat: clinic.timeFormat,
      }
    : undefined;
}

/** The placeholders' values: date and time as the clinic's wall clock shows them, in its format. */
export function templateValues(appointment: AppointmentFacts, clinic: ClinicFacts): TemplateValues {
  const local = localParts(clinic.timeZone, appointment.startAt);
  return {
    firstName: appointment.firstName,
    lastName: appointment.lastName,
    clinic: clinic.name,
    provider: appointment.provider,
    date: formatDate(local.date, clinic.dateFormat),
    weekday: weekdayName(isoWeekday(local.date)),
    time: formatClockTime(local.minutes, clinic.timeFormat),
    location: appointment.location,
    type: appointment.type,
  };
}
