import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { BACKENDS } from './server-helpers';
import { deskOver, twoDesks, type Desk } from './desk-helpers';

/**
 * The conflicts inbox through a real server (issue 17): both desks offline book the same provider and
 * room at the same time; back online, both desks hold both appointments and exactly one conflict (each
 * desk found it; the two copies are one row); one desk resolves it and it clears on the other.
 */
for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`a double booking made offline (${backend})`, () => {
    let s: SchedulingClinic;
    let a: Desk;
    let pair: Awaited<ReturnType<typeof twoDesks>>;

    beforeAll(async () => {
      s = await openSchedulingClinic();
      a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
      pair = await twoDesks(backend, a, s.clinic.clock);
    }, 120_000);
    afterAll(async () => {
      await pair?.close();
      await a?.close();
    });

    it('shows once on both desks and clears on both when one resolves it', async () => {
      const p1 = await s.patient('Odile', 'Marchetti');
      const p2 = await s.patient('Tobias', 'Wrenfield');
      await pair.syncBoth();
      const slot = { providerId: s.drAId, typeId: s.consultId, start: { date: '2026-11-24', time: '11:00' } };
      const onA = await a.ok('desk', 'appointments.book', { ...slot, patientId: p1 });
      const onB = await pair.b.ok('desk', 'appointments.book', { ...slot, patientId: p2 });

      await pair.syncBoth();
      await pair.b.core.syncClient.syncOnce();
      await a.core.syncClient.syncOnce();
      for (const desk of [a, pair.b]) {
        expect((await desk.ok('desk', 'appointments.get', { appointmentId: onA.id })).id).toBe(onA.id);
        expect((await desk.ok('desk', 'appointments.get', { appointmentId: onB.id })).id).toBe(onB.id);
        const listed = await desk.ok('desk', 'conflicts.list', {});
        expect(listed).toHaveLength(1);
        expect(listed[0]).toMatchObject({ kind: 'double_booking', reasons: ['provider'], resolved: null });
        expect(await desk.ok('desk', 'conflicts.list', { appointmentId: onA.id })).toHaveLength(1);
        expect(desk.core.sync.problems()).toEqual([]);
      }
      const rows = await pair.database.opened.db
        .selectFrom('rows')
        .select('row_key')
        .where('table_name', '=', 'sync_conflicts')
        .execute();
      expect(rows).toHaveLength(1);

      const [conflict] = await pair.b.ok('desk', 'conflicts.list', {});
      await pair.b.ok('desk', 'conflicts.resolve', { conflictId: conflict?.id ?? '', note: 'Tobias moved to Dr Lee' });
      await pair.b.core.syncClient.syncOnce();
      await a.core.syncClient.syncOnce();
      expect(await a.ok('desk', 'conflicts.list', {})).toEqual([]);
      expect(await a.ok('desk', 'conflicts.list', { includeResolved: true })).toMatchObject([
        { id: conflict?.id, resolved: { note: 'Tobias moved to Dr Lee' } },
      ]);
    });

    it('a cancel on one desk and a check-in on the other merge into one whole appointment on both, nothing parked', async () => {
      const patientId = await s.patient('Greta', 'Holloway');
      // Today is a Sunday: Dr Lee sees the patient outside his hours, so the booking says why.
      const today = '2026-11-22';
      const booked = await a.ok('desk', 'appointments.book', {
        patientId,
        providerId: s.drBId,
        typeId: s.consultId,
        start: { date: today, time: '16:30' },
        override: { reason: 'Sunday clinic' },
      });
      await pair.syncBoth();
      // Offline from each other: the desk cancels it while the other desk checks the patient in.
      await a.ok('desk', 'appointments.cancel', { appointmentId: booked.id, reason: 'Rang to cancel' });
      await pair.b.ok('desk', 'visits.checkIn', { appointmentId: booked.id });
      await pair.syncBoth();
      await a.core.syncClient.syncOnce();
      await pair.b.core.syncClient.syncOnce();

      const onA = await a.ok('desk', 'appointments.get', { appointmentId: booked.id });
      const onB = await pair.b.ok('desk', 'appointments.get', { appointmentId: booked.id });
      expect(onB.status).toBe(onA.status);
      // Status and its cancellation came from one writer: never "arrived" with a cancellation kept.
      expect(onA.status === 'cancelled').toBe(onA.cancelReason !== null);
      expect(onB.cancelReason).toBe(onA.cancelReason);
      expect(a.core.sync.problems()).toEqual([]);
      expect(pair.b.core.sync.problems()).toEqual([]);
    });
  });
}
