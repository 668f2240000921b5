import type {
  AppointmentTypeSummary,
  ExceptionSummary,
  HolidaySummary,
  LocationSummary,
  ProviderSummary,
  RoomSummary,
  TemplateSummary,
} from '../../../src-shared/scheduling/model';
import { fieldError } from '../../../src-shared/api/errors';
import type {
  ExceptionRule,
  HolidayRule,
  ScheduleRules,
  TemplateRule,
} from '../../../src-shared/scheduling/availability';
import { parseLocalTime } from '../../../src-shared/scheduling/time';
import type {
  AppointmentTypeRow,
  AvailabilityExceptionRow,
  AvailabilityTemplateRow,
  ClinicHolidayRow,
  LocationRow,
  ProviderRow,
  RoomRow,
} from '../db/schema';
import { requireSettings } from '../settings/repository';
import type { ReadDb } from '../db/handles';
import type { DateFormat, TimeFormat } from '../../../src-shared/api/areas/settings';
import { clinicWording, type ClinicWording } from '../../../src-shared/locale/date-format';
import { ruleRows } from './availability-repository';
import { findLocation, findRoom } from './location-repository';
import { activeProviderRows, findProvider } from './provider-repository';
import { findType, typeProviderIds } from './type-repository';

/**
 * What every part of scheduling looks up: the clinic's clock, a location, room, provider or type that
 * must exist, the rows as the screens see them, and the rules the availability expansion reads. Each
 * piece of set-up is created, changed and removed in its own file: locations.ts (and rooms),
 * providers.ts, appointment-types.ts, weekly-hours.ts, time-off.ts (and holidays).
 */

/** The clinic's zone and currency, and how its people write dates and times (for main's own messages). */
export interface ClinicClock {
  timeZone: string;
  currency: string;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
}

export async function clinicClock(db: ReadDb): Promise<ClinicClock> {
  const settings = await requireSettings(db);
  return {
    timeZone: settings.timeZone,
    currency: settings.currency,
    dateFormat: settings.dateFormat,
    timeFormat: settings.timeFormat,
  };
}

/** How main's sentences write the clinic's dates and times (its date format, its 12/24-hour clock). */
export async function clinicWordingOf(db: ReadDb): Promise<ClinicWording> {
  const clock = await clinicClock(db);
  return clinicWording(clock.dateFormat, clock.timeFormat);
}

// ---- row -> summary ----------------------------------------------------------------------------

export const toLocation = (row: LocationRow): LocationSummary => ({ id: row.id, name: row.name, address: row.address });
export const toRoom = (row: RoomRow): RoomSummary => ({ id: row.id, locationId: row.location_id, name: row.name });
export const toProvider = (row: ProviderRow): ProviderSummary => ({
  id: row.id,
  userId: row.user_id,
  displayName: row.display_name,
  specialty: row.specialty,
  colour: row.colour,
  defaultLocationId: row.default_location_id,
});

export function toType(row: AppointmentTypeRow, providerIds: string[], currency: string): AppointmentTypeSummary {
  return {
    id: row.id,
    name: row.name,
    durationMinutes: row.duration_minutes,
    colour: row.colour,
    defaultPriceMinor: row.default_price_minor,
    currency,
    providerIds,
  };
}

export function parseBreaks(json: string): { start: string; end: string }[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as { start: string; end: string }[]) : [];
}

export const toTemplate = (row: AvailabilityTemplateRow): TemplateSummary => ({
  id: row.id,
  providerId: row.provider_id,
  locationId: row.location_id,
  weekday: row.weekday,
  start: row.start_time,
  end: row.end_time,
  breaks: parseBreaks(row.breaks),
  validFrom: row.valid_from,
  validUntil: row.valid_until,
});

export const toException = (row: AvailabilityExceptionRow): ExceptionSummary => ({
  id: row.id,
  providerId: row.provider_id,
  locationId: row.location_id,
  kind: row.kind,
  date: row.date,
  endDate: row.end_date,
  start: row.start_time,
  end: row.end_time,
  reason: row.reason,
});

export const toHoliday = (row: ClinicHolidayRow): HolidaySummary => ({
  id: row.id,
  date: row.date,
  name: row.name,
  locationId: row.location_id,
});

const minutes = (time: string): number => parseLocalTime(time) ?? 0;

// ---- lookups -----------------------------------------------------------------------------------

export async function requireLocation(db: ReadDb, id: string, field = 'locationId'): Promise<LocationRow> {
  const row = await findLocation(db, id);
  if (!row) throw fieldError(field, 'no such location');
  return row;
}

export async function requireRoom(db: ReadDb, id: string, field = 'roomId'): Promise<RoomRow> {
  const row = await findRoom(db, id);
  if (!row) throw fieldError(field, 'no such room');
  return row;
}

export async function requireProvider(db: ReadDb, id: string, field = 'providerId'): Promise<ProviderRow> {
  const row = await findProvider(db, id);
  if (!row) throw fieldError(field, 'no such provider');
  return row;
}

export async function requireType(
  db: ReadDb,
  id: string,
  field = 'typeId',
): Promise<{ row: AppointmentTypeRow; providerIds: string[] }> {
  const row = await findType(db, id);
  if (!row) throw fieldError(field, 'no such appointment type');
  return { row, providerIds: await typeProviderIds(db, id) };
}

export async function activeProviders(db: ReadDb): Promise<ProviderRow[]> {
  return activeProviderRows(db);
}

// ---- rules for the availability expansion ------------------------------------------------------

/** The templates, exceptions and holidays that can touch these providers between two local dates. */
export async function loadRules(
  db: ReadDb,
  providerIds: readonly string[],
  from: string,
  to: string,
): Promise<ScheduleRules> {
  if (providerIds.length === 0) return { templates: [], exceptions: [], holidays: [] };
  const { templates, exceptions, holidays } = await ruleRows(db, providerIds, from, to);
  return {
    templates: templates.map((row): TemplateRule => ({
      id: row.id,
      providerId: row.provider_id,
      locationId: row.location_id,
      weekday: row.weekday,
      start: minutes(row.start_time),
      end: minutes(row.end_time),
      breaks: parseBreaks(row.breaks).map((b) => ({ start: minutes(b.start), end: minutes(b.end) })),
      validFrom: row.valid_from,
      validUntil: row.valid_until,
    })),
    exceptions: exceptions.map((row): ExceptionRule => ({
      id: row.id,
      providerId: row.provider_id,
      locationId: row.location_id,
      kind: row.kind,
      date: row.date,
      endDate: row.end_date,
      start: row.start_time === null ? null : minutes(row.start_time),
      end: row.end_time === null ? null : minutes(row.end_time),
      reason: row.reason,
    })),
    holidays: holidays.map((row): HolidayRule => ({
      id: row.id,
      date: row.date,
      locationId: row.location_id,
      name: row.name,
    })),
  };
}
