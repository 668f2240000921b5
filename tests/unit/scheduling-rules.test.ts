import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap, EventTopic } from '../../src-shared/api/events';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; the clinic is in Europe/London (GMT in November).
const MONDAY = '2026-11-23';
const TUESDAY = '2026-11-24';
const SATURDAY = '2026-11-28';
const at = (date: string, time: string) => ({ date, time });

let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic();
});
afterEach(async () => {
  await s.clinic.close();
});

async function booked(input: Parameters<SchedulingClinic['book']>[0]) {
  const result = await s.book(input);
  if (!result.ok) throw new Error(`booking failed: ${result.error.message}`);
  return result.value;
}

async function refusal(promise: ReturnType<SchedulingClinic['book']>) {
  const result = await promise;
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

async function lastAudit() {
  const row = await s.clinic.core.database.db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return { ...row, details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null };
}

describe('scheduling configuration', () => {
  it('creates and lists locations, rooms, providers, types, templates, exceptions and holidays', async () => {
    const { clinic } = s;
    expect(await clinic.ok('desk', 'schedule.listLocations', {})).toEqual([
      { id: s.mainId, name: 'Main Street', address: null },
    ]);
    expect((await clinic.ok('desk', 'schedule.listRooms', { locationId: s.mainId })).map((r) => r.name)).toEqual([
      'Room 1',
      'Room 2',
    ]);
    const providers = await clinic.ok('desk', 'schedule.listProviders', {});
    expect(providers.map((p) => [p.displayName, p.colour])).toEqual([
      ['Dr Ana Ortiz', '#3366cc'],
      ['Dr Ben Lee', '#cc6633'],
    ]);
    expect(await clinic.ok('desk', 'schedule.listTypes', {})).toEqual([
      {
        id: s.consultId,
        name: 'Consultation',
        durationMinutes: 30,
        colour: '#22aa55',
        defaultPriceMinor: 6500,
        currency: 'GBP',
        providerIds: [],
      },
    ]);
    const templates = await clinic.ok('desk', 'schedule.listTemplates', { providerId: s.drAId });
    expect(templates).toHaveLength(5);
    expect(templates[0]).toMatchObject({
      weekday: 1,
      start: '09:00',
      end: '17:00',
      breaks: [{ start: '12:30', end: '13:30' }],
    });

    const off = await clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'time_off',
      date: MONDAY,
      endDate: TUESDAY,
      reason: 'Conference',
    });
    expect(off).toMatchObject({
      kind: 'time_off',
      date: MONDAY,
      endDate: TUESDAY,
      start: null,
      end: null,
      locationId: null,
    });
    await clinic.ok('admin', 'schedule.createHoliday', { date: '2026-12-25', name: 'Christmas Day' });
    expect(await clinic.ok('desk', 'schedule.listExceptions', { from: TUESDAY })).toHaveLength(1);
    expect(await clinic.ok('desk', 'schedule.listHolidays', { from: '2026-12-01', to: '2026-12-31' })).toMatchObject([
      { name: 'Christmas Day' },
    ]);
  });

  it('refuses bad configuration, naming the field', async () => {
    const { clinic } = s;
    expect(
      await clinic.call('admin', 'schedule.createTemplate', {
        providerId: s.drAId,
        locationId: s.mainId,
        weekday: 8,
        start: '17:00',
        end: '09:00',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { weekday: 'must be 1 (Monday) to 7 (Sunday)' } } },
    });
    expect(
      await clinic.call('admin', 'schedule.createTemplate', {
        providerId: s.drAId,
        locationId: s.mainId,
        weekday: 6,
        start: '17:00',
        end: '09:00',
      }),
    ).toMatchObject({ ok: false, error: { details: { fields: { end: 'must be after the start' } } } });
    expect(
      await clinic.call('admin', 'schedule.createTemplate', {
        providerId: s.drAId,
        locationId: s.mainId,
        weekday: 6,
        start: '09:00',
        end: '12:00',
        breaks: [{ start: '11:30', end: '12:30' }],
      }),
    ).toMatchObject({ ok: false, error: { details: { fields: { 'breaks.0': 'must lie within the hours' } } } });
    expect(
      await clinic.call('admin', 'schedule.createProvider', { displayName: 'Dr X', colour: 'blue' }),
    ).toMatchObject({
      ok: false,
      error: { details: { fields: { colour: 'must be a colour written as #rrggbb' } } },
    });
    expect(await clinic.call('admin', 'schedule.createLocation', { name: 'main street' })).toMatchObject({
      ok: false,
      error: { details: { fields: { name: 'there is already a location called main street' } } },
    });
    expect(
      await clinic.call('admin', 'schedule.createException', {
        providerId: s.drAId,
        kind: 'extra_hours',
        date: SATURDAY,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        details: {
          fields: { locationId: 'extra hours need a location', start: 'extra hours need a start and an end' },
        },
      },
    });
  });

  it('lets only settings:manage change configuration; anyone with appointments:read lists it', async () => {
    expect(await s.clinic.call('desk', 'schedule.createLocation', { name: 'Annex' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await s.clinic.call('desk', 'schedule.listProviders', {})).toMatchObject({ ok: true });
  });
});

describe('booking', () => {
  it('books inside availability, answers wall-clock fields, keeps a history and tells every window after commit', async () => {
    const events: { topic: EventTopic; payload: EventMap[EventTopic] }[] = [];
    s.clinic.core.subscribe('desk', (topic, payload) => events.push({ topic, payload }));
    const patientId = await s.patient('Ada');
    const view = await booked({ patientId, start: at(MONDAY, '09:00'), reason: 'Cough', roomId: s.room1Id });
    expect(view).toMatchObject({
      patientId,
      providerId: s.drAId,
      locationId: s.mainId,
      roomId: s.room1Id,
      typeName: 'Consultation',
      date: MONDAY,
      startTime: '09:00',
      endTime: '09:30',
      durationMinutes: 30,
      offsetMinutes: 0,
      status: 'booked',
      reason: 'Cough',
      overrideReason: null,
    });
    expect(view.start).toBe(Date.UTC(2026, 10, 23, 9, 0));
    expect(view.patientName).toMatch(/^PatientB?.*, Ada$/);
    expect(events).toEqual([
      {
        topic: 'appointments.changed',
        payload: {
          appointmentIds: [view.id],
          patientIds: [view.patientId],
          providerIds: [s.drAId],
          dates: [MONDAY],
          action: 'booked',
        },
      },
    ]);
    const detail = await s.clinic.ok('desk', 'appointments.get', { appointmentId: view.id });
    expect(detail.history).toMatchObject([
      { action: 'booked', username: 'rita', changes: { start: view.start, end: view.end } },
    ]);
    expect(await lastAudit()).toMatchObject({ action: 'appointments.get', target_id: view.id, actor_username: 'rita' });
  });

  it('refuses a double booking of the provider, saying with whom and when; back to back is fine', async () => {
    const [p1, p2, p3] = [await s.patient('Bea'), await s.patient('Cal'), await s.patient('Dee')];
    await booked({ patientId: p1, start: at(MONDAY, '10:00') });
    const error = await refusal(s.book({ patientId: p2, start: at(MONDAY, '10:15') }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('Dr Ana Ortiz is already booked 10:00–10:30.');
    expect(error.details?.problems).toEqual([
      { code: 'provider_busy', message: 'Dr Ana Ortiz is already booked 10:00–10:30.' },
    ]);
    expect(await refusal(s.book({ patientId: p2, start: at(MONDAY, '09:45') }))).toMatchObject({ code: 'CONFLICT' });
    await booked({ patientId: p2, start: at(MONDAY, '10:30') });
    await booked({ patientId: p3, start: at(MONDAY, '09:30') });
    // Another provider at the same time is fine.
    await booked({ patientId: await s.patient('Eve'), providerId: s.drBId, start: at(MONDAY, '10:00') });
  });

  it('refuses a room in use and a patient already booked elsewhere at that time', async () => {
    const [p1, p2] = [await s.patient('Fay'), await s.patient('Gus')];
    await booked({ patientId: p1, start: at(MONDAY, '11:00'), roomId: s.room1Id });
    expect(
      await refusal(s.book({ patientId: p2, providerId: s.drBId, start: at(MONDAY, '11:15'), roomId: s.room1Id })),
    ).toMatchObject({
      code: 'CONFLICT',
      details: { problems: [{ code: 'room_busy', message: 'Room 1 is in use 11:00–11:30.' }] },
    });
    await booked({ patientId: p2, providerId: s.drBId, start: at(MONDAY, '11:15'), roomId: s.room2Id });
    const error = await refusal(
      s.book({ patientId: p1, providerId: s.drBId, start: at(MONDAY, '11:00'), durationMinutes: 15 }),
    );
    expect(error.details?.problems).toEqual([
      { code: 'patient_busy', message: 'The patient already has an appointment 11:00–11:30 with Dr Ana Ortiz.' },
    ]);
    await booked({ patientId: p1, providerId: s.drBId, start: at(MONDAY, '11:45') });
  });

  it('refuses a time outside the hours, in a break, on a day without hours, or running past the end', async () => {
    const patientId = await s.patient('Hal');
    expect(await refusal(s.book({ patientId, start: at(MONDAY, '08:45') }))).toMatchObject({
      code: 'CONFLICT',
      details: {
        problems: [
          {
            code: 'outside_hours',
            message:
              "08:45–09:15 is outside Dr Ana Ortiz's hours at Main Street on Monday 2026-11-23 (09:00–12:30, 13:30–17:00).",
          },
        ],
      },
    });
    expect(await refusal(s.book({ patientId, start: at(MONDAY, '12:15') }))).toMatchObject({
      details: { problems: [{ code: 'outside_hours' }] },
    });
    expect(await refusal(s.book({ patientId, start: at(MONDAY, '16:45') }))).toMatchObject({
      details: { problems: [{ code: 'outside_hours' }] },
    });
    expect(await refusal(s.book({ patientId, start: at(SATURDAY, '10:00') }))).toMatchObject({
      details: {
        problems: [
          { code: 'outside_hours', message: 'Dr Ana Ortiz has no hours at Main Street on Saturday 2026-11-28.' },
        ],
      },
    });
    await booked({ patientId, start: at(MONDAY, '13:30') });
    await booked({ patientId, start: at(MONDAY, '16:30') });
  });

  it('refuses time off (saying why) and accepts extra hours', async () => {
    const patientId = await s.patient('Ida');
    await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'time_off',
      date: MONDAY,
      start: '10:00',
      end: '11:00',
      reason: 'Training',
    });
    await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drBId,
      kind: 'time_off',
      date: TUESDAY,
      reason: 'Leave',
    });
    await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drAId,
      kind: 'extra_hours',
      locationId: s.mainId,
      date: SATURDAY,
      start: '09:00',
      end: '12:00',
    });
    expect(await refusal(s.book({ patientId, start: at(MONDAY, '10:45') }))).toMatchObject({
      details: {
        problems: [{ code: 'time_off', message: 'Dr Ana Ortiz is on time off (Training) 10:00–11:00 on 2026-11-23.' }],
      },
    });
    expect(await refusal(s.book({ patientId, providerId: s.drBId, start: at(TUESDAY, '09:00') }))).toMatchObject({
      details: {
        problems: [{ code: 'time_off', message: 'Dr Ben Lee is on time off (Leave) all day on 2026-11-24.' }],
      },
    });
    await booked({ patientId, start: at(MONDAY, '11:00') });
    await booked({ patientId, start: at(SATURDAY, '11:30') });
    expect(await refusal(s.book({ patientId, start: at(SATURDAY, '12:00') }))).toMatchObject({
      details: { problems: [{ code: 'outside_hours' }] },
    });
  });

  it('refuses a clinic holiday; a holiday at another location does not apply', async () => {
    const annex = await s.clinic.ok('admin', 'schedule.createLocation', { name: 'Annex' });
    await s.clinic.ok('admin', 'schedule.createHoliday', { date: '2026-12-25', name: 'Christmas Day' });
    await s.clinic.ok('admin', 'schedule.createHoliday', {
      date: '2026-12-24',
      name: 'Annex closed',
      locationId: annex.id,
    });
    const patientId = await s.patient('Jo');
    expect(await refusal(s.book({ patientId, start: at('2026-12-25', '10:00') }))).toMatchObject({
      code: 'CONFLICT',
      details: { problems: [{ code: 'holiday', message: '2026-12-25 is a clinic holiday (Christmas Day).' }] },
    });
    await booked({ patientId, start: at('2026-12-24', '10:00') });
  });

  it('books over the rules with an override and a reason, stored, in the history and audited', async () => {
    const [p1, p2] = [await s.patient('Kim'), await s.patient('Lou')];
    await booked({ patientId: p1, start: at(MONDAY, '09:00') });
    const view = await booked({
      patientId: p2,
      start: at(MONDAY, '09:00'),
      override: { reason: 'Urgent: squeeze in' },
    });
    expect(view.overrideReason).toBe('Urgent: squeeze in');
    expect(await lastAudit()).toMatchObject({
      action: 'appointments.book',
      outcome: 'ok',
      actor_username: 'rita',
      target_id: view.id,
      details: { override: { reason: 'Urgent: squeeze in', problems: ['provider_busy'] } },
    });
    const detail = await s.clinic.ok('desk', 'appointments.get', { appointmentId: view.id });
    expect(detail.history[0]).toMatchObject({
      action: 'booked',
      overrideReason: 'Urgent: squeeze in',
      changes: { overridden: ['provider_busy'] },
    });
    // Saturday and a clash at once: both are set aside and both recorded.
    const sat = await booked({ patientId: p1, start: at(SATURDAY, '10:00'), override: { reason: 'Home visit' } });
    expect(sat.overrideReason).toBe('Home visit');
    // An override that was not needed is not recorded.
    const plain = await booked({ patientId: p1, start: at(TUESDAY, '10:00'), override: { reason: 'just in case' } });
    expect(plain.overrideReason).toBeNull();
    expect(
      await s.clinic.call('desk', 'appointments.book', {
        patientId: p1,
        providerId: s.drAId,
        typeId: s.consultId,
        start: at(TUESDAY, '10:00'),
        override: { reason: '   ' },
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { 'override.reason': 'must not be empty' } } },
    });
  });

  it('refuses a provider the appointment type does not allow, and unknown references', async () => {
    const onlyB = await s.clinic.ok('admin', 'schedule.createType', {
      name: 'Child check',
      durationMinutes: 20,
      colour: '#aa22aa',
      providerIds: [s.drBId],
    });
    const patientId = await s.patient('Max');
    expect(await refusal(s.book({ patientId, typeId: onlyB.id, start: at(MONDAY, '09:00') }))).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { providerId: 'Dr Ana Ortiz does not see Child check appointments' } },
    });
    const child = await booked({ patientId, typeId: onlyB.id, providerId: s.drBId, start: at(MONDAY, '09:00') });
    expect(child.durationMinutes).toBe(20);
    expect(
      await refusal(s.book({ patientId: '0190d5c4-0000-7000-8000-000000000000', start: at(MONDAY, '10:00') })),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { patientId: 'no such patient' } },
    });
  });
});

describe('changing appointments', () => {
  it('cancels with a reason and who, freeing the time; a cancelled appointment cannot be cancelled again', async () => {
    const [p1, p2] = [await s.patient('Ned'), await s.patient('Ola')];
    const first = await booked({ patientId: p1, start: at(MONDAY, '14:00') });
    s.clinic.clock.advance(1000);
    const cancelled = await s.clinic.ok('desk', 'appointments.cancel', {
      appointmentId: first.id,
      reason: 'Patient called',
      expectedUpdatedAt: first.updatedAt,
    });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Patient called',
      cancelledAt: s.clinic.clock.now,
    });
    const users = await s.clinic.ok('admin', 'users.list', {});
    expect(cancelled.cancelledBy).toBe(users.find((u) => u.username === 'rita')?.id);
    await booked({ patientId: p2, start: at(MONDAY, '14:00') });
    expect(
      await s.clinic.call('desk', 'appointments.cancel', { appointmentId: first.id, reason: 'again' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'This appointment is cancelled; it cannot be cancelled.' },
    });
    // Rebooking the cancelled one keeps the link.
    const again = await booked({ patientId: p1, start: at(MONDAY, '15:00'), rescheduledFromId: first.id });
    expect(again.rescheduledFromId).toBe(first.id);
    const day = await s.clinic.ok('desk', 'appointments.day', { date: MONDAY, providerIds: [s.drAId] });
    expect(day.providers[0]?.appointments.map((a) => a.startTime)).toEqual(['14:00', '15:00']);
    const withCancelled = await s.clinic.ok('desk', 'appointments.day', {
      date: MONDAY,
      providerIds: [s.drAId],
      includeCancelled: true,
    });
    expect(withCancelled.providers[0]?.appointments.map((a) => a.status)).toEqual(['cancelled', 'booked', 'booked']);
  });

  it('the desk confirms; arrival and what follows come from the visit, cancelling from appointments.cancel', async () => {
    // The day's rules (no-show, undo, check-in) are in appointment-status-rules.test.ts.
    const patientId = await s.patient('Pia');
    const view = await booked({ patientId, start: at(MONDAY, '09:00') });
    expect(
      await s.clinic.ok('desk', 'appointments.setStatus', { appointmentId: view.id, status: 'confirmed' }),
    ).toMatchObject({ status: 'confirmed' });
    const arrival = await s.clinic.call('desk', 'appointments.setStatus', {
      appointmentId: view.id,
      status: 'arrived',
    });
    expect(arrival).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!arrival.ok) expect(arrival.error.message).toContain('Check the patient in');
    expect(
      await s.clinic.call('desk', 'appointments.setStatus', { appointmentId: view.id, status: 'cancelled' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const detail = await s.clinic.ok('desk', 'appointments.get', { appointmentId: view.id });
    expect(detail.history.map((h) => h.action)).toEqual(['booked', 'status']);
    expect(detail.history[1]?.changes).toEqual({ status: { from: 'booked', to: 'confirmed' } });
  });

  it('moves an appointment by the same rules, recording from and to, and refuses a stale edit', async () => {
    const [p1, p2] = [await s.patient('Sam'), await s.patient('Tia')];
    const a = await booked({ patientId: p1, start: at(MONDAY, '09:00'), roomId: s.room1Id });
    await booked({ patientId: p2, start: at(MONDAY, '10:00') });
    expect(
      await s.clinic.call('desk', 'appointments.move', { appointmentId: a.id, start: at(MONDAY, '09:45') }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { problems: [{ code: 'provider_busy' }] } },
    });
    s.clinic.clock.advance(1000);
    const moved = await s.clinic.ok('desk', 'appointments.move', {
      appointmentId: a.id,
      start: at(TUESDAY, '11:00'),
      durationMinutes: 45,
      expectedUpdatedAt: a.updatedAt,
    });
    expect(moved).toMatchObject({ date: TUESDAY, startTime: '11:00', endTime: '11:45', roomId: s.room1Id });
    expect(
      await s.clinic.call('desk', 'appointments.move', {
        appointmentId: a.id,
        start: at(TUESDAY, '14:00'),
        expectedUpdatedAt: a.updatedAt,
      }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Someone else changed this appointment since you loaded it. Reload it and try again.',
      },
    });
    // Moving within its own time (a resize) does not clash with itself.
    const longer = await s.clinic.ok('desk', 'appointments.move', { appointmentId: a.id, durationMinutes: 60 });
    expect(longer.endTime).toBe('12:00');
    const toB = await s.clinic.ok('desk', 'appointments.move', {
      appointmentId: a.id,
      providerId: s.drBId,
      roomId: null,
    });
    expect(toB).toMatchObject({ providerId: s.drBId, roomId: null, startTime: '11:00' });
    const detail = await s.clinic.ok('desk', 'appointments.get', { appointmentId: a.id });
    expect(detail.history[1]).toMatchObject({
      action: 'moved',
      changes: { start_at: { from: a.start, to: moved.start }, end_at: { from: a.end, to: moved.end } },
    });
    expect(detail.history[3]?.changes).toMatchObject({
      provider_id: { from: s.drAId, to: s.drBId },
      room_id: { from: s.room1Id, to: null },
    });
  });
});

describe('the day view', () => {
  it('answers each provider with availability to shade, time off and appointments, in the order asked', async () => {
    await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drBId,
      kind: 'time_off',
      date: MONDAY,
      start: '15:00',
      end: '17:00',
      reason: 'Dentist',
    });
    const patientId = await s.patient('Uma');
    await booked({ patientId, providerId: s.drBId, start: at(MONDAY, '09:30') });
    const day = await s.clinic.ok('desk', 'appointments.day', { date: MONDAY, providerIds: [s.drBId, s.drAId] });
    const t = (h: number, m = 0) => Date.UTC(2026, 10, 23, h, m);
    expect(day).toMatchObject({ date: MONDAY, timeZone: 'Europe/London', dayStart: t(0), dayEnd: t(24), holidays: [] });
    expect(day.providers.map((p) => p.provider.displayName)).toEqual(['Dr Ben Lee', 'Dr Ana Ortiz']);
    expect(day.providers[0]?.availability).toEqual([
      { start: t(9), end: t(12, 30), locationId: s.mainId },
      { start: t(13, 30), end: t(15), locationId: s.mainId },
    ]);
    expect(day.providers[0]?.timeOff).toEqual([{ start: t(15), end: t(17), reason: 'Dentist' }]);
    expect(day.providers[0]?.appointments.map((a) => a.startTime)).toEqual(['09:30']);
    expect(day.providers[1]?.appointments).toEqual([]);
    const everyone = await s.clinic.ok('desk', 'appointments.day', { date: SATURDAY });
    expect(everyone.providers.map((p) => p.availability)).toEqual([[], []]);
  });
});

describe('next available', () => {
  it('finds the first free slots by time, skipping bookings, breaks, time off and the patient’s own appointments', async () => {
    const [p1, p2] = [await s.patient('Val'), await s.patient('Wes')];
    await booked({ patientId: p1, start: at(MONDAY, '09:00') });
    await booked({ patientId: p2, providerId: s.drBId, start: at(MONDAY, '09:00') });
    await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drBId,
      kind: 'time_off',
      date: MONDAY,
      start: '09:30',
      end: '10:00',
    });
    const slots = await s.clinic.ok('desk', 'appointments.nextAvailable', {
      typeId: s.consultId,
      from: MONDAY,
      to: TUESDAY,
      limit: 4,
    });
    expect(slots.map((x) => `${x.time} ${x.providerName}`)).toEqual([
      '09:30 Dr Ana Ortiz',
      '09:45 Dr Ana Ortiz',
      '10:00 Dr Ana Ortiz',
      '10:00 Dr Ben Lee',
    ]);
    expect(slots[0]).toMatchObject({
      date: MONDAY,
      offsetMinutes: 0,
      locationName: 'Main Street',
      start: Date.UTC(2026, 10, 23, 9, 30),
    });
    // Val is with Dr Ortiz 09:00-09:30 and a new appointment must not overlap it, with anyone.
    const forVal = await s.clinic.ok('desk', 'appointments.nextAvailable', {
      typeId: s.consultId,
      providerIds: [s.drBId],
      from: MONDAY,
      to: MONDAY,
      patientId: p1,
      limit: 1,
    });
    expect(forVal.map((x) => x.time)).toEqual(['10:00']);
    const afternoon = await s.clinic.ok('desk', 'appointments.nextAvailable', {
      typeId: s.consultId,
      providerIds: [s.drAId],
      from: MONDAY,
      to: MONDAY,
      partOfDay: 'afternoon',
      limit: 2,
    });
    expect(afternoon.map((x) => x.time)).toEqual(['12:00', '13:30']);
    const lateMorning = await s.clinic.ok('desk', 'appointments.nextAvailable', {
      typeId: s.consultId,
      providerIds: [s.drAId],
      from: MONDAY,
      to: MONDAY,
      partOfDay: 'morning',
      durationMinutes: 60,
      stepMinutes: 30,
      limit: 10,
    });
    expect(lateMorning.map((x) => x.time)).toEqual(['09:30', '10:00', '10:30', '11:00', '11:30']);
    // A slot may end exactly when a booking starts, and start exactly when one ends.
    await booked({ patientId: p2, start: at(MONDAY, '11:00') });
    const around = await s.clinic.ok('desk', 'appointments.nextAvailable', {
      typeId: s.consultId,
      providerIds: [s.drAId],
      from: MONDAY,
      to: MONDAY,
      durationMinutes: 60,
      stepMinutes: 30,
      limit: 10,
    });
    expect(around.map((x) => x.time)).toEqual([
      '09:30',
      '10:00',
      '11:30',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
    ]);
    // The slot books as it is offered.
    const slot = slots[3];
    if (!slot) throw new Error('no slot');
    await booked({
      patientId: p1,
      providerId: slot.providerId,
      start: { date: slot.date, time: slot.time, offsetMinutes: slot.offsetMinutes },
    });
  });

  it('never offers the past, and skips to the next working day', async () => {
    s.clinic.clock.now = Date.UTC(2026, 10, 23, 16, 40); // Monday 16:40
    await s.clinic.ok('desk', 'auth.unlock', { password: 'reception desk 1' });
    const slots = await s.clinic.ok('desk', 'appointments.nextAvailable', {
      typeId: s.consultId,
      providerIds: [s.drAId],
      from: '2026-11-20',
      to: '2026-11-30',
      limit: 1,
    });
    expect(slots.map((x) => `${x.date} ${x.time}`)).toEqual(['2026-11-24 09:00']);
    const none = await s.clinic.ok('desk', 'appointments.nextAvailable', {
      typeId: s.consultId,
      from: SATURDAY,
      to: '2026-11-29',
    });
    expect(none).toEqual([]);
  });
});

describe('the database underneath', () => {
  it('keeps two desks’ bookings of one slot in the database (the inbox reports them), and refuses any edit of the history', async () => {
    const patientId = await s.patient('Zed');
    const view = await booked({ patientId, start: at(MONDAY, '09:00') });
    const handle = s.clinic.core.database.handle;
    const copy = handle.prepare('SELECT * FROM appointments WHERE id = ?').get(view.id) as Record<string, unknown>;
    const insert = (values: Record<string, unknown>) =>
      handle
        .prepare(
          `INSERT INTO appointments (${Object.keys(values).join(', ')}) VALUES (${Object.keys(values)
            .map(() => '?')
            .join(', ')})`,
        )
        .run(...Object.values(values));
    // Another desk's booking of the same slot, arriving by sync, is kept (migration 0022): the booking
    // rules refuse it on one desk (see above), the conflicts inbox reports it across desks.
    insert({ ...copy, id: '0190d5c4-0000-7000-8000-00000000000a' });
    insert({ ...copy, id: '0190d5c4-0000-7000-8000-00000000000b', override_reason: 'double' });
    insert({ ...copy, id: '0190d5c4-0000-7000-8000-00000000000c', status: 'cancelled', cancelled_at: 1 });
    expect(() =>
      handle.prepare('UPDATE appointment_history SET action = ? WHERE appointment_id = ?').run('moved', view.id),
    ).toThrow(/append-only/);
    expect(() => handle.prepare('DELETE FROM appointment_history').run()).toThrow(/append-only/);
    expect(() =>
      insert({ ...copy, id: '0190d5c4-0000-7000-8000-00000000000d', start_at: 0, end_at: 86_400_001 }),
    ).toThrow(/CHECK constraint failed/);
  });
});
