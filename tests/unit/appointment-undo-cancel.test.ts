import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { refused } from '../helpers/setup-audit';

// Monday 2026-11-23 in Europe/London, 08:00: the morning's bookings are still ahead.
const MONDAY = '2026-11-23';

/** Undo of a cancel: back to what it was, only while the cancel is the newest change and the time is free. */
describe('undoing a cancel', () => {
  let s: SchedulingClinic;
  beforeEach(async () => {
    s = await openSchedulingClinic({ now: Date.UTC(2026, 10, 23, 8, 0) });
  });
  afterEach(async () => {
    await s.clinic.close();
  });

  async function bookAt(time: string, firstName: string) {
    const booked = await s.book({ patientId: await s.patient(firstName), start: { date: MONDAY, time } });
    if (!booked.ok) throw new Error(booked.error.message);
    return booked.value;
  }
  const cancel = (appointmentId: string) =>
    s.clinic.ok('desk', 'appointments.cancel', { appointmentId, reason: 'Patient called' });

  it('puts a confirmed appointment back as confirmed, its cancellation cleared, in its history and the audit', async () => {
    const appointment = await bookAt('10:00', 'Ursula');
    await s.clinic.ok('desk', 'appointments.setStatus', { appointmentId: appointment.id, status: 'confirmed' });
    await cancel(appointment.id);
    const back = await s.clinic.ok('desk', 'appointments.undoCancel', { appointmentId: appointment.id });
    expect(back).toMatchObject({ status: 'confirmed', cancelReason: null });
    const detail = await s.clinic.ok('desk', 'appointments.get', { appointmentId: appointment.id });
    expect(detail.history.map((h) => h.action)).toEqual(['booked', 'status', 'cancelled', 'status']);
    const row = s.clinic.core.database.handle
      .prepare('SELECT cancel_reason, cancelled_by, cancelled_at FROM appointments WHERE id = ?')
      .get(appointment.id);
    expect(row).toEqual({ cancel_reason: null, cancelled_by: null, cancelled_at: null });
    const audit = s.clinic.core.database.handle
      .prepare("SELECT details FROM audit_log WHERE action = 'appointments.undoCancel' ORDER BY seq DESC LIMIT 1")
      .get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ undid: 'cancelled', patientId: appointment.patientId });
  });

  it('is refused once the time was booked by someone else, and the appointment stays cancelled', async () => {
    const appointment = await bookAt('11:00', 'Vince');
    await cancel(appointment.id);
    await bookAt('11:00', 'Wendy');
    const attempt = refused(await s.clinic.call('desk', 'appointments.undoCancel', { appointmentId: appointment.id }));
    expect(attempt).toMatchObject({ code: 'CONFLICT' });
    expect(attempt.message).toMatch(/already booked/);
    const detail = await s.clinic.ok('desk', 'appointments.get', { appointmentId: appointment.id });
    expect(detail.status).toBe('cancelled');
  });

  it('is refused for an appointment that is not cancelled, and for a cancel already undone', async () => {
    const appointment = await bookAt('14:00', 'Xena');
    expect(
      refused(await s.clinic.call('desk', 'appointments.undoCancel', { appointmentId: appointment.id })),
    ).toMatchObject({ code: 'CONFLICT', details: { fields: { appointmentId: 'is not cancelled' } } });
    await cancel(appointment.id);
    await s.clinic.ok('desk', 'appointments.undoCancel', { appointmentId: appointment.id });
    expect(
      refused(await s.clinic.call('desk', 'appointments.undoCancel', { appointmentId: appointment.id })),
    ).toMatchObject({ details: { fields: { appointmentId: 'is not cancelled' } } });
  });
});
