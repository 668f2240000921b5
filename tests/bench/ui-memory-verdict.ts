/**
 * The memory check's verdict (issue 22): the renderer's JS heap, read after a forced garbage
 * collection, once every screen has been opened (their code loaded, their caches filled) and again
 * after 100 more navigations, both times on the same screen. What a screen keeps after it is left
 * is what grows; a heap that stays flat is no leak.
 *
 * The limit is 2 MiB over the 100 navigations: 20 KiB a navigation. One screen's React tree and DOM
 * kept alive after it is left weighs hundreds of KiB (a list of 20 rows alone is tens), so any
 * retained screen, listener closure over a screen's data or growing event log crosses it within the
 * run; the noise of two readings after a forced collection, on the same screen, is tens of KiB.
 */

export const LEAK_LIMIT_BYTES = 2 * 2 ** 20;

export interface HeapVerdict {
  verdict: 'LEAK' | 'OK';
  /** Bytes the heap grew from the first reading to the last (negative: it shrank). */
  growth: number;
  limit: number;
}

export function heapVerdict(firstBytes: number, lastBytes: number, limit = LEAK_LIMIT_BYTES): HeapVerdict {
  if (![firstBytes, lastBytes, limit].every((value) => Number.isFinite(value) && value >= 0))
    throw new Error('heap readings and the limit must be byte counts');
  const growth = lastBytes - firstBytes;
  return { verdict: growth > limit ? 'LEAK' : 'OK', growth, limit };
}

export function mebibytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(2)} MiB`;
}

/** The line the bench prints: the two readings, the growth against the limit, the verdict. */
export function formatHeapVerdict(
  firstBytes: number,
  lastBytes: number,
  result: HeapVerdict,
  navigations = 100,
): string {
  const sign = result.growth >= 0 ? '+' : '-';
  return (
    `ui.memory: ${result.verdict}: JS heap after GC ${mebibytes(firstBytes)} after the first round, ` +
    `${mebibytes(lastBytes)} after ${navigations} navigations (${sign}${mebibytes(Math.abs(result.growth))}, limit +${mebibytes(result.limit)})`
  );
}
