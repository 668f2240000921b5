import { fieldError } from '../../../src-shared/api/errors';
import { todayIn } from '../../../src-shared/patients/dates';
import type { Actor } from '../actor';
import type { ReadDb } from '../db/handles';
import { requireSettings } from '../settings/repository';
import { nearExpiryDays } from './setup-repository';

/** What every stock rule needs, read once per call: the clinic's today, the near-expiry window, who acts. */
export interface StockContext {
  now: number;
  today: string;
  timeZone: string;
  /** Today + the near-expiry window: a lot expiring on or before it is flagged. */
  nearExpiryBy: string;
  nearExpiryDays: number;
  actor: Actor;
}

export function addDays(iso: string, days: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}

export async function stockContext(db: ReadDb, now: number, actor: Actor): Promise<StockContext> {
  const settings = await requireSettings(db);
  const days = await nearExpiryDays(db);
  const today = todayIn(settings.timeZone, now);
  return { now, today, timeZone: settings.timeZone, nearExpiryBy: addDays(today, days), nearExpiryDays: days, actor };
}

/** A lot is expired once its expiry date has passed (it may be used on the day itself). */
export function isExpired(expiryOn: string | null, today: string): boolean {
  return expiryOn !== null && expiryOn < today;
}

export function isNearExpiry(expiryOn: string | null, context: StockContext): boolean {
  return expiryOn !== null && !isExpired(expiryOn, context.today) && expiryOn <= context.nearExpiryBy;
}

/** When a movement happened: now, or an earlier instant the user gives (a backdated entry), never the future. */
export function occurredAt(context: StockContext, at: number | null | undefined, field = 'occurredAt'): number {
  if (at === null || at === undefined) return context.now;
  if (at > context.now) throw fieldError(field, 'is in the future: record it when it happens');
  return at;
}
