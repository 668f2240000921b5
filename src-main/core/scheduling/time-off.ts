import type { Kysely } from 'kysely';
import type { ExceptionSummary, HolidaySummary, RemoveResult } from '../../../src-shared/scheduling/model';
import type { UpdateExceptionInput, UpdateHolidayInput } from '../../../src-shared/api/areas/schedule';
import { fieldError } from '../../../src-shared/api/errors';
import type { AvailabilityExceptionRow, ClinicHolidayRow, Database } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { newId } from '../ids';
import {
  findException,
  findHoliday,
  holidayOn,
  insertException,
  insertHoliday,
  liveExceptions,
  liveHolidays,
  updateExceptionRow,
  updateHolidayRow,
} from './availability-repository';
import { clinicWordingOf, requireLocation, requireProvider, toException, toHoliday } from './config';

/**
 * Time off, extra hours and clinic holidays. They are rules, like weekly hours: a change applies to
 * booking and next-available from now on, and appointments already booked stay where they are (as
 * when time off is added). Removing one ends it (`deleted_at`).
 */

type Db = Kysely<Database>;

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

// ---- time off and extra hours ------------------------------------------------------------------

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
  await insertException(db, row);
  return toException(row);
}

export async function listExceptions(
  db: ReadDb,
  filter: { providerId?: string; from?: string; to?: string },
): Promise<ExceptionSummary[]> {
  return (await liveExceptions(db, filter)).map(toException);
}

async function requireException(db: ReadDb, exceptionId: string) {
  const row = await findException(db, exceptionId);
  if (!row) throw fieldError('exceptionId', 'no such time off or extra hours');
  return row;
}

/** The input was checked as a whole by the same rules as createException; this adds the location's existence. */
export async function updateException(db: Db, input: UpdateExceptionInput, now: number): Promise<ExceptionSummary> {
  const before = await requireException(db, input.exceptionId);
  if (input.locationId) await requireLocation(db, input.locationId);
  await updateExceptionRow(db, before.id, {
    ...exceptionColumns(input),
    updated_at: Math.max(now, before.updated_at + 1),
  });
  return toException(await requireException(db, before.id));
}

export async function removeException(db: Db, exceptionId: string, now: number): Promise<RemoveResult> {
  const before = await requireException(db, exceptionId);
  await updateExceptionRow(db, before.id, { deleted_at: now, updated_at: Math.max(now, before.updated_at + 1) });
  const { date } = await clinicWordingOf(db);
  const dates =
    before.end_date === before.date ? date(before.date) : `${date(before.date)} to ${date(before.end_date)}`;
  return before.kind === 'time_off'
    ? { outcome: 'deactivated', message: `The time off on ${dates} is removed: those hours can be booked again.` }
    : {
        outcome: 'deactivated',
        message: `The extra hours on ${dates} are removed; appointments already booked in them stay.`,
      };
}

// ---- clinic holidays ---------------------------------------------------------------------------

/** One holiday per date and location (or for all locations), as the unique index says; `holidayId` is the one being changed. */
export async function refuseHolidayClash(
  db: ReadDb,
  holiday: { date: string; locationId: string | null; holidayId?: string },
): Promise<void> {
  const existing = await holidayOn(db, {
    date: holiday.date,
    locationId: holiday.locationId,
    ...(holiday.holidayId && { exceptId: holiday.holidayId }),
  });
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
  await insertHoliday(db, row);
  return toHoliday(row);
}

export async function listHolidays(db: ReadDb, filter: { from?: string; to?: string }): Promise<HolidaySummary[]> {
  return (await liveHolidays(db, filter)).map(toHoliday);
}

async function requireHoliday(db: ReadDb, holidayId: string) {
  const row = await findHoliday(db, holidayId);
  if (!row) throw fieldError('holidayId', 'no such holiday');
  return row;
}

export async function updateHoliday(db: Db, input: UpdateHolidayInput, now: number): Promise<HolidaySummary> {
  const before = await requireHoliday(db, input.holidayId);
  const date = input.date ?? before.date;
  const locationId = input.locationId !== undefined ? input.locationId : before.location_id;
  if (input.locationId) await requireLocation(db, input.locationId);
  await refuseHolidayClash(db, { date, locationId, holidayId: before.id });
  await updateHolidayRow(db, before.id, {
    date,
    location_id: locationId,
    ...(input.name !== undefined && { name: input.name }),
    updated_at: Math.max(now, before.updated_at + 1),
  });
  return toHoliday(await requireHoliday(db, before.id));
}

export async function removeHoliday(db: Db, holidayId: string, now: number): Promise<RemoveResult> {
  const before = await requireHoliday(db, holidayId);
  await updateHolidayRow(db, before.id, { deleted_at: now, updated_at: Math.max(now, before.updated_at + 1) });
  const { date } = await clinicWordingOf(db);
  return {
    outcome: 'deactivated',
    message: `${before.name} on ${date(before.date)} is no longer a holiday: the weekly hours apply that day.`,
  };
}
