import type { DateFormat } from '../../../src-shared/api/areas/settings';
import { formatLongDate, formatOptionalDate } from '../../../src-shared/locale/date-format';
import { parseDateInput } from '../../../src-shared/patients/dates';
import { useClinicSettings } from '../stores/clinic-settings';
import { i18next } from '../i18n';

/** The clinic's date format ('YYYY-MM-DD' until the settings have arrived). */
export function useDateFormat(): DateFormat {
  return useClinicSettings((state) => state.settings?.dateFormat) ?? 'YYYY-MM-DD';
}

/** Writes 'YYYY-MM-DD' dates (or none, as "—") the clinic's way: the one date formatter screens use. */
export function useCalendarDate(): (iso: string | null | undefined) => string {
  const format = useDateFormat();
  return (iso) => formatOptionalDate(iso, format);
}

/**
 * What a typed date was read as, in words ("Read as Tuesday, February 3, 1980"), so a day-first or
 * month-first misreading shows before it is saved; the format to use while the text is not a date.
 */
export function dateReadBack(
  text: string,
  format: DateFormat,
  emptyHint = i18next.t('common:calendar-date.as', { format }),
): string {
  if (text.trim() === '') return emptyHint;
  const read = parseDateInput(text, format);
  return read
    ? i18next.t('common:calendar-date.readAs', { read: formatLongDate(read, format, i18next.language) })
    : i18next.t('common:calendar-date.notADateYetWrite', { format });
}
