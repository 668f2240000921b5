import { addDays, daysBetween } from './time';

/**
 * Recurrence rules as local dates. Pure, for the renderer and main alike.
 *
 * Occurrences are local dates; each keeps the series' wall-clock time in the clinic's zone (the caller
 * resolves date + time to an instant per date), so a weekly 09:00 stays 09:00 across a DST change.
 * Monthly rules stay anchored on the first date's day of the month and fall back to the month's last
 * day when it is shorter: the 31st gives 28/29 Feb, 31 Mar, 30 Apr, 31 May — never drifting to the
 * 28th for good, never skipping a month (what a receptionist booking "monthly on the 31st" expects).
 */

export const FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** The most occurrences one series may have, and how far its end may lie from its start. */
export const MAX_OCCURRENCES = 200;
export const MAX_SERIES_DAYS = 2 * 366;

export interface RecurrenceRule {
  frequency: Frequency;
  /** Every `interval` days, weeks or months (1-52). */
  interval: number;
  startDate: string;
  /** The last date an occurrence may fall on (inclusive); null: `count` decides. */
  until: string | null;
  /** How many occurrences; null: `until` decides. When both are given, whichever ends first. */
  count: number | null;
}

export interface Occurrence {
  /** 0 for the first. */
  index: number;
  date: string;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The date `months` months after `startDate`, on the same day or the month's last day. */
export function addMonthsClamped(startDate: string, months: number): string {
  const [y = 0, m = 1, d = 1] = startDate.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date of occurrence `index`. */
export function occurrenceDate(
  rule: Pick<RecurrenceRule, 'frequency' | 'interval' | 'startDate'>,
  index: number,
): string {
  const step = rule.interval * index;
  if (rule.frequency === 'daily') return addDays(rule.startDate, step);
  if (rule.frequency === 'weekly') return addDays(rule.startDate, step * 7);
  return addMonthsClamped(rule.startDate, step);
}

/** Every occurrence of the rule, first to last; at most MAX_OCCURRENCES and within MAX_SERIES_DAYS. */
export function occurrences(rule: RecurrenceRule): Occurrence[] {
  const found: Occurrence[] = [];
  const limit = Math.min(rule.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  for (let index = 0; found.length < limit; index += 1) {
    const date = occurrenceDate(rule, index);
    if (rule.until !== null && date > rule.until) break;
    if (daysBetween(rule.startDate, date) > MAX_SERIES_DAYS) break;
    found.push({ index, date });
  }
  return found;
}

const UNITS: Record<Frequency, [string, string]> = {
  daily: ['day', 'days'],
  weekly: ['week', 'weeks'],
  monthly: ['month', 'months'],
};

/** "Every 2 weeks, 6 times" / "Every month until 2027-06-30". */
export function describeRule(
  rule: Omit<RecurrenceRule, 'startDate'>,
  writeDate: (iso: string) => string = (iso) => iso,
): string {
  const [one, many] = UNITS[rule.frequency];
  const every = rule.interval === 1 ? `Every ${one}` : `Every ${rule.interval} ${many}`;
  const parts = [every];
  if (rule.count !== null) parts.push(rule.count === 1 ? 'once' : `${rule.count} times`);
  if (rule.until !== null) parts.push(`until ${writeDate(rule.until)}`);
  return parts.join(', ');
}
