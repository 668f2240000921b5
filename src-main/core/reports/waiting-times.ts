import type { WaitFigures, WaitingTimesReport, WaitPhase } from '../../../src-shared/reports/model';
import { isoWeekday, localParts } from '../../../src-shared/scheduling/time';
import type { ReadDb } from '../db/handles';
import { visitTimes } from './repository';
import type { ReportScope } from './scope';
import { placeOf, placesOf, type WaitPlaceBucket } from './wait-place-repository';
import { WAIT_PHASES, waitBuckets, type WaitBucket } from './wait-repository';

/** Nearest rank: the value at position ⌈p × n⌉ (1-based) of the sorted values. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** Nearest rank over a histogram (value → how many): the same as nearestRank over the values it counts. */
export function histogramRank(histogram: ReadonlyMap<number, number>, p: number): number | null {
  let n = 0;
  for (const count of histogram.values()) n += count;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil(p * n));
  let seen = 0;
  for (const value of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(value) ?? 0;
    if (seen >= rank) return value;
  }
  return null;
}

interface Times {
  arrived_at: number;
  roomed_at: number | null;
  seen_at: number | null;
  checked_out_at: number | null;
}

const PHASES: { phase: WaitPhase; from: (t: Times) => number | null; to: (t: Times) => number | null }[] = [
  { phase: 'arrivalToRoom', from: (t) => t.arrived_at, to: (t) => t.roomed_at },
  { phase: 'roomToSeen', from: (t) => t.roomed_at, to: (t) => t.seen_at },
  { phase: 'seenToOut', from: (t) => t.seen_at, to: (t) => t.checked_out_at },
  { phase: 'arrivalToOut', from: (t) => t.arrived_at, to: (t) => t.checked_out_at },
];
/** The bucket counting visits themselves (minutes 0), so the aggregates also give the number of visits. */
const VISIT = 'visit';
/** Arrival → out again under the clinic hour of arrival, for the chart; the phases' rows have hour -1. */
const BY_HOUR = 'byHour';
/**
 * Arrival → out once more under the clinic weekday and hour of arrival, for the heat map. The table's hour
 * column holds weekday × 100 + hour (Tuesday 09:00 is 209), so no migration: the monthly rows sum it alike.
 */
const BY_WEEKDAY_HOUR = 'byWeekdayHour';
const ALL_HOURS = -1;
const weekdayHourKey = (weekday: number, hour: number) => weekday * 100 + hour;

/**
 * A visit's histogram entries (DEFINITIONS.waits): each phase it passed, in whole minutes (rounded to the
 * nearest), and arrival → out once more under the clinic hour it arrived in and again under the clinic
 * weekday and hour. One shape for the raw rows and the daily aggregates, so both give the same medians and
 * 90th percentiles, exact to the minute.
 */
export function waitEntries(timeZone: string, visit: Times): { phase: string; hour: number; minutes: number }[] {
  const entries = [{ phase: VISIT, hour: ALL_HOURS, minutes: 0 }];
  for (const { phase, from: start, to: end } of PHASES) {
    const a = start(visit);
    const b = end(visit);
    // A step undone and redone can leave its time before the previous one's: not a wait.
    if (a === null || b === null || b < a) continue;
    const minutes = Math.round((b - a) / 60_000);
    entries.push({ phase, hour: ALL_HOURS, minutes });
    if (phase === 'arrivalToOut') {
      // The wall clock of the clinic's zone: after the clocks change, 09:30 is still the 09 hour.
      const arrived = localParts(timeZone, visit.arrived_at);
      const hour = Math.floor(arrived.minutes / 60);
      entries.push({ phase: BY_HOUR, hour, minutes });
      entries.push({ phase: BY_WEEKDAY_HOUR, hour: weekdayHourKey(isoWeekday(arrived.date), hour), minutes });
    }
  }
  return entries;
}

/** One day's visits as histogram rows per provider ('' for none), phase, hour and minutes. */
export function waitBucketsOf(timeZone: string, visits: readonly (Times & { provider_id: string | null })[]) {
  const buckets = new Map<string, WaitBucket>();
  for (const visit of visits)
    for (const entry of waitEntries(timeZone, visit)) {
      const provider_id = visit.provider_id ?? '';
      const key = `${provider_id}|${entry.phase}|${entry.hour}|${entry.minutes}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.visits += 1;
      else buckets.set(key, { provider_id, ...entry, visits: 1 });
    }
  return [...buckets.values()];
}

/**
 * The same day's visits once more under each narrowing their appointment answers (its location, its type,
 * both; a walk-in under none), for the reads narrowed by location or type.
 */
export function waitPlaceBucketsOf(
  timeZone: string,
  visits: readonly (Times & { provider_id: string | null; location_id: string | null; type_id: string | null })[],
) {
  const buckets = new Map<string, WaitPlaceBucket>();
  for (const visit of visits) {
    if (visit.location_id === null || visit.type_id === null) continue;
    const provider_id = visit.provider_id ?? '';
    const entries = waitEntries(timeZone, visit);
    for (const place of placesOf(visit.location_id, visit.type_id))
      for (const entry of entries) {
        const key = `${place}|${provider_id}|${entry.phase}|${entry.hour}|${entry.minutes}`;
        const bucket = buckets.get(key);
        if (bucket) bucket.visits += 1;
        else buckets.set(key, { place, provider_id, ...entry, visits: 1 });
      }
  }
  return [...buckets.values()];
}

function add(histograms: Map<string, Map<number, number>>, key: string, minutes: number, visits: number) {
  let histogram = histograms.get(key);
  if (!histogram) histograms.set(key, (histogram = new Map<number, number>()));
  histogram.set(minutes, (histogram.get(minutes) ?? 0) + visits);
}

function figures(histogram: ReadonlyMap<number, number> | undefined) {
  const minutesAt = (p: number) => {
    const value = histogram ? histogramRank(histogram, p) : null;
    return value === null ? null : value * 60;
  };
  let visits = 0;
  for (const count of histogram?.values() ?? []) visits += count;
  return { visits, medianSeconds: minutesAt(0.5), p90Seconds: minutesAt(0.9) };
}

/**
 * Waits over the range from the visits' histogram: read from the daily aggregates when they are fresh
 * (`aggregates`; narrowed by location or type, from their rows by place), else built from the raw visits
 * the same way.
 */
export async function waitingTimesReport(
  db: ReadDb,
  scope: ReportScope,
  now: number,
  aggregates = false,
  only?: WaitPhase,
): Promise<WaitingTimesReport> {
  const { from, to, providerId, locationId, typeId } = scope.filters;
  const narrowing = { locationId, typeId };
  const place = placeOf(locationId, typeId);
  // `only`: the dashboard's one phase, read alone from the aggregates (the rest of the report left empty).
  const wanted = only ? [only] : [...WAIT_PHASES];
  const rows: { phase: string; hour: number; minutes: number; visits: number }[] = aggregates
    ? await waitBuckets(db, from, to, providerId, wanted, place)
    : (await visitTimes(db, from, to, providerId, narrowing))
        .flatMap((visit) => waitEntries(scope.timeZone, visit).map((entry) => ({ ...entry, visits: 1 })))
        .filter((row) => wanted.includes(row.phase as (typeof wanted)[number]));
  const byPhase = new Map<string, Map<number, number>>();
  const byHour = new Map<string, Map<number, number>>();
  const byWeekdayHour = new Map<string, Map<number, number>>();
  for (const row of rows) {
    // Arrival → out by the clinic hour the visit arrived in (DEFINITIONS.waitsByHour), for the chart.
    if (row.phase === BY_HOUR) add(byHour, String(row.hour), row.minutes, row.visits);
    // And by weekday and hour (DEFINITIONS.waitsByWeekdayHour), for the heat map.
    else if (row.phase === BY_WEEKDAY_HOUR) add(byWeekdayHour, String(row.hour), row.minutes, row.visits);
    else add(byPhase, row.phase, row.minutes, row.visits);
  }
  const phases: WaitFigures[] = PHASES.map(({ phase }) => ({ phase, ...figures(byPhase.get(phase)) }));
  return {
    filters: scope.filters,
    ranAt: now,
    visits: figures(byPhase.get(VISIT)).visits,
    phases,
    byHour: [...byHour.keys()]
      .map(Number)
      .sort((a, b) => a - b)
      .map((hour) => ({ hour, ...figures(byHour.get(String(hour))) })),
    byWeekdayHour: [...byWeekdayHour.keys()]
      .map(Number)
      .sort((a, b) => a - b)
      .map((key) => ({
        weekday: Math.floor(key / 100),
        hour: key % 100,
        ...figures(byWeekdayHour.get(String(key))),
      })),
  };
}
