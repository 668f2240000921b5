import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Input, Output, ProcedureName } from '../../../src-shared/api/contract';
import type { ApiErrorData } from '../../../src-shared/api/errors';
import type { EventMap, EventTopic } from '../../../src-shared/api/events';
import { bridge, call } from '../api';
import type { ReadCache } from './read-cache';

/** Which pushed events make the read run again: every one of a topic, or those the test accepts. */
export type RefreshOn = { [T in EventTopic]?: true | ((payload: EventMap[T]) => boolean) };

export interface ProcedureRead<T> {
  /** The last answer for the current input; kept (and marked `stale`) while a new input is read. */
  value: T | null;
  /** The last refusal for the current input, with main's code and field messages. */
  error: ApiErrorData | null;
  loading: boolean;
  /** The current input has been answered (a value, null included, or a refusal): null is then an answer. */
  answered: boolean;
  /** The value shown answers an earlier input: the new one is on its way. */
  stale: boolean;
  reload: () => void;
  /** Reads again; settles once the answer is shown (or dropped for a newer read). */
  readAgain: () => Promise<void>;
}

interface ReadState<T> {
  value: T | null;
  error: ApiErrorData | null;
  loading: boolean;
  /** The input (as JSON) the value answers. */
  answered: string | null;
}

const EMPTY: ReadState<never> = { value: null, error: null, loading: false, answered: null };

export interface ProcedureOptions<T> {
  /** Pushed events that make it read again. */
  refreshOn?: RefreshOn;
  /**
   * Answers kept across inputs (`createReadCache`): a kept answer for a new input is the value at once,
   * in the render that asks for it, and is read again `revalidateDelayMs` later; every answer is kept.
   */
  cache?: ReadCache;
  /** The value to show for a fresh answer, given the one shown for the same input (null for none). */
  keep?: (shown: T | null, fresh: T) => T;
  /** Start the read in a layout effect: the call leaves before the change of input is painted. */
  beforePaint?: boolean;
}

/**
 * The one way a screen reads from main: `useProcedure('patients.get', patientId ? { patientId } : null,
 * { refreshOn: { 'billing.changed': (e) => e.patientIds.includes(patientId) } })`.
 * No input means no call. Inputs are compared by value, so an object literal per render reads once.
 * Only the latest read may answer: a slower, earlier answer that arrives late is dropped.
 */
export function useProcedure<N extends ProcedureName>(
  name: N,
  input: Input<N> | null,
  options: ProcedureOptions<Output<N>> = {},
): ProcedureRead<Output<N>> {
  const key = input === null ? null : JSON.stringify(input);
  const { cache, beforePaint = false } = options;
  const [state, setState] = useState<ReadState<Output<N>>>(EMPTY);
  const ticket = useRef(0);
  /** The last value answered (and the input it answers): what `keep` compares a fresh answer with. */
  const last = useRef<{ key: string; value: Output<N> } | null>(null);
  const keep = useRef(options.keep);
  useEffect(() => {
    keep.current = options.keep;
  });

  const read = useCallback(
    (delayMs = 0): Promise<void> => {
      ticket.current += 1;
      const mine = ticket.current;
      if (key === null) {
        setState(EMPTY);
        return Promise.resolve();
      }
      const asked = JSON.parse(key) as Input<N>;
      // A new input is loading already (see the return); only a read again of an answered input is marked,
      // so a keystroke costs no render between its own and the answer's.
      setState((previous) =>
        previous.answered === key && !previous.loading ? { ...previous, loading: true } : previous,
      );
      const send = async () => {
        if (mine !== ticket.current) return;
        const epoch = cache?.epoch;
        const result = await call(name, asked);
        if (mine !== ticket.current) return;
        if (!result.ok) {
          setState((previous) => ({
            value: previous.answered === key ? previous.value : null,
            error: result.error,
            loading: false,
            answered: key,
          }));
          return;
        }
        const shown = last.current?.key === key ? last.current.value : (cache?.get(name, asked) ?? null);
        const value = keep.current ? keep.current(shown, result.value) : result.value;
        last.current = { key, value };
        // A forget since the call left (a pushed change) may not be in this answer: shown, not kept.
        if (cache && epoch === cache.epoch) cache.put(name, asked, value);
        setState({ value, error: null, loading: false, answered: key });
      };
      if (delayMs <= 0) return send();
      return new Promise<void>((resolve) => setTimeout(resolve, delayMs)).then(send);
    },
    [name, key, cache],
  );

  // A new input drawn from the cache is read again after its paint; leaving drops the answer on its way.
  const start = useCallback(() => {
    void read(cache && key !== null && cache.get(name, JSON.parse(key) as Input<N>) ? cache.revalidateDelayMs : 0);
    return () => {
      ticket.current += 1;
    };
  }, [read, cache, name, key]);
  useLayoutEffect(() => (beforePaint ? start() : undefined), [start, beforePaint]);
  useEffect(() => (beforePaint ? undefined : start()), [start, beforePaint]);

  // The rules are read when an event arrives, so a new function per render does not resubscribe.
  const rules = useRef(options.refreshOn);
  useEffect(() => {
    rules.current = options.refreshOn;
  });
  const topics = Object.keys(options.refreshOn ?? {})
    .sort()
    .join(' ');
  useEffect(() => {
    if (topics === '' || key === null) return;
    const offs = (topics.split(' ') as EventTopic[]).map((topic) =>
      bridge.on(topic, (payload) => {
        const rule = rules.current?.[topic] as true | ((payload: EventMap[EventTopic]) => boolean) | undefined;
        if (rule !== true && !(typeof rule === 'function' && rule(payload))) return;
        // With a cache, after every listener of this event has run: the screen's forget of the kept
        // answers the event makes wrong comes first, so this read's answer is kept.
        if (cache) queueMicrotask(() => void read());
        else void read();
      }),
    );
    return () => {
      for (const off of offs) off();
    };
  }, [topics, key, read, cache]);

  const reload = useCallback(() => void read(), [read]);
  const readAgain = useCallback(() => read(), [read]);
  const current = key !== null && state.answered === key;
  const kept = !current && cache && input !== null ? cache.get(name, input) : null;
  return {
    value: kept ?? state.value,
    error: state.error,
    // An input not yet answered is on its way (or about to be sent by the effect of this render).
    loading: state.loading || (key !== null && state.answered !== key),
    answered: current,
    stale: key !== null && kept === null && state.answered !== null && state.answered !== key,
    reload,
    readAgain,
  };
}

/**
 * Reads again when `value` is replaced (a record saved on this screen comes back as a new object), but not
 * on the first render, which `useProcedure` reads itself. For changes no pushed event announces.
 */
export function useReloadOnChange(value: unknown, reload: () => void): void {
  const seen = useRef(value);
  useEffect(() => {
    if (seen.current === value) return;
    seen.current = value;
    reload();
  }, [value, reload]);
}
