import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api/contract';
import { clinicWording } from '../../src-shared/locale/date-format';
import { dayRefusal } from '../../src-shared/scheduling/status-rules';
import { localToInstant } from '../../src-shared/scheduling/time';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; the clinic is in Europe/London; Mon-Fri 09:00-17:00.
const MONDAYS = ['2026-11-23', '2026-11-30', '2026-12-07'];
/** Any ISO date or 24-hour "HH:mm" not followed by AM/PM: what a 12-hour, month-first clinic must never read. */
const ISO_OR_24H = /\d{4}-\d{2}-\d{2}|\b\d{2}:\d{2}\b(?! ?[AP]M)/;

let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic();
  await s.clinic.ok('admin', 'settings.update', { timeFormat: '12h', dateFormat: 'MM/DD/YYYY' });
});
afterEach(async () => {
  await s.clinic.close();
});

describe("main's messages in a 12-hour, month-first clinic's formats", () => {
  it('a refused series names each date as MM/DD/YYYY, and its rule says "until 12/07/2026"', async () => {
    const patientId = await s.patient('Rosa', 'Weekly');
    const weekly: Input<'series.book'> = {
      patientId,
      providerId: s.drAId,
      typeId: s.consultId,
      start: { date: MONDAYS[0] ?? '', time: '10:00' },
      repeat: { frequency: 'weekly', until: MONDAYS[2] ?? '' },
    };
    await s.clinic.ok('admin', 'schedule.createHoliday', { date: '2026-11-30', name: 'Staff training' });
    const refused = await s.clinic.call('desk', 'series.book', weekly);
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.message).toBe(
      '1 of 3 dates cannot be booked (11/30/2026), so none was. 11/30/2026: 11/30/2026 is a clinic holiday (Staff training).',
    );
    expect(refused.error.message).not.toMatch(ISO_OR_24H);

    const booked = await s.clinic.ok('desk', 'series.book', { ...weekly, skipRefused: true });
    expect(booked.series.description).toBe('Every week, until 12/07/2026');
  });

  it('removing time off or a holiday, and a holiday twice on one day, write dates as MM/DD/YYYY', async () => {
    const off = await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'time_off',
      date: '2026-11-24',
      endDate: '2026-11-26',
      reason: 'Training',
    });
    expect(await s.clinic.ok('admin', 'schedule.removeException', { exceptionId: off.id })).toEqual({
      outcome: 'deactivated',
      message: 'The time off on 11/24/2026 to 11/26/2026 is removed: those hours can be booked again.',
    });
    const holiday = await s.clinic.ok('admin', 'schedule.createHoliday', { date: '2026-12-25', name: 'Christmas' });
    const twice = await s.clinic.call('admin', 'schedule.createHoliday', { date: '2026-12-25', name: 'Again' });
    expect(twice.ok || twice.error.details?.fields).toEqual({ date: '12/25/2026 is already a holiday (Christmas)' });
    expect(await s.clinic.ok('admin', 'schedule.removeHoliday', { holidayId: holiday.id })).toMatchObject({
      message: 'Christmas on 12/25/2026 is no longer a holiday: the weekly hours apply that day.',
    });
  });

  it('a status move on another day, and a time the clocks skip, say the dates and times the clinic way', () => {
    const facts = { status: 'booked', date: '2026-12-08', today: '2026-11-23', startAt: 0, now: 0 } as const;
    expect(dayRefusal({ ...facts, noShowGraceMinutes: 10, previous: null, dateFormat: 'MM/DD/YYYY' }, 'arrived')).toBe(
      'this appointment is on 12/08/2026: it can become arrived only on its day (today is 11/23/2026)',
    );

    const gap = localToInstant(
      'America/New_York',
      { date: '2026-03-08', time: '02:30' },
      clinicWording('MM/DD/YYYY', '12h'),
    );
    expect(gap.ok || gap.message).toBe(
      '2:30 AM on 03/08/2026 does not exist in America/New_York: the clocks go forward from 2:00 AM to 3:00 AM',
    );
  });
});
