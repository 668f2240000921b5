import { useCallback, useEffect, useRef, useState } from 'react';
import type { Input, Output, ProcedureName } from '../../../src-shared/api/contract';
import type { ApiErrorData } from '../../../src-shared/api/errors';
import type { EventMap, EventTopic } from '../../../src-shared/api/events';
import { bridge, call } from '../api';

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
}

interface ReadState<T> {
  value: T | null;
  error: ApiErrorData | null;
  loading: boolean;
  /** The input (as JSON) the value answers. */
  answered: string | null;
}

const EMPTY: ReadState<never> = { value: null, error: null, loading: false, answered: null };

/**
 * The one way a screen reads from main: `useProcedure('patients.get', patientId ? { patientId } : null,
 * { refreshOn: { 'billing.changed': (e) => e.patientIds.includes(patientId) } })`.
 * No input means no call. Inputs are compared by value, so an object literal per render reads once.
 * Only the latest read may answer: a slower, earlier answer that arrives late is dropped.
 */
export function useProcedure<N extends ProcedureName>(
  name: N,
  input: Input<N> | null,
  options: { refreshOn?: RefreshOn } = {},
): ProcedureRead<Output<N>> {
  const key = input === null ? null : JSON.stringify(input);
  const [state, setState] = useState<ReadState<Output<N>>>(EMPTY);
  const ticket = useRef(0);

  const read = useCallback(() => {
    ticket.current += 1;
    const mine = ticket.current;
    if (key === null) {
      setState(EMPTY);
      return;
    }
    setState((previous) => ({ ...previous, loading: true }));
    void call(name, JSON.parse(key) as Input<N>).then((result) => {
      if (mine !== ticket.current) return;
      setState((previous) =>
        result.ok
          ? { value: result.value, error: null, loading: false, answered: key }
          : {
              value: previous.answered === key ? previous.value : null,
              error: result.error,
              loading: false,
              answered: key,
            },
      );
    });
  }, [name, key]);

  useEffect(read, [read]);

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
        if (rule === true || (typeof rule === 'function' && rule(payload))) read();
      }),
    );
    return () => {
      for (const off of offs) off();
    };
  }, [topics, key, read]);

  return {
    value: state.value,
    error: state.error,
    loading: state.loading,
    answered: key !== null && state.answered === key,
    stale: key !== null && state.answered !== null && state.answered !== key,
    reload: read,
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
