import { TZDate } from '@date-fns/tz';
import type { DateFormat, TimeFormat } from '../../../src-shared/api/areas/settings';
import { formatClockTime } from '../../../src-shared/locale/time-format';
import { formatDate as formatCalendarDate } from '../../../src-shared/locale/date-format';

export interface ClinicClock {
  timeZone: string;
  dateFormat: DateFormat;
  /** 24-hour with seconds when absent (the audit's precision); a 12-hour clinic reads "2:05 PM". */
  timeFormat?: TimeFormat;
}

function parts(ms: number, timeZone: string): Record<string, string> {
  const formatter = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const part of formatter.formatToParts(ms)) out[part.type] = part.value;
  return out;
}

/** A date in the clinic's chosen format, in the clinic's time zone. */
export function formatDate(ms: number, clock: ClinicClock): string {
  const { year = '', month = '', day = '' } = parts(ms, clock.timeZone);
  return formatCalendarDate(`${year}-${month}-${day}`, clock.dateFormat);
}

/** Date and time, e.g. `2026-11-22 14:05:09`, or `11/22/2026 2:05 PM` in a 12-hour clinic. */
export function formatDateTime(ms: number, clock: ClinicClock): string {
  const { hour = '', minute = '', second = '' } = parts(ms, clock.timeZone);
  if (clock.timeFormat === '12h') {
    return `${formatDate(ms, clock)} ${formatClockTime(Number(hour) * 60 + Number(minute), '12h')}`;
  }
  return `${formatDate(ms, clock)} ${hour}:${minute}:${second}`;
}

/** Date and time to the minute, e.g. `2026-11-22 14:05`, or `11/22/2026 2:05 PM` in a 12-hour clinic. */
export function formatDateMinute(ms: number, clock: ClinicClock): string {
  const { hour = '', minute = '' } = parts(ms, clock.timeZone);
  return `${formatDate(ms, clock)} ${formatClockTime(Number(hour) * 60 + Number(minute), clock.timeFormat ?? '24h')}`;
}

/** The first instant of a `YYYY-MM-DD` day in the clinic's zone (DST-safe). */
export function startOfClinicDay(isoDate: string, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new TZDate(year, month - 1, day, timeZone).getTime();
}

/** The first instant of the day after, so a range "to" a date includes all of it. */
export function endOfClinicDay(isoDate: string, timeZone: string): number {
  const [year = 0, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new TZDate(year, month - 1, day + 1, timeZone).getTime();
}

/** Used until the clinic's settings have arrived. */
export const BROWSER_CLOCK: ClinicClock = {
  timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  dateFormat: 'YYYY-MM-DD',
};
