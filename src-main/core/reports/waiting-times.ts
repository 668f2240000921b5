import type { WaitFigures, WaitingTimesReport, WaitPhase } from '../../../src-shared/reports/model';
import { localTimeOf } from '../../../src-shared/scheduling/time';
import type { ReadDb } from '../db/handles';
import { visitTimes } from './repository';
import type { ReportScope } from './scope';

/** Nearest rank: the value at position ⌈p × n⌉ (1-based) of the sorted values. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

type Times = Awaited<ReturnType<typeof visitTimes>>[number];

const PHASES: { phase: WaitPhase; from: (t: Times) => number | null; to: (t: Times) => number | null }[] = [
  { phase: 'arrivalToRoom', from: (t) => t.arrived_at, to: (t) => t.roomed_at },
  { phase: 'roomToSeen', from: (t) => t.roomed_at, to: (t) => t.seen_at },
  { phase: 'seenToOut', from: (t) => t.seen_at, to: (t) => t.checked_out_at },
  { phase: 'arrivalToOut', from: (t) => t.arrived_at, to: (t) => t.checked_out_at },
];

export async function waitingTimesReport(db: ReadDb, scope: ReportScope, now: number): Promise<WaitingTimesReport> {
  const { from, to, providerId } = scope.filters;
  const visits = await visitTimes(db, from, to, providerId);
  const phases: WaitFigures[] = PHASES.map(({ phase, from: start, to: end }) => {
    const seconds: number[] = [];
    for (const visit of visits) {
      const a = start(visit);
      const b = end(visit);
      // A step undone and redone can leave its time before the previous one's: not a wait.
      if (a !== null && b !== null && b >= a) seconds.push(Math.round((b - a) / 1000));
    }
    seconds.sort((x, y) => x - y);
    return {
      phase,
      visits: seconds.length,
      medianSeconds: nearestRank(seconds, 0.5),
      p90Seconds: nearestRank(seconds, 0.9),
    };
  });
  // Arrival → out by the clinic hour the visit arrived in (DEFINITIONS.waitsByHour), for the chart.
  const hours = new Map<number, number[]>();
  for (const visit of visits) {
    if (visit.checked_out_at === null || visit.checked_out_at < visit.arrived_at) continue;
    const hour = Number(localTimeOf(scope.timeZone, visit.arrived_at).slice(0, 2));
    const list = hours.get(hour) ?? [];
    list.push(Math.round((visit.checked_out_at - visit.arrived_at) / 1000));
    hours.set(hour, list);
  }
  const byHour = [...hours]
    .sort(([a], [b]) => a - b)
    .map(([hour, seconds]) => {
      seconds.sort((x, y) => x - y);
      return {
        hour,
        visits: seconds.length,
        medianSeconds: nearestRank(seconds, 0.5),
        p90Seconds: nearestRank(seconds, 0.9),
      };
    });
  return { filters: scope.filters, ranAt: now, visits: visits.length, phases, byHour };
}
