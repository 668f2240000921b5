import ICAL from 'ical.js';
import { isIanaTimeZone } from '../../../src-shared/validation';
import { resolveLocal } from '../../../src-shared/scheduling/time';

/**
 * Where an iCalendar date-time falls, as an instant. A TZID that names a zone of the IANA database is
 * read with the database (Intl), whatever VTIMEZONE the file carries: files often carry rules from the
 * 1970s, and Google's and Apple's TZIDs are IANA names. Other TZIDs (Outlook's "W. Europe Standard
 * Time", invented zones) use the file's VTIMEZONE, as ical.js resolved it. Floating times, and TZIDs
 * nobody defines, are the clinic's wall clock: `guessed` says so, for the preview's warnings.
 */
export function instantOf(time: ICAL.Time, clinicZone: string): { instant: number; guessed: string | null } {
  if (time.zone === ICAL.Timezone.utcTimezone) return { instant: time.toUnixTime() * 1000, guessed: null };
  // ical.js keeps the TZID it could not resolve on `timezone` (not in its type declarations).
  const named = (time as ICAL.Time & { timezone?: string }).timezone;
  const tzid = named ?? (time.zone && time.zone.tzid !== 'floating' ? time.zone.tzid : undefined);
  if (tzid && isIanaTimeZone(tzid)) return { instant: wallClockIn(tzid, time), guessed: null };
  const zone = time.zone;
  if (zone && zone.tzid !== 'floating' && zone !== ICAL.Timezone.localTimezone) {
    return { instant: time.toUnixTime() * 1000, guessed: null };
  }
  return { instant: wallClockIn(clinicZone, time), guessed: tzid ?? null };
}

/** The instant the wall clock in `zone` shows the time's fields: a time the clocks skip is read after the jump, a repeated one the first time. */
function wallClockIn(zone: string, time: ICAL.Time): number {
  const date = `${String(time.year).padStart(4, '0')}-${pad(time.month)}-${pad(time.day)}`;
  const minutes = time.hour * 60 + time.minute;
  const resolution = resolveLocal(zone, date, minutes);
  const seconds = time.second * 1000;
  if (resolution.kind === 'exact') return resolution.instant + seconds;
  if (resolution.kind === 'ambiguous') return resolution.earlier.instant + seconds;
  // In the gap: the same distance past the jump as the time is past the last wall-clock minute before it.
  return (
    Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute) - resolution.offsetBefore * 60_000 + seconds
  );
}

/** An all-day value's date, 'YYYY-MM-DD'. */
export function dateOf(time: ICAL.Time): string {
  return `${String(time.year).padStart(4, '0')}-${pad(time.month)}-${pad(time.day)}`;
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
