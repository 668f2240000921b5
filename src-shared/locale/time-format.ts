import type { TimeFormat } from '../api/areas/settings';

/**
 * The one way times of day are written and read on screen, following the clinic's time format.
 * Main and the contract keep "HH:mm" (24-hour): only what a person sees and types changes.
 */

/** Minutes since midnight as the clinic writes them: "14:05", or "2:05 PM". */
export function formatClockTime(minutes: number, format: TimeFormat): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = String(minutes % 60).padStart(2, '0');
  if (format === '24h') return `${String(h).padStart(2, '0')}:${m}`;
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}:${m} ${h < 12 ? 'AM' : 'PM'}`;
}

/** "HH:mm" (as stored) in the clinic's format. */
export function formatHhMm(hhmm: string, format: TimeFormat): string {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return formatClockTime(h * 60 + m, format);
}

const TYPED = /^\s*(\d{1,2})(?:[:.h]?(\d{2}))?\s*([ap])?\.?\s*m?\.?\s*$/i;

/**
 * What a person typed as a time of day, in either format ("9:30", "09:30", "9.30", "930", "9:30 pm",
 * "9pm"), as minutes since midnight; null when it is not a time.
 */
export function parseClockTime(text: string): number | null {
  const found = TYPED.exec(text.slice(0, 20));
  if (!found) return null;
  let hour = Number(found[1]);
  const minute = found[2] === undefined ? 0 : Number(found[2]);
  const half = found[3]?.toLowerCase();
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'p' ? 12 : 0);
  } else if (hour > 23) return null;
  return hour * 60 + minute;
}
