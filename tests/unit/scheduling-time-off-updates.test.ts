import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { lastAudit, refused, watchScheduleChanges } from '../helpers/setup-audit';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; Europe/London; Dr Ortiz works Mon-Fri 09:00-17:00
// at Main Street with lunch 12:30-13:30.
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';
const WEDNESDAY = '2026-11-25';
let s: SchedulingClinic;
let patientId: string;
beforeEach(async () => {
  s = await openSchedulingClinic();
  patientId = await s.patient('Tia');
});
afterEach(async () => {
  await s.clinic.close();
});

/** What booking Dr Ortiz at this time says: 'ok', or the first problem's code (the booking is cancelled again). */
async function bookable(date: string, time: string): Promise<string> {
  const result = await s.book({ patientId, start: { date, time } });
  if (!result.ok)
    return (
      (result.error.details as { problems?: { code: string }[] } | undefined)?.problems?.[0]?.code ?? result.error.code
    );
  await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: result.value.id, reason: 'test' });
  return 'ok';
}

describe('changing time off and extra hours', () => {
  it('moves a day of time off to two hours on another day: booking follows; audited and announced after commit', async () => {
    const off = await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'time_off',
      date: MONDAY,
      reason: 'Course',
    });
    expect(await bookable(MONDAY, '10:00')).toBe('time_off');
    const seen = watchScheduleChanges(s.clinic, 'desk');

    const changed = await s.clinic.ok('admin', 'schedule.updateException', {
      exceptionId: off.id,
      kind: 'time_off',
      date: TUESDAY,
      start: '10:00',
      end: '11:00',
      reason: 'Dentist',
    });
    expect(changed).toEqual({
      id: off.id,
      providerId: s.drAId,
      locationId: null,
      kind: 'time_off',
      date: TUESDAY,
      endDate: TUESDAY,
      start: '10:00',
      end: '11:00',
      reason: 'Dentist',
    });
    expect(await s.clinic.ok('desk', 'schedule.listExceptions', { providerId: s.drAId })).toEqual([changed]);
    expect(await lastAudit(s.clinic)).toMatchObject({
      action: 'schedule.updateException',
      outcome: 'ok',
      target_type: 'availabilityException',
      target_id: off.id,
      details: { exceptionId: off.id, date: TUESDAY, start: '10:00', end: '11:00', reason: 'Dentist' },
    });
    expect(seen).toEqual([{ payload: { kind: 'exception', ids: [off.id] }, committed: true }]);
    expect(await bookable(MONDAY, '10:00')).toBe('ok');
    expect(await bookable(TUESDAY, '10:00')).toBe('time_off');
    expect(await bookable(TUESDAY, '11:00')).toBe('ok');

    // Sent without times, it is whole days again (the update replaces the fields, as createException takes them).
    expect(
      await s.clinic.ok('admin', 'schedule.updateException', {
        exceptionId: off.id,
        kind: 'time_off',
        date: TUESDAY,
        endDate: WEDNESDAY,
        reason: null,
      }),
    ).toMatchObject({
      start: null,
      end: null,
      endDate: WEDNESDAY,
      reason: null,
    });
    expect(await bookable(WEDNESDAY, '15:00')).toBe('time_off');
  });

  it('refuses what createException refuses, on the field to correct', async () => {
    const off = await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'time_off',
      date: MONDAY,
    });
    const seen = watchScheduleChanges(s.clinic, 'desk');
    const update = (fields: Record<string, unknown>) =>
      s.clinic.call('admin', 'schedule.updateException', {
        exceptionId: off.id,
        kind: 'time_off',
        date: MONDAY,
        ...fields,
      });
    expect(refused(await update({ start: '11:00', end: '10:00' }))).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { end: 'must be after the start' } },
    });
    expect(refused(await update({ start: '10:00' }))).toMatchObject({
      details: { fields: { end: 'give both start and end, or neither for whole days' } },
    });
    expect(refused(await update({ start: '25:00', end: '26:00' }))).toMatchObject({
      details: { fields: { start: 'must be a time written as HH:mm, from 00:00 to 23:59' } },
    });
    expect(refused(await update({ endDate: '2026-11-20' }))).toMatchObject({
      details: { fields: { endDate: 'must not be before date' } },
    });
    expect(refused(await update({ endDate: '2028-01-01' }))).toMatchObject({
      details: { fields: { endDate: 'must be within a year of date' } },
    });
    expect(refused(await update({ date: '2026-02-30' }))).toMatchObject({
      details: { fields: { date: 'must be a real date written as YYYY-MM-DD' } },
    });
    expect(refused(await update({ kind: 'extra_hours' }))).toMatchObject({
      details: { fields: { locationId: 'extra hours need a location', start: 'extra hours need a start and an end' } },
    });
    expect(refused(await update({ locationId: s.drBId }))).toMatchObject({
      details: { fields: { locationId: 'no such location' } },
    });
    expect(
      refused(
        await s.clinic.call('admin', 'schedule.updateException', {
          exceptionId: s.drBId,
          kind: 'time_off',
          date: MONDAY,
        }),
      ),
    ).toMatchObject({
      details: { fields: { exceptionId: 'no such time off or extra hours' } },
    });
    expect(
      refused(
        await s.clinic.call('desk', 'schedule.updateException', {
          exceptionId: off.id,
          kind: 'time_off',
          date: TUESDAY,
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(seen).toEqual([]);
    expect(await bookable(MONDAY, '10:00')).toBe('time_off');
  });

  it('keeps extra hours on the wall clock when they are moved across the change to summer time', async () => {
    const extra = await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'extra_hours',
      locationId: s.mainId,
      date: '2027-03-20',
      start: '10:00',
      end: '12:00',
    });
    // Sunday 28 March 2027: the clocks go forward at 01:00 in London.
    await s.clinic.ok('admin', 'schedule.updateException', {
      exceptionId: extra.id,
      kind: 'extra_hours',
      locationId: s.mainId,
      date: '2027-03-28',
      start: '10:00',
      end: '12:00',
      reason: null,
    });
    const booked = await s.book({ patientId, start: { date: '2027-03-28', time: '10:00' } });
    if (!booked.ok) throw new Error(booked.error.message);
    expect(booked.value).toMatchObject({ startTime: '10:00', offsetMinutes: 60, start: Date.UTC(2027, 2, 28, 9, 0) });
    expect(await bookable('2027-03-20', '10:00')).toBe('outside_hours');
  });

  it('removes time off: the hours can be booked again; a second removal finds nothing', async () => {
    const off = await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'time_off',
      date: MONDAY,
      endDate: TUESDAY,
    });
    const seen = watchScheduleChanges(s.clinic, 'desk');
    expect(await s.clinic.ok('admin', 'schedule.removeException', { exceptionId: off.id })).toEqual({
      outcome: 'deactivated',
      message: `The time off on ${MONDAY} to ${TUESDAY} is removed: those hours can be booked again.`,
    });
    expect(await lastAudit(s.clinic)).toMatchObject({
      action: 'schedule.removeException',
      target_type: 'availabilityException',
      target_id: off.id,
      details: { outcome: 'deactivated' },
    });
    expect(seen).toEqual([{ payload: { kind: 'exception', ids: [off.id] }, committed: true }]);
    expect(await s.clinic.ok('desk', 'schedule.listExceptions', {})).toEqual([]);
    expect(await bookable(TUESDAY, '10:00')).toBe('ok');
    expect(refused(await s.clinic.call('admin', 'schedule.removeException', { exceptionId: off.id }))).toMatchObject({
      details: { fields: { exceptionId: 'no such time off or extra hours' } },
    });
    expect(refused(await s.clinic.call('admin', 'schedule.removeException', { exceptionId: 'off' }))).toMatchObject({
      details: { fields: { exceptionId: 'must be a time off or extra hours id' } },
    });
    expect(refused(await s.clinic.call('desk', 'schedule.removeException', { exceptionId: off.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('removes extra hours, leaving what was booked in them', async () => {
    const extra = await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'extra_hours',
      locationId: s.mainId,
      date: '2026-11-28',
      start: '10:00',
      end: '12:00',
    });
    const booked = await s.book({ patientId, start: { date: '2026-11-28', time: '10:00' } });
    if (!booked.ok) throw new Error(booked.error.message);
    expect(await s.clinic.ok('admin', 'schedule.removeException', { exceptionId: extra.id })).toMatchObject({
      message: 'The extra hours on 2026-11-28 are removed; appointments already booked in them stay.',
    });
    expect(await s.clinic.ok('desk', 'appointments.get', { appointmentId: booked.value.id })).toMatchObject({
      status: 'booked',
    });
    expect(await bookable('2026-11-28', '11:00')).toBe('outside_hours');
  });
});

describe('changing and removing clinic holidays', () => {
  it('moves a holiday to another date and renames it, refusing a date that already is one', async () => {
    const holiday = await s.clinic.ok('admin', 'schedule.createHoliday', { date: MONDAY, name: 'Founders Day' });
    const other = await s.clinic.ok('admin', 'schedule.createHoliday', { date: WEDNESDAY, name: 'Staff training' });
    expect(await bookable(MONDAY, '10:00')).toBe('holiday');
    const seen = watchScheduleChanges(s.clinic, 'desk');

    const moved = await s.clinic.ok('admin', 'schedule.updateHoliday', {
      holidayId: holiday.id,
      date: TUESDAY,
      name: 'Founders’ Day',
    });
    expect(moved).toEqual({ id: holiday.id, date: TUESDAY, name: 'Founders’ Day', locationId: null });
    expect(await lastAudit(s.clinic)).toMatchObject({
      action: 'schedule.updateHoliday',
      target_type: 'holiday',
      target_id: holiday.id,
      details: { holidayId: holiday.id, date: TUESDAY },
    });
    expect(seen).toEqual([{ payload: { kind: 'holiday', ids: [holiday.id] }, committed: true }]);
    expect(await bookable(MONDAY, '10:00')).toBe('ok');
    expect(await bookable(TUESDAY, '10:00')).toBe('holiday');

    expect(
      refused(await s.clinic.call('admin', 'schedule.updateHoliday', { holidayId: holiday.id, date: WEDNESDAY })),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { date: `${WEDNESDAY} is already a holiday (Staff training)` } },
    });
    // Keeping its own date is no clash; one location's holiday may share a date with the clinic's.
    expect(
      await s.clinic.ok('admin', 'schedule.updateHoliday', { holidayId: holiday.id, date: TUESDAY }),
    ).toMatchObject({ date: TUESDAY });
    expect(
      await s.clinic.ok('admin', 'schedule.updateHoliday', {
        holidayId: holiday.id,
        date: WEDNESDAY,
        locationId: s.mainId,
      }),
    ).toMatchObject({ date: WEDNESDAY, locationId: s.mainId });
    expect(
      refused(await s.clinic.call('admin', 'schedule.updateHoliday', { holidayId: holiday.id, name: '' })),
    ).toMatchObject({ details: { fields: { name: 'must not be empty' } } });
    expect(
      refused(await s.clinic.call('admin', 'schedule.updateHoliday', { holidayId: holiday.id, date: '24/11/2026' })),
    ).toMatchObject({
      details: { fields: { date: 'must be a real date written as YYYY-MM-DD' } },
    });
    expect(
      refused(await s.clinic.call('admin', 'schedule.updateHoliday', { holidayId: holiday.id, locationId: s.drAId })),
    ).toMatchObject({ details: { fields: { locationId: 'no such location' } } });
    expect(
      refused(await s.clinic.call('admin', 'schedule.updateHoliday', { holidayId: other.id, locationId: 'main' })),
    ).toMatchObject({ details: { fields: { locationId: 'must be a location id' } } });
    expect(
      refused(await s.clinic.call('desk', 'schedule.updateHoliday', { holidayId: holiday.id, name: 'X' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(seen).toHaveLength(3);
  });

  it('removes a holiday: the weekly hours apply that day again', async () => {
    const holiday = await s.clinic.ok('admin', 'schedule.createHoliday', { date: MONDAY, name: 'Founders Day' });
    const seen = watchScheduleChanges(s.clinic, 'desk');
    expect(await s.clinic.ok('admin', 'schedule.removeHoliday', { holidayId: holiday.id })).toEqual({
      outcome: 'deactivated',
      message: `Founders Day on ${MONDAY} is no longer a holiday: the weekly hours apply that day.`,
    });
    expect(await lastAudit(s.clinic)).toMatchObject({
      action: 'schedule.removeHoliday',
      target_type: 'holiday',
      target_id: holiday.id,
      details: { outcome: 'deactivated' },
    });
    expect(seen).toEqual([{ payload: { kind: 'holiday', ids: [holiday.id] }, committed: true }]);
    expect(await s.clinic.ok('desk', 'schedule.listHolidays', {})).toEqual([]);
    expect(await bookable(MONDAY, '10:00')).toBe('ok');
    expect(refused(await s.clinic.call('admin', 'schedule.removeHoliday', { holidayId: holiday.id }))).toMatchObject({
      details: { fields: { holidayId: 'no such holiday' } },
    });
    // The date is free for a new one.
    expect(await s.clinic.ok('admin', 'schedule.createHoliday', { date: MONDAY, name: 'Founders Day' })).toMatchObject({
      date: MONDAY,
    });
  });
});
