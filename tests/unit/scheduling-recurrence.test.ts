import { describe, expect, it } from 'vitest';
import {
  addMonthsClamped,
  describeRule,
  MAX_OCCURRENCES,
  occurrences,
  type RecurrenceRule,
} from '../../src-shared/scheduling/recurrence';
import { localToInstant } from '../../src-shared/scheduling/time';

const rule = (r: Partial<RecurrenceRule> & Pick<RecurrenceRule, 'frequency' | 'startDate'>): RecurrenceRule => ({
  interval: 1,
  until: null,
  count: null,
  ...r,
});
const dates = (r: RecurrenceRule) => occurrences(r).map((o) => o.date);

describe('recurrence dates', () => {
  it('repeats every N days and weeks, for a count', () => {
    expect(dates(rule({ frequency: 'daily', startDate: '2026-12-30', count: 4 }))).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(dates(rule({ frequency: 'daily', interval: 3, startDate: '2027-02-26', count: 3 }))).toEqual([
      '2027-02-26',
      '2027-03-01',
      '2027-03-04',
    ]);
    expect(dates(rule({ frequency: 'weekly', interval: 2, startDate: '2026-11-23', count: 3 }))).toEqual([
      '2026-11-23',
      '2026-12-07',
      '2026-12-21',
    ]);
  });

  it('stops at the until date (inclusive), or at whichever of until and count comes first', () => {
    expect(dates(rule({ frequency: 'weekly', startDate: '2026-11-23', until: '2026-12-14' }))).toEqual([
      '2026-11-23',
      '2026-11-30',
      '2026-12-07',
      '2026-12-14',
    ]);
    expect(dates(rule({ frequency: 'weekly', startDate: '2026-11-23', until: '2026-12-13' }))).toHaveLength(3);
    expect(dates(rule({ frequency: 'weekly', startDate: '2026-11-23', until: '2027-12-31', count: 2 }))).toEqual([
      '2026-11-23',
      '2026-11-30',
    ]);
  });

  it('keeps a monthly series on the 31st, falling back to the last day of shorter months without drifting', () => {
    expect(dates(rule({ frequency: 'monthly', startDate: '2027-01-31', count: 5 }))).toEqual([
      '2027-01-31',
      '2027-02-28',
      '2027-03-31',
      '2027-04-30',
      '2027-05-31',
    ]);
    expect(dates(rule({ frequency: 'monthly', startDate: '2028-01-31', count: 2 }))).toEqual([
      '2028-01-31',
      '2028-02-29',
    ]);
    expect(dates(rule({ frequency: 'monthly', interval: 2, startDate: '2026-12-31', count: 3 }))).toEqual([
      '2026-12-31',
      '2027-02-28',
      '2027-04-30',
    ]);
    expect(dates(rule({ frequency: 'monthly', startDate: '2026-11-30', count: 4 }))).toEqual([
      '2026-11-30',
      '2026-12-30',
      '2027-01-30',
      '2027-02-28',
    ]);
    expect(addMonthsClamped('2026-11-15', 14)).toBe('2028-01-15');
  });

  it('numbers occurrences from 0 and never makes more than the maximum', () => {
    expect(occurrences(rule({ frequency: 'daily', startDate: '2026-11-23', count: 2 }))).toEqual([
      { index: 0, date: '2026-11-23' },
      { index: 1, date: '2026-11-24' },
    ]);
    expect(occurrences(rule({ frequency: 'daily', startDate: '2026-11-23', until: '2030-01-01' }))).toHaveLength(
      MAX_OCCURRENCES,
    );
  });

  it('keeps the wall-clock time across a DST change: a weekly 09:00 in London is 09:00 UTC, then 08:00 UTC', () => {
    const instants = dates(rule({ frequency: 'weekly', startDate: '2027-03-22', count: 3 })).map((date) =>
      localToInstant('Europe/London', { date, time: '09:00' }),
    );
    expect(instants).toEqual([
      { ok: true, instant: Date.UTC(2027, 2, 22, 9), offsetMinutes: 0 },
      { ok: true, instant: Date.UTC(2027, 2, 29, 8), offsetMinutes: 60 },
      { ok: true, instant: Date.UTC(2027, 3, 5, 8), offsetMinutes: 60 },
    ]);
  });

  it('describes a rule in words', () => {
    expect(describeRule({ frequency: 'weekly', interval: 2, until: null, count: 6 })).toBe('Every 2 weeks, 6 times');
    expect(describeRule({ frequency: 'monthly', interval: 1, until: '2027-06-30', count: null })).toBe(
      'Every month, until 2027-06-30',
    );
  });
});
