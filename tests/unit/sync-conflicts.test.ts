import { afterEach, describe, expect, it } from 'vitest';
import { blockingAppointments } from '../../src-main/core/conflicts/repository';
import { ADMIN } from '../helpers/temp-core';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { cloneDesk, deliver, deskOf, exchangeAll, syncedHash, type Desk } from '../helpers/sync-desks';

/**
 * The conflicts inbox (issue 17), with two desks handing each other their changes directly: what both
 * desks did offline that no merge rule can judge becomes exactly one conflict, on both desks, whichever
 * desk found it first and however often a batch is applied again; resolving it on one clears it on both.
 */

const open: Desk[] = [];
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close();
});

async function twoDesks(): Promise<{ s: SchedulingClinic; a: Desk; b: Desk }> {
  const s = await openSchedulingClinic();
  const a = deskOf('A', s.clinic.core, s.clinic.clock, s.clinic.folder.key, () => s.clinic.folder.remove());
  const b = await cloneDesk(a, 'B');
  open.push(a, b);
  // As if each had enrolled: its own desk code, so MRNs made offline never collide.
  for (const [desk, code] of [
    [a, 'A'],
    [b, 'B'],
  ] as const) {
    desk.core.database.handle.prepare('UPDATE sync_state SET desk_code = ?').run(code);
  }
  await b.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
  return { s, a, b };
}

const register = (desk: Desk, firstName: string, lastName: string, dob: string) =>
  desk.ok('desk', 'patients.create', { firstName, lastName, dob, phones: [], contacts: [] });

describe('conflicts found after merging two desks', () => {
  it('a provider double-booked by two desks offline: one conflict on both desks, cleared on both by one resolution', async () => {
    const { s, a, b } = await twoDesks();
    const p1 = await register(a, 'Odile', 'Marchetti', '1971-03-04');
    const p2 = await register(a, 'Tobias', 'Wrenfield', '1965-07-08');
    await exchangeAll([a, b]);
    const slot = { providerId: s.drAId, typeId: s.consultId, start: { date: '2026-11-23', time: '10:00' } };
    const first = await a.ok('desk', 'appointments.book', { ...slot, patientId: p1.id, roomId: s.room1Id });
    const second = await b.ok('desk', 'appointments.book', { ...slot, patientId: p2.id, roomId: s.room1Id });

    await exchangeAll([a, b]); // each finds it
    await exchangeAll([a, b]); // and receives the other's copy of it
    await deliver(a, b); // a batch applied again changes nothing
    for (const desk of [a, b]) {
      const listed = await desk.ok('desk', 'conflicts.list', {});
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({
        kind: 'double_booking',
        reasons: ['provider', 'room'],
        resolved: null,
        canResolve: true,
      });
      expect([listed[0]?.first.id, listed[0]?.second.id].sort()).toEqual([first.id, second.id].sort());
      // The banner of either appointment, and of either patient, shows it.
      expect(await desk.ok('desk', 'conflicts.list', { appointmentId: second.id })).toHaveLength(1);
      expect(await desk.ok('desk', 'conflicts.list', { patientId: p1.id })).toHaveLength(1);
    }
    expect(syncedHash(a)).toBe(syncedHash(b));

    const [conflict] = await b.ok('desk', 'conflicts.list', {});
    const resolved = await b.ok('desk', 'conflicts.resolve', {
      conflictId: conflict?.id ?? '',
      note: 'Moved Tobias to 11:00',
    });
    expect(resolved.resolved).toMatchObject({ note: 'Moved Tobias to 11:00', byName: RECEPTIONIST.displayName });
    expect(await b.call('desk', 'conflicts.resolve', { conflictId: conflict?.id ?? '', note: 'again' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // A's open inbox hears it arrive, as it hears a resolution made on A itself.
    const heard: string[] = [];
    a.core.subscribe('desk', (topic) => heard.push(topic));
    await exchangeAll([a, b]);
    expect(heard).toContain('conflicts.changed');
    expect(await a.ok('desk', 'conflicts.list', {})).toEqual([]);
    expect(await a.ok('desk', 'conflicts.list', { includeResolved: true })).toHaveLength(1);
    // Touching the appointments again does not bring a resolved conflict back.
    await a.ok('desk', 'appointments.updateDetails', { appointmentId: first.id, notes: 'Bring the letter' });
    await exchangeAll([a, b]);
    for (const desk of [a, b]) expect(await desk.ok('desk', 'conflicts.list', {})).toEqual([]);
    expect(syncedHash(a)).toBe(syncedHash(b));
  });

  it('the same person registered on two desks offline: one conflict, resolved only by who may merge', async () => {
    const { a, b } = await twoDesks();
    const onA = await register(a, 'Jonathan', 'Pemberton', '1980-02-03');
    const onB = await register(b, 'Jonathan', 'Pemberton', '1980-02-03');
    await exchangeAll([a, b]);
    await exchangeAll([a, b]);
    for (const desk of [a, b]) {
      const listed = await desk.ok('desk', 'conflicts.list', { patientId: onB.id });
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatchObject({ kind: 'duplicate_patient', canResolve: false });
      expect(listed[0]?.patientIds.sort()).toEqual([onA.id, onB.id].sort());
    }
    const [conflict] = await a.ok('admin', 'conflicts.list', {});
    expect(conflict?.canResolve).toBe(true);
    const refused = await a.call('desk', 'conflicts.resolve', { conflictId: conflict?.id ?? '', note: 'Merged' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await a.ok('admin', 'conflicts.resolve', { conflictId: conflict?.id ?? '', note: 'Merged into the older record' });
    await exchangeAll([a, b]);
    expect(await b.ok('desk', 'conflicts.list', {})).toEqual([]);
    expect(syncedHash(a)).toBe(syncedHash(b));
  });

  it('audits a resolution with who, which conflict and the note', async () => {
    const { a, b } = await twoDesks();
    await register(a, 'Marta', 'Quell', '1990-05-06');
    await register(b, 'Marta', 'Quell', '1990-05-06');
    await exchangeAll([a, b]);
    const [conflict] = await a.ok('admin', 'conflicts.list', {});
    await a.ok('admin', 'conflicts.resolve', { conflictId: conflict?.id ?? '', note: 'Different people: twins' });
    const entry = a.core.database.handle
      .prepare(
        "SELECT actor_username, target_type, target_id, details FROM audit_log WHERE action = 'conflicts.resolve'",
      )
      .get() as { actor_username: string; target_type: string; target_id: string; details: string };
    expect(entry).toMatchObject({ actor_username: ADMIN.username, target_type: 'conflict', target_id: conflict?.id });
    expect(JSON.parse(entry.details)).toMatchObject({ kind: 'duplicate_patient', note: 'Different people: twins' });
  });
});

describe('the double-booking check over many appointments at once', () => {
  it('takes a step naming more appointments than SQLite binds in one statement', async () => {
    const s = await openSchedulingClinic();
    const desk = deskOf('A', s.clinic.core, s.clinic.clock, s.clinic.folder.key, () => s.clinic.folder.remove());
    open.push(desk);
    const patient = await register(desk, 'Odile', 'Marchetti', '1971-03-04');
    const slot = { providerId: s.drAId, typeId: s.consultId, start: { date: '2026-11-23', time: '10:00' } };
    const booked = await desk.ok('desk', 'appointments.book', { ...slot, patientId: patient.id });
    // 40,000 ids (a snapshot step's worth, and more): the booked one among ids of rows this desk never had.
    const ids = Array.from({ length: 40_000 }, (_, i) => `missing-${String(i)}`);
    ids[20_000] = booked.id;
    const found = await blockingAppointments(desk.core.database.db, ids);
    expect(found.map((row) => row.id)).toEqual([booked.id]);
  });
});
