import { afterAll, describe, expect, it } from 'vitest';
import { localParts, localToInstant, wallRangeToInstants } from '../../src-shared/scheduling/time';
import { openSchedulingClinic } from '../helpers/scheduling-clinic';

/**
 * A desk whose own computer is set to another zone than the clinic's computes the same instants.
 * Node re-reads process.env.TZ when it is assigned, so this file switches the process's zone and
 * checks (with Date's own getTimezoneOffset) that the switch took.
 */

const ORIGINAL_TZ = process.env.TZ;
afterAll(() => {
  if (ORIGINAL_TZ === undefined) delete process.env.TZ;
  else process.env.TZ = ORIGINAL_TZ;
});

const PROCESS_ZONES = [
  { tz: 'Pacific/Kiritimati', januaryOffset: -14 * 60 },
  { tz: 'America/Los_Angeles', januaryOffset: 8 * 60 },
  { tz: 'Asia/Kathmandu', januaryOffset: -(5 * 60 + 45) },
  { tz: 'UTC', januaryOffset: 0 },
];

function useProcessZone(tz: string, januaryOffset: number): void {
  process.env.TZ = tz;
  expect(new Date(2026, 0, 15, 12).getTimezoneOffset()).toBe(januaryOffset);
}

describe('a computer in another zone than the clinic', () => {
  it('converts wall-clock times identically whatever the process zone', () => {
    const answers = PROCESS_ZONES.map(({ tz, januaryOffset }) => {
      useProcessZone(tz, januaryOffset);
      return {
        nyGap: localToInstant('America/New_York', { date: '2026-03-08', time: '02:30' }),
        nyFold: localToInstant('America/New_York', { date: '2026-11-01', time: '01:30', fold: 'later' }),
        lordHowe: wallRangeToInstants('Australia/Lord_Howe', '2026-04-05', 0, 24 * 60),
        london: localParts('Europe/London', Date.UTC(2026, 2, 29, 1, 0)),
      };
    });
    for (const answer of answers.slice(1)) expect(answer).toEqual(answers[0]);
    expect(answers[0]?.nyFold).toEqual({ ok: true, instant: Date.UTC(2026, 10, 1, 6, 30), offsetMinutes: -300 });
    expect(answers[0]?.london).toEqual({ date: '2026-03-29', minutes: 120, offsetMinutes: 60 });
  });

  it('books, shows the day and finds slots in the clinic’s zone while the process runs at UTC+14', async () => {
    useProcessZone('Pacific/Kiritimati', -14 * 60);
    const s = await openSchedulingClinic({ timeZone: 'America/New_York', now: Date.UTC(2026, 0, 1) });
    try {
      const patientId = await s.patient('Kiri');
      // Monday 9 March 2026, the day after New York springs forward: 09:00 EDT is 13:00 UTC, in Kiritimati already 03:00 Tuesday.
      const view = await s.book({ patientId, start: { date: '2026-03-09', time: '09:00' } });
      expect(view).toMatchObject({
        ok: true,
        value: { start: Date.UTC(2026, 2, 9, 13), date: '2026-03-09', startTime: '09:00', offsetMinutes: -240 },
      });
      const day = await s.clinic.ok('desk', 'appointments.day', { date: '2026-03-09', providerIds: [s.drAId] });
      expect(day.dayStart).toBe(Date.UTC(2026, 2, 9, 4));
      expect(day.providers[0]?.appointments.map((a) => a.startTime)).toEqual(['09:00']);
      const slots = await s.clinic.ok('desk', 'appointments.nextAvailable', {
        typeId: s.consultId,
        providerIds: [s.drAId],
        from: '2026-03-06',
        to: '2026-03-09',
        limit: 50,
      });
      // Friday 6 March at 09:00 EST (14:00 UTC), then the same wall times on Monday at 13:00 UTC.
      expect(slots[0]).toMatchObject({ date: '2026-03-06', time: '09:00', start: Date.UTC(2026, 2, 6, 14) });
      expect(slots.filter((slot) => slot.date === '2026-03-09')[0]).toMatchObject({
        time: '09:30',
        start: Date.UTC(2026, 2, 9, 13, 30),
      });
    } finally {
      await s.clinic.close();
    }
  });
});
