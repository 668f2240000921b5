import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; the clinic is in Europe/London, Dr Ortiz works
// 09:00–12:30 and 13:30–17:00 on weekdays.
const MONDAY = '2026-11-23';

let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic();
});
afterEach(async () => {
  await s.clinic.close();
});

async function problems(input: Parameters<SchedulingClinic['book']>[0]) {
  const result = await s.book(input);
  if (result.ok) throw new Error('expected a refusal');
  return result.error.details?.problems as readonly { code: string; message: string }[] | undefined;
}

describe("main's refusals in the clinic's date and time formats", () => {
  it('a 12-hour, month-first clinic reads "10:00 AM–10:30 AM" and "11/23/2026"', async () => {
    await s.clinic.ok('admin', 'settings.update', { timeFormat: '12h', dateFormat: 'MM/DD/YYYY' });
    const booked = await s.book({ patientId: await s.patient('Bea'), start: { date: MONDAY, time: '10:00' } });
    expect(booked.ok).toBe(true);

    expect(await problems({ patientId: await s.patient('Cal'), start: { date: MONDAY, time: '10:15' } })).toEqual([
      { code: 'provider_busy', message: 'Dr Ana Ortiz is already booked 10:00 AM–10:30 AM.' },
    ]);
    expect(await problems({ patientId: await s.patient('Dee'), start: { date: MONDAY, time: '08:45' } })).toEqual([
      {
        code: 'outside_hours',
        message:
          "8:45 AM–9:15 AM is outside Dr Ana Ortiz's hours at Main Street on Monday 11/23/2026 (9:00 AM–12:30 PM, 1:30 PM–5:00 PM).",
      },
    ]);
  });

  it('a 24-hour, day-first clinic reads "10:00–10:30" and "23/11/2026"', async () => {
    await s.clinic.ok('admin', 'settings.update', { timeFormat: '24h', dateFormat: 'DD/MM/YYYY' });
    await s.book({ patientId: await s.patient('Bea'), start: { date: MONDAY, time: '10:00' } });
    expect(await problems({ patientId: await s.patient('Cal'), start: { date: MONDAY, time: '10:15' } })).toEqual([
      { code: 'provider_busy', message: 'Dr Ana Ortiz is already booked 10:00–10:30.' },
    ]);
    const outside = await problems({ patientId: await s.patient('Dee'), start: { date: MONDAY, time: '08:45' } });
    expect(outside?.[0]?.message).toContain('on Monday 23/11/2026 (09:00–12:30, 13:30–17:00)');
  });
});
