import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; Europe/London; Mon-Fri 09:00-17:00, lunch 12:30-13:30.
const MONDAY = '2026-11-23';
let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic();
});
afterEach(async () => {
  await s.clinic.close();
});

describe('updating scheduling configuration', () => {
  it('renames and recolours a provider and changes a type, checking names and references', async () => {
    const provider = await s.clinic.ok('admin', 'schedule.updateProvider', {
      providerId: s.drAId,
      displayName: 'Dr Ana Ortiz-Lee',
      colour: '#AA0000',
      specialty: null,
    });
    expect(provider).toMatchObject({
      displayName: 'Dr Ana Ortiz-Lee',
      colour: '#aa0000',
      specialty: null,
      defaultLocationId: s.mainId,
    });
    const type = await s.clinic.ok('admin', 'schedule.updateType', {
      typeId: s.consultId,
      durationMinutes: 20,
      providerIds: [s.drBId],
    });
    expect(type).toMatchObject({ name: 'Consultation', durationMinutes: 20, providerIds: [s.drBId] });
    await s.clinic.ok('admin', 'schedule.createType', { name: 'Review', durationMinutes: 15, colour: '#123456' });
    expect(await s.clinic.call('admin', 'schedule.updateType', { typeId: s.consultId, name: 'review' })).toMatchObject({
      ok: false,
      error: { details: { fields: { name: 'there is already an appointment type called review' } } },
    });
    expect(
      await s.clinic.call('desk', 'schedule.updateProvider', { providerId: s.drAId, colour: '#000000' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('changes a template: booking follows the new hours, and a bad break is refused with its field', async () => {
    const [monday] = await s.clinic.ok('desk', 'schedule.listTemplates', { providerId: s.drAId });
    if (!monday) throw new Error('no template');
    const patientId = await s.patient('Tess');
    expect((await s.book({ patientId, start: { date: MONDAY, time: '08:00' } })).ok).toBe(false);
    await s.clinic.ok('admin', 'schedule.updateTemplate', { templateId: monday.id, start: '08:00' });
    expect((await s.book({ patientId, start: { date: MONDAY, time: '08:00' } })).ok).toBe(true);
    expect(
      await s.clinic.call('admin', 'schedule.updateTemplate', {
        templateId: monday.id,
        breaks: [{ start: '07:00', end: '07:30' }],
      }),
    ).toMatchObject({
      ok: false,
      error: { details: { fields: { 'breaks.0': 'must lie within the hours' } } },
    });
    await s.clinic.ok('admin', 'schedule.removeTemplate', { templateId: monday.id });
    expect(await s.book({ patientId, start: { date: MONDAY, time: '10:00' } })).toMatchObject({
      ok: false,
      error: { details: { problems: [{ code: 'outside_hours' }] } },
    });
  });
});

describe('linking a provider to the account they sign in with', () => {
  it('lists active staff for a manager, links and unlinks a provider, refuses an account taken, disabled or unknown', async () => {
    const amy = await s.clinic.ok('admin', 'users.create', {
      username: 'amy',
      displayName: 'Amy Ortiz',
      role: 'provider',
      password: 'a provider password 1',
    });
    const gone = await s.clinic.ok('admin', 'users.create', {
      username: 'gone',
      displayName: 'Gone Person',
      role: 'provider',
      password: 'a provider password 2',
    });
    await s.clinic.ok('admin', 'users.setDisabled', { userId: gone.id, disabled: true });

    const staff = await s.clinic.ok('admin', 'schedule.listStaff', {});
    expect(staff.find((member) => member.id === amy.id)).toEqual({
      id: amy.id,
      displayName: 'Amy Ortiz',
      role: 'Provider',
      providerId: null,
    });
    expect(staff.some((member) => member.id === gone.id)).toBe(false);
    expect(JSON.stringify(staff)).not.toMatch(/password|hash/i);
    expect(await s.clinic.call('desk', 'schedule.listStaff', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    expect(
      await s.clinic.ok('admin', 'schedule.updateProvider', { providerId: s.drAId, userId: amy.id }),
    ).toMatchObject({ userId: amy.id });
    expect(
      (await s.clinic.ok('admin', 'schedule.listStaff', {})).find((member) => member.id === amy.id)?.providerId,
    ).toBe(s.drAId);
    // Saving Dr Ortiz again with her own account is not a clash; Dr B taking it is.
    expect(
      await s.clinic.ok('admin', 'schedule.updateProvider', { providerId: s.drAId, userId: amy.id, colour: '#123456' }),
    ).toMatchObject({ userId: amy.id });
    expect(
      await s.clinic.call('admin', 'schedule.updateProvider', { providerId: s.drBId, userId: amy.id }),
    ).toMatchObject({
      ok: false,
      error: { details: { fields: { userId: expect.stringMatching(/already Dr Ana Ortiz's/) as string } } },
    });
    expect(
      await s.clinic.call('admin', 'schedule.updateProvider', { providerId: s.drBId, userId: gone.id }),
    ).toMatchObject({ ok: false, error: { details: { fields: { userId: 'this account is disabled' } } } });
    expect(
      await s.clinic.call('admin', 'schedule.updateProvider', {
        providerId: s.drBId,
        userId: '01900000-0000-7000-8000-000000000000',
      }),
    ).toMatchObject({
      ok: false,
      error: { details: { fields: { userId: 'no such user' } } },
    });
    expect(await s.clinic.ok('admin', 'schedule.updateProvider', { providerId: s.drAId, userId: null })).toMatchObject({
      userId: null,
    });
    expect(
      await s.clinic.ok('admin', 'schedule.updateProvider', { providerId: s.drBId, userId: amy.id }),
    ).toMatchObject({ userId: amy.id });
  });
});

describe('removing scheduling configuration', () => {
  it('deletes a provider nothing refers to', async () => {
    const extra = await s.clinic.ok('admin', 'schedule.createProvider', { displayName: 'Dr New', colour: '#101010' });
    expect(await s.clinic.ok('admin', 'schedule.removeProvider', { providerId: extra.id })).toMatchObject({
      outcome: 'deleted',
    });
    expect((await s.clinic.ok('desk', 'schedule.listProviders', {})).map((p) => p.displayName)).toEqual([
      'Dr Ana Ortiz',
      'Dr Ben Lee',
    ]);
  });

  it('refuses to remove a provider with upcoming appointments, and deactivates one with only past ones', async () => {
    const patientId = await s.patient('Pat');
    const booked = await s.book({ patientId, start: { date: MONDAY, time: '10:00' } });
    if (!booked.ok) throw new Error(booked.error.message);
    expect(await s.clinic.call('admin', 'schedule.removeProvider', { providerId: s.drAId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Dr Ana Ortiz still has 1 upcoming appointment: move or cancel them first.' },
    });
    s.clinic.clock.now = Date.UTC(2026, 10, 24, 9); // the appointment is past
    await s.clinic.ok('admin', 'auth.unlock', { password: 'correct horse battery' });
    await s.clinic.ok('desk', 'auth.unlock', { password: 'reception desk 1' });
    expect(await s.clinic.ok('admin', 'schedule.removeProvider', { providerId: s.drAId })).toMatchObject({
      outcome: 'deactivated',
    });
    expect((await s.clinic.ok('desk', 'schedule.listProviders', {})).map((p) => p.displayName)).toEqual(['Dr Ben Lee']);
    // The past appointment still names its provider; new bookings with them are refused.
    expect(await s.clinic.ok('desk', 'appointments.get', { appointmentId: booked.value.id })).toMatchObject({
      providerId: s.drAId,
    });
    expect(await s.book({ patientId, start: { date: '2026-11-30', time: '10:00' } })).toMatchObject({
      ok: false,
      error: { details: { fields: { providerId: 'no such provider' } } },
    });
  });

  it('deactivates a type that past appointments used, refusing while patients wait for it', async () => {
    const patientId = await s.patient('Quinn');
    const booked = await s.book({ patientId, start: { date: MONDAY, time: '10:00' } });
    if (!booked.ok) throw new Error(booked.error.message);
    await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: booked.value.id, reason: 'Unwell' });
    const entry = await s.clinic.ok('desk', 'waitlist.add', { patientId, typeId: s.consultId });
    expect(await s.clinic.call('admin', 'schedule.removeType', { typeId: s.consultId })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Patients are on the waitlist for Consultation: book or remove them first.' },
    });
    await s.clinic.ok('desk', 'waitlist.remove', { entryId: entry.id, reason: null });
    expect(await s.clinic.ok('admin', 'schedule.removeType', { typeId: s.consultId })).toMatchObject({
      outcome: 'deactivated',
    });
    expect(await s.clinic.ok('desk', 'schedule.listTypes', {})).toEqual([]);
  });
});
