import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Notifications } from '../../src-shared/api/areas/notifications';
import { signInNurse } from '../helpers/scheduling-clinic';
import { openReminderClinic, type ReminderClinic } from '../helpers/reminder-clinic';
import { refused } from '../helpers/setup-audit';

// The reminder clinic: New York, Monday 2026-11-23 08:00 local (13:00 UTC).
const HOUR = 3_600_000;
const RAJ = { username: 'raj', displayName: 'Raj Reception', password: 'front counter 2' };
const PRIYA = { username: 'priya', displayName: 'Dr Priya Shah', password: 'consulting room 3' };

let r: ReminderClinic;
beforeEach(async () => {
  r = await openReminderClinic();
  await r.s.clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 240 });
  await signInNurse(r.s.clinic);
  for (const [client, person, role] of [
    ['raj', RAJ, 'receptionist'],
    ['priya', PRIYA, 'provider'],
  ] as const) {
    await r.s.clinic.ok('admin', 'users.create', { ...person, role });
    await r.s.clinic.ok(client, 'auth.login', { username: person.username, password: person.password });
  }
});
afterEach(async () => {
  await r.close();
});

const c = () => r.s.clinic;
const bell = (client: string) => c().ok(client, 'notifications.list', {});
const shown = (list: Notifications) =>
  list.items.map((item) => `${item.kind} ${item.subject}${item.read ? ' (read)' : ''}`);

describe('the bell', () => {
  it('tells each person only what concerns them: their role’s tasks, stock to those who see stock', async () => {
    await c().ok('desk', 'tasks.create', { title: 'Sterilise the ear syringe', assigneeRole: 'nurse' });
    // Nurses may not make tasks (tasks:team): the receptionists' task comes from the administrator.
    expect(
      refused(await c().call('nurse', 'tasks.create', { title: 'Chase the lab form', assigneeRole: 'receptionist' }))
        .code,
    ).toBe('FORBIDDEN');
    await c().ok('admin', 'tasks.create', { title: 'Chase the lab form', assigneeRole: 'receptionist' });
    await c().ok('admin', 'stockroom.saveItem', {
      name: 'Saline 10 ml',
      code: 'SAL10',
      gtin: null,
      category: null,
      dispensingUnit: 'ampoule',
      packSize: 1,
      unitCostMinor: 250,
      billable: false,
      sellingPriceMinor: null,
      taxId: null,
      reorderLevel: 10,
      reorderQuantity: 20,
      maximumLevel: null,
      active: true,
    });

    const nurse = await bell('nurse');
    expect(shown(nurse)).toEqual(['task_assigned Sterilise the ear syringe', 'stock_alert Saline 10 ml']);
    expect(nurse.unread).toBe(2);
    expect(nurse.items[1]).toMatchObject({ stock: { onHand: 0, reorderLevel: 10 } });
    // A receptionist gets the receptionists' task, not the nurses'.
    expect(shown(await bell('desk'))).toEqual(['task_assigned Chase the lab form', 'stock_alert Saline 10 ml']);
    // A provider has no stock permission: no stock alert, and no task for her role.
    expect(shown(await bell('priya'))).toEqual([]);
  });

  it('keeps read marks per person: one receptionist reading does not read it for the other', async () => {
    const task = await c().ok('admin', 'tasks.create', {
      title: 'Post the recall letters',
      assigneeRole: 'receptionist',
    });
    const key = `task:${task.id}`;
    expect(await c().ok('desk', 'notifications.markRead', { keys: [key] })).toEqual({ marked: 1 });
    // Twice is once.
    expect(await c().ok('desk', 'notifications.markRead', { keys: [key] })).toEqual({ marked: 0 });
    expect(shown(await bell('desk'))).toEqual(['task_assigned Post the recall letters (read)']);
    expect((await bell('desk')).unread).toBe(0);
    expect(shown(await bell('raj'))).toEqual(['task_assigned Post the recall letters']);
    expect((await bell('raj')).unread).toBe(1);

    // Preferences per kind, per person: Rita turns stock alerts and tasks off; Raj still sees his.
    expect(await c().ok('desk', 'notifications.setShown', { kind: 'task_assigned', onScreen: false })).toEqual({
      hiddenKinds: ['task_assigned'],
    });
    expect(await bell('desk')).toMatchObject({ items: [], unread: 0, hiddenKinds: ['task_assigned'] });
    expect((await bell('raj')).unread).toBe(1);
    await c().ok('desk', 'notifications.setShown', { kind: 'task_assigned', onScreen: true });
    expect(shown(await bell('desk'))).toEqual(['task_assigned Post the recall letters (read)']);

    // Done: it drops off everyone's bell.
    await c().ok('raj', 'tasks.complete', { taskId: task.id });
    expect((await bell('desk')).items).toEqual([]);
    expect((await bell('raj')).items).toEqual([]);

    const bad = refused(await c().call('desk', 'notifications.markRead', { keys: ['Robert; DROP'] }));
    expect(bad.details?.fields).toMatchObject({ 'keys.0': 'must be a notification key' });
  });

  it('adds "overdue" when the clock passes the due time, and says when that will be', async () => {
    const task = await c().ok('desk', 'tasks.create', {
      title: 'Ring the lab about Mrs Reyes’ bloods',
      assigneeRole: 'nurse',
      dueDate: '2026-11-23',
      dueTime: '10:00',
    });
    const before = await bell('nurse');
    expect(shown(before)).toEqual(['task_assigned Ring the lab about Mrs Reyes’ bloods']);
    // 10:00 in New York is 15:00 UTC; late from the instant after: the bell reads again then.
    expect(before.nextChangeAt).toBe(Date.UTC(2026, 10, 23, 15, 0) + 1);

    c().clock.advance(2 * HOUR);
    expect(shown(await bell('nurse'))).toEqual(['task_assigned Ring the lab about Mrs Reyes’ bloods']);
    c().clock.advance(1);
    await c().ok('nurse', 'notifications.markRead', { keys: [`task:${task.id}`] });
    const after = await bell('nurse');
    // Having read that it was given to her does not hide that it is now late.
    expect(shown(after)).toEqual([
      'task_overdue Ring the lab about Mrs Reyes’ bloods',
      'task_assigned Ring the lab about Mrs Reyes’ bloods (read)',
    ]);
    expect(after.unread).toBe(1);
    expect(after.nextChangeAt).toBeNull();
  });

  it('tells those who see the call list that a reminder failed, without naming the patient', async () => {
    await r.useWebhook(503, { maxAttempts: 1 });
    const patientId = await r.patientWith({ mobile: '+1 212 555 0142' });
    await r.book(patientId, '2026-11-24', '15:00');
    await c().ok('admin', 'reminders.updateSettings', { offsetsMinutes: [120] });
    await r.setClock(Date.UTC(2026, 10, 24, 18, 0));
    await c().ok('nurse', 'auth.login', { username: 'nina', password: 'nurse station 1' });
    expect(await c().core.sweepReminders()).toMatchObject({ failed: 1 });

    const desk = await bell('desk');
    expect(desk.items).toMatchObject([
      { kind: 'reminder_failed', at: Date.UTC(2026, 10, 24, 20, 0), href: '#/reminders', read: false },
    ]);
    expect(JSON.stringify(desk)).not.toMatch(/Reyes|Maria/);
  });

  it('is refused while the screen is locked and to a window not signed in', async () => {
    await c().ok('desk', 'tasks.create', { title: 'Call Mr Okafor back', assigneeRole: 'nurse' });
    await c().ok('nurse', 'auth.lock', {});
    expect(refused(await c().call('nurse', 'notifications.list', {})).code).toBe('LOCKED');
    expect(refused(await c().call('nurse', 'notifications.markRead', { keys: ['task:x'] })).code).toBe('LOCKED');
    expect(refused(await c().call('stranger', 'notifications.list', {})).code).toBe('UNAUTHENTICATED');
  });
});
