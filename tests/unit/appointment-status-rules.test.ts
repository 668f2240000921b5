import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deskMoves, deskRefusal, type StatusFacts } from '../../src-shared/scheduling/status-rules';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// Monday 2026-11-23 in Europe/London (GMT in November): the clinic's today.
const MONDAY = '2026-11-23';
const NEXT_MONDAY = '2026-11-30';
const NINE = Date.UTC(2026, 10, 23, 9, 0);
const MINUTE = 60_000;

function facts(change: Partial<StatusFacts>): StatusFacts {
  return {
    status: 'booked',
    date: MONDAY,
    today: MONDAY,
    startAt: NINE,
    now: NINE - 60 * MINUTE,
    noShowGraceMinutes: 10,
    previous: null,
    ...change,
  };
}
const labels = (f: StatusFacts) => deskMoves(f).map((move) => `${move.label} → ${move.to}`);

describe('the desk’s status moves follow the day (pure rules)', () => {
  it('a week ahead: confirm only — no no-show, no arrival', () => {
    const ahead = facts({ date: NEXT_MONDAY, startAt: NINE + 7 * 24 * 60 * MINUTE });
    expect(labels(ahead)).toEqual(['Confirm → confirmed']);
    expect(deskRefusal(ahead, 'no_show')).toMatch(/only on its day/);
    expect(deskRefusal(ahead, 'arrived')).toMatch(/check the patient in/);
    expect(deskRefusal(ahead, 'completed')).toMatch(/flow board/);
  });

  it('no-show only once the start has passed by the grace minutes, on the day', () => {
    expect(labels(facts({ now: NINE + 9 * MINUTE }))).toEqual(['Confirm → confirmed']);
    expect(labels(facts({ now: NINE + 10 * MINUTE }))).toEqual(['Confirm → confirmed', 'Mark no-show → no_show']);
    expect(labels(facts({ now: NINE, noShowGraceMinutes: 0 }))).toContain('Mark no-show → no_show');
    // The next day it is too late to record one (and too late to confirm).
    expect(labels(facts({ today: '2026-11-24', now: NINE + 24 * 60 * MINUTE }))).toEqual([]);
  });

  it('the undo offered is the undo of what happened', () => {
    expect(labels(facts({ status: 'confirmed', previous: 'booked' }))).toEqual(['Undo confirmation → booked']);
    // Confirmed again after a no-show was undone: no "Back to no-show", it never was one now.
    expect(labels(facts({ status: 'confirmed', previous: 'no_show', now: NINE + 20 * MINUTE }))).toEqual([
      'Mark no-show → no_show',
    ]);
    // Confirmed after an arrival was undone: nothing to undo at the desk.
    expect(labels(facts({ status: 'confirmed', previous: 'arrived' }))).toEqual([]);
    expect(labels(facts({ status: 'no_show', previous: 'confirmed', now: NINE + 20 * MINUTE }))).toEqual([
      'Undo no-show → confirmed',
    ]);
    expect(deskRefusal(facts({ status: 'no_show', previous: 'confirmed' }), 'booked')).toMatch(/only the newest/);
  });

  it('arrived, in room and completed are never desk moves: the visit makes them', () => {
    for (const status of ['arrived', 'in_room', 'completed'] as const)
      expect(labels(facts({ status, previous: 'booked', now: NINE + 20 * MINUTE }))).toEqual([]);
  });
});

describe('main enforces them; the panel is offered what main allows', () => {
  let s: SchedulingClinic;
  beforeEach(async () => {
    s = await openSchedulingClinic({ now: NINE - 30 * MINUTE });
    // The clock is moved on past the start below: the desks must not lock meanwhile.
    await s.clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 120 });
  });
  afterEach(async () => {
    await s.clinic.close();
  });

  async function bookAt(date: string, time: string) {
    const patientId = await s.patient('Pia');
    const result = await s.book({ patientId, start: { date, time } });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  it('an appointment a week ahead cannot be marked no-show, arrived or completed', async () => {
    const ahead = await bookAt(NEXT_MONDAY, '09:00');
    for (const status of ['no_show', 'arrived', 'completed'] as const) {
      const result = await s.clinic.call('desk', 'appointments.setStatus', { appointmentId: ahead.id, status });
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    }
    expect(await s.clinic.ok('desk', 'appointments.statusMoves', { appointmentId: ahead.id })).toMatchObject({
      moves: [{ to: 'confirmed', label: 'Confirm' }],
      canCheckIn: false,
      visit: null,
    });
    expect(
      await s.clinic.ok('desk', 'appointments.setStatus', { appointmentId: ahead.id, status: 'confirmed' }),
    ).toMatchObject({ status: 'confirmed' });
  });

  it('no-show after start plus the clinic’s grace; its undo returns to what it was; a booking since refuses it', async () => {
    const today = await bookAt(MONDAY, '09:00');
    await s.clinic.ok('desk', 'appointments.setStatus', { appointmentId: today.id, status: 'confirmed' });
    s.clinic.clock.now = NINE + 5 * MINUTE;
    const early = await s.clinic.call('desk', 'appointments.setStatus', { appointmentId: today.id, status: 'no_show' });
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.message).toContain('10 minutes');
    await s.clinic.ok('admin', 'settings.update', { noShowGraceMinutes: 5 });
    await s.clinic.ok('desk', 'appointments.setStatus', { appointmentId: today.id, status: 'no_show' });
    expect(await s.clinic.ok('desk', 'appointments.statusMoves', { appointmentId: today.id })).toMatchObject({
      moves: [{ to: 'confirmed', label: 'Undo no-show', undo: true }],
    });
    // Back to booked is not what happened: refused.
    expect(
      await s.clinic.call('desk', 'appointments.setStatus', { appointmentId: today.id, status: 'booked' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The freed time is booked by someone else: the undo is refused, naming the clash.
    const other = await s.patient('Rae');
    await s.book({ patientId: other, start: { date: MONDAY, time: '09:00' } });
    expect(
      await s.clinic.call('desk', 'appointments.setStatus', { appointmentId: today.id, status: 'confirmed' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'Dr Ana Ortiz is already booked 09:00–09:30.' } });
  });

  it('one arrival: setStatus refuses it; check-in makes the visit, and the visit’s undo puts the appointment back', async () => {
    const today = await bookAt(MONDAY, '10:00');
    await s.clinic.ok('desk', 'appointments.setStatus', { appointmentId: today.id, status: 'confirmed' });
    const arrival = await s.clinic.call('desk', 'appointments.setStatus', {
      appointmentId: today.id,
      status: 'arrived',
    });
    expect(arrival.ok).toBe(false);
    if (!arrival.ok) expect(arrival.error.message).toContain('Check the patient in');
    expect(await s.clinic.ok('desk', 'appointments.statusMoves', { appointmentId: today.id })).toMatchObject({
      canCheckIn: true,
      visit: null,
    });
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { appointmentId: today.id });
    const here = await s.clinic.ok('desk', 'appointments.statusMoves', { appointmentId: today.id });
    expect(here).toMatchObject({ moves: [], canCheckIn: false, visit: { id: visit.id, undoLabel: 'Undo arrival' } });
    await s.clinic.ok('desk', 'visits.undo', { visitId: visit.id });
    expect(await s.clinic.ok('desk', 'appointments.get', { appointmentId: today.id })).toMatchObject({
      status: 'confirmed',
    });
  });
});
