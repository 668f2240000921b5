import { useCallback, useState } from 'react';
import type { Result } from '../../../../src-shared/api/errors';

/**
 * A view that reads its data with one procedure (the month, a room's week): the last answer, the
 * error, whether a read is under way, and `load` to read again (after an event). `read` must be
 * memoised on what it asks for; a new `read` makes a new `load`.
 */
export function useViewRead<T>(read: () => Promise<Result<T>>): {
  value: T | null;
  error: string | null;
  loading: boolean;
  load: () => Promise<void>;
} {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = useCallback(async () => {
    setLoading(true);
    const result = await read();
    setLoading(false);
    if (!result.ok) return setError(result.error.message);
    setValue(result.value);
    setError(null);
  }, [read]);
  return { value, error, loading, load };
}
