import { addDays, DAY_MINUTES, daySegments, isoWeekday, MINUTE_MS } from './time';

/** Local-date steps for the week and month views (plain YYYY-MM-DD strings, no time zone involved). */

/** The Monday of the ISO week `date` is in. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The first day of the week `date` is in, for a clinic whose weeks start on ISO weekday `weekStart` (7: Sunday). */
export function weekStartOf(date: string, weekStart: number): string {
  return addDays(date, -((isoWeekday(date) - weekStart + 7) % 7));
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

/**
 * Minutes since the local midnight of `date` at `instant`, clamped to that day (0 before it, the day's
 * length in wall minutes, 1440, after it): where a calendar grid draws the instant. Uses the date's
 * cached constant-offset stretches instead of asking Intl per instant, which a 20-provider day view
 * would do thousands of times per paint.
 */
export function minutesIntoDay(zone: string, date: string, instant: number): number {
  const segments = daySegments(zone, date);
  const segment = segments.find((s) => instant >= s.start && instant < s.end);
  if (!segment) return instant < (segments[0]?.start ?? 0) ? 0 : DAY_MINUTES;
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const minutes = Math.floor((instant + segment.offsetMinutes * MINUTE_MS - Date.UTC(y, m - 1, d)) / MINUTE_MS);
  return Math.min(Math.max(minutes, 0), DAY_MINUTES);
}
