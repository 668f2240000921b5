import { addDays, isoWeekday } from './time';

/** Local-date steps for the week and month views (plain YYYY-MM-DD strings, no time zone involved). */

/** The Monday of the ISO week `date` is in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The first of the month `months` after (or before, when negative) the one `date` is in. */
export function addMonths(date: string, months: number): string {
  const [y = 0, m = 1] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** The last date of the month `date` is in. */
export function lastOfMonth(date: string): string {
  return addDays(addMonths(date, 1), -1);
}
