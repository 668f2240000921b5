import type { DateFormat, TimeFormat } from '../../../src-shared/api/areas/settings';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { moneyFormat, type MoneyFormat } from '../../../src-shared/billing/money';
import { todayIn } from '../../../src-shared/patients/dates';
import type { BillingDeskTable, BillingSettingsRow } from '../db/schema-billing';
import { requireSetUp } from '../settings/repository';
import { readBillingFrame } from './setup-repository';
import type { ReadDb } from '../db/handles';

/** Who does a billing write: stamped on every entry. */
export interface BillingActor {
  userId: string | null;
  name: string | null;
}

/** What every billing rule needs to know about the clinic and this desk, read once per call (one statement). */
export interface BillingContext {
  clinicName: string;
  timeZone: string;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  today: string;
  now: number;
  money: MoneyFormat;
  settings: BillingSettingsRow;
  desk: BillingDeskTable;
}

export async function billingContext(db: ReadDb, now: number): Promise<BillingContext> {
  const frame = requireSetUp(await readBillingFrame(db));
  return {
    clinicName: frame.clinic.clinicName,
    timeZone: frame.clinic.timeZone,
    dateFormat: frame.clinic.dateFormat as DateFormat,
    timeFormat: frame.clinic.timeFormat as TimeFormat,
    today: todayIn(frame.clinic.timeZone, now),
    now,
    money: moneyFormat(frame.clinic.currency, frame.settings.locale),
    settings: frame.settings,
    desk: frame.desk,
  };
}

/** Refuses a date at or before the lock date, naming the field that carries it. */
export function requireUnlocked(context: BillingContext, date: string, field: string): void {
  const lock = context.settings.lock_date;
  if (lock !== null && date <= lock) {
    throw fieldError(
      field,
      `is on or before the lock date (${lock}): nothing may be entered, reversed or counted then`,
    );
  }
}

/** Today must be open for entries at all (the lock date can reach today). */
export function requireTodayUnlocked(context: BillingContext): void {
  const lock = context.settings.lock_date;
  if (lock !== null && context.today <= lock) {
    throw new ApiError(
      'CONFLICT',
      `Billing is locked up to ${lock}, which includes today: a manager must move the lock date first.`,
      { lockDate: lock },
    );
  }
}
