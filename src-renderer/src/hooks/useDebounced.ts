import { useEffect, useMemo, useState } from 'react';

/**
 * `value` once it has stayed the same (compared as JSON) for `ms`: what a read while typing asks for,
 * `useProcedure('patients.findDuplicates', useDebounced(draft, 250))`.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const key = JSON.stringify(value) ?? 'null';
  const [settled, setSettled] = useState(key);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(key), ms);
    return () => window.clearTimeout(timer);
  }, [key, ms]);
  return useMemo(() => JSON.parse(settled) as T, [settled]);
}
