import { describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../src-shared/api/limits';
import { fitsWithin } from '../../src-main/electron/input-size';

describe('the IPC input limit', () => {
  it('lets a 5 MiB document through and refuses anything over the limit', () => {
    const document = { patientId: 'x', contentBase64: 'A'.repeat(Math.ceil((5 * 1024 * 1024) / 3) * 4) };
    expect(fitsWithin(document, MAX_REQUEST_BYTES)).toBe(true);
    expect(fitsWithin({ username: 'x'.repeat(MAX_REQUEST_BYTES) }, MAX_REQUEST_BYTES)).toBe(false);
    expect(fitsWithin(new Array<number>(MAX_REQUEST_BYTES).fill(0), MAX_REQUEST_BYTES)).toBe(false);
  });

  it('refuses deep nesting without walking it to the bottom', () => {
    let deep: unknown = 'end';
    for (let depth = 0; depth < 100_000; depth += 1) deep = [deep];
    expect(fitsWithin(deep, MAX_REQUEST_BYTES)).toBe(false);
    expect(fitsWithin({ a: { b: { c: [1, 'two', null, true] } } }, 1000)).toBe(true);
  });

  it('counts keys as well as values (many keys add up)', () => {
    const wide = Object.fromEntries(Array.from({ length: 2000 }, (_, index) => [`key-${index}`.padEnd(600, 'k'), 1]));
    expect(fitsWithin(wide, 1024 * 1024)).toBe(false);
  });
});
