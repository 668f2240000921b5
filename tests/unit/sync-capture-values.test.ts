import { describe, expect, it } from 'vitest';
import { SYNCED_COLUMNS } from '../../src-shared/sync/columns.generated';
import {
  captureColumns,
  changedColumnsOfOldTriggers,
  rowValues,
  updateValues,
} from '../../src-main/core/sync/capture-values';

type Table = 'appointments' | 'vitals';

/** NEW/OLD pairs for every column of `table`, all equal (1) except those in `changes`. */
function pairs(table: Table, changes: Record<string, [unknown, unknown]>): unknown[] {
  return captureColumns(table).flatMap((column) => changes[column] ?? [1n, 1n]);
}

/** The same over the columns outside the key, as the update triggers of older versions passed them. */
function oldPairs(table: Table, changes: Record<string, [unknown, unknown]>): unknown[] {
  const key = SYNCED_COLUMNS[table].key;
  return captureColumns(table)
    .filter((column) => !key.includes(column))
    .flatMap((column) => changes[column] ?? [1n, 1n]);
}

describe('what the capture triggers send (values_json)', () => {
  it('passes every column, in columns.generated.ts order', () => {
    expect(captureColumns('vitals')).toEqual(SYNCED_COLUMNS.vitals.columns.map((c) => c.name));
  });

  it('sends every column of an inserted row, integers exactly and bytes as base64', () => {
    const columns = captureColumns('vitals');
    const values = columns.map((column) =>
      column === 'id' ? 'v1' : column === 'pain' ? 2n ** 60n + 1n : column === 'chief_complaint' ? 'a "cough"\n' : null,
    );
    const sent = rowValues('vitals', values);
    expect(Object.keys(JSON.parse(sent) as object)).toEqual(columns);
    expect(sent).toContain('"pain":1152921504606846977');
    expect(JSON.parse(sent)).toMatchObject({ id: 'v1', chief_complaint: 'a "cough"\n', bmi: null });
    const bytes = columns.map((column) => (column === 'chief_complaint' ? Buffer.from([1, 2, 255]) : null));
    expect(JSON.parse(rowValues('vitals', bytes))).toMatchObject({ chief_complaint: { b64: 'AQL/' } });
    expect(
      JSON.parse(
        rowValues(
          'vitals',
          columns.map(() => 36.6),
        ),
      ),
    ).toMatchObject({ temperature_c: 36.6 });
  });

  it('sends the changed columns of an update at their new values, and nothing when none changed', () => {
    expect(updateValues('vitals', pairs('vitals', {}))).toBeNull();
    expect(
      JSON.parse(
        updateValues(
          'vitals',
          pairs('vitals', { temperature_c: [37.1, 36.8], pulse_per_min: [72n, null], pain: [null, null] }),
        ) ?? 'null',
      ),
    ).toEqual({ pulse_per_min: 72, temperature_c: 37.1 });
    // Two integers past 2^53 that a lossy conversion would make equal.
    expect(updateValues('vitals', pairs('vitals', { pain: [2n ** 60n + 1n, 2n ** 60n] }))).toBe(
      '{"pain":1152921504606846977}',
    );
    expect(updateValues('vitals', pairs('vitals', { pain: [Buffer.from([1]), Buffer.from([1])] }))).toBeNull();
    expect(updateValues('vitals', pairs('vitals', { pain: [Buffer.from([2]), Buffer.from([1])] }))).toBe(
      '{"pain":{"b64":"Ag=="}}',
    );
    // SQLite's IS: the integer 1 and the real 1.0 are the same value.
    expect(updateValues('vitals', pairs('vitals', { pain: [1, 1n] }))).toBeNull();
  });

  it('sends the rest of a column group with the column that changed', () => {
    const sent = JSON.parse(
      updateValues('appointments', pairs('appointments', { start_at: [2n, 1n] })) ?? '{}',
    ) as object;
    expect(Object.keys(sent).sort()).toEqual(['end_at', 'start_at']);
  });

  it('sends every column when the key changed: the row is a new one to other desks', () => {
    const sent = JSON.parse(updateValues('vitals', pairs('vitals', { id: ['v2', 'v1'] })) ?? '{}') as object;
    expect(Object.keys(sent)).toEqual(captureColumns('vitals'));
    expect(sent).toMatchObject({ id: 'v2' });
  });

  it('refuses an unknown table or a wrong number of values rather than send a change with columns missing', () => {
    expect(() => rowValues('not_a_table', [])).toThrow(/not a synced table/);
    expect(() => updateValues('vitals', [1, 1])).toThrow(/columns/);
    expect(() => rowValues('vitals', [1])).toThrow(/columns/);
  });

  it('still answers the update triggers an older version wrote, until they are replaced', () => {
    expect(changedColumnsOfOldTriggers('vitals', oldPairs('vitals', {}))).toBe('[]');
    expect(
      JSON.parse(changedColumnsOfOldTriggers('vitals', oldPairs('vitals', { temperature_c: [36.8, 37.1] }))),
    ).toEqual(['temperature_c']);
    expect(
      (
        JSON.parse(
          changedColumnsOfOldTriggers('appointments', oldPairs('appointments', { end_at: [1n, 2n] })),
        ) as string[]
      ).sort(),
    ).toEqual(['end_at', 'start_at']);
    expect(() => changedColumnsOfOldTriggers('vitals', [1, 1])).toThrow(/columns/);
  });
});
