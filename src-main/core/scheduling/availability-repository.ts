import type { Kysely, Updateable } from 'kysely';
import { addDays, daysBetween, isoWeekday } from '../../../src-shared/scheduling/time';
import type { AvailabilityExceptionRow, AvailabilityTemplateRow, ClinicHolidayRow, Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';

/**
 * The SQL of when providers work: weekly templates, exceptions (time off, extra hours) and clinic
 * holidays. They are rules, not records: removing one ends it (`deleted_at`).
 */

type Db = Kysely<Database>;

// ---- weekly templates --------------------------------------------------------------------------

export function findTemplate(db: ReadDb, id: string): Promise<AvailabilityTemplateRow | undefined> {
  return db
    .selectFrom('availability_templates')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function liveTemplates(db: ReadDb, providerId?: string): Promise<AvailabilityTemplateRow[]> {
  let query = db
    .selectFrom('availability_templates')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('provider_id')
    .orderBy('weekday')
    .orderBy('start_time');
  if (providerId) query = query.where('provider_id', '=', providerId);
  return query.execute();
}

/** A location the provider has any weekly hours at, if any. */
export async function anyTemplateLocation(db: ReadDb, providerId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('availability_templates')
    .select('location_id')
    .where('provider_id', '=', providerId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.location_id;
}

/** Providers with weekly hours at the location that have not ended before `today`. */
export async function providersWithHoursAt(db: ReadDb, locationId: string, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('availability_templates')
    .select('provider_id')
    .where('location_id', '=', locationId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', today)]))
    .execute();
  return rows.map((row) => row.provider_id);
}

export async function insertTemplate(db: Db, row: AvailabilityTemplateRow): Promise<void> {
  await db.insertInto('availability_templates').values(row).execute();
}

export async function updateTemplateRow(
  db: Db,
  id: string,
  changes: Updateable<Database['availability_templates']>,
): Promise<void> {
  await db.updateTable('availability_templates').set(changes).where('id', '=', id).execute();
}

// ---- exceptions: time off and extra hours -------------------------------------------------------

export function findException(db: ReadDb, id: string): Promise<AvailabilityExceptionRow | undefined> {
  return db
    .selectFrom('availability_exceptions')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function liveExceptions(
  db: ReadDb,
  filter: { providerId?: string; from?: string; to?: string },
): Promise<AvailabilityExceptionRow[]> {
  let query = db
    .selectFrom('availability_exceptions')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('date')
    .orderBy('start_time');
  if (filter.providerId) query = query.where('provider_id', '=', filter.providerId);
  if (filter.from) query = query.where('end_date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  return query.execute();
}

/** Providers with extra hours at the location on `today` or later. */
export async function providersWithExtraHoursAt(db: ReadDb, locationId: string, today: string): Promise<string[]> {
  const rows = await db
    .selectFrom('availability_exceptions')
    .select('provider_id')
    .where('location_id', '=', locationId)
    .where('kind', '=', 'extra_hours')
    .where('deleted_at', 'is', null)
    .where('end_date', '>=', today)
    .execute();
  return rows.map((row) => row.provider_id);
}

export async function insertException(db: Db, row: AvailabilityExceptionRow): Promise<void> {
  await db.insertInto('availability_exceptions').values(row).execute();
}

export async function updateExceptionRow(
  db: Db,
  id: string,
  changes: Updateable<Database['availability_exceptions']>,
): Promise<void> {
  await db.updateTable('availability_exceptions').set(changes).where('id', '=', id).execute();
}

// ---- clinic holidays ---------------------------------------------------------------------------

export function findHoliday(db: ReadDb, id: string): Promise<ClinicHolidayRow | undefined> {
  return db
    .selectFrom('clinic_holidays')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function liveHolidays(db: ReadDb, filter: { from?: string; to?: string }): Promise<ClinicHolidayRow[]> {
  let query = db.selectFrom('clinic_holidays').selectAll().where('deleted_at', 'is', null).orderBy('date');
  if (filter.from) query = query.where('date', '>=', filter.from);
  if (filter.to) query = query.where('date', '<=', filter.to);
  return query.execute();
}

/** The live holiday on this date for this location (or all locations), `exceptId` aside. */
export function holidayOn(db: ReadDb, holiday: { date: string; locationId: string | null; exceptId?: string }) {
  let clash = db
    .selectFrom('clinic_holidays')
    .select('name')
    .where('date', '=', holiday.date)
    .where('deleted_at', 'is', null);
  clash = holiday.locationId
    ? clash.where('location_id', '=', holiday.locationId)
    : clash.where('location_id', 'is', null);
  if (holiday.exceptId) clash = clash.where('id', '!=', holiday.exceptId);
  return clash.executeTakeFirst();
}

export async function insertHoliday(db: Db, row: ClinicHolidayRow): Promise<void> {
  await db.insertInto('clinic_holidays').values(row).execute();
}

export async function updateHolidayRow(
  db: Db,
  id: string,
  changes: Updateable<Database['clinic_holidays']>,
): Promise<void> {
  await db.updateTable('clinic_holidays').set(changes).where('id', '=', id).execute();
}

/**
 * Ends the holidays and time off from `today` on that applied to this location alone (they only took
 * away hours there); answers how many holidays ended.
 */
export async function endLocationRules(db: Db, locationId: string, today: string, now: number): Promise<number> {
  const ended = { deleted_at: now, updated_at: now };
  const holidays = await db
    .updateTable('clinic_holidays')
    .set(ended)
    .where('location_id', '=', locationId)
    .where('deleted_at', 'is', null)
    .where('date', '>=', today)
    .executeTakeFirst();
  await db
    .updateTable('availability_exceptions')
    .set(ended)
    .where('location_id', '=', locationId)
    .where('deleted_at', 'is', null)
    .where('end_date', '>=', today)
    .execute();
  return Number(holidays.numUpdatedRows);
}

// ---- the rules for the availability expansion --------------------------------------------------

/** One provider's template rows for one weekday of one date: what a booking checks, compiled once. */
const dayTemplates = preparedRead((db, v: { providerId: string; date: string; weekday: number }) =>
  db
    .selectFrom('availability_templates')
    .selectAll()
    .where('provider_id', '=', v.providerId)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>=', v.date)]))
    .where((eb) => eb.or([eb('valid_from', 'is', null), eb('valid_from', '<=', v.date)]))
    .where('weekday', '=', v.weekday),
);

const dayExceptions = preparedRead((db, v: { providerId: string; date: string }) =>
  db
    .selectFrom('availability_exceptions')
    .selectAll()
    .where('provider_id', '=', v.providerId)
    .where('deleted_at', 'is', null)
    .where('end_date', '>=', v.date)
    .where('date', '<=', v.date),
);

const dayHolidays = preparedRead((db, v: { date: string }) =>
  db.selectFrom('clinic_holidays').selectAll().where('deleted_at', 'is', null).where('date', '=', v.date),
);

/** The template, exception and holiday rows that can touch these providers between two local dates. */
export async function ruleRows(
  db: ReadDb,
  providerIds: readonly string[],
  from: string,
  to: string,
): Promise<{
  templates: AvailabilityTemplateRow[];
  exceptions: AvailabilityExceptionRow[];
  holidays: ClinicHolidayRow[];
}> {
  const ids = [...providerIds];
  const [only] = ids;
  if (ids.length === 1 && only !== undefined && from === to) {
    const day = { providerId: only, date: from };
    return {
      templates: await dayTemplates(db, { ...day, weekday: isoWeekday(from) }),
      exceptions: await dayExceptions(db, day),
      holidays: await dayHolidays(db, { date: from }),
    };
  }
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
  return { templates, exceptions, holidays };
}
