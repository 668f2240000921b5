import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRow, isVisible, mergeRecord, type MergeChange, type RowState } from '../../src-server/sync/merge';

const COLUMNS = ['a', 'b', 'c'];
const DEVICE = '00000000-0000-4000-8000-000000000001';
const stamp = (wall: number, counter = 0) =>
  `${String(wall).padStart(15, '0')}:${String(counter).padStart(6, '0')}:${DEVICE}`;

function apply(changes: readonly MergeChange[]): RowState {
  return changes.reduce((row, change) => mergeRecord(row, change, COLUMNS), emptyRow());
}

describe('server merge of a record row', () => {
  it('concurrent edits to different columns both survive; the same column goes to the later stamp', () => {
    const row = apply([
      { op: 'upsert', values: { a: 'a0', b: 'b0', c: 'c0' }, hlc: stamp(1) },
      { op: 'upsert', values: { a: 'desk 2', b: 'late' }, hlc: stamp(3) },
      { op: 'upsert', values: { b: 'early', c: 'desk 1' }, hlc: stamp(2) },
    ]);
    expect(row.values).toEqual({ a: 'desk 2', b: 'late', c: 'desk 1' });
    expect(isVisible(row)).toBe(true);
  });

  it('a delete wins over older edits and a later partial edit; only a later whole insert brings the row back', () => {
    const inserted: MergeChange = { op: 'upsert', values: { a: 1, b: 2, c: 3 }, hlc: stamp(1) };
    const deleted: MergeChange = { op: 'delete', values: {}, hlc: stamp(5) };
    const olderEdit: MergeChange = { op: 'upsert', values: { a: 9 }, hlc: stamp(4) };
    const laterEdit: MergeChange = { op: 'upsert', values: { b: 9 }, hlc: stamp(6) };
    expect(isVisible(apply([inserted, deleted, olderEdit]))).toBe(false);
    expect(isVisible(apply([inserted, olderEdit, deleted, laterEdit]))).toBe(false);
    const again = apply([
      inserted,
      deleted,
      laterEdit,
      { op: 'upsert', values: { a: 7, b: 8, c: null }, hlc: stamp(7) },
    ]);
    expect(isVisible(again)).toBe(true);
    expect(again.values).toEqual({ a: 7, b: 8, c: null });
  });

  it('the merged row does not depend on the order changes arrive in', () => {
    const change = fc.record({
      op: fc.constantFrom<'upsert' | 'delete'>('upsert', 'upsert', 'delete'),
      wall: fc.integer({ min: 1, max: 20 }),
      values: fc
        .subarray(COLUMNS)
        .chain((columns) =>
          fc
            .tuple(...columns.map(() => fc.integer({ min: 0, max: 5 })))
            .map((vals) => Object.fromEntries(columns.map((column, i) => [column, vals[i] ?? 0]))),
        ),
    });
    const scenario = fc.array(change, { minLength: 1, maxLength: 12 }).chain((raw) =>
      fc.tuple(
        fc.constant(raw),
        fc.shuffledSubarray(
          raw.map((_, i) => i),
          { minLength: raw.length, maxLength: raw.length },
        ),
      ),
    );
    fc.assert(
      fc.property(scenario, ([raw, order]) => {
        // Unique stamps, as HLCs are: the counter tells equal walls apart.
        const changes: MergeChange[] = raw.map((c, i) => ({
          op: c.op,
          values: c.op === 'delete' ? {} : c.values,
          hlc: stamp(c.wall, i),
        }));
        const a = apply(changes);
        const b = apply(order.map((i) => changes[i] as MergeChange));
        expect(b.values).toEqual(a.values);
        expect(isVisible(b)).toBe(isVisible(a));
      }),
      { numRuns: 500 },
    );
  });
});
