import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  firstOfMonth,
  weekStartOf,
  lastOfMonth,
  minutesIntoDay,
  mondayOf,
} from '../../src-shared/scheduling/calendar-dates';
import { addDays, DAY_MINUTES, localParts } from '../../src-shared/scheduling/time';

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

describe('minutesIntoDay (where the grid draws an instant)', () => {
  const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu'];

  it('agrees with the wall clock for instants within ±2 days of the date, DST days included (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        // 2026-2028 (covers each zone's changes), plus the change days themselves more often.
        fc.oneof(
          fc.integer({ min: 0, max: 3 * 365 }).map((n) => addDays('2026-01-01', n)),
          fc.constantFrom('2027-03-14', '2027-03-28', '2027-04-04', '2027-10-03', '2027-10-31', '2027-11-07'),
        ),
        fc.integer({ min: -2 * 24 * 60, max: 3 * 24 * 60 }),
        (zone, date, minute) => {
          const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
          const instant = Date.UTC(y, m - 1, d) + minute * 60_000;
          const parts = localParts(zone, instant);
          const expected = parts.date < date ? 0 : parts.date > date ? DAY_MINUTES : parts.minutes;
          expect(minutesIntoDay(zone, date, instant)).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('the clinic’s first day of the week', () => {
  it('finds the week’s first day for weeks from Monday, Sunday or Saturday', () => {
    // Wednesday 2 December 2026.
    expect(weekStartOf('2026-12-02', 1)).toBe('2026-11-30');
    expect(weekStartOf('2026-12-02', 7)).toBe('2026-11-29');
    expect(weekStartOf('2026-12-02', 6)).toBe('2026-11-28');
    // A Sunday in a Sunday-first clinic is its own week's first day.
    expect(weekStartOf('2026-11-29', 7)).toBe('2026-11-29');
  });
});
