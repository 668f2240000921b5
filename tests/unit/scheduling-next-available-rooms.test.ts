import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; Europe/London; Mon-Fri 09:00-17:00.
const MONDAY = '2026-11-23';
let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic();
});
afterEach(async () => {
  await s.clinic.close();
});

describe('next available with a room', () => {
  it('skips times when the room is in use by another provider', async () => {
    const patientId = await s.patient('Rory');
    expect(
      (
        await s.book({
          patientId,
          providerId: s.drBId,
          roomId: s.room1Id,
          start: { date: MONDAY, time: '09:00' },
          durationMinutes: 60,
        })
      ).ok,
    ).toBe(true);
    const query = { typeId: s.consultId, providerIds: [s.drAId], from: MONDAY, to: MONDAY, limit: 2, stepMinutes: 30 };
    const anyRoom = await s.clinic.ok('desk', 'appointments.nextAvailable', query);
    expect(anyRoom.map((slot) => slot.time)).toEqual(['09:00', '09:30']);
    const room1 = await s.clinic.ok('desk', 'appointments.nextAvailable', { ...query, roomId: s.room1Id });
    expect(room1.map((slot) => slot.time)).toEqual(['10:00', '10:30']);
    const room2 = await s.clinic.ok('desk', 'appointments.nextAvailable', { ...query, roomId: s.room2Id });
    expect(room2.map((slot) => slot.time)).toEqual(['09:00', '09:30']);
  });

  it('refuses a room at another location than the one asked for, naming the field', async () => {
    const annex = await s.clinic.ok('admin', 'schedule.createLocation', { name: 'Annex' });
    const annexRoom = await s.clinic.ok('admin', 'schedule.createRoom', { locationId: annex.id, name: 'Annex 1' });
    expect(
      await s.clinic.call('desk', 'appointments.nextAvailable', {
        typeId: s.consultId,
        locationId: s.mainId,
        roomId: annexRoom.id,
        from: MONDAY,
        to: MONDAY,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { roomId: 'Annex 1 is not at that location' } } },
    });
    // Asked for alone, the room's location decides: the providers work only at Main Street.
    expect(
      await s.clinic.ok('desk', 'appointments.nextAvailable', {
        typeId: s.consultId,
        roomId: annexRoom.id,
        from: MONDAY,
        to: MONDAY,
      }),
    ).toEqual([]);
  });
});
