import { describe, expect, it } from 'vitest';
import { formatClockTime, formatHhMm, parseClockTime } from '../../src-shared/locale/time-format';

describe('times of day in the clinic’s format', () => {
  it('writes 24-hour or 12-hour times', () => {
    expect(formatClockTime(14 * 60 + 5, '24h')).toBe('14:05');
    expect(formatClockTime(14 * 60 + 5, '12h')).toBe('2:05 PM');
    expect(formatClockTime(0, '12h')).toBe('12:00 AM');
    expect(formatClockTime(12 * 60, '12h')).toBe('12:00 PM');
    expect(formatHhMm('09:30', '12h')).toBe('9:30 AM');
  });

  it('reads what a receptionist types, in either format', () => {
    expect(parseClockTime('10:00')).toBe(600);
    expect(parseClockTime('9.30')).toBe(570);
    expect(parseClockTime('930')).toBe(570);
    expect(parseClockTime('9:30 pm')).toBe(21 * 60 + 30);
    expect(parseClockTime('12 am')).toBe(0);
    expect(parseClockTime('9pm')).toBe(21 * 60);
    expect(parseClockTime('13:00 pm')).toBeNull();
    expect(parseClockTime('24:00')).toBeNull();
    expect(parseClockTime('9:75')).toBeNull();
    expect(parseClockTime('soon')).toBeNull();
  });
});
