import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api/contract';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from '../helpers/scheduling-clinic';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; the clinic is in Europe/London; Mon-Fri 09:00-17:00.
const MONDAYS = ['2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28'];

let s: SchedulingClinic;
let patientId: string;
beforeEach(async () => {
  s = await openSchedulingClinic();
  patientId = await s.patient('Rosa', 'Weekly');
});
afterEach(async () => {
  await s.clinic.close();
});

type SeriesInput = Input<'series.book'>;
const weekly = (extra: Partial<SeriesInput> = {}): SeriesInput => ({
  patientId,
  providerId: s.drAId,
  typeId: s.consultId,
  start: { date: MONDAYS[0] ?? '', time: '10:00' },
  repeat: { frequency: 'weekly', count: 6 },
  ...extra,
});

async function bookWeekly(extra: Partial<SeriesInput> = {}) {
  return s.clinic.ok('desk', 'series.book', weekly(extra));
}

async function occurrencesOf(appointmentId: string) {
  const detail = await s.clinic.ok('desk', 'series.get', { appointmentId });
  if (!detail) throw new Error('not a series');
  return detail;
}

const when = (list: { date: string; startTime: string; status: string }[]) =>
  list.map((a) => `${a.date} ${a.startTime} ${a.status}`);

describe('booking a series', () => {
  it('books every occurrence at the same wall-clock time with the normal rules, linked as one series', async () => {
    const result = await bookWeekly({ reason: 'Physio' });
    expect(result.series).toMatchObject({
      frequency: 'weekly',
      interval: 1,
      count: 6,
      startTime: '10:00',
      description: 'Every week, 6 times',
    });
    expect(result.skipped).toEqual([]);
    expect(when(result.booked)).toEqual(MONDAYS.map((d) => `${d} 10:00 booked`));
    expect(result.booked.every((a) => a.reason === 'Physio' && a.providerId === s.drAId)).toBe(true);
    const detail = await occurrencesOf(result.booked[2]?.id ?? '');
    expect(detail.id).toBe(result.series.id);
    expect(detail.occurrences.map((a) => a.id)).toEqual(result.booked.map((a) => a.id));
  });

  it('by default books none when any date is refused, and names each refused date with its reason', async () => {
    await s.clinic.ok('admin', 'schedule.createHoliday', { date: '2026-12-07', name: 'Staff training' });
    const other = await s.patient('Otto');
    const clash = await s.book({ patientId: other, start: { date: '2026-12-21', time: '10:15' } });
    expect(clash.ok).toBe(true);

    const refused = await s.clinic.call('desk', 'series.book', weekly());
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { total: 6 } } });
    if (refused.ok) return;
    expect(refused.error.message).toContain('2 of 6 dates cannot be booked');
    expect(refused.error.details?.occurrences).toMatchObject([
      {
        index: 2,
        date: '2026-12-07',
        time: '10:00',
        problems: [{ code: 'holiday', message: '2026-12-07 is a clinic holiday (Staff training).' }],
      },
      { index: 4, date: '2026-12-21', problems: [{ code: 'provider_busy' }] },
    ]);
    const day = await s.clinic.ok('desk', 'appointments.day', { date: MONDAYS[0] ?? '', providerIds: [s.drAId] });
    expect(day.providers[0]?.appointments).toEqual([]);
    expect(await s.clinic.core.database.db.selectFrom('appointment_series').select('id').execute()).toEqual([]);

    // Told which dates fail, the receptionist books the others.
    const partial = await bookWeekly({ skipRefused: true });
    expect(partial.booked.map((a) => a.date)).toEqual(['2026-11-23', '2026-11-30', '2026-12-14', '2026-12-28']);
    expect(partial.skipped.map((r) => [r.date, r.problems[0]?.code])).toEqual([
      ['2026-12-07', 'holiday'],
      ['2026-12-21', 'provider_busy'],
    ]);
  });

  it('keeps 09:00 across the change to summer time, and refuses a daily 01:30 on the night the clocks skip it', async () => {
    const dst = await bookWeekly({
      start: { date: '2027-03-22', time: '09:00' },
      repeat: { frequency: 'weekly', count: 3 },
    });
    expect(dst.booked.map((a) => [a.date, a.startTime, a.start])).toEqual([
      ['2027-03-22', '09:00', Date.UTC(2027, 2, 22, 9)],
      ['2027-03-29', '09:00', Date.UTC(2027, 2, 29, 8)],
      ['2027-04-05', '09:00', Date.UTC(2027, 3, 5, 8)],
    ]);

    // London skips 01:00-02:00 on Sunday 2027-03-28; the nights around it are outside hours (overridden).
    const night = await s.clinic.ok('desk', 'series.book', {
      ...weekly({ start: { date: '2027-03-27', time: '01:30' }, repeat: { frequency: 'daily', count: 3 } }),
      override: { reason: 'Sleep study' },
      skipRefused: true,
    });
    expect(night.booked.map((a) => `${a.date} ${a.startTime}`)).toEqual(['2027-03-27 01:30', '2027-03-29 01:30']);
    expect(night.skipped).toMatchObject([{ date: '2027-03-28', problems: [{ code: 'no_such_time' }] }]);
    expect(night.skipped[0]?.problems[0]?.message).toContain('the clocks go forward');
  });

  it('books a monthly series on the 31st on the last day of shorter months', async () => {
    const result = await bookWeekly({
      start: { date: '2027-03-31', time: '11:00' },
      repeat: { frequency: 'monthly', count: 4 },
    });
    expect(when(result.booked)).toEqual([
      '2027-03-31 11:00 booked',
      '2027-04-30 11:00 booked',
      '2027-05-31 11:00 booked',
      '2027-06-30 11:00 booked',
    ]);
  });

  it('refuses a repeat with neither a count nor an end date, naming the field', async () => {
    expect(await s.clinic.call('desk', 'series.book', weekly({ repeat: { frequency: 'weekly' } }))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { 'repeat.count': 'give a number of times or an end date' } } },
    });
  });
});

describe('editing a series', () => {
  it('cancels one occurrence only', async () => {
    const { booked } = await bookWeekly();
    await s.clinic.ok('desk', 'series.cancel', { appointmentId: booked[1]?.id ?? '', scope: 'one', reason: 'Away' });
    const detail = await occurrencesOf(booked[0]?.id ?? '');
    expect(detail.occurrences.map((a) => a.status)).toEqual([
      'booked',
      'cancelled',
      'booked',
      'booked',
      'booked',
      'booked',
    ]);
  });

  it('cancels this and the following occurrences and ends the rule before them', async () => {
    const { booked, series } = await bookWeekly();
    const result = await s.clinic.ok('desk', 'series.cancel', {
      appointmentId: booked[2]?.id ?? '',
      scope: 'following',
      reason: 'Treatment ended early',
    });
    expect(result.appointments.map((a) => a.date)).toEqual(MONDAYS.slice(2));
    const detail = await occurrencesOf(booked[0]?.id ?? '');
    expect(detail.occurrences.map((a) => a.status)).toEqual([
      'booked',
      'booked',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(detail).toMatchObject({ id: series.id, until: '2026-12-06', count: 2 });
  });

  it('cancels the whole series but leaves occurrences already past', async () => {
    const { booked } = await bookWeekly();
    s.clinic.clock.now = Date.UTC(2026, 10, 24, 9); // Tuesday after the first occurrence
    await s.clinic.ok('desk', 'auth.unlock', { password: RECEPTIONIST.password });
    await s.clinic.ok('desk', 'series.cancel', {
      appointmentId: booked[3]?.id ?? '',
      scope: 'all',
      reason: 'Moved away',
    });
    const detail = await occurrencesOf(booked[0]?.id ?? '');
    expect(detail.occurrences.map((a) => a.status)).toEqual([
      'booked',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('changes the time of one occurrence only', async () => {
    const { booked } = await bookWeekly();
    await s.clinic.ok('desk', 'series.change', { appointmentId: booked[1]?.id ?? '', scope: 'one', time: '14:00' });
    expect(when((await occurrencesOf(booked[0]?.id ?? '')).occurrences).slice(0, 3)).toEqual([
      '2026-11-23 10:00 booked',
      '2026-11-30 14:00 booked',
      '2026-12-07 10:00 booked',
    ]);
  });

  it('moves this and the following occurrences to a new time, splitting the series', async () => {
    const { booked, series } = await bookWeekly();
    const result = await s.clinic.ok('desk', 'series.change', {
      appointmentId: booked[2]?.id ?? '',
      scope: 'following',
      time: '11:00',
    });
    expect(result.seriesId).not.toBe(series.id);
    const before = await occurrencesOf(booked[0]?.id ?? '');
    expect(when(before.occurrences)).toEqual(['2026-11-23 10:00 booked', '2026-11-30 10:00 booked']);
    expect(before).toMatchObject({
      until: '2026-12-06',
      count: 2,
      description: 'Every week, 2 times, until 2026-12-06',
    });
    const after = await occurrencesOf(booked[5]?.id ?? '');
    expect(after).toMatchObject({
      id: result.seriesId,
      splitFromId: series.id,
      startDate: '2026-12-07',
      startTime: '11:00',
      count: 4,
    });
    expect(when(after.occurrences)).toEqual(MONDAYS.slice(2).map((d) => `${d} 11:00 booked`));
  });

  it('changes the provider of the whole series', async () => {
    const { booked, series } = await bookWeekly();
    const result = await s.clinic.ok('desk', 'series.change', {
      appointmentId: booked[4]?.id ?? '',
      scope: 'all',
      providerId: s.drBId,
    });
    expect(result.seriesId).toBe(series.id);
    const detail = await occurrencesOf(booked[0]?.id ?? '');
    expect(detail.providerId).toBe(s.drBId);
    expect(detail.occurrences.map((a) => a.providerId)).toEqual(MONDAYS.map(() => s.drBId));
  });

  it('refuses a series change whole when one date does not fit, naming it, and changes nothing', async () => {
    const { booked } = await bookWeekly();
    const other = await s.patient('Otto');
    expect((await s.book({ patientId: other, start: { date: '2026-12-14', time: '11:00' } })).ok).toBe(true);
    const refused = await s.clinic.call('desk', 'series.change', {
      appointmentId: booked[2]?.id ?? '',
      scope: 'following',
      time: '11:00',
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        details: { occurrences: [{ date: '2026-12-14', time: '11:00', problems: [{ code: 'provider_busy' }] }] },
      },
    });
    expect(when((await occurrencesOf(booked[5]?.id ?? '')).occurrences)).toEqual(
      MONDAYS.map((d) => `${d} 10:00 booked`),
    );
  });

  it('refuses a series scope on an appointment that is not part of one', async () => {
    const single = await s.book({ patientId, start: { date: MONDAYS[0] ?? '', time: '15:00' } });
    if (!single.ok) throw new Error(single.error.message);
    expect(
      await s.clinic.call('desk', 'series.cancel', { appointmentId: single.value.id, scope: 'all', reason: 'x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { scope: 'this appointment is not part of a series' } } },
    });
    expect(await s.clinic.ok('desk', 'series.get', { appointmentId: single.value.id })).toBeNull();
  });
});
