import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { lastAudit, refused, watchScheduleChanges } from '../helpers/setup-audit';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; Europe/London; Main Street with Room 1 and Room 2;
// Dr Ortiz (default location Main Street) and Dr Lee work Mon-Fri 09:00-17:00 there.
const MONDAY = '2026-11-23';
let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic();
});
afterEach(async () => {
  await s.clinic.close();
});

/** Takes away what keeps Main Street in use in the standard clinic: both doctors' hours and Dr Ortiz's default. */
async function freeMainStreet() {
  for (const template of await s.clinic.ok('admin', 'schedule.listTemplates', {}))
    await s.clinic.ok('admin', 'schedule.removeTemplate', { templateId: template.id });
  await s.clinic.ok('admin', 'schedule.updateProvider', { providerId: s.drAId, defaultLocationId: null });
}

describe('changing a location or a room', () => {
  it('renames a location and changes its address, audited and announced after commit', async () => {
    const seen = watchScheduleChanges(s.clinic, 'desk');
    const location = await s.clinic.ok('admin', 'schedule.updateLocation', {
      locationId: s.mainId,
      name: 'High Street',
      address: '1 High Street',
    });
    expect(location).toEqual({ id: s.mainId, name: 'High Street', address: '1 High Street' });
    expect(await s.clinic.ok('desk', 'schedule.listLocations', {})).toEqual([location]);
    expect(await lastAudit(s.clinic)).toMatchObject({
      action: 'schedule.updateLocation',
      outcome: 'ok',
      target_type: 'location',
      target_id: s.mainId,
      details: { locationId: s.mainId, name: 'High Street', address: '1 High Street' },
    });
    expect(seen).toEqual([{ payload: { kind: 'location', ids: [s.mainId] }, committed: true }]);
    // Only what is sent changes: an address of null clears it, a left-out name stays.
    expect(await s.clinic.ok('admin', 'schedule.updateLocation', { locationId: s.mainId, address: null })).toEqual({
      id: s.mainId,
      name: 'High Street',
      address: null,
    });
  });

  it('refuses a location update naming the field: empty, too long, a name in use, no such location; and a receptionist', async () => {
    await s.clinic.ok('admin', 'schedule.createLocation', { name: 'Annex' });
    const seen = watchScheduleChanges(s.clinic, 'desk');
    expect(
      refused(await s.clinic.call('admin', 'schedule.updateLocation', { locationId: s.mainId, name: ' ' })),
    ).toMatchObject({ code: 'VALIDATION', details: { fields: { name: 'must not be empty' } } });
    expect(
      refused(
        await s.clinic.call('admin', 'schedule.updateLocation', { locationId: s.mainId, address: 'x'.repeat(301) }),
      ),
    ).toMatchObject({
      details: { fields: { address: 'must be at most 300 characters' } },
    });
    expect(
      refused(await s.clinic.call('admin', 'schedule.updateLocation', { locationId: s.mainId, name: 'annex' })),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { name: 'there is already a location called annex' } },
    });
    expect(
      refused(await s.clinic.call('admin', 'schedule.updateLocation', { locationId: 'main', name: 'X' })),
    ).toMatchObject({ details: { fields: { locationId: 'must be a location id' } } });
    expect(
      refused(await s.clinic.call('admin', 'schedule.updateLocation', { locationId: s.drAId, name: 'X' })),
    ).toMatchObject({ details: { fields: { locationId: 'no such location' } } });
    expect(
      refused(await s.clinic.call('desk', 'schedule.updateLocation', { locationId: s.mainId, name: 'X' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // A refused write tells no one, and changes nothing.
    expect(seen).toEqual([]);
    expect((await s.clinic.ok('desk', 'schedule.listLocations', {})).map((l) => l.name)).toEqual([
      'Annex',
      'Main Street',
    ]);
  });

  it('renames a room, refusing a name another room at its location has', async () => {
    const seen = watchScheduleChanges(s.clinic, 'desk');
    expect(await s.clinic.ok('admin', 'schedule.updateRoom', { roomId: s.room1Id, name: 'Treatment room' })).toEqual({
      id: s.room1Id,
      locationId: s.mainId,
      name: 'Treatment room',
    });
    expect(await lastAudit(s.clinic)).toMatchObject({
      action: 'schedule.updateRoom',
      target_type: 'room',
      target_id: s.room1Id,
      details: { roomId: s.room1Id, name: 'Treatment room' },
    });
    expect(seen.map((change) => change.payload)).toEqual([{ kind: 'room', ids: [s.room1Id] }]);
    expect(
      refused(await s.clinic.call('admin', 'schedule.updateRoom', { roomId: s.room1Id, name: 'ROOM 2' })),
    ).toMatchObject({
      details: { fields: { name: 'this location already has a room called ROOM 2' } },
    });
    expect(refused(await s.clinic.call('admin', 'schedule.updateRoom', { roomId: s.room1Id, name: '' }))).toMatchObject(
      { details: { fields: { name: 'must not be empty' } } },
    );
    expect(refused(await s.clinic.call('admin', 'schedule.updateRoom', { roomId: s.mainId, name: 'X' }))).toMatchObject(
      { details: { fields: { roomId: 'no such room' } } },
    );
    // The same name at another location is fine.
    const annex = await s.clinic.ok('admin', 'schedule.createLocation', { name: 'Annex' });
    const annexRoom = await s.clinic.ok('admin', 'schedule.createRoom', { locationId: annex.id, name: 'Small room' });
    expect(await s.clinic.ok('admin', 'schedule.updateRoom', { roomId: annexRoom.id, name: 'Room 2' })).toMatchObject({
      name: 'Room 2',
    });
  });
});

describe('removing a room', () => {
  it('refuses while an upcoming appointment is booked in it; once cancelled it is removed, kept on the record, and refused by booking', async () => {
    const patientId = await s.patient('Rhea');
    const booked = await s.book({ patientId, roomId: s.room1Id, start: { date: MONDAY, time: '10:00' } });
    if (!booked.ok) throw new Error(booked.error.message);
    const seen = watchScheduleChanges(s.clinic, 'desk');
    expect(refused(await s.clinic.call('admin', 'schedule.removeRoom', { roomId: s.room1Id }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Room 1 still has 1 upcoming appointment: move or cancel them first.',
      details: { upcoming: 1 },
    });
    // A refusal rolls back and tells no one.
    expect(seen).toEqual([]);

    await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: booked.value.id, reason: 'Unwell' });
    expect(await s.clinic.ok('admin', 'schedule.removeRoom', { roomId: s.room1Id })).toEqual({
      outcome: 'deactivated',
      message: 'Room 1 is removed; past appointments keep its name.',
    });
    expect(await lastAudit(s.clinic)).toMatchObject({
      action: 'schedule.removeRoom',
      outcome: 'ok',
      target_type: 'room',
      target_id: s.room1Id,
      details: { outcome: 'deactivated' },
    });
    expect(seen).toEqual([{ payload: { kind: 'room', ids: [s.room1Id] }, committed: true }]);
    expect((await s.clinic.ok('desk', 'schedule.listRooms', {})).map((room) => room.name)).toEqual(['Room 2']);
    expect(await s.clinic.ok('desk', 'appointments.get', { appointmentId: booked.value.id })).toMatchObject({
      roomId: s.room1Id,
    });
    expect(
      refused(await s.book({ patientId, roomId: s.room1Id, start: { date: MONDAY, time: '11:00' } })),
    ).toMatchObject({ details: { fields: { roomId: 'no such room' } } });
    // Its name can be used again.
    expect(await s.clinic.ok('admin', 'schedule.createRoom', { locationId: s.mainId, name: 'Room 1' })).toMatchObject({
      name: 'Room 1',
    });
  });

  it('refuses while a patient is in the room now', async () => {
    const patientId = await s.patient('Walker');
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { patientId });
    await s.clinic.ok('admin', 'visits.move', { visitId: visit.id, to: 'roomed', roomId: s.room2Id });
    expect(refused(await s.clinic.call('admin', 'schedule.removeRoom', { roomId: s.room2Id }))).toMatchObject({
      code: 'CONFLICT',
      message: 'A patient is in Room 2 now: move them out of it first.',
    });
    await freeMainStreet();
    expect(refused(await s.clinic.call('admin', 'schedule.removeLocation', { locationId: s.mainId }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Main Street is still in use: a patient in Room 2 now. Move or remove these first.',
    });
  });
});

describe('removing a location', () => {
  it('names everything that still uses it, then removes it with its rooms once they are gone', async () => {
    const patientId = await s.patient('Lou');
    const booked = await s.book({ patientId, start: { date: MONDAY, time: '10:00' } });
    if (!booked.ok) throw new Error(booked.error.message);
    const seen = watchScheduleChanges(s.clinic, 'desk');
    expect(refused(await s.clinic.call('admin', 'schedule.removeLocation', { locationId: s.mainId }))).toMatchObject({
      code: 'CONFLICT',
      message:
        'Main Street is still in use: 1 upcoming appointment; weekly hours of Dr Ana Ortiz, Dr Ben Lee; default location of Dr Ana Ortiz. Move or remove these first.',
      details: { upcoming: 1, weeklyHours: ['Dr Ana Ortiz', 'Dr Ben Lee'], defaultLocationOf: ['Dr Ana Ortiz'] },
    });
    await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: booked.value.id, reason: 'Moved away' });
    expect(refused(await s.clinic.call('admin', 'schedule.removeLocation', { locationId: s.mainId })).message).toBe(
      'Main Street is still in use: weekly hours of Dr Ana Ortiz, Dr Ben Lee; default location of Dr Ana Ortiz. Move or remove these first.',
    );
    await freeMainStreet();
    seen.length = 0;

    expect(await s.clinic.ok('admin', 'schedule.removeLocation', { locationId: s.mainId })).toEqual({
      outcome: 'deactivated',
      message: 'Main Street is removed with its 2 rooms; past appointments keep its name.',
    });
    expect(await lastAudit(s.clinic)).toMatchObject({
      action: 'schedule.removeLocation',
      target_type: 'location',
      target_id: s.mainId,
      details: { outcome: 'deactivated' },
    });
    expect(seen).toEqual([{ payload: { kind: 'location', ids: [s.mainId] }, committed: true }]);
    expect(await s.clinic.ok('desk', 'schedule.listLocations', {})).toEqual([]);
    expect(await s.clinic.ok('desk', 'schedule.listRooms', {})).toEqual([]);
    expect(await s.clinic.ok('desk', 'appointments.get', { appointmentId: booked.value.id })).toMatchObject({
      locationId: s.mainId,
    });
    expect(
      refused(await s.clinic.call('admin', 'schedule.createRoom', { locationId: s.mainId, name: 'Room 9' })),
    ).toMatchObject({ details: { fields: { locationId: 'no such location' } } });
    expect(refused(await s.clinic.call('admin', 'schedule.removeLocation', { locationId: s.mainId }))).toMatchObject({
      details: { fields: { locationId: 'no such location' } },
    });
  });

  it('refuses while extra hours ahead are there; holidays and time off there go with it', async () => {
    const annex = await s.clinic.ok('admin', 'schedule.createLocation', { name: 'Annex' });
    const extra = await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drBId,
      kind: 'extra_hours',
      locationId: annex.id,
      date: '2026-11-28',
      start: '10:00',
      end: '12:00',
    });
    await s.clinic.ok('admin', 'schedule.createException', {
      providerId: s.drBId,
      kind: 'time_off',
      locationId: annex.id,
      date: '2026-12-01',
    });
    await s.clinic.ok('admin', 'schedule.createHoliday', {
      date: '2026-12-24',
      name: 'Annex closed',
      locationId: annex.id,
    });
    const everywhere = await s.clinic.ok('admin', 'schedule.createHoliday', {
      date: '2026-12-25',
      name: 'Christmas Day',
    });
    expect(refused(await s.clinic.call('admin', 'schedule.removeLocation', { locationId: annex.id }))).toMatchObject({
      code: 'CONFLICT',
      message: 'Annex is still in use: extra hours of Dr Ben Lee. Move or remove these first.',
      details: { extraHours: ['Dr Ben Lee'] },
    });
    await s.clinic.ok('admin', 'schedule.removeException', { exceptionId: extra.id });
    expect(await s.clinic.ok('admin', 'schedule.removeLocation', { locationId: annex.id })).toEqual({
      outcome: 'deactivated',
      message: 'Annex is removed with 1 holiday; past appointments keep its name.',
    });
    expect(await s.clinic.ok('desk', 'schedule.listHolidays', {})).toEqual([everywhere]);
    expect(await s.clinic.ok('desk', 'schedule.listExceptions', { providerId: s.drBId })).toEqual([]);
  });
});
