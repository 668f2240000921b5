import type { Kysely } from 'kysely';
import type { ExceptionSummary, HolidaySummary } from '../../../src-shared/scheduling/model';
import type { UpdateExceptionInput, UpdateHolidayInput } from '../../../src-shared/api/areas/schedule';
import type { RemoveResult } from '../../../src-shared/scheduling/model';
import { fieldError } from '../../../src-shared/api/errors';
import type { Database } from '../db/schema';
import {
  clinicWordingOf,
  exceptionColumns,
  refuseHolidayClash,
  requireLocation,
  toException,
  toHoliday,
} from './config';

/**
 * Changing and removing time off, extra hours and clinic holidays. They are rules, like weekly hours:
 * a change applies to booking and next-available from now on, and appointments already booked stay
 * where they are (as when time off is added). Removing one ends it (`deleted_at`).
 */

type Db = Kysely<Database>;

async function requireException(db: Db, exceptionId: string) {
  const row = await db
    .selectFrom('availability_exceptions')
    .selectAll()
    .where('id', '=', exceptionId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw fieldError('exceptionId', 'no such time off or extra hours');
  return row;
}

async function requireHoliday(db: Db, holidayId: string) {
  const row = await db
    .selectFrom('clinic_holidays')
    .selectAll()
    .where('id', '=', holidayId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw fieldError('holidayId', 'no such holiday');
  return row;
}

/** The input was checked as a whole by the same rules as createException; this adds the location's existence. */
export async function updateException(db: Db, input: UpdateExceptionInput, now: number): Promise<ExceptionSummary> {
  const before = await requireException(db, input.exceptionId);
  if (input.locationId) await requireLocation(db, input.locationId);
  await db
    .updateTable('availability_exceptions')
    .set({ ...exceptionColumns(input), updated_at: Math.max(now, before.updated_at + 1) })
    .where('id', '=', before.id)
    .execute();
  return toException(await requireException(db, before.id));
}

export async function removeException(db: Db, exceptionId: string, now: number): Promise<RemoveResult> {
  const before = await requireException(db, exceptionId);
  await db
    .updateTable('availability_exceptions')
    .set({ deleted_at: now, updated_at: Math.max(now, before.updated_at + 1) })
    .where('id', '=', before.id)
    .execute();
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

export async function updateHoliday(db: Db, input: UpdateHolidayInput, now: number): Promise<HolidaySummary> {
  const before = await requireHoliday(db, input.holidayId);
  const date = input.date ?? before.date;
  const locationId = input.locationId !== undefined ? input.locationId : before.location_id;
  if (input.locationId) await requireLocation(db, input.locationId);
  await refuseHolidayClash(db, { date, locationId, holidayId: before.id });
  await db
    .updateTable('clinic_holidays')
    .set({
      date,
      location_id: locationId,
      ...(input.name !== undefined && { name: input.name }),
      updated_at: Math.max(now, before.updated_at + 1),
    })
    .where('id', '=', before.id)
    .execute();
  return toHoliday(await requireHoliday(db, before.id));
}

export async function removeHoliday(db: Db, holidayId: string, now: number): Promise<RemoveResult> {
  const before = await requireHoliday(db, holidayId);
  await db
    .updateTable('clinic_holidays')
    .set({ deleted_at: now, updated_at: Math.max(now, before.updated_at + 1) })
    .where('id', '=', before.id)
    .execute();
  const { date } = await clinicWordingOf(db);
  return {
    outcome: 'deactivated',
    message: `${before.name} on ${date(before.date)} is no longer a holiday: the weekly hours apply that day.`,
  };
}
