import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS } from '../../src-shared/sync/protocol';
import { compare, compareState, format, parse, receive, send, type HlcState } from '../../src-shared/sync/hlc';

const DEVICE_A = '0190a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5b';
const DEVICE_B = '0190a1b2-c3d4-4e5f-8a9b-0c1d2e3f4a5c';
const BASE = Date.UTC(2026, 11, 2, 10, 0, 0);

/** A step of one desk's clock: a local event, or a remote stamp seen, at a wall time that may jump either way. */
const stepArb = fc.record({
  kind: fc.constantFrom('send', 'receive'),
  nowDelta: fc.integer({ min: -3_600_000, max: 3_600_000 }),
  remoteDelta: fc.integer({ min: -3 * MAX_CLOCK_SKEW_MS, max: 3 * MAX_CLOCK_SKEW_MS }),
  remoteCounter: fc.integer({ min: 0, max: 999_999 }),
});

describe('hybrid logical clock', () => {
  it('issues strictly increasing stamps whatever the wall clock does, and refuses only stamps too far ahead', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 200 }), (steps) => {
        let state: HlcState = { wall: BASE, counter: 0 };
        for (const step of steps) {
          const now = BASE + step.nowDelta;
          if (step.kind === 'send') {
            const next = send(state, now);
            expect(compareState(next, state)).toBeGreaterThan(0);
            expect(next.wall).toBeGreaterThanOrEqual(now);
            state = next;
          } else {
            const remote = { wall: now + step.remoteDelta, counter: step.remoteCounter };
            const result = receive(state, remote, now);
            if (step.remoteDelta > MAX_CLOCK_SKEW_MS) {
              expect(result.ok).toBe(false);
              // Never jumps forward on a refused stamp.
              expect(result.state).toEqual(state);
            } else {
              expect(result.ok).toBe(true);
              // Absorbs skew: after seeing a stamp, the clock is past it and past its own last stamp.
              expect(compareState(result.state, remote)).toBeGreaterThan(0);
              expect(compareState(result.state, state)).toBeGreaterThan(0);
              state = result.state;
            }
          }
        }
      }),
      { seed: 20261202, numRuns: 300 },
    );
  });

  it('formats stamps whose text order is their clock order, and parses them back', () => {
    const stampArb = fc.record({
      wall: fc.integer({ min: 0, max: 4_000_000_000_000 }),
      counter: fc.integer({ min: 0, max: 999_999 }),
      device: fc.constantFrom(DEVICE_A, DEVICE_B),
    });
    fc.assert(
      fc.property(stampArb, stampArb, (a, b) => {
        const ta = format(a);
        const tb = format(b);
        expect(parse(ta)).toEqual(a);
        expect(Math.sign(compare(a, b))).toBe(Math.sign(ta < tb ? -1 : ta > tb ? 1 : 0));
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('says how far ahead a refused stamp is', () => {
    const state = { wall: BASE, counter: 3 };
    const result = receive(state, { wall: BASE + 2 * 86_400_000, counter: 0 }, BASE);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/48 hours ahead/);
    expect(() => parse('not a stamp')).toThrow(RangeError);
  });

  it('measures a stamp from the server time too: a desk a day slow takes a change of a desk a day fast at once', () => {
    // Both desks are within the server's 36 hours, so the server accepted the change; 48 hours apart,
    // measured from the slow desk's clock alone it was refused until that clock caught up (half a day).
    const day = 86_400_000;
    const slow: HlcState = { wall: BASE - day, counter: 0 };
    const fromFastDesk = { wall: BASE + day, counter: 3 };
    expect(receive(slow, fromFastDesk, BASE - day).ok).toBe(false);
    const taken = receive(slow, fromFastDesk, BASE - day, BASE);
    expect(taken).toEqual({ ok: true, state: { wall: BASE + day, counter: 4 } });
    // Too far ahead of the server as well is still refused, and the clock stays.
    const wild = { wall: BASE + MAX_CLOCK_SKEW_MS + 1, counter: 0 };
    expect(receive(slow, wild, BASE - day, BASE)).toMatchObject({ ok: false, state: slow });
  });

  it('carries the counter into the next millisecond rather than overflowing six digits', () => {
    const next = send({ wall: BASE, counter: 999_999 }, BASE);
    expect(next).toEqual({ wall: BASE + 1, counter: 0 });
    expect(format({ ...next, device: DEVICE_A }) > format({ wall: BASE, counter: 999_999, device: DEVICE_A })).toBe(
      true,
    );
  });
});
