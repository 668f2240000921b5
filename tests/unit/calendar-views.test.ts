import { afterEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; the clinic is in Europe/London unless told otherwise.
const HOUR = 3_600_000;
const at = (date: string, time: string) => ({ date, time });

let s: SchedulingClinic | null = null;
afterEach(async () => {
  await s?.clinic.close();
  s = null;
});

async function booked(clinic: SchedulingClinic, input: Parameters<SchedulingClinic['book']>[0]) {
  const result = await clinic.book(input);
  if (!result.ok) throw new Error(`booking failed: ${result.error.message}`);
  return result.value;
}

describe('calendar.week: one provider, day by day', () => {
  it('gives each day its hours, time off, holidays and the provider’s own appointments, not cancelled ones', async () => {
    s = await openSchedulingClinic();
    const { clinic } = s;
    const ann = await s.patient('Ann');
    const bob = await s.patient('Bob');
    const mine = await booked(s, { patientId: ann, start: at('2026-11-23', '09:00') });
    await booked(s, { patientId: bob, providerId: s.drBId, start: at('2026-11-23', '09:00') });
    const wednesday = await booked(s, { patientId: bob, start: at('2026-11-25', '10:00') });
    const cancelled = await booked(s, { patientId: ann, start: at('2026-11-26', '11:00') });
    await clinic.ok('desk', 'appointments.cancel', { appointmentId: cancelled.id, reason: 'Feeling better' });
    await clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'time_off',
      date: '2026-11-24',
      reason: 'Training',
    });
    await clinic.ok('admin', 'schedule.createHoliday', { date: '2026-11-27', name: 'Founders Day' });

    const week = await clinic.ok('desk', 'calendar.week', { providerId: s.drAId, from: '2026-11-23', days: 7 });
    expect(week.provider.displayName).toBe('Dr Ana Ortiz');
    expect(week.timeZone).toBe('Europe/London');
    expect(week.days.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    const [mon, tue, wed, thu, fri, sat] = week.days;
    expect(mon?.appointments.map((a) => a.id)).toEqual([mine.id]);
    // 09:00-12:30 and 13:30-17:00 GMT.
    expect(mon?.availability.map((i) => [i.start, i.end])).toEqual([
      [Date.UTC(2026, 10, 23, 9), Date.UTC(2026, 10, 23, 12, 30)],
      [Date.UTC(2026, 10, 23, 13, 30), Date.UTC(2026, 10, 23, 17)],
    ]);
    expect(tue?.availability).toEqual([]);
    expect(tue?.timeOff.map((t) => t.reason)).toEqual(['Training', 'Training']);
    expect(wed?.appointments.map((a) => [a.id, a.startTime])).toEqual([[wednesday.id, '10:00']]);
    expect(thu?.appointments).toEqual([]);
    expect(fri?.holidays.map((h) => h.name)).toEqual(['Founders Day']);
    expect(fri?.availability).toEqual([]);
    expect(sat?.availability).toEqual([]);
  });

  it('keeps 09:00 at 09:00 across the spring change, with a 23-hour Sunday', async () => {
    s = await openSchedulingClinic({ weekdays: [1, 2, 3, 4, 5, 7] });
    const ann = await s.patient('Ann');
    const friday = await booked(s, { patientId: ann, start: at('2027-03-26', '09:00') });
    const monday = await booked(s, { patientId: ann, start: at('2027-03-29', '09:00') });
    const week = await s.clinic.ok('desk', 'calendar.week', { providerId: s.drAId, from: '2027-03-26', days: 4 });
    const [fri, , sun, mon] = week.days;
    expect(sun?.date).toBe('2027-03-28');
    expect((sun?.dayEnd ?? 0) - (sun?.dayStart ?? 0)).toBe(23 * HOUR);
    expect(sun?.availability[0]?.start).toBe(Date.UTC(2027, 2, 28, 8)); // 09:00 BST
    expect(fri?.appointments.map((a) => [a.id, a.startTime, a.start])).toEqual([
      [friday.id, '09:00', Date.UTC(2027, 2, 26, 9)],
    ]);
    expect(mon?.appointments.map((a) => [a.id, a.startTime, a.start])).toEqual([
      [monday.id, '09:00', Date.UTC(2027, 2, 29, 8)],
    ]);
  });

  it('refuses an unknown provider and too many days, naming the field', async () => {
    s = await openSchedulingClinic();
    expect(
      await s.clinic.call('desk', 'calendar.week', {
        providerId: '0190f0f0-0000-7000-8000-000000000000',
        from: '2026-11-23',
        days: 7,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { providerId: 'no such provider' } } },
    });
    expect(
      await s.clinic.call('desk', 'calendar.week', { providerId: s.drAId, from: '2026-11-23', days: 15 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { days: 'must be at most 14' } } },
    });
    expect(
      await s.clinic.call('desk', 'calendar.week', { providerId: s.drAId, from: '2026-02-30', days: 7 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { from: 'must be a real date written as YYYY-MM-DD' } } },
    });
  });
});

describe('calendar.roomWeek: one room, day by day', () => {
  it('shows who is booked in the room whichever provider, not other rooms, unroomed or cancelled bookings; holidays of its location', async () => {
    s = await openSchedulingClinic();
    const { clinic } = s;
    const ann = await s.patient('Ann');
    const bob = await s.patient('Bob');
    const cat = await s.patient('Cat');
    const withOrtiz = await booked(s, { patientId: ann, roomId: s.room1Id, start: at('2026-11-23', '09:00') });
    const withB = await booked(s, {
      patientId: bob,
      providerId: s.drBId,
      roomId: s.room1Id,
      start: at('2026-11-23', '10:00'),
    });
    await booked(s, { patientId: cat, roomId: s.room2Id, start: at('2026-11-23', '11:00') });
    await booked(s, { patientId: cat, start: at('2026-11-24', '11:00') });
    const cancelled = await booked(s, { patientId: bob, roomId: s.room1Id, start: at('2026-11-25', '09:00') });
    await clinic.ok('desk', 'appointments.cancel', { appointmentId: cancelled.id, reason: 'Feeling better' });
    await clinic.ok('admin', 'schedule.createHoliday', { date: '2026-11-27', name: 'Founders Day' });
    const elsewhere = await clinic.ok('admin', 'schedule.createLocation', { name: 'Hillside' });
    await clinic.ok('admin', 'schedule.createHoliday', {
      date: '2026-11-26',
      name: 'Hillside closed',
      locationId: elsewhere.id,
    });

    const week = await clinic.ok('desk', 'calendar.roomWeek', { roomId: s.room1Id, from: '2026-11-23' });
    expect(week.room).toMatchObject({ id: s.room1Id, name: 'Room 1', locationName: expect.any(String) as string });
    expect(week.days.map((d) => d.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    const [mon, tue, wed, thu, fri] = week.days;
    expect(mon?.appointments.map((a) => [a.id, a.startTime, a.providerId])).toEqual([
      [withOrtiz.id, '09:00', s.drAId],
      [withB.id, '10:00', s.drBId],
    ]);
    expect(tue?.appointments).toEqual([]);
    expect(wed?.appointments).toEqual([]);
    expect(thu?.holidays).toEqual([]);
    expect(fri?.holidays.map((h) => h.name)).toEqual(['Founders Day']);
  });

  it('refuses a room that does not exist or a range too long, naming the field', async () => {
    s = await openSchedulingClinic();
    const missing = await s.clinic.call('desk', 'calendar.roomWeek', {
      roomId: '01900000-0000-7000-8000-000000000000',
      from: '2026-11-23',
    });
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { roomId: 'no such room' } } },
    });
    const long = await s.clinic.call('desk', 'calendar.roomWeek', { roomId: s.room1Id, from: '2026-11-23', days: 15 });
    expect(long).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { days: 'must be at most 14' } } },
    });
  });
});

describe('calendar.month: counts per day', () => {
  it('counts appointments by the local day they start on, not cancelled ones, per provider when asked, with holidays', async () => {
    s = await openSchedulingClinic({ weekdays: [1, 2, 3, 4, 5, 7] });
    const { clinic } = s;
    const ann = await s.patient('Ann');
    const bob = await s.patient('Bob');
    await booked(s, { patientId: ann, start: at('2027-03-01', '09:00') });
    await booked(s, { patientId: bob, providerId: s.drBId, start: at('2027-03-01', '09:00') });
    const gone = await booked(s, { patientId: bob, start: at('2027-03-01', '10:00') });
    await clinic.ok('desk', 'appointments.cancel', { appointmentId: gone.id, reason: 'Moved away' });
    const confirmed = await booked(s, { patientId: ann, start: at('2027-03-29', '09:00') });
    await clinic.ok('desk', 'appointments.setStatus', { appointmentId: confirmed.id, status: 'confirmed' });
    // 09:00 BST on the Monday after the change is 08:00 UTC: still the 29th.
    await booked(s, { patientId: bob, start: at('2027-03-31', '16:30') });
    await booked(s, { patientId: bob, start: at('2027-04-01', '09:00') });
    await clinic.ok('admin', 'schedule.createHoliday', { date: '2027-03-17', name: 'St Patrick’s Day' });

    const month = await clinic.ok('desk', 'calendar.month', { month: '2027-03', providerIds: [] });
    expect(month.days).toHaveLength(31);
    const counts = Object.fromEntries(
      month.days.filter((d) => d.appointments > 0).map((d) => [d.date, d.appointments]),
    );
    expect(counts).toEqual({ '2027-03-01': 2, '2027-03-29': 1, '2027-03-31': 1 });
    expect(month.days.find((d) => d.date === '2027-03-29')?.byStatus).toEqual({ confirmed: 1 });
    expect(month.days.find((d) => d.date === '2027-03-17')?.holidays).toEqual(['St Patrick’s Day']);

    const onlyB = await clinic.ok('desk', 'calendar.month', { month: '2027-03', providerIds: [s.drBId] });
    expect(onlyB.days.filter((d) => d.appointments > 0).map((d) => [d.date, d.appointments])).toEqual([
      ['2027-03-01', 1],
    ]);
    expect((await clinic.ok('desk', 'calendar.month', { month: '2027-02', providerIds: [] })).days).toHaveLength(28);
  });

  it('refuses a month that is not YYYY-MM and an unknown provider, naming the field', async () => {
    s = await openSchedulingClinic();
    expect(await s.clinic.call('desk', 'calendar.month', { month: '2027-13', providerIds: [] })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { month: 'must be a month written as YYYY-MM' } } },
    });
    expect(
      await s.clinic.call('desk', 'calendar.month', {
        month: '2027-03',
        providerIds: [s.drAId, '0190f0f0-0000-7000-8000-000000000000'],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { 'providerIds.1': 'no such provider' } } },
    });
  });
});
