import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/temp-core';
import { NURSE, RECEPTIONIST, openSchedulingClinic, signInNurse } from '../helpers/scheduling-clinic';
import { cloneDesk, deskOf, differingTables, exchangeAll, syncedHash, type Desk } from '../helpers/sync-desks';

/** A person's read marks and bell preferences follow them to another desk. */
const open: Desk[] = [];
afterEach(async () => {
  for (const desk of open.splice(0)) await desk.close();
});

const START = Date.UTC(2026, 10, 23, 9, 0);

describe('the bell between desks', () => {
  it('shows on desk B what the nurse read on desk A; the same mark made on both is one row', async () => {
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
    const first = await a.ok('desk', 'tasks.create', { title: 'Restock the dressing trolley', assigneeRole: 'nurse' });
    const second = await a.ok('desk', 'tasks.create', { title: 'Check the fridge log', assigneeRole: 'nurse' });
    await exchangeAll([a, b]);

    // Apart: both desks mark the first read (one row once synced), A also the second; B hides overdue tasks.
    await a.ok('nurse', 'notifications.markRead', { keys: [`task:${first.id}`, `task:${second.id}`] });
    b.clock.advance(60_000);
    await b.ok('nurse', 'notifications.markRead', { keys: [`task:${first.id}`] });
    await b.ok('nurse', 'notifications.setShown', { kind: 'task_overdue', onScreen: false });
    await exchangeAll([a, b]);
    expect(differingTables(a, b)).toEqual([]);
    expect(syncedHash(a)).toBe(syncedHash(b));
    for (const desk of [a, b]) {
      const bell = await desk.ok('nurse', 'notifications.list', {});
      expect(bell).toMatchObject({ unread: 0, hiddenKinds: ['task_overdue'] });
      expect(bell.items.map((item) => item.read)).toEqual([true, true]);
      // Reception's own bell is untouched by the nurse's marks.
      expect((await desk.ok('desk', 'notifications.list', {})).items).toEqual([]);
    }
  });
});
