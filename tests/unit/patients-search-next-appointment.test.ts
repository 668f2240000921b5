import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from '../helpers/scheduling-clinic';

// The manual clock reads Sunday 2026-11-22 09:00 UTC; the clinic is in New York (UTC-5 in November).
let s: SchedulingClinic;
beforeEach(async () => {
  s = await openSchedulingClinic({ timeZone: 'America/New_York' });
});
afterEach(async () => {
  await s.clinic.close();
});

async function bookOk(patientId: string, date: string, time: string) {
  const result = await s.book({ patientId, start: { date, time } });
  if (!result.ok) throw new Error(`booking failed: ${result.error.message}`);
  return result.value;
}

const searchOne = async (query: string) => {
  const rows = await s.clinic.ok('desk', 'patients.search', { query, limit: 20 });
  expect(rows).toHaveLength(1);
  return rows[0];
};

describe('patients.search: the next appointment', () => {
  it('shows the earliest upcoming booked or confirmed appointment in the clinic wall clock, with the provider', async () => {
    const id = await s.patient('Nadia', 'Quist');
    await bookOk(id, '2026-12-02', '14:30');
    const earlier = await bookOk(id, '2026-11-25', '09:00');
    const row = await searchOne('nadia quist');
    expect(row?.nextAppointment).toEqual({
      appointmentId: earlier.id,
      date: '2026-11-25',
      time: '09:00',
      providerName: 'Dr Ana Ortiz',
    });
  });

  it('skips cancelled appointments and those already past; none left is null', async () => {
    const id = await s.patient('Oskar', 'Vale');
    const soon = await bookOk(id, '2026-11-23', '10:00');
    const later = await bookOk(id, '2026-11-24', '11:00');
    await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: soon.id, reason: 'Patient is travelling' });
    expect((await searchOne('oskar vale'))?.nextAppointment?.appointmentId).toBe(later.id);

    // A day after the remaining appointment, nothing is upcoming.
    s.clinic.clock.now = Date.UTC(2026, 10, 25, 12, 0);
    await s.clinic.ok('desk', 'auth.unlock', { password: RECEPTIONIST.password });
    expect((await searchOne('oskar vale'))?.nextAppointment).toBeNull();
  });
});
