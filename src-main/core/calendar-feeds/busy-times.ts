import ICAL from 'ical.js';
import { addDays, localParts, formatLocalTime } from '../../../src-shared/scheduling/time';
import { dateOf, instantOf } from './ical-time';

/**
 * Busy times read from another calendar's .ics file (issue 21): every event that makes the person busy,
 * recurring ones expanded (RRULE and RDATE, less EXDATE, with RECURRENCE-ID overrides in place) over a
 * window, and cut into the clinic's days as time off is kept: a date, and a wall-clock start and end on
 * it ('24:00' ends a day), or a run of whole days.
 */

/** One piece of time off an event asks for, in the clinic's dates and wall-clock times. */
export interface BusyBlock {
  date: string;
  endDate: string;
  /** Both left out: whole days. */
  start?: string;
  end?: string;
  summary: string;
  /** The event's UID and the occurrence's start, which re-imports recognise it by. */
  uid: string;
}

export interface BusyReading {
  blocks: BusyBlock[];
  /** Events read in the clinic's zone because their TZID named no zone anyone defines. */
  guessedZones: string[];
  /** Recurring events cut short at the occurrence limit. */
  truncated: number;
}

export class CalendarFileError extends Error {}

/** A recurring event expands to at most this many occurrences inside the window (a daily event over two years). */
const MAX_OCCURRENCES = 800;
/** Steps through a recurrence before the window's end, from its first occurrence (a daily event since 2005). */
const MAX_STEPS = 20_000;

/** Parses the file or throws CalendarFileError naming what is wrong. */
export function parseCalendar(text: string): ICAL.Component {
  let parsed: unknown;
  try {
    parsed = ICAL.parse(text);
  } catch (error) {
    throw new CalendarFileError(`is not an iCalendar file: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Several root components: the calendar is the first VCALENDAR.
  const roots = (Array.isArray(parsed) && typeof parsed[0] === 'string' ? [parsed] : parsed) as unknown[];
  const calendar = roots.map((root) => new ICAL.Component(root as unknown[])).find((c) => c.name === 'vcalendar');
  if (!calendar) throw new CalendarFileError('has no VCALENDAR');
  return calendar;
}

/** One occurrence of an event: recurring ones once per instance, overrides in place. */
export interface Occurrence {
  /** The event's UID and, for a recurring one, the instance's original start. */
  key: string;
  summary: string;
  start: ICAL.Time;
  end: ICAL.Time | null;
  busy: boolean;
}

/**
 * Every occurrence of the calendar's events that starts before `to` and may end after `from` (instants),
 * in order per event. Occurrences well before `from` are stepped over on their wall-clock fields alone
 * (no zone is off by more than 14 hours), which keeps a daily event from 2012 quick.
 */
export function* occurrences(
  calendar: ICAL.Component,
  window: { from: number; to: number },
  clinicZone: string,
): Generator<Occurrence> {
  const lastDate = localParts(clinicZone, window.to - 1).date;
  for (const event of eventsOf(calendar)) {
    const uid = event.uid || 'no-uid';
    if (!event.isRecurring()) {
      yield { key: uid, summary: event.summary ?? '', start: event.startDate, end: event.endDate, busy: isBusy(event) };
      continue;
    }
    const lasts = event.duration.toSeconds() * 1000;
    const iterator = event.iterator();
    let steps = 0;
    for (let next: unknown = iterator.next(); next && steps < MAX_STEPS; next = iterator.next(), steps += 1) {
      // An RDATE may be a PERIOD: the occurrence starts at its start and lasts as it says.
      const period = next instanceof ICAL.Period ? next : null;
      const occurrence = period ? period.start : next instanceof ICAL.Time ? next : null;
      if (!occurrence) break;
      if (wallClockMs(occurrence) + lasts + DAY_MS < window.from) continue;
      if (occurrence.isDate ? dateOf(occurrence) > lastDate : wallClockMs(occurrence) - DAY_MS >= window.to) break;
      const details = event.getOccurrenceDetails(occurrence);
      const start = withTzidOf(event.startDate, details.startDate);
      if (!start.isDate && instantOf(start, clinicZone).instant >= window.to) continue;
      const end = period && details.item === event ? period.getEnd() : details.endDate;
      yield {
        key: `${uid}@${occurrence.toString()}`,
        summary: details.item.summary ?? '',
        start: withTzidOf(details.item.startDate, start),
        end: end && withTzidOf(details.item.endDate ?? details.item.startDate, end),
        busy: isBusy(details.item),
      };
    }
  }
}

const DAY_MS = 86_400_000;

type Named = ICAL.Time & { timezone?: string };

/**
 * ical.js keeps an unresolved TZID (an IANA name without a VTIMEZONE in the file) on the parsed value
 * only; the occurrences it computes from it lose it, and would read as floating. They get it back here.
 */
function withTzidOf(source: ICAL.Time, time: ICAL.Time): ICAL.Time {
  const tzid = (source as Named).timezone;
  if (tzid && !(time as Named).timezone && time.zone?.tzid === 'floating') (time as Named).timezone = tzid;
  return time;
}

/** The time's fields read as if UTC: within a day of its real instant in any zone. */
function wallClockMs(time: ICAL.Time): number {
  return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
}

/** The busy blocks of the calendar's events that touch [from, to) (instants), in the clinic's zone. */
export function busyTimes(
  calendar: ICAL.Component,
  window: { from: number; to: number },
  clinicZone: string,
): BusyReading {
  const guessed = new Set<string>();
  const instant = (time: ICAL.Time) => {
    const result = instantOf(time, clinicZone);
    if (result.guessed) guessed.add(result.guessed);
    return result.instant;
  };
  const blocks: BusyBlock[] = [];
  const perEvent = new Map<string, number>();
  let truncated = 0;
  for (const occurrence of occurrences(calendar, window, clinicZone)) {
    if (!occurrence.busy) continue;
    const found = blocksOf(occurrence, window, instant, clinicZone);
    if (found.length === 0) continue;
    const uid = occurrence.key.split('@')[0] ?? occurrence.key;
    const count = (perEvent.get(uid) ?? 0) + 1;
    perEvent.set(uid, count);
    if (count > MAX_OCCURRENCES) {
      if (count === MAX_OCCURRENCES + 1) truncated += 1;
      continue;
    }
    blocks.push(...found);
  }
  blocks.sort((a, b) => (a.date + (a.start ?? '') < b.date + (b.start ?? '') ? -1 : 1));
  return { blocks, guessedZones: [...guessed].sort(), truncated };
}

/** Masters with their overrides related; an override whose master is not in the file stands alone. */
function eventsOf(calendar: ICAL.Component): ICAL.Event[] {
  const vevents = calendar.getAllSubcomponents('vevent');
  const masters = new Map<string, ICAL.Event>();
  const overrides: ICAL.Event[] = [];
  const events: ICAL.Event[] = [];
  for (const vevent of vevents) {
    if (!vevent.getFirstPropertyValue('dtstart')) continue;
    const event = new ICAL.Event(vevent);
    if (vevent.hasProperty('recurrence-id')) overrides.push(event);
    else {
      masters.set(event.uid, event);
      events.push(event);
    }
  }
  for (const override of overrides) {
    const master = masters.get(override.uid);
    if (master?.isRecurring()) master.relateException(override);
    else events.push(override);
  }
  return events;
}

/** Free (TRANSP:TRANSPARENT) and cancelled events do not make anyone busy. */
function isBusy(event: ICAL.Event): boolean {
  const transparency = event.component.getFirstPropertyValue('transp');
  const status = event.component.getFirstPropertyValue('status');
  return (
    String(transparency ?? '').toUpperCase() !== 'TRANSPARENT' && String(status ?? '').toUpperCase() !== 'CANCELLED'
  );
}

function blocksOf(
  { start, end, summary, key: uid }: Occurrence,
  window: { from: number; to: number },
  instant: (time: ICAL.Time) => number,
  clinicZone: string,
): BusyBlock[] {
  const title = summary.trim();
  if (start.isDate) {
    // All-day: DTEND is the day after the last; none (or not after DTSTART) means the one day.
    const first = dateOf(start);
    const after = end?.isDate ? dateOf(end) : addDays(first, 1);
    const last = after > first ? addDays(after, -1) : first;
    const windowFirst = localParts(clinicZone, window.from).date;
    const windowLast = localParts(clinicZone, window.to - 1).date;
    if (last < windowFirst || first > windowLast) return [];
    return [{ date: first, endDate: last, summary: title, uid }];
  }
  const from = instant(start);
  const to = end ? Math.max(instant(end), from) : from;
  if (to <= window.from || from >= window.to || to === from) return [];
  return dayPieces(from, to, clinicZone).map((piece) => ({ ...piece, summary: title, uid }));
}

/** [from, to) cut at the clinic's midnights; a piece that fills its day is a whole day, and whole days in a row are one run. */
function dayPieces(from: number, to: number, zone: string): Pick<BusyBlock, 'date' | 'endDate' | 'start' | 'end'>[] {
  const first = localParts(zone, from);
  const last = localParts(zone, to);
  // Ending at midnight ends the day before, at 24:00.
  const lastDate = last.minutes === 0 ? addDays(last.date, -1) : last.date;
  const lastMinutes = last.minutes === 0 ? 24 * 60 : last.minutes;
  const pieces: Pick<BusyBlock, 'date' | 'endDate' | 'start' | 'end'>[] = [];
  for (let date = first.date; date <= lastDate; date = addDays(date, 1)) {
    const startMinutes = date === first.date ? first.minutes : 0;
    const endMinutes = date === lastDate ? lastMinutes : 24 * 60;
    if (endMinutes <= startMinutes) continue;
    const previous = pieces.at(-1);
    if (startMinutes === 0 && endMinutes === 24 * 60) {
      if (previous && previous.start === undefined && addDays(previous.endDate, 1) === date) previous.endDate = date;
      else pieces.push({ date, endDate: date });
    } else {
      pieces.push({ date, endDate: date, start: formatLocalTime(startMinutes), end: formatLocalTime(endMinutes) });
    }
  }
  return pieces;
}
