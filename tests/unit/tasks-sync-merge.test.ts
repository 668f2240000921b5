import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/temp-core';
import { NURSE, RECEPTIONIST, openSchedulingClinic, signInNurse } from '../helpers/scheduling-clinic';
import { cloneDesk, deskOf, differingTables, exchangeAll, syncedHash, type Desk } from '../helpers/sync-desks';

/** Tasks and the log between desks, and through a patient merge (the reason `communications` is a record). */
const open: Desk[] = [];
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close();
});

const START = Date.UTC(2026, 10, 23, 9, 0);

describe('tasks and the communication log', () => {
  it('follow the person when a duplicate record is merged into the one kept', async () => {
    const s = await openSchedulingClinic({ now: START });
    const desk = deskOf('A', s.clinic.core, s.clinic.clock, s.clinic.folder.key, () => s.clinic.folder.remove());
    open.push(desk);
    const kept = await s.patient('Ada', 'Lovelace');
    const duplicate = await s.patient('Ada', 'Lovelace');
    await desk.ok('desk', 'communications.log', {
      patientId: duplicate,
      kind: 'call',
      direction: 'in',
      outcome: 'spoke',
      subject: 'Changed her address',
      followUp: { title: 'Post the new card', assigneeRole: 'receptionist' },
    });
    await desk.ok('admin', 'patients.merge', { survivorId: kept, mergedId: duplicate });
    const log = await desk.ok('desk', 'communications.list', { patientId: kept });
    expect(log.map((line) => line.subject)).toEqual(['Changed her address']);
    const [task] = await desk.ok('desk', 'tasks.list', { scope: 'mine' });
    expect(task).toMatchObject({ title: 'Post the new card', patientId: kept });
  });

  it('travel between desks; a task done on one desk and cancelled on another at once ends the same on both, whole', async () => {
    const s = await openSchedulingClinic({ now: START });
    await signInNurse(s.clinic);
    const a = deskOf('A', s.clinic.core, s.clinic.clock, s.clinic.folder.key, () => s.clinic.folder.remove());
    const b = await cloneDesk(a, 'B');
    open.push(a, b);
    for (const [client, user] of [
      ['admin', ADMIN],
      ['desk', RECEPTIONIST],
      ['nurse', NURSE],
    ] as const) {
      await b.ok(client, 'auth.login', { username: user.username, password: user.password });
    }
    const patientId = await s.patient('Grace', 'Hopper');
    const task = await a.ok('desk', 'tasks.create', { title: 'Ring about the scan', assigneeRole: 'nurse', patientId });
    await exchangeAll([a, b]);
    const [onB] = await b.ok('nurse', 'tasks.list', { scope: 'mine' });
    expect(onB).toMatchObject({ id: task.id, title: 'Ring about the scan', createdByName: RECEPTIONIST.displayName });

    // Offline from each other: the nurse completes it on B while reception cancels it on A.
    b.clock.advance(60_000);
    await b.ok('nurse', 'tasks.comment', { taskId: task.id, body: 'Done by phone' });
    await b.ok('nurse', 'tasks.complete', { taskId: task.id });
    a.clock.advance(120_000);
    await a.ok('desk', 'tasks.cancel', { taskId: task.id, reason: 'Scan moved' });
    await exchangeAll([a, b]);
    expect(differingTables(a, b)).toEqual([]);
    expect(syncedHash(a)).toBe(syncedHash(b));
    // The later close (A's, by the clocks) wins whole: its status, reason and closer together, never "done"
    // with a cancel reason (the CHECK would refuse that row on every desk).
    for (const desk of [a, b]) {
      const { task: merged } = await desk.ok('desk', 'tasks.get', { taskId: task.id });
      expect(merged).toMatchObject({ status: 'cancelled', cancelReason: 'Scan moved', closedByName: 'Rita Reception' });
    }
    const closed = await b.ok('desk', 'tasks.get', { taskId: task.id });
    expect(closed.comments.map((c) => c.body)).toEqual(['Done by phone']);
  });
});
