import type { LocatedInterval } from './availability';
import type { Interval } from './intervals';

/**
 * Candidate slots in one provider's availability. Pure.
 *
 * A slot may start at the start of a stretch of availability (one local date's bookable time at one
 * location after breaks, holidays and time off are taken out, touching pieces joined) and every `stepMs` after it; it must fit
 * wholly inside that stretch, overlap nothing busy (the provider's bookings and the patient's own),
 * start no earlier than `notBefore`, and start inside one of `startWindows` when given (part of day).
 */
export interface SlotOptions {
  durationMs: number;
  stepMs: number;
  notBefore: number;
  /** Sorted, disjoint; null: any start time. */
  startWindows: readonly Interval[] | null;
  /** At most this many from each stretch (the caller sorts all and keeps the first). */
  limit: number;
}

export interface FoundSlot {
  start: number;
  end: number;
  locationId: string;
}

/** First index in sorted disjoint `list` whose end is after `t`. */
function firstEndingAfter(list: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid]?.end ?? Infinity) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function freeAt(busy: readonly Interval[], start: number, end: number): boolean {
  const next = busy[firstEndingAfter(busy, start)];
  return next === undefined || next.start >= end;
}

function inWindow(windows: readonly Interval[] | null, t: number): boolean {
  if (windows === null) return true;
  const window = windows[firstEndingAfter(windows, t)];
  return window !== undefined && window.start <= t;
}

/** `busy` must be sorted and disjoint (see mergeIntervals). */
export function slotsIn(
  availability: readonly LocatedInterval[],
  busy: readonly Interval[],
  options: SlotOptions,
): FoundSlot[] {
  const found: FoundSlot[] = [];
  for (const stretch of availability) {
    let count = 0;
    let start = stretch.start;
    if (start < options.notBefore) start += Math.ceil((options.notBefore - start) / options.stepMs) * options.stepMs;
    for (; start + options.durationMs <= stretch.end; start += options.stepMs) {
      const end = start + options.durationMs;
      if (!inWindow(options.startWindows, start) || !freeAt(busy, start, end)) continue;
      found.push({ start, end, locationId: stretch.locationId });
      count += 1;
      if (count >= options.limit) break;
    }
  }
  return found;
}
