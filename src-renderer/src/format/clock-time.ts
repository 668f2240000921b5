import { useMemo } from 'react';
import type { TimeFormat } from '../../../src-shared/api/areas/settings';
import { formatClockTime, formatHhMm } from '../../../src-shared/locale/time-format';
import { useClinicSettings } from '../stores/clinic-settings';

/** Times of day the clinic's way (12- or 24-hour): minutes since midnight, or "HH:mm" as main sends them. */
export interface ClockTime {
  format: TimeFormat;
  minutes: (minutes: number) => string;
  hhmm: (hhmm: string) => string;
  /** "09:00–09:30" as "9:00 AM–9:30 AM" in a 12-hour clinic. */
  span: (start: string, end: string) => string;
}

export function clockTime(format: TimeFormat): ClockTime {
  return {
    format,
    minutes: (minutes) => formatClockTime(minutes, format),
    hhmm: (hhmm) => formatHhMm(hhmm, format),
    span: (start, end) => `${formatHhMm(start, format)}–${formatHhMm(end, format)}`,
  };
}

export function useClockTime(): ClockTime {
  const format = useClinicSettings((state) => state.settings?.timeFormat) ?? '24h';
  // The same object while the format stays, so memoised rows given it are not drawn again.
  return useMemo(() => clockTime(format), [format]);
}

const NOON = 12 * 60;
const FIVE_PM = 17 * 60;

/**
 * Where the parts of the day meet (noon, 5 pm) the clinic's way, for labels read outside a component
 * (option lists kept as getters): "12:00 PM" and "5:00 PM" in a 12-hour clinic, "12:00" and "17:00" else.
 */
export function dayPartBounds(): { noon: string; five: string } {
  const format = useClinicSettings.getState().settings?.timeFormat ?? '24h';
  return { noon: formatClockTime(NOON, format), five: formatClockTime(FIVE_PM, format) };
}
