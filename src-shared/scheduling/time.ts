import { tzOffset } from '@date-fns/tz';
import { mergeIntervals, type Interval } from './intervals';
import { ISO_WORDING, type ClinicWording } from '../locale/date-format';

/**
 * Wall-clock time in the clinic's IANA zone. Pure, for the renderer and main alike.
 *
 * - A local date is 'YYYY-MM-DD'; a local time is minutes since local midnight (0-1440), written 'HH:mm'.
 * - An instant is epoch milliseconds (UTC).
 * - Offsets come from @date-fns/tz (`tzOffset`, minutes east of UTC, read from the runtime's zone data),
 *   never from the computer's own zone, so a desk set to another zone computes the same instants.
 *
 * Within one local date the zone's offset is piecewise constant; `daySegments` finds the pieces
 * (binary search to the minute around each change), and every conversion is exact against them:
 * a wall time in a gap (spring forward) has no instant, one in an overlap (fall back) has two.
 */

export const MINUTE_MS = 60_000;
export const DAY_MINUTES = 1440;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

export function isLocalDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** 'HH:mm' (00:00-23:59, and 24:00 for the end of a day) to minutes; null when malformed. */
export function parseLocalTime(text: string): number | null {
  if (!HH_MM.test(text)) return null;
  const [h = 0, m = 0] = text.split(':').map(Number);
  return h * 60 + m;
}

export function formatLocalTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const naiveMidnights = new Map<string, number>();

/** The local date as if it were UTC midnight: the base of naive (zone-less) arithmetic. Cached: a day view asks it hundreds of times for a few dates. */
function naiveMidnight(date: string): number {
  const cached = naiveMidnights.get(date);
  if (cached !== undefined) return cached;
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  const value = Date.UTC(y, m - 1, d);
  if (naiveMidnights.size >= 4096) naiveMidnights.clear();
  naiveMidnights.set(date, value);
  return value;
}

function isoOfNaive(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoOfNaive(naiveMidnight(date) + days * DAY_MS);
}

/** Days from a to b (b - a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((naiveMidnight(b) - naiveMidnight(a)) / DAY_MS);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(naiveMidnight(date)).getUTCDay();
  return day === 0 ? 7 : day;
}

export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function weekdayName(weekday: number): string {
  return WEEKDAY_NAMES[weekday - 1] ?? `weekday ${weekday}`;
}

/** Minutes east of UTC in `zone` at `instant`. */
export function offsetAt(zone: string, instant: number): number {
  return tzOffset(zone, new Date(instant));
}

/** '+05:45', '-04:00'. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

export interface LocalParts {
  date: string;
  /** Minutes since local midnight. */
  minutes: number;
  offsetMinutes: number;
}

/**
 * What the clock on the clinic's wall reads at `instant`. Arithmetic on the cached segments of the
 * instant's UTC day (see {@link cachedOffset}): asking the zone data (Intl) for every appointment
 * made the day view spend most of its time formatting dates.
 */
export function localParts(zone: string, instant: number): LocalParts {
  const offsetMinutes = cachedOffset(zone, instant);
  const naive = instant + offsetMinutes * MINUTE_MS;
  const day = Math.floor(naive / DAY_MS);
  return { date: isoOfDay(day), minutes: Math.floor((naive - day * DAY_MS) / MINUTE_MS), offsetMinutes };
}

export function localDateOf(zone: string, instant: number): string {
  return localParts(zone, instant).date;
}

/** 'HH:mm' of an instant in the zone. */
export function localTimeOf(zone: string, instant: number): string {
  return formatLocalTime(localParts(zone, instant).minutes);
}

/** A stretch of instants [start, end) with one offset. */
export interface Segment {
  start: number;
  end: number;
  offsetMinutes: number;
}

const SAMPLE_MS = 3 * HOUR_MS;
/** Offsets on Earth lie within -12:00 .. +14:00; a wall time maps into this window around its naive value. */
const EARLIEST_OFFSET_MS = 14 * HOUR_MS;
const LATEST_OFFSET_MS = 12 * HOUR_MS;
const SEGMENT_CACHE_LIMIT = 4096;
const segmentCache = new Map<string, Segment[]>();

/** The first instant (to the minute) in (low, high] whose offset differs from `low`'s. */
function findChange(zone: string, low: number, high: number, lowOffset: number): number {
  let lo = low;
  let hi = high;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (offsetAt(zone, mid) === lowOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

/**
 * The constant-offset pieces covering every instant whose wall-clock date could be `date`
 * (naive midnight - 14 h to naive next midnight + 12 h). Cached per zone and date.
 */
export function daySegments(zone: string, date: string): Segment[] {
  const key = `${zone}|${date}`;
  const cached = segmentCache.get(key);
  if (cached) return cached;
  const from = naiveMidnight(date) - EARLIEST_OFFSET_MS;
  const to = naiveMidnight(date) + DAY_MS + LATEST_OFFSET_MS;
  const segments: Segment[] = [];
  let start = from;
  let offset = offsetAt(zone, from);
  let previous = from;
  while (previous < to) {
    const probe = Math.min(previous + SAMPLE_MS, to);
    if (offsetAt(zone, probe) === offset) {
      previous = probe;
      continue;
    }
    const change = findChange(zone, previous, probe, offset);
    segments.push({ start, end: change, offsetMinutes: offset });
    start = change;
    offset = offsetAt(zone, change);
    // Resume at the change: a second change within the same sample (none known today) is found too.
    previous = change;
  }
  segments.push({ start, end: to, offsetMinutes: offset });
  if (segmentCache.size >= SEGMENT_CACHE_LIMIT) segmentCache.clear();
  segmentCache.set(key, segments);
  return segments;
}

/** Per zone, per UTC day number: the segments of that UTC date, which cover every instant of the day. */
const offsetSegments = new Map<string, Map<number, Segment[]>>();
const OFFSET_DAYS_LIMIT = 4096;

/**
 * The zone's offset at `instant`, from {@link daySegments} of the instant's UTC date (they span that
 * date's naive midnight - 14 h to + 36 h, so they hold the whole UTC day), found once per zone and
 * day and then read by comparison. Exact wherever `daySegments` is: offsets that change on a
 * whole minute, which every change since 1970 does.
 */
export function cachedOffset(zone: string, instant: number): number {
  let byDay = offsetSegments.get(zone);
  if (!byDay) offsetSegments.set(zone, (byDay = new Map<number, Segment[]>()));
  const day = Math.floor(instant / DAY_MS);
  let segments = byDay.get(day);
  if (!segments) {
    if (byDay.size >= OFFSET_DAYS_LIMIT) byDay.clear();
    segments = daySegments(zone, isoOfDay(day));
    byDay.set(day, segments);
  }
  for (const segment of segments) if (instant >= segment.start && instant < segment.end) return segment.offsetMinutes;
  return offsetAt(zone, instant);
}

const isoDays = new Map<number, string>();

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01), remembered: the same few dates come back all day. */
function isoOfDay(day: number): string {
  let iso = isoDays.get(day);
  if (iso === undefined) {
    if (isoDays.size >= OFFSET_DAYS_LIMIT) isoDays.clear();
    iso = isoOfNaive(day * DAY_MS);
    isoDays.set(day, iso);
  }
  return iso;
}

export interface Candidate {
  instant: number;
  offsetMinutes: number;
}

export type LocalResolution =
  | { kind: 'exact'; instant: number; offsetMinutes: number }
  /** The clocks jumped over this time: nothing happens at it. `transitionAt` is the jump. */
  | { kind: 'gap'; transitionAt: number; offsetBefore: number; offsetAfter: number }
  /** The clocks went back over this time: it happens twice. */
  | { kind: 'ambiguous'; earlier: Candidate; later: Candidate };

/** Every instant at which the wall clock in `zone` reads `date` `minutes`. */
export function resolveLocal(zone: string, date: string, minutes: number): LocalResolution {
  const naive = naiveMidnight(date) + minutes * MINUTE_MS;
  const segments = daySegments(zone, date);
  const candidates: Candidate[] = [];
  for (const segment of segments) {
    const instant = naive - segment.offsetMinutes * MINUTE_MS;
    if (instant >= segment.start && instant < segment.end)
      candidates.push({ instant, offsetMinutes: segment.offsetMinutes });
  }
  candidates.sort((a, b) => a.instant - b.instant);
  const [first, second] = candidates;
  if (first && second) return { kind: 'ambiguous', earlier: first, later: second };
  if (first) return { kind: 'exact', instant: first.instant, offsetMinutes: first.offsetMinutes };
  // In a gap: the change whose before-offset puts `naive` past it and whose after-offset puts it before it.
  for (let i = 1; i < segments.length; i += 1) {
    const before = segments[i - 1];
    const after = segments[i];
    if (!before || !after) continue;
    const transitionAt = after.start;
    if (
      naive - before.offsetMinutes * MINUTE_MS >= transitionAt &&
      naive - after.offsetMinutes * MINUTE_MS < transitionAt
    ) {
      return { kind: 'gap', transitionAt, offsetBefore: before.offsetMinutes, offsetAfter: after.offsetMinutes };
    }
  }
  throw new Error(`No instant or gap for ${date} ${formatLocalTime(minutes)} in ${zone}`);
}

/**
 * Every instant whose wall-clock time on `date` lies in [fromMinutes, toMinutes), as sorted disjoint
 * intervals. Across a spring-forward the interval is shorter; across a fall-back a wall-clock range
 * that includes the repeated hour covers it twice (one longer interval), and one that ends inside
 * it gives two pieces — exactly the instants at which the clock reads within the range.
 */
export function wallRangeToInstants(zone: string, date: string, fromMinutes: number, toMinutes: number): Interval[] {
  if (toMinutes <= fromMinutes) return [];
  const base = naiveMidnight(date);
  const from = base + fromMinutes * MINUTE_MS;
  const to = base + toMinutes * MINUTE_MS;
  const pieces: Interval[] = [];
  for (const segment of daySegments(zone, date)) {
    const start = Math.max(from - segment.offsetMinutes * MINUTE_MS, segment.start);
    const end = Math.min(to - segment.offsetMinutes * MINUTE_MS, segment.end);
    if (end > start) pieces.push({ start, end });
  }
  return mergeIntervals(pieces);
}

/** [first instant of the local date, first instant of the next), whatever the clocks did. */
export function localDayBounds(zone: string, date: string): Interval {
  const pieces = wallRangeToInstants(zone, date, 0, DAY_MINUTES);
  const first = pieces[0];
  const last = pieces.at(-1);
  if (!first || !last) throw new Error(`${date} does not exist in ${zone}`);
  return { start: first.start, end: last.end };
}

export type Fold = 'earlier' | 'later';

export interface LocalStart {
  date: string;
  time: string;
  /** When the time happens twice: the offset in force at the wanted one (e.g. -240 for EDT). */
  offsetMinutes?: number;
  /** When the time happens twice: the first or the second time the clock shows it. */
  fold?: Fold;
}

export type ToInstantResult =
  | { ok: true; instant: number; offsetMinutes: number }
  | { ok: false; problem: 'malformed' | 'gap' | 'ambiguous' | 'offset'; message: string; choices?: Candidate[] };

/**
 * A local date and time to an instant, refusing what a person must decide: a time the clocks skip
 * does not exist; a time the clocks repeat needs `offsetMinutes` or `fold`.
 */
export function localToInstant(zone: string, start: LocalStart, wording: ClinicWording = ISO_WORDING): ToInstantResult {
  const minutes = parseLocalTime(start.time);
  if (!isLocalDate(start.date) || minutes === null || minutes >= DAY_MINUTES) {
    return { ok: false, problem: 'malformed', message: 'must be a real date and a time written as HH:mm' };
  }
  const resolution = resolveLocal(zone, start.date, minutes);
  const when = `${wording.time(start.time)} on ${wording.date(start.date)}`;
  if (resolution.kind === 'gap') {
    const jumpedTo = localTimeOf(zone, resolution.transitionAt);
    const jumpedFrom = formatLocalTime(localParts(zone, resolution.transitionAt - MINUTE_MS).minutes + 1);
    return {
      ok: false,
      problem: 'gap',
      message: `${when} does not exist in ${zone}: the clocks go forward from ${wording.time(jumpedFrom)} to ${wording.time(jumpedTo)}`,
    };
  }
  if (resolution.kind === 'exact') {
    if (start.offsetMinutes !== undefined && start.offsetMinutes !== resolution.offsetMinutes) {
      return {
        ok: false,
        problem: 'offset',
        message: `${when} in ${zone} is at UTC${formatOffset(resolution.offsetMinutes)}, not UTC${formatOffset(start.offsetMinutes)}`,
      };
    }
    return { ok: true, instant: resolution.instant, offsetMinutes: resolution.offsetMinutes };
  }
  const choices = [resolution.earlier, resolution.later];
  if (start.offsetMinutes !== undefined) {
    const chosen = choices.find((choice) => choice.offsetMinutes === start.offsetMinutes);
    if (chosen) return { ok: true, instant: chosen.instant, offsetMinutes: chosen.offsetMinutes };
    return {
      ok: false,
      problem: 'offset',
      message: `${when} in ${zone} happens at UTC${formatOffset(resolution.earlier.offsetMinutes)} and at UTC${formatOffset(resolution.later.offsetMinutes)}, not UTC${formatOffset(start.offsetMinutes)}`,
      choices,
    };
  }
  if (start.fold) {
    const chosen = start.fold === 'earlier' ? resolution.earlier : resolution.later;
    return { ok: true, instant: chosen.instant, offsetMinutes: chosen.offsetMinutes };
  }
  return {
    ok: false,
    problem: 'ambiguous',
    message:
      `${when} happens twice in ${zone} (the clocks go back): choose the first (UTC${formatOffset(resolution.earlier.offsetMinutes)}) ` +
      `or the second (UTC${formatOffset(resolution.later.offsetMinutes)})`,
    choices,
  };
}
