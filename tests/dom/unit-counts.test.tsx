// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { unitsOf } from '../../src-renderer/src/format/units';

describe('a count of a stock item’s units', () => {
  it('takes the plural a person would say, and leaves abbreviations and "each" as typed', () => {
    expect(unitsOf(1, 'tablet')).toBe('1 tablet');
    expect(unitsOf(200, 'tablet')).toBe('200 tablets');
    expect(unitsOf(0, 'dose')).toBe('0 doses');
    expect(unitsOf(3, 'box')).toBe('3 boxes');
    expect(unitsOf(2, 'patch')).toBe('2 patches');
    expect(unitsOf(50, 'ml')).toBe('50 ml');
    expect(unitsOf(50, 'mL')).toBe('50 mL');
    expect(unitsOf(4, 'each')).toBe('4 each');
  });
});
