import { TZDate, tzOffset } from '@date-fns/tz';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  localDayBounds,
  localParts,
  localToInstant,
  resolveLocal,
  wallRangeToInstants,
} from '../../src-shared/scheduling/time';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

/**
 * DST in four zones, checked twice: the pure conversions, and the procedures a desk calls.
 *
 * 2026 changes used here:
 * - America/New_York: 8 Mar 02:00 -> 03:00 (EST -05:00 to EDT -04:00); 1 Nov 02:00 -> 01:00.
 * - Europe/London: 29 Mar 01:00 -> 02:00 (GMT to BST); 25 Oct 02:00 -> 01:00.
 * - Australia/Lord_Howe: half-hour changes: 5 Apr 02:00 -> 01:30 (+11:00 to +10:30); 4 Oct 02:00 -> 02:30.
 * - Asia/Kathmandu: +05:45 all year, no DST.
 */

const H = 3_600_000;
const M = 60_000;

interface ZoneCase {
  zone: string;
  springDate: string;
  gapTime: string;
  gapMessage: string;
  fallDate: string;
  ambiguousTime: string;
  /** Offsets before and after the fall-back change. */
  fallOffsets: [number, number];
  /** Lengths of the spring and autumn change days, in hours. */
  dayHours: [number, number];
}

const ZONES: ZoneCase[] = [
  {
    zone: 'America/New_York',
    springDate: '2026-03-08',
    gapTime: '02:30',
    gapMessage: '02:30 on 2026-03-08 does not exist in America/New_York: the clocks go forward from 02:00 to 03:00',
    fallDate: '2026-11-01',
    ambiguousTime: '01:30',
    fallOffsets: [-240, -300],
    dayHours: [23, 25],
  },
  {
    zone: 'Europe/London',
    springDate: '2026-03-29',
    gapTime: '01:30',
    gapMessage: '01:30 on 2026-03-29 does not exist in Europe/London: the clocks go forward from 01:00 to 02:00',
    fallDate: '2026-10-25',
    ambiguousTime: '01:30',
    fallOffsets: [60, 0],
    dayHours: [23, 25],
  },
  {
    zone: 'Australia/Lord_Howe',
    springDate: '2026-10-04',
    gapTime: '02:15',
    gapMessage: '02:15 on 2026-10-04 does not exist in Australia/Lord_Howe: the clocks go forward from 02:00 to 02:30',
    fallDate: '2026-04-05',
    ambiguousTime: '01:45',
    fallOffsets: [660, 630],
    dayHours: [23.5, 24.5],
  },
];

describe('wall-clock conversions', () => {
  for (const c of ZONES) {
    describe(c.zone, () => {
      it('refuses a time the clocks skip and needs a choice for one they repeat', () => {
        expect(localToInstant(c.zone, { date: c.springDate, time: c.gapTime })).toEqual({
          ok: false,
          problem: 'gap',
          message: c.gapMessage,
        });
        const ambiguous = localToInstant(c.zone, { date: c.fallDate, time: c.ambiguousTime });
        expect(ambiguous).toMatchObject({ ok: false, problem: 'ambiguous' });
        if (ambiguous.ok) return;
        expect(ambiguous.choices?.map((choice) => choice.offsetMinutes)).toEqual(c.fallOffsets);
        const [earlier, later] = ambiguous.choices ?? [];
        expect((later?.instant ?? 0) - (earlier?.instant ?? 0)).toBe((c.fallOffsets[0] - c.fallOffsets[1]) * M);
        expect(localToInstant(c.zone, { date: c.fallDate, time: c.ambiguousTime, fold: 'earlier' })).toMatchObject({
          ok: true,
          instant: earlier?.instant,
        });
        expect(localToInstant(c.zone, { date: c.fallDate, time: c.ambiguousTime, fold: 'later' })).toMatchObject({
          ok: true,
          instant: later?.instant,
        });
        expect(
          localToInstant(c.zone, { date: c.fallDate, time: c.ambiguousTime, offsetMinutes: c.fallOffsets[1] }),
        ).toMatchObject({
          ok: true,
          instant: later?.instant,
        });
        expect(localToInstant(c.zone, { date: c.fallDate, time: c.ambiguousTime, offsetMinutes: 123 })).toMatchObject({
          ok: false,
          problem: 'offset',
        });
      });

      it('makes the change days as long as they are', () => {
        const spring = localDayBounds(c.zone, c.springDate);
        const fall = localDayBounds(c.zone, c.fallDate);
        expect([(spring.end - spring.start) / H, (fall.end - fall.start) / H]).toEqual(c.dayHours);
      });

      it('keeps 09:00-17:00 at 09:00-17:00 on the days either side of each change', () => {
        for (const date of [c.springDate, c.fallDate]) {
          for (const day of [-1, 0, 1]) {
            const d = new Date(Date.parse(`${date}T00:00:00Z`) + day * 24 * H).toISOString().slice(0, 10);
            const [hours] = wallRangeToInstants(c.zone, d, 9 * 60, 17 * 60);
            expect(localParts(c.zone, hours?.start ?? 0)).toMatchObject({ date: d, minutes: 9 * 60 });
            expect(localParts(c.zone, hours?.end ?? 0)).toMatchObject({ date: d, minutes: 17 * 60 });
            expect(((hours?.end ?? 0) - (hours?.start ?? 0)) / H).toBe(8);
          }
        }
      });
    });
  }

  it('Asia/Kathmandu: +05:45 every day of the year, nothing skipped or repeated', () => {
    expect(localToInstant('Asia/Kathmandu', { date: '2026-06-01', time: '09:00' })).toEqual({
      ok: true,
      instant: Date.UTC(2026, 5, 1, 3, 15),
      offsetMinutes: 345,
    });
    for (let day = 0; day < 366; day += 7) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      const bounds = localDayBounds('Asia/Kathmandu', date);
      expect(bounds.end - bounds.start).toBe(24 * H);
      expect(resolveLocal('Asia/Kathmandu', date, 0)).toMatchObject({ kind: 'exact', offsetMinutes: 345 });
    }
  });

  it('round-trips every instant: the wall clock at t resolves back to t (fast-check, all four zones)', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(2000, 0, 1) / M, max: Date.UTC(2040, 0, 1) / M }),
        (zone, minute) => {
          const t = minute * M;
          const local = localParts(zone, t);
          const resolution = resolveLocal(zone, local.date, local.minutes);
          if (resolution.kind === 'gap') return false;
          if (resolution.kind === 'exact') return resolution.instant === t;
          return resolution.earlier.instant === t || resolution.later.instant === t;
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads the wall clock like the zone data at every minute of the change days and the days either side', () => {
    // localParts works from cached per-day offsets (no Intl call per instant): it must still read
    // exactly what the zone data says, right up to and right after each change.
    const wall = (zone: string, t: number) => {
      const offset = tzOffset(zone, new Date(t));
      const naive = new Date(t + offset * M);
      return {
        date: naive.toISOString().slice(0, 10),
        minutes: naive.getUTCHours() * 60 + naive.getUTCMinutes(),
        offsetMinutes: offset,
      };
    };
    for (const c of ZONES) {
      for (const date of [c.springDate, c.fallDate]) {
        const from = Date.parse(`${date}T00:00:00Z`) - 36 * H;
        for (let t = from; t < from + 72 * H; t += M) expect(localParts(c.zone, t)).toEqual(wall(c.zone, t));
        // And a second either side of each minute: the offset changes on the minute, not near it.
        for (let t = from; t < from + 72 * H; t += 15 * M) {
          expect(localParts(c.zone, t - 1000).offsetMinutes).toBe(tzOffset(c.zone, new Date(t - 1000)));
          expect(localParts(c.zone, t + 999).offsetMinutes).toBe(tzOffset(c.zone, new Date(t + 999)));
        }
      }
    }
    fc.assert(
      fc.property(
        fc.constantFrom(
          'America/New_York',
          'Europe/London',
          'Australia/Lord_Howe',
          'Asia/Kathmandu',
          'America/Sao_Paulo',
          'Pacific/Chatham',
          'UTC',
        ),
        fc.integer({ min: Date.UTC(1971, 0, 1), max: Date.UTC(2060, 0, 1) }),
        (zone, t) => {
          const ours = localParts(zone, t);
          const theirs = wall(zone, t);
          return (
            ours.date === theirs.date && ours.minutes === theirs.minutes && ours.offsetMinutes === theirs.offsetMinutes
          );
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('agrees with @date-fns/tz TZDate wherever a wall time happens exactly once (fast-check)', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 2000, max: 2040 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        (zone, year, month, day, minutes) => {
          const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          const resolution = resolveLocal(zone, date, minutes);
          if (resolution.kind !== 'exact') return true;
          return (
            new TZDate(year, month - 1, day, Math.floor(minutes / 60), minutes % 60, zone).getTime() ===
            resolution.instant
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('booking across DST, through the procedures', () => {
  let s: SchedulingClinic | undefined;
  afterEach(async () => {
    await s?.clinic.close();
    s = undefined;
  });

  for (const c of ZONES) {
    it(`${c.zone}: the day view and next-available keep 09:00 at 09:00; a skipped time is refused; a repeated one must be chosen`, async () => {
      s = await openSchedulingClinic({ timeZone: c.zone, now: Date.UTC(2026, 0, 1), weekdays: [1, 2, 3, 4, 5, 6, 7] });
      const { clinic } = s;
      for (const date of [c.springDate, c.fallDate]) {
        const day = await clinic.ok('desk', 'appointments.day', { date, providerIds: [s.drAId] });
        const [morning] = day.providers[0]?.availability ?? [];
        expect(localParts(c.zone, morning?.start ?? 0)).toMatchObject({ date, minutes: 9 * 60 });
        expect(day.dayEnd - day.dayStart).toBe((date === c.springDate ? c.dayHours[0] : c.dayHours[1]) * H);
        const slots = await clinic.ok('desk', 'appointments.nextAvailable', {
          typeId: s.consultId,
          providerIds: [s.drAId],
          from: date,
          to: date,
          limit: 1,
        });
        expect(slots).toMatchObject([{ date, time: '09:00' }]);
        const before = await clinic.ok('desk', 'appointments.nextAvailable', {
          typeId: s.consultId,
          providerIds: [s.drAId],
          from: new Date(Date.parse(`${date}T00:00:00Z`) - 24 * H).toISOString().slice(0, 10),
          to: date,
          limit: 1,
        });
        expect(before.map((slot) => slot.time)).toEqual(['09:00']);
        // The UTC instants differ by a day minus the change, the wall clock by exactly a day.
        expect((slots[0]?.start ?? 0) - (before[0]?.start ?? 0)).toBe(
          24 * H + ((before[0]?.offsetMinutes ?? 0) - (slots[0]?.offsetMinutes ?? 0)) * M,
        );
        const patientId = await s.patient('Dst');
        const view = await s.book({ patientId, start: { date, time: '09:00' } });
        expect(view).toMatchObject({
          ok: true,
          value: { date, startTime: '09:00', endTime: '09:30', offsetMinutes: slots[0]?.offsetMinutes },
        });
      }

      // Night hours on the change days, so that the skipped and repeated times are inside availability.
      for (const date of [c.springDate, c.fallDate]) {
        await clinic.ok('admin', 'schedule.createException', {
          providerId: s.drAId,
          kind: 'extra_hours',
          locationId: s.mainId,
          date,
          start: '00:00',
          end: '06:00',
        });
      }
      const patientId = await s.patient('Night');
      expect(await s.book({ patientId, start: { date: c.springDate, time: c.gapTime } })).toMatchObject({
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `start.time: ${c.gapMessage}`,
          details: { fields: { 'start.time': c.gapMessage } },
        },
      });
      const unchosen = await s.book({
        patientId,
        start: { date: c.fallDate, time: c.ambiguousTime },
        durationMinutes: 15,
      });
      expect(unchosen).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (unchosen.ok) return;
      expect(unchosen.error.message).toContain('happens twice');
      expect(unchosen.error.details?.choices).toHaveLength(2);

      // The two 01:30s are different instants: the same provider can see a patient at each.
      const first = await s.book({
        patientId,
        start: { date: c.fallDate, time: c.ambiguousTime, fold: 'earlier' },
        durationMinutes: 15,
      });
      const second = await s.book({
        patientId: await s.patient('Night'),
        start: { date: c.fallDate, time: c.ambiguousTime, offsetMinutes: c.fallOffsets[1] },
        durationMinutes: 15,
      });
      expect(first).toMatchObject({ ok: true, value: { startTime: c.ambiguousTime, offsetMinutes: c.fallOffsets[0] } });
      expect(second).toMatchObject({
        ok: true,
        value: { startTime: c.ambiguousTime, offsetMinutes: c.fallOffsets[1] },
      });
      if (!first.ok || !second.ok) return;
      expect(second.value.start - first.value.start).toBe((c.fallOffsets[0] - c.fallOffsets[1]) * M);
      // Elapsed time is real time: an appointment over the repeated stretch lasts what it says.
      const across = await s.book({
        patientId: await s.patient('Night'),
        start: { date: c.fallDate, time: '00:00' },
        durationMinutes: 120,
        providerId: s.drBId,
        override: { reason: 'night clinic' },
      });
      expect(across).toMatchObject({ ok: true, value: { durationMinutes: 120 } });

      // The day view of the fall-back day shows each appointment at the wall time and offset it was booked at.
      const fallDay = await clinic.ok('desk', 'appointments.day', {
        date: c.fallDate,
        providerIds: [s.drAId, s.drBId],
      });
      const shown = fallDay.providers.flatMap((column) =>
        column.appointments.map((a) => ({
          date: a.date,
          startTime: a.startTime,
          endTime: a.endTime,
          offsetMinutes: a.offsetMinutes,
          start: a.start,
        })),
      );
      expect(shown).toEqual(
        expect.arrayContaining([
          {
            date: c.fallDate,
            startTime: c.ambiguousTime,
            endTime: first.value.endTime,
            offsetMinutes: c.fallOffsets[0],
            start: first.value.start,
          },
          {
            date: c.fallDate,
            startTime: c.ambiguousTime,
            endTime: second.value.endTime,
            offsetMinutes: c.fallOffsets[1],
            start: second.value.start,
          },
          {
            date: c.fallDate,
            startTime: '09:00',
            endTime: '09:30',
            offsetMinutes: c.fallOffsets[1],
            start: expect.any(Number) as number,
          },
        ]),
      );
      if (across.ok)
        expect(shown).toContainEqual({
          date: c.fallDate,
          startTime: '00:00',
          endTime: across.value.endTime,
          offsetMinutes: c.fallOffsets[0],
          start: across.value.start,
        });
    });
  }

  it('Asia/Kathmandu: 09:00 is 03:15 UTC, and the day view is a 24-hour day from 18:15 UTC', async () => {
    s = await openSchedulingClinic({ timeZone: 'Asia/Kathmandu', now: Date.UTC(2026, 0, 1) });
    const patientId = await s.patient('Kath');
    const view = await s.book({ patientId, start: { date: '2026-06-01', time: '09:00' } });
    expect(view).toMatchObject({
      ok: true,
      value: { start: Date.UTC(2026, 5, 1, 3, 15), startTime: '09:00', offsetMinutes: 345 },
    });
    const day = await s.clinic.ok('desk', 'appointments.day', { date: '2026-06-01' });
    expect(day.dayStart).toBe(Date.UTC(2026, 4, 31, 18, 15));
    expect(day.dayEnd - day.dayStart).toBe(24 * H);
    expect(day.providers[0]?.availability[0]).toMatchObject({
      start: Date.UTC(2026, 5, 1, 3, 15),
      end: Date.UTC(2026, 5, 1, 6, 45),
    });
    const slots = await s.clinic.ok('desk', 'appointments.nextAvailable', {
      typeId: s.consultId,
      from: '2026-06-01',
      to: '2026-06-01',
      limit: 3,
    });
    expect(slots.map((slot) => `${slot.time} ${slot.providerName}`)).toEqual([
      '09:00 Dr Ben Lee',
      '09:15 Dr Ben Lee',
      '09:30 Dr Ana Ortiz',
    ]);
  });
});
