import fc from 'fast-check';

/**
 * The changes tests/unit/reports-aggregates.property.test.ts makes to a clinic, as fast-check draws them:
 * which appointment, day, slot or amount each step picks (the test's `run` applies them through the
 * real procedures).
 */
export type Op =
  | { kind: 'book'; day: number; slot: number; other: boolean; dressing: boolean }
  | { kind: 'move'; pick: number; day: number; slot: number }
  | { kind: 'cancel' | 'noShow' | 'checkIn' | 'flow' | 'invoice' | 'creditNote' | 'reverse'; pick: number }
  | { kind: 'writeOff' | 'refund'; pick: number; amount: number }
  | { kind: 'pay'; pick: number; amount: number; back: number }
  | { kind: 'tick'; minutes: number }
  | { kind: 'timeOff'; day: number; other: boolean; span: number; hours: boolean }
  | { kind: 'holiday'; day: number }
  | { kind: 'hours'; pick: number; other: boolean; day: number; end: number }
  | { kind: 'nextDay' }
  | { kind: 'bill' | 'reassign'; pick: number; appointment: boolean }
  | { kind: 'relocate'; pick: number };

const pick = fc.nat();
// Today most often (check-in needs it), the DST day, and any day a month back to ten days ahead.
const day = fc.oneof(fc.integer({ min: -30, max: 10 }), fc.constant(-29), fc.constant(0), fc.constant(0));
export const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      day,
      slot: fc.nat(6),
      other: fc.boolean(),
      dressing: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), pick, day, slot: fc.nat(6) }) },
  ...(['cancel', 'noShow', 'checkIn', 'flow', 'invoice', 'creditNote', 'reverse'] as const).map((kind) => ({
    // Check-in and the flow board more often: the waiting times need visits that went all the way.
    weight: kind === 'checkIn' ? 3 : kind === 'flow' ? 2 : 1,
    arbitrary: fc.record({ kind: fc.constant(kind), pick }),
  })),
  ...(['writeOff', 'refund'] as const).map((kind) => ({
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant(kind), pick, amount: fc.integer({ min: 1, max: 4000 }) }),
  })),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      pick,
      amount: fc.integer({ min: 1, max: 9000 }),
      back: fc.integer({ min: 0, max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 200 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'nextDay' as const }) },
  // Invoices dated by their appointment (no visit) or their issue date, and bookings given to the other provider.
  ...(['bill', 'reassign'] as const).map((kind) => ({
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant(kind), pick, appointment: fc.boolean() }),
  })),
  // A booking moved to the other location (the narrowed revenue follows its invoices there).
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('relocate' as const), pick }) },
  // What utilisation's available minutes hang on: time off, clinic holidays, the weekly hours.
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('timeOff' as const),
      day,
      other: fc.boolean(),
      span: fc.nat(2),
      hours: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('holiday' as const), day }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hours' as const),
      pick,
      other: fc.boolean(),
      day,
      end: fc.constantFrom(15, 16, 17, 18),
    }),
  },
);
