import { describe, expect, it } from 'vitest';
import { createApiClient } from '../../src-shared/api/client';
import type { Result } from '../../src-shared/api/errors';

describe('the typed api client', () => {
  it('sends api.<area>.<verb>(input) as the procedure "<area>.<verb>" with the input, and hands back its answer', async () => {
    const sent: [string, unknown][] = [];
    const api = createApiClient({
      invoke: (name, input) => {
        sent.push([name, input]);
        return Promise.resolve({ ok: true, value: `answer to ${name}` } as Result<never>);
      },
    });
    const answer = await api.patients.search({ query: 'Ada', limit: 5 });
    await api.appointments.book({} as never);
    expect(sent).toEqual([
      ['patients.search', { query: 'Ada', limit: 5 }],
      ['appointments.book', {}],
    ]);
    expect(answer).toEqual({ ok: true, value: 'answer to patients.search' });
    // The same function each time, so a hook's dependency on it does not change every render.
    expect(api.patients.search).toBe(api.patients.search);
  });

  it('is not a promise: awaiting it (or an area) gives it back', async () => {
    const api = createApiClient({ invoke: () => Promise.reject(new Error('nothing should be called')) });
    // A thenable would make `await` call its `then`: the client and its areas must have none.
    const awaited = await Promise.resolve(api);
    expect(awaited).toBe(api);
    expect(await Promise.resolve(api.patients)).toBe(api.patients);
    expect((api as unknown as { then?: unknown }).then).toBeUndefined();
  });
});
