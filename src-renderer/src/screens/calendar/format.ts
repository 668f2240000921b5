import type { DateFormat } from '../../../../src-shared/api/areas/settings';
import {
  formatLongDate,
  formatMonth,
  formatShortDate,
  formatShortDateWithYear,
} from '../../../../src-shared/locale/date-format';
import { todayIn } from '../../../../src-shared/patients/dates';
import { useClinicSettings } from '../../stores/clinic-settings';
import { i18next } from '../../i18n';

/**
 * The calendar's word labels, written by the shared date module in the clinic's order. Read from the
 * settings store rather than passed down: these are called from many label builders (columns, toolbar,
 * panels, aria labels), and the settings are loaded at sign-in before the calendar opens.
 */
function clinicFormat(): DateFormat {
  return useClinicSettings.getState().settings?.dateFormat ?? 'YYYY-MM-DD';
}

/** 'Wednesday, 10 March 2027' ('Wednesday, March 10, 2027' in a month-first clinic). */
export function dateLabel(date: string): string {
  return formatLongDate(date, clinicFormat(), i18next.language);
}

/** 'Wed 10 Mar' ('Wed, Mar 10'). */
export function shortDateLabel(date: string): string {
  return formatShortDate(date, clinicFormat(), i18next.language);
}

/**
 * 'Wed 10 Mar' this year, 'Tue, 5 Jan 2027' in any other: a date listed away from the calendar (a
 * patient's next and past appointments), where the year is not on screen.
 */
export function shortDateLabelWithYearAway(date: string, now = Date.now()): string {
  const timeZone = useClinicSettings.getState().settings?.timeZone ?? 'UTC';
  return date.slice(0, 4) === todayIn(timeZone, now).slice(0, 4)
    ? shortDateLabel(date)
    : formatShortDateWithYear(date, clinicFormat(), i18next.language);
}

/** 'March 2027' for '2027-03' or any date in it. */
export function monthLabel(date: string): string {
  return formatMonth(date, clinicFormat(), i18next.language);
}
