import type { DateFormat } from '../api/areas/settings';
import { localDateOf } from '../scheduling/time';

/**
 * Calendar dates (dates of birth, policy dates) are 'YYYY-MM-DD' strings: no time, no zone.
 * Typed input follows the clinic's date format setting. Pure, for the renderer and main alike.
 */

const ISO_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_FIRST = /^(\d{4})[-/. ](\d{1,2})[-/. ](\d{1,2})$/;
const YEAR_LAST = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/;
const COMPACT = /^\d{8}$/;

const MIN_YEAR = 1800;
const MAX_YEAR = 2199;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The ISO string for year/month/day when they make a real date in range, else null. */
export function isoFromParts(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True for a real calendar date written exactly as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  const match = ISO_SHAPE.exec(text);
  return match !== null && isoFromParts(Number(match[1]), Number(match[2]), Number(match[3])) === text;
}

type Order = 'dmy' | 'mdy' | 'ymd';

/** Orders to try, best first: the clinic's own, then the ones that can still make sense. */
function ordersFor(format: DateFormat): { yearLast: Order[]; compact: Order[] } {
  switch (format) {
    case 'DD/MM/YYYY':
      return { yearLast: ['dmy', 'mdy'], compact: ['dmy', 'ymd', 'mdy'] };
    case 'MM/DD/YYYY':
      return { yearLast: ['mdy', 'dmy'], compact: ['mdy', 'ymd', 'dmy'] };
    case 'YYYY-MM-DD':
      return { yearLast: ['dmy', 'mdy'], compact: ['ymd', 'dmy', 'mdy'] };
  }
}

function fromOrder(order: Order, a: number, b: number, c: number): string | null {
  if (order === 'ymd') return isoFromParts(a, b, c);
  if (order === 'dmy') return isoFromParts(c, b, a);
  return isoFromParts(c, a, b);
}

/**
 * Reads a typed date: 1964-06-29 always; 29/06/1964 or 06/29/1964 (also with '.', '-' or ' ')
 * in the clinic's order, falling back to the other order only when the clinic's order cannot be a
 * date (29/06/1964 in a MM/DD/YYYY clinic); compact 29061964 / 06291964 / 19640629 likewise.
 * Returns 'YYYY-MM-DD' or null.
 */
export function parseDateInput(text: string, format: DateFormat): string | null {
  const value = text.trim();
  const orders = ordersFor(format);
  let match = YEAR_FIRST.exec(value);
  if (match) return isoFromParts(Number(match[1]), Number(match[2]), Number(match[3]));
  match = YEAR_LAST.exec(value);
  if (match) {
    const [a, b, c] = [Number(match[1]), Number(match[2]), Number(match[3])];
    for (const order of orders.yearLast) {
      const iso = fromOrder(order, a, b, c);
      if (iso) return iso;
    }
    return null;
  }
  if (COMPACT.test(value)) {
    for (const order of orders.compact) {
      const parts =
        order === 'ymd'
          ? [value.slice(0, 4), value.slice(4, 6), value.slice(6, 8)]
          : [value.slice(0, 2), value.slice(2, 4), value.slice(4, 8)];
      const iso = fromOrder(order, Number(parts[0]), Number(parts[1]), Number(parts[2]));
      if (iso) return iso;
    }
  }
  return null;
}

/** Kept here for the screens that read and write typed dates together; the formatter lives in locale. */
export { formatDate } from '../locale/date-format';

/** Whole years from `dob` to `today` (both ISO); a birthday on 29 February counts from 1 March in other years. */
export function ageOn(dob: string, today: string): number {
  const [by = 0, bm = 0, bd = 0] = dob.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  let age = ty - by;
  if (tm < bm || (tm === bm && td < bd)) age -= 1;
  return Math.max(0, age);
}

/** The date with day and month exchanged (1964-06-05 -> 1964-05-06), when that is another real date. */
export function swapDayMonth(iso: string): string | null {
  const match = ISO_SHAPE.exec(iso);
  if (!match) return null;
  const swapped = isoFromParts(Number(match[1]), Number(match[3]), Number(match[2]));
  return swapped === iso ? null : swapped;
}

/**
 * Today's date in the clinic's time zone, as 'YYYY-MM-DD'. From the zone's offsets cached per day
 * ({@link localDateOf}), not an Intl call each time: check-in asked twice and every billing and stock
 * procedure once, ~16 µs a call on the bench machine (2026-12-07).
 */
export function todayIn(timeZone: string, epochMs: number): string {
  return localDateOf(timeZone, epochMs);
}
