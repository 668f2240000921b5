import { sql, type Kysely } from 'kysely';
import type {
  AppointmentTypeSummary,
  ExceptionSummary,
  HolidaySummary,
  LocationSummary,
  ProviderSummary,
  RoomSummary,
  StaffMember,
  TemplateSummary,
} from '../../../src-shared/scheduling/model';
import { fieldError } from '../../../src-shared/api/errors';
import type {
  ExceptionRule,
  HolidayRule,
  ScheduleRules,
  TemplateRule,
} from '../../../src-shared/scheduling/availability';
import { addDays, daysBetween, isoWeekday, parseLocalTime } from '../../../src-shared/scheduling/time';
import type {
  AppointmentTypeRow,
  AvailabilityExceptionRow,
  AvailabilityTemplateRow,
  ClinicHolidayRow,
  Database,
  LocationRow,
  ProviderRow,
  RoomRow,
} from '../db/schema';
import { newId } from '../ids';
import { requireSettings } from '../settings/repository';
import type { ReadDb } from '../db/handles';
import type { DateFormat, TimeFormat } from '../../../src-shared/api/areas/settings';
import { clinicWording, type ClinicWording } from '../../../src-shared/locale/date-format';

/**
 * The clinic's scheduling configuration: locations, rooms, providers, appointment types, weekly
 * templates, exceptions and holidays. Inputs arrive validated by the contract; this adds the
 * rules that need the database (references exist, names are unique).
 */

type Db = Kysely<Database>;

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

function toType(row: AppointmentTypeRow, providerIds: string[], currency: string): AppointmentTypeSummary {
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

function parseBreaks(json: string): { start: string; end: string }[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as { start: string; end: string }[]) : [];
}

const toTemplate = (row: AvailabilityTemplateRow): TemplateSummary => ({
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

/** Names are unique without regard to case, as the unique indexes say. */
export const nameColumn = sql<string>`name COLLATE NOCASE`;

// ---- lookups -----------------------------------------------------------------------------------

export async function requireLocation(db: ReadDb, id: string, field = 'locationId'): Promise<LocationRow> {
  const row = await db
    .selectFrom('locations')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw fieldError(field, 'no such location');
  return row;
}

export async function requireRoom(db: ReadDb, id: string, field = 'roomId'): Promise<RoomRow> {
  const row = await db
    .selectFrom('rooms')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw fieldError(field, 'no such room');
  return row;
}

export async function requireProvider(db: ReadDb, id: string, field = 'providerId'): Promise<ProviderRow> {
  const row = await db
    .selectFrom('providers')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw fieldError(field, 'no such provider');
  return row;
}

export async function requireType(
  db: ReadDb,
  id: string,
  field = 'typeId',
): Promise<{ row: AppointmentTypeRow; providerIds: string[] }> {
  const row = await db
    .selectFrom('appointment_types')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw fieldError(field, 'no such appointment type');
  const providers = await db
    .selectFrom('appointment_type_providers')
    .select('provider_id')
    .where('type_id', '=', id)
    .execute();
  return { row, providerIds: providers.map((p) => p.provider_id) };
}

export async function activeProviders(db: ReadDb): Promise<ProviderRow[]> {
  return db
    .selectFrom('providers')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('display_name')
    .orderBy('id')
    .execute();
}

// ---- create ------------------------------------------------------------------------------------

export async function createLocation(
  db: Db,
  input: { name: string; address: string | null },
  now: number,
): Promise<LocationSummary> {
  const clash = await db
    .selectFrom('locations')
    .select('id')
    .where(nameColumn, '=', input.name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (clash) throw fieldError('name', `there is already a location called ${input.name}`);
  const row: LocationRow = {
    id: newId(),
    name: input.name,
    address: input.address,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await db.insertInto('locations').values(row).execute();
  return toLocation(row);
}

export async function listLocations(db: ReadDb): Promise<LocationSummary[]> {
  return (await db.selectFrom('locations').selectAll().where('deleted_at', 'is', null).orderBy('name').execute()).map(
    toLocation,
  );
}

export async function createRoom(
  db: Db,
  input: { locationId: string; name: string },
  now: number,
): Promise<RoomSummary> {
  await requireLocation(db, input.locationId);
  const clash = await db
    .selectFrom('rooms')
    .select('id')
    .where('location_id', '=', input.locationId)
    .where(nameColumn, '=', input.name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (clash) throw fieldError('name', `this location already has a room called ${input.name}`);
  const row: RoomRow = {
    id: newId(),
    location_id: input.locationId,
    name: input.name,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await db.insertInto('rooms').values(row).execute();
  return toRoom(row);
}

export async function listRooms(db: ReadDb, locationId?: string): Promise<RoomSummary[]> {
  let query = db.selectFrom('rooms').selectAll().where('deleted_at', 'is', null).orderBy('location_id').orderBy('name');
  if (locationId) query = query.where('location_id', '=', locationId);
  return (await query.execute()).map(toRoom);
}

/** A staff account a provider may sign in with: it exists, is not disabled, and no other provider has it. */
export async function requireLinkableUser(db: Db, userId: string, providerId?: string): Promise<void> {
  const user = await db.selectFrom('users').select(['id', 'disabled_at']).where('id', '=', userId).executeTakeFirst();
  if (!user) throw fieldError('userId', 'no such user');
  if (user.disabled_at !== null) throw fieldError('userId', 'this account is disabled');
  let taken = db
    .selectFrom('providers')
    .select('display_name')
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null);
  if (providerId) taken = taken.where('id', '!=', providerId);
  const other = await taken.executeTakeFirst();
  if (other) throw fieldError('userId', `this account is already ${other.display_name}'s`);
}

/** Active staff accounts and the provider each is linked to. */
export async function listStaff(db: ReadDb): Promise<StaffMember[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('roles', 'roles.id', 'users.role_id')
    .leftJoin('providers', (join) =>
      join.onRef('providers.user_id', '=', 'users.id').on('providers.deleted_at', 'is', null),
    )
    .select(['users.id', 'users.display_name', 'roles.label as role', 'providers.id as provider_id'])
    .where('users.disabled_at', 'is', null)
    .orderBy('users.display_name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    displayName: row.display_name,
    role: row.role,
    providerId: row.provider_id,
  }));
}

export async function createProvider(
  db: Db,
  input: {
    displayName: string;
    userId: string | null;
    specialty: string | null;
    colour: string;
    defaultLocationId: string | null;
  },
  now: number,
): Promise<ProviderSummary> {
  if (input.userId) await requireLinkableUser(db, input.userId);
  if (input.defaultLocationId) await requireLocation(db, input.defaultLocationId, 'defaultLocationId');
  const row: ProviderRow = {
    id: newId(),
    user_id: input.userId,
    display_name: input.displayName,
    specialty: input.specialty,
    colour: input.colour,
    default_location_id: input.defaultLocationId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await db.insertInto('providers').values(row).execute();
  return toProvider(row);
}

export async function listProviders(db: ReadDb): Promise<ProviderSummary[]> {
  return (await activeProviders(db)).map(toProvider);
}

export async function createType(
  db: Db,
  input: {
    name: string;
    durationMinutes: number;
    colour: string;
    defaultPriceMinor: number | null;
    providerIds: string[];
  },
  now: number,
): Promise<AppointmentTypeSummary> {
  const { currency } = await clinicClock(db);
  const clash = await db
    .selectFrom('appointment_types')
    .select('id')
    .where(nameColumn, '=', input.name)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (clash) throw fieldError('name', `there is already an appointment type called ${input.name}`);
  const providerIds = [...new Set(input.providerIds)];
  for (const [index, providerId] of providerIds.entries())
    await requireProvider(db, providerId, `providerIds.${index}`);
  const row: AppointmentTypeRow = {
    id: newId(),
    name: input.name,
    duration_minutes: input.durationMinutes,
    colour: input.colour,
    default_price_minor: input.defaultPriceMinor,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await db.insertInto('appointment_types').values(row).execute();
  if (providerIds.length > 0) {
    await db
      .insertInto('appointment_type_providers')
      .values(
        providerIds.map((providerId) => ({
          type_id: row.id,
          provider_id: providerId,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
  }
  return toType(row, providerIds, currency);
}

export async function listTypes(db: ReadDb): Promise<AppointmentTypeSummary[]> {
  const { currency } = await clinicClock(db);
  const [rows, links] = await Promise.all([
    db.selectFrom('appointment_types').selectAll().where('deleted_at', 'is', null).orderBy('name').execute(),
    db.selectFrom('appointment_type_providers').select(['type_id', 'provider_id']).execute(),
  ]);
  return rows.map((row) =>
    toType(
      row,
      links.filter((link) => link.type_id === row.id).map((link) => link.provider_id),
      currency,
    ),
  );
}

export async function createTemplate(
  db: Db,
  input: {
    providerId: string;
    locationId: string;
    weekday: number;
    start: string;
    end: string;
    breaks: { start: string; end: string }[];
    validFrom: string | null;
    validUntil: string | null;
  },
  now: number,
): Promise<TemplateSummary> {
  await requireProvider(db, input.providerId);
  await requireLocation(db, input.locationId);
  const breaks = [...input.breaks].sort((a, b) => a.start.localeCompare(b.start));
  for (let i = 1; i < breaks.length; i += 1) {
    const previous = breaks[i - 1];
    const current = breaks[i];
    if (previous && current && current.start < previous.end) throw fieldError(`breaks.${i}`, 'overlaps another break');
  }
  const row: AvailabilityTemplateRow = {
    id: newId(),
    provider_id: input.providerId,
    location_id: input.locationId,
    weekday: input.weekday,
    start_time: input.start,
    end_time: input.end,
    breaks: JSON.stringify(breaks.map((b) => ({ start: b.start, end: b.end }))),
    valid_from: input.validFrom,
    valid_until: input.validUntil,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await db.insertInto('availability_templates').values(row).execute();
  return toTemplate(row);
}

export async function listTemplates(db: ReadDb, providerId?: string): Promise<TemplateSummary[]> {
  let query = db
    .selectFrom('availability_templates')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('provider_id')
    .orderBy('weekday')
    .orderBy('start_time');
  if (providerId) query = query.where('provider_id', '=', providerId);
  return (await query.execute()).map(toTemplate);
}

/** What time off or extra hours say, as the form gives it: a left-out last day is the first, left-out times a whole day. */
export interface ExceptionFields {
  kind: 'time_off' | 'extra_hours';
  locationId: string | null;
  date: string;
  endDate?: string | undefined;
  start?: string | undefined;
  end?: string | undefined;
  reason: string | null;
}

/** The columns `ExceptionFields` set, for adding a row and for changing one. */
export function exceptionColumns(input: ExceptionFields) {
  return {
    kind: input.kind,
    location_id: input.locationId,
    date: input.date,
    end_date: input.endDate ?? input.date,
    start_time: input.start ?? null,
    end_time: input.end ?? null,
    reason: input.reason,
  };
}

export async function createException(
  db: Db,
  input: ExceptionFields & { providerId: string },
  now: number,
): Promise<ExceptionSummary> {
  await requireProvider(db, input.providerId);
  if (input.locationId) await requireLocation(db, input.locationId);
  const row: AvailabilityExceptionRow = {
    id: newId(),
    provider_id: input.providerId,
    ...exceptionColumns(input),
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await db.insertInto('availability_exceptions').values(row).execute();
  return toException(row);
}

export async function listExceptions(
  db: ReadDb,
  filter: { providerId?: string; from?: string; to?: string },
): Promise<ExceptionSummary[]> {
  let query = db
    .selectFrom('availability_exceptions')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('date')
    .orderBy('start_time');
  if (filter.providerId) query = query.where('provider_id', '=', filter.providerId);
  if (filter.from) query = query.where('end_date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  return (await query.execute()).map(toException);
}

/** One holiday per date and location (or for all locations), as the unique index says; `holidayId` is the one being changed. */
export async function refuseHolidayClash(
  db: Db,
  holiday: { date: string; locationId: string | null; holidayId?: string },
): Promise<void> {
  let clash = db
    .selectFrom('clinic_holidays')
    .select('name')
    .where('date', '=', holiday.date)
    .where('deleted_at', 'is', null);
  clash = holiday.locationId
    ? clash.where('location_id', '=', holiday.locationId)
    : clash.where('location_id', 'is', null);
  if (holiday.holidayId) clash = clash.where('id', '!=', holiday.holidayId);
  const existing = await clash.executeTakeFirst();
  if (existing) {
    const { date } = await clinicWordingOf(db);
    throw fieldError('date', `${date(holiday.date)} is already a holiday (${existing.name})`);
  }
}

export async function createHoliday(
  db: Db,
  input: { date: string; name: string; locationId: string | null },
  now: number,
): Promise<HolidaySummary> {
  if (input.locationId) await requireLocation(db, input.locationId);
  await refuseHolidayClash(db, input);
  const row: ClinicHolidayRow = {
    id: newId(),
    date: input.date,
    name: input.name,
    location_id: input.locationId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await db.insertInto('clinic_holidays').values(row).execute();
  return toHoliday(row);
}

export async function listHolidays(db: ReadDb, filter: { from?: string; to?: string }): Promise<HolidaySummary[]> {
  let query = db.selectFrom('clinic_holidays').selectAll().where('deleted_at', 'is', null).orderBy('date');
  if (filter.from) query = query.where('date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  return (await query.execute()).map(toHoliday);
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
  const ids = [...providerIds];
  let templateQuery = db
    .selectFrom('availability_templates')
    .selectAll()
    .where('provider_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', from)]))
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', to)]));
  // Less than a week (a day view, a booking check): only the weekdays it has.
  const span = daysBetween(from, to);
  if (span >= 0 && span < 6)
    templateQuery = templateQuery.where(
      'weekday',
      'in',
      Array.from({ length: span + 1 }, (_, offset) => isoWeekday(addDays(from, offset))),
    );
  const [templates, exceptions, holidays] = await Promise.all([
    templateQuery.execute(),
    db
      .selectFrom('availability_exceptions')
      .selectAll()
      .where('provider_id', 'in', ids)
      .where('deleted_at', 'is', null)
      .where('end_date', '>=', from)
      .where('date', '<=', to)
      .execute(),
    db
      .selectFrom('clinic_holidays')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('date', '>=', from)
      .where('date', '<=', to)
      .execute(),
  ]);
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
