import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { watchScheduleChanges } from '../helpers/setup-audit';

// Sunday 2026-11-22 09:00 UTC, Europe/London; see openSchedulingClinic for the clinic.
let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic();
});
afterEach(async () => {
  await s.clinic.close();
});

describe('schedule.changed', () => {
  it('is sent to every desk by every set-up write, naming the kind and id, once the write and its audit entry are committed', async () => {
    const seen = watchScheduleChanges(s.clinic, 'desk');
    const { clinic } = s;

    const location = await clinic.ok('admin', 'schedule.createLocation', { name: 'Annex' });
    const room = await clinic.ok('admin', 'schedule.createRoom', { locationId: location.id, name: 'Room A' });
    const provider = await clinic.ok('admin', 'schedule.createProvider', { displayName: 'Dr New', colour: '#101010' });
    const type = await clinic.ok('admin', 'schedule.createType', {
      name: 'Review',
      durationMinutes: 15,
      colour: '#123456',
    });
    const template = await clinic.ok('admin', 'schedule.createTemplate', {
      providerId: provider.id,
      locationId: location.id,
      weekday: 2,
      start: '09:00',
      end: '12:00',
    });
    const exception = await clinic.ok('admin', 'schedule.createException', {
      providerId: provider.id,
      kind: 'time_off',
      date: '2026-11-24',
    });
    const holiday = await clinic.ok('admin', 'schedule.createHoliday', { date: '2026-12-25', name: 'Christmas Day' });
    await clinic.ok('admin', 'schedule.updateProvider', { providerId: provider.id, specialty: 'Dermatology' });
    await clinic.ok('admin', 'schedule.updateType', { typeId: type.id, durationMinutes: 20 });
    await clinic.ok('admin', 'schedule.updateTemplate', { templateId: template.id, end: '13:00' });
    await clinic.ok('admin', 'schedule.updateLocation', { locationId: location.id, address: '2 Side Street' });
    await clinic.ok('admin', 'schedule.updateRoom', { roomId: room.id, name: 'Room B' });
    await clinic.ok('admin', 'schedule.updateException', {
      exceptionId: exception.id,
      kind: 'time_off',
      date: '2026-11-25',
    });
    await clinic.ok('admin', 'schedule.updateHoliday', { holidayId: holiday.id, name: 'Christmas' });
    await clinic.ok('admin', 'schedule.removeException', { exceptionId: exception.id });
    await clinic.ok('admin', 'schedule.removeHoliday', { holidayId: holiday.id });
    await clinic.ok('admin', 'schedule.removeTemplate', { templateId: template.id });
    await clinic.ok('admin', 'schedule.removeRoom', { roomId: room.id });
    await clinic.ok('admin', 'schedule.removeLocation', { locationId: location.id });
    await clinic.ok('admin', 'schedule.removeType', { typeId: type.id });
    await clinic.ok('admin', 'schedule.removeProvider', { providerId: provider.id });

    expect(seen.map((change) => change.payload)).toEqual([
      { kind: 'location', ids: [location.id] },
      { kind: 'room', ids: [room.id] },
      { kind: 'provider', ids: [provider.id] },
      { kind: 'type', ids: [type.id] },
      { kind: 'template', ids: [template.id] },
      { kind: 'exception', ids: [exception.id] },
      { kind: 'holiday', ids: [holiday.id] },
      { kind: 'provider', ids: [provider.id] },
      { kind: 'type', ids: [type.id] },
      { kind: 'template', ids: [template.id] },
      { kind: 'location', ids: [location.id] },
      { kind: 'room', ids: [room.id] },
      { kind: 'exception', ids: [exception.id] },
      { kind: 'holiday', ids: [holiday.id] },
      { kind: 'exception', ids: [exception.id] },
      { kind: 'holiday', ids: [holiday.id] },
      { kind: 'template', ids: [template.id] },
      { kind: 'room', ids: [room.id] },
      { kind: 'location', ids: [location.id] },
      { kind: 'type', ids: [type.id] },
      { kind: 'provider', ids: [provider.id] },
    ]);
    expect(seen.every((change) => change.committed)).toBe(true);
  });

  it('is not sent for a refused write, nor for reads, nor to a locked desk', async () => {
    const seen = watchScheduleChanges(s.clinic, 'desk');
    await s.clinic.call('admin', 'schedule.createLocation', { name: 'main street' });
    await s.clinic.call('desk', 'schedule.createLocation', { name: 'Annex' });
    await s.clinic.ok('desk', 'schedule.listLocations', {});
    expect(seen).toEqual([]);
    await s.clinic.ok('desk', 'auth.lock', {});
    await s.clinic.ok('admin', 'schedule.createLocation', { name: 'Annex' });
    expect(seen).toEqual([]);
  });
});
