import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatLongDate,
  formatMonth,
  formatOptionalDate,
  formatShortDate,
} from '../../src-shared/locale/date-format';
import { formatClockTime, formatHhMm } from '../../src-shared/locale/time-format';
import {
  formatDate as formatInstantDate,
  formatDateMinute,
  formatDateTime,
} from '../../src-renderer/src/format/datetime';

describe('dates in the clinic’s format', () => {
  it('writes a date the way each date format setting says', () => {
    expect(formatDate('2026-12-08', 'YYYY-MM-DD')).toBe('2026-12-08');
    expect(formatDate('2026-12-08', 'DD/MM/YYYY')).toBe('08/12/2026');
    expect(formatDate('2026-12-08', 'MM/DD/YYYY')).toBe('12/08/2026');
  });

  it('shows a missing date as a dash and leaves text that is not a date alone', () => {
    expect(formatOptionalDate(null, 'DD/MM/YYYY')).toBe('—');
    expect(formatOptionalDate('2026-12-08', 'DD/MM/YYYY')).toBe('08/12/2026');
    expect(formatDate('unknown', 'MM/DD/YYYY')).toBe('unknown');
  });

  it('writes long and short labels day-first, or month-first in a MM/DD/YYYY clinic, never shifted by a zone', () => {
    expect(formatLongDate('2026-12-08', 'DD/MM/YYYY')).toBe('Tuesday, 8 December 2026');
    expect(formatLongDate('2026-12-08', 'YYYY-MM-DD')).toBe('Tuesday, 8 December 2026');
    expect(formatLongDate('2026-12-08', 'MM/DD/YYYY')).toBe('Tuesday, December 8, 2026');
    expect(formatShortDate('2026-12-08', 'DD/MM/YYYY')).toBe('Tue 8 Dec');
    expect(formatShortDate('2026-12-08', 'MM/DD/YYYY')).toBe('Tue, Dec 8');
    expect(formatMonth('2026-12', 'DD/MM/YYYY')).toBe('December 2026');
    expect(formatMonth('2026-12-31', 'MM/DD/YYYY')).toBe('December 2026');
  });
});

describe('times beside them, 12 h and 24 h', () => {
  it('writes the same instant in both formats', () => {
    expect(formatClockTime(23 * 60, '12h')).toBe('11:00 PM');
    expect(formatClockTime(23 * 60, '24h')).toBe('23:00');
    expect(formatHhMm('00:30', '12h')).toBe('12:30 AM');
    expect(formatHhMm('00:30', '24h')).toBe('00:30');
  });
});

describe('instants on the clinic’s wall clock', () => {
  // 2026-12-08 22:05:09 UTC is 17:05:09 in New York.
  const at = Date.UTC(2026, 11, 8, 22, 5, 9);
  it('writes the local date in the clinic’s format and the time in 12 h or 24 h', () => {
    const us = { timeZone: 'America/New_York', dateFormat: 'MM/DD/YYYY', timeFormat: '12h' } as const;
    expect(formatInstantDate(at, us)).toBe('12/08/2026');
    expect(formatDateTime(at, us)).toBe('12/08/2026 5:05 PM');
    expect(formatDateTime(at, { timeZone: 'Europe/London', dateFormat: 'DD/MM/YYYY', timeFormat: '24h' })).toBe(
      '08/12/2026 22:05:09',
    );
  });

  it('writes a time to the minute with its AM or PM (a vitals history row)', () => {
    const noon = Date.UTC(2026, 11, 8, 17, 48);
    const us = { timeZone: 'America/New_York', dateFormat: 'MM/DD/YYYY', timeFormat: '12h' } as const;
    expect(formatDateMinute(noon, us)).toBe('12/08/2026 12:48 PM');
    expect(formatDateMinute(at, us)).toBe('12/08/2026 5:05 PM');
    expect(formatDateMinute(at, { timeZone: 'Europe/London', dateFormat: 'DD/MM/YYYY', timeFormat: '24h' })).toBe(
      '08/12/2026 22:05',
    );
  });
});
