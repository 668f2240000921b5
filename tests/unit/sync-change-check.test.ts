import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkChange, quickChangeCheck } from '../../src-shared/sync/change-check';
import { syncChangeSchema } from '../../src-shared/sync/protocol';
import { arbitraryFor } from '../helpers/zod-arbitrary';

const device = '6f0d2c1e-1111-4222-8333-944445555666';
const stamp = `001764800000000:000003:${device}`;
const good = () => ({
  id: '0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b',
  table: 'appointments',
  key: ['a1'],
  op: 'upsert',
  values: { id: 'a1', start_at: 1764800000000, note: null, photo: { b64: 'AAEC' } },
  hlc: stamp,
  deviceId: device,
  userId: 'u1',
});

/** Changes a hostile or broken server could send, each a good change with one thing wrong. */
const variants: [string, unknown][] = [
  ['a good change', good()],
  ['a delete', { ...good(), op: 'delete', values: {} }],
  ['a change by the system', { ...good(), userId: null }],
  ['a composite numeric key', { ...good(), key: ['a', 2, 3] }],
  ['an extra field', { ...good(), extra: 1 }],
  ['a field missing', (({ userId: _, ...rest }) => rest)(good())],
  ['an undefined user', { ...good(), userId: undefined }],
  ['a long user id', { ...good(), userId: 'u'.repeat(65) }],
  ['an id that is no uuid', { ...good(), id: 'change-1' }],
  ['an upper-case uuid', { ...good(), id: good().id.toUpperCase() }],
  ['a device that is no uuid', { ...good(), deviceId: 'desk' }],
  ['an unknown operation', { ...good(), op: 'merge' }],
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
  ['an infinite value', { ...good(), values: { start_at: Infinity } }],
  ['an array value', { ...good(), values: { id: [1] } }],
  ['a blob with more', { ...good(), values: { photo: { b64: 'AA', x: 1 } } }],
  ['a blob not text', { ...good(), values: { photo: { b64: 1 } } }],
  ['a huge string', { ...good(), values: { note: 'x'.repeat(1_000_001) } }],
  ['values as an array', { ...good(), values: [] }],
  ['values as null', { ...good(), values: null }],
  ['a bad stamp', { ...good(), hlc: 'yesterday' }],
  ['not an object', 'change'],
  ['null', null],
];

describe('the quick check of a pulled change', () => {
  it.each(variants)('answers as the schema does for %s, and never accepts what it refuses', (_, change) => {
    const schema = syncChangeSchema.safeParse(change).success;
    if (quickChangeCheck(change)) expect(schema).toBe(true);
    expect(checkChange(change).success).toBe(schema);
  });

  it('accepts the good changes itself (zod is only asked about the rest)', () => {
    expect(quickChangeCheck(good())).toBe(true);
    expect(quickChangeCheck({ ...good(), op: 'delete', values: {}, userId: null })).toBe(true);
  });

  it('gives the schema’s message for what it refuses', () => {
    const answer = checkChange({ ...good(), table: 'Bad' });
    expect(answer.success).toBe(false);
    if (!answer.success) expect(answer.error.message).toContain('must be a table or column name');
  });

  it('never accepts a change the schema refuses, on changes made from the schema and broken at random', () => {
    const broken = fc
      .tuple(arbitraryFor(syncChangeSchema), fc.constantFrom(...variants.map(([, v]) => v)))
      .map(([made, wrong]) =>
        typeof made === 'object' && made !== null && typeof wrong === 'object' && wrong !== null
          ? { ...made, ...Object.fromEntries(Object.entries(wrong).slice(0, 2)) }
          : made,
      );
    fc.assert(
      fc.property(fc.oneof(arbitraryFor(syncChangeSchema), broken), (change) => {
        const schema = syncChangeSchema.safeParse(change).success;
        if (quickChangeCheck(change)) expect(schema).toBe(true);
        expect(checkChange(change).success).toBe(schema);
      }),
      { numRuns: 500 },
    );
  });
});
