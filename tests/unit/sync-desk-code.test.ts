import { describe, expect, it } from 'vitest';
import { deskCodeOf, seriesPrefixFits } from '../../src-shared/sync/desk-code';
import { conflictId } from '../../src-main/core/conflicts/detect';

describe('desk codes', () => {
  it('counts A … Z, AA … AZ, BA …, never the same code twice', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703].map(deskCodeOf)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    const codes = Array.from({ length: 5000 }, (_, i) => deskCodeOf(i + 1));
    expect(new Set(codes).size).toBe(codes.length);
    expect(() => deskCodeOf(0)).toThrow();
  });

  it("takes as a desk's invoice prefix only its code, optionally followed by digits", () => {
    expect(seriesPrefixFits('B', 'B')).toBe(true);
    expect(seriesPrefixFits('B26', 'B')).toBe(true);
    expect(seriesPrefixFits('BA', 'B')).toBe(false); // desk BA's
    expect(seriesPrefixFits('A', 'B')).toBe(false);
    expect(seriesPrefixFits('XB', 'B')).toBe(false);
  });
});

describe('conflict ids', () => {
  it('are the same for the same pair on every desk, a valid UUID, and differ by kind, pair and generation', () => {
    const a = '01a23700-7bd1-75a0-9d5d-b7930f17ff22';
    const b = '01a23700-7bd4-7095-a8cb-f2470818e93a';
    const id = conflictId('double_booking', a, b);
    expect(id).toBe(conflictId('double_booking', a, b));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set([id, conflictId('duplicate_patient', a, b), conflictId('double_booking', b, a)]).size).toBe(3);
    expect(conflictId('negative_stock', a, b, 1)).not.toBe(conflictId('negative_stock', a, b, 0));
  });
});
