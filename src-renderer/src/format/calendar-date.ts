import type { DateFormat } from '../../../src-shared/api/areas/settings';
import { formatOptionalDate } from '../../../src-shared/locale/date-format';
import { useClinicSettings } from '../stores/clinic-settings';

/** The clinic's date format ('YYYY-MM-DD' until the settings have arrived). */
export function useDateFormat(): DateFormat {
  return useClinicSettings((state) => state.settings?.dateFormat) ?? 'YYYY-MM-DD';
}

/** Writes 'YYYY-MM-DD' dates (or none, as "—") the clinic's way: the one date formatter screens use. */
export function useCalendarDate(): (iso: string | null | undefined) => string {
  const format = useDateFormat();
  return (iso) => formatOptionalDate(iso, format);
}
