import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src-main/core/ids';

/** Row ids: unique, version-7 UUIDs that sort in the order they were made, many to a millisecond. */
describe('newId', () => {
  it('makes ids that sort in the order they were made, past the random pool’s refills', () => {
    const ids = Array.from({ length: 5000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of [ids[0], ids[2500], ids[4999]]) {
      expect(validate(id)).toBe(true);
      expect(version(id as string)).toBe(7);
    }
  });

  it('carries the time it was made in its first 48 bits', () => {
    const before = Date.now();
    const id = newId();
    const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now() + 1);
  });
});
