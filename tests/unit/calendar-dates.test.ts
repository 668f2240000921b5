import { describe, expect, it } from 'vitest';
import { addMonths, firstOfMonth, lastOfMonth, mondayOf } from '../../src-shared/scheduling/calendar-dates';

describe('calendar date steps (week and month views)', () => {
  it('steps months across years', () => {
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-01');
    expect(addMonths('2027-01-31', -1)).toBe('2026-12-01');
    expect(addMonths('2027-03-01', -15)).toBe('2025-12-01');
    expect(firstOfMonth('2027-03-19')).toBe('2027-03-01');
  });

  it('knows the last day of each month, leap years included', () => {
    expect(lastOfMonth('2027-02-10')).toBe('2027-02-28');
    expect(lastOfMonth('2028-02-01')).toBe('2028-02-29');
    expect(lastOfMonth('2027-04-30')).toBe('2027-04-30');
    expect(lastOfMonth('2027-12-01')).toBe('2027-12-31');
  });

  it('finds the Monday of a week from any of its days', () => {
    expect(mondayOf('2027-03-14')).toBe('2027-03-08'); // a Sunday
    expect(mondayOf('2027-03-08')).toBe('2027-03-08');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // across a year
  });
});
