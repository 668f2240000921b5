import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../src-shared/api/events';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; Europe/London.
const MONDAY = '2026-11-23';
let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic();
});
afterEach(async () => {
  await s.clinic.close();
});

async function booked() {
  const patientId = await s.patient('Dee');
  const result = await s.book({
    patientId,
    start: { date: MONDAY, time: '10:00' },
    reason: 'Knee pain',
    notes: 'Bring X-ray',
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('appointments.updateDetails', () => {
  it('changes reason, notes and meeting link only, keeps the rest, records it in the history and tells every desk', async () => {
    const appointment = await booked();
    const events: EventMap['appointments.changed'][] = [];
    s.clinic.core.subscribe(
      'admin',
      (topic, payload) => topic === 'appointments.changed' && events.push(payload as EventMap['appointments.changed']),
    );
    s.clinic.clock.advance(60_000);
    const changed = await s.clinic.ok('desk', 'appointments.updateDetails', {
      appointmentId: appointment.id,
      notes: 'Bring X-ray and the referral letter',
      meetingLink: 'https://meet.example.org/dee',
      expectedUpdatedAt: appointment.updatedAt,
    });
    expect(changed).toMatchObject({
      reason: 'Knee pain',
      notes: 'Bring X-ray and the referral letter',
      meetingLink: 'https://meet.example.org/dee',
      start: appointment.start,
      providerId: appointment.providerId,
    });
    expect(events).toEqual([
      {
        appointmentIds: [appointment.id],
        patientIds: [appointment.patientId],
        providerIds: [appointment.providerId],
        dates: [MONDAY],
        action: 'details',
      },
    ]);
    // An empty reason clears it; a field left out stays.
    const cleared = await s.clinic.ok('desk', 'appointments.updateDetails', {
      appointmentId: appointment.id,
      reason: '',
    });
    expect(cleared).toMatchObject({ reason: null, notes: 'Bring X-ray and the referral letter' });

    const detail = await s.clinic.ok('desk', 'appointments.get', { appointmentId: appointment.id });
    expect(detail.history.map((entry) => [entry.action, entry.username, Object.keys(entry.changes).sort()])).toEqual([
      ['booked', 'rita', expect.any(Array) as unknown],
      ['details', 'rita', ['meeting_link', 'notes']],
      ['details', 'rita', ['reason']],
    ]);
    expect(detail.history[1]?.changes).toEqual({
      notes: { from: 'Bring X-ray', to: 'Bring X-ray and the referral letter' },
      meeting_link: { from: null, to: 'https://meet.example.org/dee' },
    });
  });

  it('refuses a bad link, a stale screen and a cancelled appointment, saying why; nothing changes', async () => {
    const appointment = await booked();
    expect(
      await s.clinic.call('desk', 'appointments.updateDetails', {
        appointmentId: appointment.id,
        meetingLink: 'http://meet.example.org',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { meetingLink: 'must be an https:// link' } } },
    });
    await s.clinic.ok('desk', 'appointments.updateDetails', { appointmentId: appointment.id, notes: 'First edit' });
    expect(
      await s.clinic.call('desk', 'appointments.updateDetails', {
        appointmentId: appointment.id,
        notes: 'Edit from an old screen',
        expectedUpdatedAt: appointment.updatedAt,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const now = await s.clinic.ok('desk', 'appointments.get', { appointmentId: appointment.id });
    await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: appointment.id, reason: 'Feeling better' });
    expect(
      await s.clinic.call('desk', 'appointments.updateDetails', { appointmentId: appointment.id, notes: 'Too late' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/cancelled/) as string },
    });
    expect((await s.clinic.ok('desk', 'appointments.get', { appointmentId: appointment.id })).notes).toBe(now.notes);
  });
});

describe('appointments.meetingLink', () => {
  it("answers the appointment's stored link (an audited read) and nothing for an appointment without one", async () => {
    const appointment = await booked();
    expect(await s.clinic.ok('desk', 'appointments.meetingLink', { appointmentId: appointment.id })).toEqual({
      url: null,
    });
    await s.clinic.ok('desk', 'appointments.updateDetails', {
      appointmentId: appointment.id,
      meetingLink: 'https://meet.example.org/dee',
    });
    expect(await s.clinic.ok('desk', 'appointments.meetingLink', { appointmentId: appointment.id })).toEqual({
      url: 'https://meet.example.org/dee',
    });
    const audited = await s.clinic.core.database.db
      .selectFrom('audit_log')
      .select(['target_id', 'outcome'])
      .where('action', '=', 'appointments.meetingLink')
      .execute();
    expect(audited).toEqual([
      { target_id: appointment.id, outcome: 'ok' },
      { target_id: appointment.id, outcome: 'ok' },
    ]);
    expect(await s.clinic.call('nobody', 'appointments.meetingLink', { appointmentId: appointment.id })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });
});
