import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventTopic } from '../../src-shared/api/events';
import { openSchedulingClinic, signInNurse, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { refused } from '../helpers/setup-audit';

/** Asymmetric matchers typed as what they stand for. */
const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;
const anyText = expect.any(String) as string;

// Monday 2026-11-23 08:00 UTC; the clinic is in Europe/London (GMT in November).
const MONDAY = '2026-11-23';
const START = Date.UTC(2026, 10, 23, 8, 0);
const MINUTE = 60_000;

let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic({ now: START });
  // The clock moves by tens of minutes in these tests: keep the sessions from locking meanwhile.
  await s.clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 240 });
  await signInNurse(s.clinic);
});
afterEach(async () => {
  await s.clinic.close();
});

async function bookedAt(time: string, firstName = 'Ada') {
  const patientId = await s.patient(firstName);
  const result = await s.book({ patientId, start: { date: MONDAY, time } });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const appointmentStatus = async (id: string) =>
  (await s.clinic.ok('desk', 'appointments.get', { appointmentId: id })).status;

describe('check-in', () => {
  it('marks the appointment arrived through the scheduling rules and tells every desk after commit', async () => {
    const appointment = await bookedAt('09:00');
    const events: { topic: EventTopic; payload: EventMap[EventTopic] }[] = [];
    s.clinic.core.subscribe('nurse', (topic, payload) => events.push({ topic, payload }));
    s.clinic.clock.advance(50 * MINUTE);
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { appointmentId: appointment.id });
    expect(visit).toMatchObject({
      status: 'arrived',
      patientId: appointment.patientId,
      providerId: s.drAId,
      providerName: 'Dr Ana Ortiz',
      lastMoveBy: 'Rita Reception',
      undoLabel: 'Undo arrival',
      moves: ['roomed'],
    });
    expect(visit.ticket).toMatch(/^A\. P\. \(1\)$/);
    expect(await appointmentStatus(appointment.id)).toBe('arrived');
    expect(events.map((e) => e.topic)).toEqual(['visits.changed', 'appointments.changed']);
    expect(events[0]?.payload).toEqual({ visitIds: [visit.id], date: MONDAY, action: 'arrived' });
    // The calendars redraw the appointment's provider and day from this.
    expect(events[1]?.payload).toEqual({
      appointmentIds: [appointment.id],
      patientIds: [appointment.patientId],
      providerIds: [s.drAId],
      dates: [MONDAY],
      action: 'status',
    });
    // No patient data in the event.
    expect(JSON.stringify(events)).not.toMatch(/Ada/);
  });

  it('refuses checking in the same appointment twice, another day’s appointment, or a walk-in already here', async () => {
    const appointment = await bookedAt('09:00');
    await s.clinic.ok('desk', 'visits.checkIn', { appointmentId: appointment.id });
    expect(refused(await s.clinic.call('nurse', 'visits.checkIn', { appointmentId: appointment.id }))).toMatchObject({
      code: 'CONFLICT',
      message: matching(/already checked in/),
    });
    const patientId = await s.patient('Tomorrow');
    const tomorrow = await s.book({ patientId, start: { date: '2026-11-24', time: '09:00' } });
    if (!tomorrow.ok) throw new Error(tomorrow.error.message);
    expect(refused(await s.clinic.call('desk', 'visits.checkIn', { appointmentId: tomorrow.value.id }))).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { appointmentId: matching(/not today/) } },
    });
    expect(refused(await s.clinic.call('desk', 'visits.checkIn', { patientId: appointment.patientId }))).toMatchObject({
      code: 'CONFLICT',
    });
    expect(refused(await s.clinic.call('desk', 'visits.checkIn', {}))).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { appointmentId: anyText } },
    });
  });

  it('of two desks checking in the same appointment at once, exactly one succeeds', async () => {
    const appointment = await bookedAt('09:00');
    const results = await Promise.all([
      s.clinic.call('desk', 'visits.checkIn', { appointmentId: appointment.id }),
      s.clinic.call('nurse', 'visits.checkIn', { appointmentId: appointment.id }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect((await s.clinic.ok('desk', 'visits.board', {})).visits).toHaveLength(1);
  });

  it('checks in a walk-in with an optional provider, numbering tickets per day', async () => {
    const first = await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('Walk') });
    const second = await s.clinic.ok('desk', 'visits.checkIn', {
      patientId: await s.patient('Ina'),
      providerId: s.drBId,
    });
    expect(first).toMatchObject({ appointmentId: null, providerId: null, ticket: matching(/\(1\)$/) });
    expect(second).toMatchObject({ providerName: 'Dr Ben Lee', ticket: matching(/\(2\)$/) });
  });

  it('undoes a mistaken arrival: the visit leaves the board and the appointment goes back to booked', async () => {
    const appointment = await bookedAt('09:00');
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { appointmentId: appointment.id });
    const undone = await s.clinic.ok('desk', 'visits.undo', {
      visitId: visit.id,
      expectedLastEventId: visit.lastEventId,
    });
    expect(undone).toMatchObject({ status: 'cancelled', undoLabel: null, moves: [] });
    expect(await appointmentStatus(appointment.id)).toBe('booked');
    expect((await s.clinic.ok('desk', 'visits.board', {})).visits).toEqual([]);
    // And the patient can be checked in again.
    expect(await s.clinic.ok('desk', 'visits.checkIn', { appointmentId: appointment.id })).toMatchObject({
      status: 'arrived',
    });
  });
});

describe('moves and undo', () => {
  it('walks a visit through the floor, keeping the appointment in step, and undoes move by move', async () => {
    const appointment = await bookedAt('09:00');
    const arrived = await s.clinic.ok('desk', 'visits.checkIn', { appointmentId: appointment.id });
    s.clinic.clock.advance(5 * MINUTE);
    const roomed = await s.clinic.ok('nurse', 'visits.move', {
      visitId: arrived.id,
      to: 'roomed',
      roomId: s.room1Id,
      expectedLastEventId: arrived.lastEventId,
    });
    expect(roomed).toMatchObject({
      status: 'roomed',
      roomName: 'Room 1',
      lastMoveBy: 'Nina Nurse',
      undoLabel: 'Undo: In room',
    });
    expect(await appointmentStatus(appointment.id)).toBe('in_room');
    s.clinic.clock.advance(5 * MINUTE);
    const seen = await s.clinic.ok('nurse', 'visits.move', { visitId: arrived.id, to: 'with_provider' });
    const ready = await s.clinic.ok('nurse', 'visits.move', { visitId: arrived.id, to: 'ready_for_checkout' });
    expect(ready).toMatchObject({ canCheckOut: true, seenAt: seen.statusSince });
    const done = await s.clinic.ok('desk', 'visits.checkOut', { visitId: arrived.id });
    expect(done).toMatchObject({
      status: 'checked_out',
      checkedOutAt: START + 10 * MINUTE,
      totalMinutes: 10,
      undoLabel: 'Undo check-out',
    });
    expect(await appointmentStatus(appointment.id)).toBe('completed');

    // A stale screen's undo is refused rather than undoing someone else's newer move.
    expect(
      refused(
        await s.clinic.call('desk', 'visits.undo', { visitId: arrived.id, expectedLastEventId: ready.lastEventId }),
      ),
    ).toMatchObject({ code: 'CONFLICT', message: matching(/Rita Reception/) });

    const back1 = await s.clinic.ok('desk', 'visits.undo', {
      visitId: arrived.id,
      expectedLastEventId: done.lastEventId,
    });
    expect(back1).toMatchObject({ status: 'ready_for_checkout', checkedOutAt: null, statusSince: ready.statusSince });
    expect(await appointmentStatus(appointment.id)).toBe('in_room');
    await s.clinic.ok('desk', 'visits.undo', { visitId: arrived.id });
    await s.clinic.ok('desk', 'visits.undo', { visitId: arrived.id });
    const back4 = await s.clinic.ok('desk', 'visits.undo', { visitId: arrived.id });
    expect(back4).toMatchObject({
      status: 'arrived',
      roomId: null,
      roomedAt: null,
      statusSince: arrived.statusSince,
      undoLabel: 'Undo arrival',
    });
    expect(await appointmentStatus(appointment.id)).toBe('arrived');
  });

  it('refuses a move the machine does not allow, a room that is taken, and rooming without a room', async () => {
    const a = await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('One') });
    const b = await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('Two') });
    expect(refused(await s.clinic.call('nurse', 'visits.move', { visitId: a.id, to: 'with_provider' }))).toMatchObject({
      code: 'CONFLICT',
      message: matching(/Waiting cannot become With provider/),
    });
    expect(refused(await s.clinic.call('nurse', 'visits.move', { visitId: a.id, to: 'roomed' }))).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { roomId: anyText } },
    });
    await s.clinic.ok('nurse', 'visits.move', { visitId: a.id, to: 'roomed', roomId: s.room1Id });
    expect(
      refused(await s.clinic.call('nurse', 'visits.move', { visitId: b.id, to: 'roomed', roomId: s.room1Id })),
    ).toMatchObject({ code: 'CONFLICT', details: { fields: { roomId: anyText } } });
    const board = await s.clinic.ok('nurse', 'visits.board', {});
    expect(board.rooms.find((room) => room.id === s.room1Id)).toMatchObject({ visitId: a.id });
    expect(board.rooms.find((room) => room.id === s.room2Id)).toMatchObject({ visitId: null });
  });

  it('a refused move changes nothing and tells nobody', async () => {
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('Quiet') });
    const events: EventTopic[] = [];
    s.clinic.core.subscribe('desk', (topic) => events.push(topic));
    refused(await s.clinic.call('nurse', 'visits.move', { visitId: visit.id, to: 'ready_for_checkout' }));
    refused(
      await s.clinic.call('nurse', 'visits.undo', {
        visitId: visit.id,
        expectedLastEventId: '0190a0a0-0000-7000-8000-000000000000',
      }),
    );
    expect(events).toEqual([]);
    expect(await s.clinic.ok('desk', 'visits.get', { visitId: visit.id })).toMatchObject({
      status: 'arrived',
      lastEventId: visit.lastEventId,
    });
    // A settings change is pushed so that every board recolours.
    await s.clinic.ok('admin', 'visits.updateSettings', { ticketStyle: 'number' });
    expect(events).toEqual(['visits.changed']);
    expect(await s.clinic.ok('desk', 'visits.get', { visitId: visit.id })).toMatchObject({ ticket: 'No. 1' });
  });

  it('a call to room puts initials (never the name) on the display for half an hour', async () => {
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('Maria', 'Lopez') });
    await s.clinic.ok('nurse', 'visits.call', { visitId: visit.id, roomId: s.room2Id });
    const tickets = await s.clinic.ok('desk', 'visits.display', {});
    expect(tickets).toEqual([{ visitId: visit.id, ticket: visit.ticket, roomName: 'Room 2', calledAt: START }]);
    expect(JSON.stringify(tickets)).not.toMatch(/Maria|Lopez/);
    s.clinic.clock.advance(31 * MINUTE);
    expect(await s.clinic.ok('desk', 'visits.display', {})).toEqual([]);
  });
});

describe('the board', () => {
  it('shows time in status and total time from the clock, coloured past each status’s threshold from settings', async () => {
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('Wait') });
    s.clinic.clock.advance(16 * MINUTE);
    let card = (await s.clinic.ok('desk', 'visits.board', {})).visits[0];
    expect(card).toMatchObject({ id: visit.id, minutesInStatus: 16, totalMinutes: 16, overThreshold: true });
    await s.clinic.ok('admin', 'visits.updateSettings', { thresholds: { arrived: 20 } });
    card = (await s.clinic.ok('desk', 'visits.board', {})).visits[0];
    expect(card).toMatchObject({ overThreshold: false });
    await s.clinic.ok('nurse', 'visits.move', { visitId: visit.id, to: 'roomed', roomId: s.room1Id });
    s.clinic.clock.advance(3 * MINUTE);
    const board = await s.clinic.ok('desk', 'visits.board', {});
    expect(board).toMatchObject({ date: MONDAY, now: START + 19 * MINUTE, thresholds: { arrived: 20, roomed: 10 } });
    expect(board.visits[0]).toMatchObject({
      status: 'roomed',
      minutesInStatus: 3,
      totalMinutes: 19,
      overThreshold: false,
    });
    expect(refused(await s.clinic.call('desk', 'visits.updateSettings', { thresholds: { arrived: 5 } }))).toMatchObject(
      { code: 'FORBIDDEN' },
    );
    expect(
      refused(await s.clinic.call('admin', 'visits.updateSettings', { thresholds: { arrived: 0 } })),
    ).toMatchObject({ details: { fields: { 'thresholds.arrived': anyText } } });
  });

  it('filters by provider, room and status', async () => {
    const a = await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('Ann'), providerId: s.drAId });
    await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('Bob'), providerId: s.drBId });
    await s.clinic.ok('nurse', 'visits.move', { visitId: a.id, to: 'roomed', roomId: s.room2Id });
    const ids = async (input: Parameters<typeof s.clinic.ok<'visits.board'>>[2]) =>
      (await s.clinic.ok('desk', 'visits.board', input)).visits.map((v) => v.providerName);
    expect(await ids({ providerIds: [s.drBId] })).toEqual(['Dr Ben Lee']);
    expect(await ids({ roomIds: [s.room2Id] })).toEqual(['Dr Ana Ortiz']);
    expect(await ids({ statuses: ['arrived'] })).toEqual(['Dr Ben Lee']);
    expect(await ids({})).toEqual(['Dr Ana Ortiz', 'Dr Ben Lee']);
  });
});

describe('check-in review', () => {
  it('lists what to confirm: phone, insurance expiry and verification, consents, alerts', async () => {
    const appointment = await bookedAt('10:00', 'Rev');
    const patientId = appointment.patientId;
    let review = await s.clinic.ok('desk', 'visits.checkInReview', { appointmentId: appointment.id });
    expect(review).toMatchObject({
      patientId,
      appointment: { id: appointment.id, providerName: 'Dr Ana Ortiz' },
      openVisitId: null,
    });
    expect(review.warnings).toEqual([matching(/No phone/), matching(/No insurance/), matching(/No consent/)]);

    await s.clinic.ok('desk', 'patients.addInsurance', {
      patientId,
      payer: 'Old Mutual',
      memberId: 'X1',
      priority: 'primary',
      terminationDate: '2026-01-31',
      lastVerifiedDate: '2025-06-01',
    });
    review = await s.clinic.ok('desk', 'visits.checkInReview', { patientId });
    expect(review.insurance).toMatchObject([{ payer: 'Old Mutual', expired: true }]);
    expect(review.warnings).toContainEqual(matching(/has expired/));

    await s.clinic.ok('desk', 'patients.addInsurance', {
      patientId,
      payer: 'Acme Health',
      memberId: 'A2',
      priority: 'primary',
      lastVerifiedDate: '2026-05-01',
    });
    // Signed with a date still to come (a form dated ahead): not on file yet.
    await s.clinic.ok('desk', 'consents.record', { patientId, kind: 'privacy', givenOn: '2026-12-01' });
    review = await s.clinic.ok('desk', 'visits.checkInReview', { patientId });
    expect(review.consents).toEqual([]);
    expect(review.warnings).toContainEqual(matching(/No consent/));
    await s.clinic.ok('desk', 'consents.record', { patientId, kind: 'treatment', givenOn: '2026-01-10' });
    await s.clinic.ok('desk', 'patients.addAlert', { patientId, kind: 'safety', text: 'Needs wheelchair' });
    review = await s.clinic.ok('desk', 'visits.checkInReview', { patientId });
    expect(review.consents).toEqual([{ kind: 'treatment', givenOn: '2026-01-10', expiresOn: null }]);
    expect(review.insurance.find((p) => p.payer === 'Acme Health')).toMatchObject({
      expired: false,
      verifiedDaysAgo: 206,
    });
    expect(review.warnings).toEqual([
      matching(/No phone/),
      'Acme Health was last verified 206 days ago.',
      'Alerts: Needs wheelchair',
    ]);
  });
});

describe('vitals', () => {
  const units = { temperature: 'F', system: 'imperial' } as const;

  it('stores SI units with who and when, computes BMI, and lists history newest first', async () => {
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('Vita') });
    const saved = await s.clinic.ok('nurse', 'vitals.record', {
      patientId: visit.patientId,
      visitId: visit.id,
      units,
      systolic: 128,
      diastolic: 82,
      pulse: 76,
      respRate: 14,
      temperature: 98.6,
      spo2: 97,
      weight: 154,
      height: 69,
      pain: 3,
      chiefComplaint: 'Sore throat',
      allergiesReviewed: true,
    });
    expect(saved).toMatchObject({
      temperatureC: 37,
      weightKg: 69.853,
      heightM: 1.753,
      bmi: 22.7,
      recordedBy: 'Nina Nurse',
      recordedAt: START,
      allergiesReviewed: true,
      confirmedImplausible: [],
    });
    s.clinic.clock.advance(MINUTE);
    await s.clinic.ok('nurse', 'vitals.record', {
      patientId: visit.patientId,
      units: { temperature: 'C', system: 'metric' },
      pulse: 80,
    });
    const history = await s.clinic.ok('nurse', 'vitals.history', { patientId: visit.patientId });
    expect(history.map((v) => v.pulse)).toEqual([80, 76]);
  });

  it('refuses impossible values naming the field and asks for confirmation of unusual ones', async () => {
    const patientId = await s.patient('Odd');
    const metric = { temperature: 'C', system: 'metric' } as const;
    expect(
      refused(await s.clinic.call('nurse', 'vitals.record', { patientId, units: metric, temperature: 52 })),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: { temperature: matching(/not a possible/) } } });
    expect(
      refused(await s.clinic.call('nurse', 'vitals.record', { patientId, units: metric, pain: 12 })),
    ).toMatchObject({ details: { fields: { pain: anyText } } });
    expect(
      refused(await s.clinic.call('nurse', 'vitals.record', { patientId, units: metric, pulse: 72.5 })),
    ).toMatchObject({ details: { fields: { pulse: 'must be a whole number' } } });
    const unusual = refused(
      await s.clinic.call('nurse', 'vitals.record', { patientId, units: metric, systolic: 235, diastolic: 120 }),
    );
    expect(unusual).toMatchObject({
      code: 'VALIDATION',
      details: { implausible: ['systolic'], fields: { systolic: matching(/confirm/) } },
    });
    expect(await s.clinic.ok('nurse', 'vitals.history', { patientId })).toEqual([]);
    const confirmed = await s.clinic.ok('nurse', 'vitals.record', {
      patientId,
      units: metric,
      systolic: 235,
      diastolic: 120,
      confirmImplausible: ['systolic'],
    });
    expect(confirmed).toMatchObject({ systolic: 235, confirmedImplausible: ['systolic'] });
  });

  it('never writes to a patient other than the visit’s, and only nurses and providers record', async () => {
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { patientId: await s.patient('Right') });
    const other = await s.patient('Wrong');
    const metric = { temperature: 'C', system: 'metric' } as const;
    expect(
      refused(
        await s.clinic.call('nurse', 'vitals.record', {
          patientId: other,
          visitId: visit.id,
          units: metric,
          pulse: 70,
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: { visitId: matching(/another patient/) } } });
    expect(
      refused(await s.clinic.call('desk', 'vitals.record', { patientId: visit.patientId, units: metric, pulse: 70 })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.clinic.ok('nurse', 'vitals.history', { patientId: other })).toEqual([]);
  });
});
