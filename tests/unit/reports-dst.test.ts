import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANAGER } from '../helpers/billing-clinic';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

/**
 * London's clocks go forward at 01:00 on Sunday 28 March 2027 (a 23-hour day). A clinic open every day
 * 09:00-17:00 books 09:00 and 16:30 on the 28th and 09:00 on the 29th, then moves the 29th's to the 27th.
 * (Hours start at 09:00, so this checks the day's bounds after the change, not bookings at midnight.)
 */
let s: SchedulingClinic;
const ids: string[] = [];
beforeAll(async () => {
  s = await openSchedulingClinic({ now: Date.UTC(2027, 2, 1, 8), weekdays: [1, 2, 3, 4, 5, 6, 7] });
  await s.clinic.ok('admin', 'users.create', { ...MANAGER, role: 'manager' });
  await s.clinic.ok('manager', 'auth.login', { username: MANAGER.username, password: MANAGER.password });
  for (const [date, time] of [
    ['2027-03-28', '09:00'],
    ['2027-03-28', '16:30'],
    ['2027-03-29', '09:00'],
  ] as const) {
    const booked = await s.book({ patientId: await s.patient('Dst'), start: { date, time } });
    if (!booked.ok) throw new Error(booked.error.message);
    ids.push(booked.value.id);
  }
});
afterAll(async () => {
  await s.clinic.close();
});

describe('reports on clinic days', () => {
  it('counts appointments on the clinic date they start, across a 23-hour day and after a move across days', async () => {
    const before = await s.clinic.ok('manager', 'reports.appointments', { from: '2027-03-27', to: '2027-03-29' });
    expect(before.byDay.map((d) => [d.date, d.booked])).toEqual([
      ['2027-03-27', 0],
      ['2027-03-28', 2],
      ['2027-03-29', 1],
    ]);
    await s.clinic.ok('desk', 'appointments.move', {
      appointmentId: ids[2] ?? '',
      start: { date: '2027-03-27', time: '10:00' },
    });
    const after = await s.clinic.ok('manager', 'reports.appointments', { from: '2027-03-27', to: '2027-03-29' });
    expect(after.byDay.map((d) => [d.date, d.booked])).toEqual([
      ['2027-03-27', 1],
      ['2027-03-28', 2],
      ['2027-03-29', 0],
    ]);
    const sunday = await s.clinic.ok('manager', 'reports.appointments', { from: '2027-03-28', to: '2027-03-28' });
    expect(sunday.totals.booked).toBe(2);
  });
});
