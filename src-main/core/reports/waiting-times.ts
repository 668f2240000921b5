import type { WaitFigures, WaitingTimesReport, WaitPhase } from '../../../src-shared/reports/model';
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
  return { filters: scope.filters, ranAt: now, visits: visits.length, phases };
}
