import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { snapshotRowSchema, type SnapshotRow } from '../../src-shared/sync/protocol';
import { quickCheck } from '../../src-shared/sync/snapshot-row-check';
import { compactStamps, expandStamps } from '../../src-shared/sync/snapshot-stamps';

const FIRST = '001764800000000:000001:6f0d2c1e-1111-4222-8333-944445555666';
const SECOND = '001764800000500:000000:6f0d2c1e-1111-4222-8333-944445555666';
const THIRD = '001764800009000:000002:0a0d2c1e-1111-4222-8333-944445555666';
const stamps = [FIRST, SECOND, THIRD];
const column = fc.constantFrom('id', 'first_name', 'last_name', 'dob', 'notes', 'updated_at');
const value = fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer());
const stamp = fc.constantFrom(...stamps);

/** Rows as the server holds them: few stamps, so columns often share the row's. */
const row: fc.Arbitrary<SnapshotRow> = fc
  .record({
    values: fc.dictionary(column, value),
    stamped: fc.dictionary(column, stamp),
    deletedHlc: fc.option(stamp, { nil: null }),
    fullHlc: fc.option(stamp, { nil: null }),
    everyValueStamped: fc.boolean(),
  })
  .map(({ values, stamped, deletedHlc, fullHlc, everyValueStamped }) => {
    const columnHlc = { ...stamped };
    if (everyValueStamped) for (const c of Object.keys(values)) columnHlc[c] ??= fullHlc ?? FIRST;
    return { table: 'patients', key: ['p1'], values, columnHlc, deletedHlc, fullHlc };
  });

describe('snapshot stamps sent once per row', () => {
  it('expanding what was compacted gives back the row, whatever its stamps', () => {
    fc.assert(
      fc.property(row, (original) => {
        const compact = compactStamps(original);
        expect(expandStamps(compact)).toEqual(original);
        expect(JSON.stringify(compact).length).toBeLessThanOrEqual(JSON.stringify(original).length);
        // What is sent passes the desk's check and the schema alike.
        expect(quickCheck(compact)).toBe(true);
        expect(snapshotRowSchema.safeParse(compact).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a row inserted whole travels with one stamp', () => {
    const full = SECOND;
    const original: SnapshotRow = {
      table: 'appointments',
      key: ['a1'],
      values: { id: 'a1', status: 'booked', notes: null },
      columnHlc: { id: full, status: full, notes: full },
      deletedHlc: null,
      fullHlc: full,
    };
    expect(compactStamps(original)).toEqual({ ...original, columnHlc: {}, columnsAtFull: true });
  });

  it('a column without a stamp of its own keeps the row whole, so expanding cannot invent one', () => {
    const full = SECOND;
    const original: SnapshotRow = {
      table: 'patients',
      key: ['p1'],
      values: { id: 'p1', first_name: 'Ada' },
      columnHlc: { id: full },
      deletedHlc: null,
      fullHlc: full,
    };
    expect(compactStamps(original)).toBe(original);
  });

  it('the check refuses a mark that is not true, or one without a row stamp', () => {
    const base = { table: 'patients', key: ['p1'], values: {}, columnHlc: {}, deletedHlc: null };
    for (const bad of [
      { ...base, fullHlc: FIRST, columnsAtFull: false },
      { ...base, fullHlc: null, columnsAtFull: true },
      { ...base, fullHlc: FIRST, columnsAtFull: 'yes' },
    ]) {
      expect(quickCheck(bad)).toBe(false);
      expect(snapshotRowSchema.safeParse(bad).success).toBe(false);
    }
  });
});
