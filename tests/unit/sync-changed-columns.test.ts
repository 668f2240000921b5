import { describe, expect, it } from 'vitest';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import { changeColumns, changedColumns } from '../../src-main/core/sync/changed-columns';

/** NEW/OLD pairs for every column of `table` outside the key, all equal except those in `changes`. */
function pairs(table: 'appointments' | 'vitals', changes: Record<string, [unknown, unknown]>): unknown[] {
  return changeColumns(table).flatMap((column) => changes[column] ?? [1n, 1n]);
}

describe('sync_changed (which columns an UPDATE capture sends)', () => {
  it('passes every column outside the key, in columns.generated.ts order', () => {
    const shape = SYNCED_COLUMNS.vitals;
    expect(changeColumns('vitals')).toEqual(
      shape.columns.map((c) => c.name).filter((name) => !shape.key.includes(name)),
    );
  });

  it('names the changed columns and nothing else, with SQLite IS semantics for NULL, integers and bytes', () => {
    expect(changedColumns('vitals', pairs('vitals', {}))).toBe('[]');
    expect(
      JSON.parse(
        changedColumns(
          'vitals',
          pairs('vitals', { temperature_c: [36.8, 37.1], pulse_per_min: [null, 72n], pain: [null, null] }),
        ),
      ),
    ).toEqual(['pulse_per_min', 'temperature_c']);
    // Two integers past 2^53 that a lossy conversion would make equal.
    expect(changedColumns('vitals', pairs('vitals', { pain: [2n ** 60n, 2n ** 60n + 1n] }))).toBe('["pain"]');
    expect(changedColumns('vitals', pairs('vitals', { pain: [Buffer.from([1]), Buffer.from([1])] }))).toBe('[]');
    expect(changedColumns('vitals', pairs('vitals', { pain: [Buffer.from([1]), Buffer.from([2])] }))).toBe('["pain"]');
  });

  it('sends the rest of a column group with the column that changed', () => {
    const sent = JSON.parse(changedColumns('appointments', pairs('appointments', { start_at: [1n, 2n] }))) as string[];
    expect(sent.sort()).toEqual(['end_at', 'start_at']);
  });

  it('refuses an unknown table or a wrong number of values rather than report nothing changed', () => {
    expect(() => changedColumns('not_a_table', [])).toThrow(/not a synced table/);
    expect(() => changedColumns('vitals', [1, 1])).toThrow(/columns/);
  });
});
