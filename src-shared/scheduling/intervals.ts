/** Half-open intervals of instants [start, end). Pure. */
export interface Interval {
  start: number;
  end: number;
}

/** Sorted, with overlapping and touching intervals joined; empty ones dropped. */
export function mergeIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged;
}

/** What of `from` is left once `remove` is taken out; both may be unsorted. */
export function subtractIntervals(from: readonly Interval[], remove: readonly Interval[]): Interval[] {
  const cuts = mergeIntervals(remove);
  const result: Interval[] = [];
  for (const interval of mergeIntervals(from)) {
    let start = interval.start;
    for (const cut of cuts) {
      if (cut.end <= start) continue;
      if (cut.start >= interval.end) break;
      if (cut.start > start) result.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
      if (start >= interval.end) break;
    }
    if (start < interval.end) result.push({ start, end: interval.end });
  }
  return result;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `inner` lies wholly within one of `intervals` (which must be merged). */
export function coveredBy(intervals: readonly Interval[], inner: Interval): boolean {
  return intervals.some((i) => i.start <= inner.start && inner.end <= i.end);
}
