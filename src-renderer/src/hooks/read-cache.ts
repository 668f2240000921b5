import type { Input, Output, ProcedureName } from '../../../src-shared/api/contract';
import { call } from '../api';
import { onDataReset } from '../stores/resettable';

/**
 * Answers kept across inputs, for a screen that steps through inputs faster than they can be read (the
 * calendar's days). `useProcedure(name, input, { cache })` draws a kept answer for a new input in the very
 * render that asks for it and reads it again behind; `prefetchRead(cache, name, input)` reads an input the
 * screen is likely to show next into it. Holds patient data, so it is emptied on lock and sign-out.
 */
export interface ReadCache {
  /** The kept answer for this read if it may be shown (read less than `maxAgeMs` ago), else null. */
  get<N extends ProcedureName>(name: N, input: Input<N>): Output<N> | null;
  /** When this read's kept answer was read (ms since the epoch), or null. */
  readAt(name: ProcedureName, input: unknown): number | null;
  /** Keeps an answer; the oldest are dropped beyond `size`. */
  put(name: ProcedureName, input: unknown, value: unknown): void;
  /**
   * Drops the kept answers whose input the test accepts (all without one). A read that started before a
   * forget is not kept: its answer may predate the change that made the forget.
   */
  forget(test?: (input: unknown) => boolean): void;
  /** Bumped by every forget; a read notes it when it starts and keeps its answer only if unchanged. */
  readonly epoch: number;
  /** How long after a new input drawn from the cache it is read again (the paint goes first). */
  readonly revalidateDelayMs: number;
}

export function createReadCache({
  size,
  maxAgeMs,
  revalidateDelayMs = 200,
}: {
  size: number;
  maxAgeMs: number;
  revalidateDelayMs?: number;
}): ReadCache {
  // Insertion order is age order: a put moves its key to the end.
  const kept = new Map<string, { input: unknown; value: unknown; at: number }>();
  let epoch = 0;
  const keyOf = (name: ProcedureName, input: unknown) => `${name} ${JSON.stringify(input)}`;
  const cache: ReadCache = {
    get<N extends ProcedureName>(name: N, input: Input<N>) {
      const entry = kept.get(keyOf(name, input));
      return entry && Date.now() - entry.at < maxAgeMs ? (entry.value as Output<N>) : null;
    },
    readAt: (name, input) => kept.get(keyOf(name, input))?.at ?? null,
    put(name, input, value) {
      const key = keyOf(name, input);
      kept.delete(key);
      kept.set(key, { input, value, at: Date.now() });
      for (const old of kept.keys()) {
        if (kept.size <= size) break;
        kept.delete(old);
      }
    },
    forget(test) {
      epoch += 1;
      for (const [key, entry] of kept) if (!test || test(entry.input)) kept.delete(key);
    },
    get epoch() {
      return epoch;
    },
    revalidateDelayMs,
  };
  onDataReset(() => cache.forget());
  return cache;
}

/**
 * Reads ahead into `cache`: the read the screen will likely ask for next (the calendar's neighbouring
 * days), unless it was kept less than `freshMs` ago. Not a way around `useProcedure`: nothing is shown from
 * it until a `useProcedure` with the same cache asks for that input, and it reads that input again then.
 * An answer that arrives after a forget (a pushed change, leaving the screen, a lock) is not kept.
 */
export async function prefetchRead<N extends ProcedureName>(
  cache: ReadCache,
  name: N,
  input: Input<N>,
  { freshMs }: { freshMs: number },
): Promise<void> {
  const at = cache.readAt(name, input);
  if (at !== null && Date.now() - at <= freshMs) return;
  const epoch = cache.epoch;
  const result = await call(name, input);
  if (result.ok && epoch === cache.epoch) cache.put(name, input, result.value);
}
