import { describe, expect, it } from 'vitest';
import { snapshotRowSchema } from '../../src-shared/sync/protocol';
import { quickCheck, snapshotRowOrNull } from '../../src-shared/sync/snapshot-row-check';

const stamp = '001764800000000:000003:6f0d2c1e-1111-4222-8333-944445555666';
const good = () => ({
  table: 'appointments',
  key: ['a1'],
  values: { id: 'a1', start_at: 1764800000000, note: null, photo: { b64: 'AAEC' } },
  columnHlc: { id: stamp, start_at: stamp, note: stamp, photo: stamp },
  deletedHlc: null,
  fullHlc: stamp,
});

/** Rows a hostile or broken server could send, each a good row with one thing wrong. */
const variants: [string, unknown][] = [
  ['a good row', good()],
  ['a composite numeric key', { ...good(), key: ['a', 2, 3] }],
  ['a deleted row', { ...good(), deletedHlc: stamp, fullHlc: null, values: {}, columnHlc: {} }],
  ['an extra field', { ...good(), extra: 1 }],
  ['a field missing', (({ fullHlc: _, ...rest }) => rest)(good())],
  ['a bad table name', { ...good(), table: 'Appointments; DROP' }],
  ['a long table name', { ...good(), table: 'a'.repeat(65) }],
  ['an empty key', { ...good(), key: [] }],
  ['five key parts', { ...good(), key: ['a', 'b', 'c', 'd', 'e'] }],
  ['a fractional key', { ...good(), key: [1.5] }],
  ['an unsafe integer key', { ...good(), key: [2 ** 60] }],
  ['a long key part', { ...good(), key: ['k'.repeat(201)] }],
  ['a key object', { ...good(), key: [{ id: 1 }] }],
  ['a bad column name', { ...good(), values: { 'bad-name': 1 } }],
  ['a boolean value', { ...good(), values: { id: true } }],
  ['an array value', { ...good(), values: { id: [1] } }],
  ['a blob with more', { ...good(), values: { photo: { b64: 'AA', x: 1 } } }],
  ['a blob not text', { ...good(), values: { photo: { b64: 1 } } }],
  ['a huge string', { ...good(), values: { note: 'x'.repeat(1_000_001) } }],
  ['values as an array', { ...good(), values: [] }],
  ['a bad stamp', { ...good(), columnHlc: { id: 'yesterday' } }],
  ['a bad full stamp', { ...good(), fullHlc: '1:2:3' }],
  ['an undefined delete', { ...good(), deletedHlc: undefined }],
  ['not an object', 'row'],
  ['null', null],
];

describe('the quick snapshot row check', () => {
  it.each(variants)('answers as the schema does for %s, and never accepts what it refuses', (_, row) => {
    const schema = snapshotRowSchema.safeParse(row).success;
    if (quickCheck(row)) expect(schema).toBe(true);
    expect(snapshotRowOrNull(row) !== null).toBe(schema);
  });

  it('accepts the good rows itself (zod is only asked about the rest)', () => {
    expect(quickCheck(good())).toBe(true);
    expect(quickCheck({ ...good(), key: ['a', 2, 3] })).toBe(true);
  });
});
