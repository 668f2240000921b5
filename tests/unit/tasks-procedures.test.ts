import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NURSE, signInNurse } from '../helpers/scheduling-clinic';
import { openReminderClinic, type ReminderClinic } from '../helpers/reminder-clinic';
import { refused } from '../helpers/setup-audit';

// The reminder clinic: New York, Monday 2026-11-23 08:00 local (13:00 UTC).
const NOW = Date.UTC(2026, 10, 23, 13, 0);
const HOUR = 3_600_000;
const MANAGER = { username: 'mona', displayName: 'Mona Manager', password: 'manager office 1' };

let r: ReminderClinic;
beforeEach(async () => {
  r = await openReminderClinic();
  await r.s.clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 240 });
  await signInNurse(r.s.clinic);
  await r.s.clinic.ok('admin', 'users.create', { ...MANAGER, role: 'manager' });
  await r.s.clinic.ok('boss', 'auth.login', { username: MANAGER.username, password: MANAGER.password });
});
afterEach(async () => {
  await r.close();
});

const c = () => r.s.clinic;
const titles = (tasks: { title: string }[]) => tasks.map((task) => task.title);

describe('tasks', () => {
  it('shows a task given to the nurses in every nurse’s list, the team’s and the manager’s, and lets the nurse complete it', async () => {
    const patientId = await r.patientWith({});
    const task = await c().ok('desk', 'tasks.create', {
      title: 'Ring back about the blood results',
      assigneeRole: 'nurse',
      patientId,
      dueDate: '2026-11-23',
      dueTime: '10:00',
      priority: 'high',
    });
    expect(task).toMatchObject({
      status: 'open',
      assigneeRole: 'nurse',
      assigneeName: 'Nurse',
      dueAt: Date.UTC(2026, 10, 23, 15, 0),
      dueState: 'today',
      patientName: expect.stringMatching(/^Reyes\d+, Maria$/) as string,
      createdByName: 'Rita Reception',
    });
    await c().ok('desk', 'tasks.create', { title: 'Chase the lab form', assigneeRole: 'receptionist' });

    expect(titles(await c().ok('nurse', 'tasks.list', { scope: 'mine' }))).toEqual([
      'Ring back about the blood results',
    ]);
    // The receptionist follows the task she gave, beside her own team's.
    expect(titles(await c().ok('desk', 'tasks.list', { scope: 'team' }))).toEqual([
      'Ring back about the blood results',
      'Chase the lab form',
    ]);
    expect(titles(await c().ok('desk', 'tasks.list', { scope: 'mine' }))).toEqual(['Chase the lab form']);
    expect(await c().ok('boss', 'tasks.list', { scope: 'team' })).toHaveLength(2);

    // Two hours later it is overdue, and says so.
    c().clock.advance(3 * HOUR);
    const [late] = await c().ok('nurse', 'tasks.list', { scope: 'mine' });
    expect(late?.dueState).toBe('overdue');

    await c().ok('nurse', 'tasks.comment', { taskId: task.id, body: 'Left a voicemail first' });
    const done = await c().ok('nurse', 'tasks.complete', { taskId: task.id });
    expect(done).toMatchObject({
      status: 'done',
      closedByName: NURSE.displayName,
      dueState: 'none',
      canComplete: false,
    });
    expect(await c().ok('nurse', 'tasks.list', { scope: 'mine' })).toEqual([]);
    const detail = await c().ok('desk', 'tasks.get', { taskId: task.id });
    expect(detail.comments.map((comment) => [comment.byName, comment.body])).toEqual([
      ['Nina Nurse', 'Left a voicemail first'],
    ]);
    expect(titles(await c().ok('nurse', 'tasks.list', { scope: 'mine', status: 'closed' }))).toEqual([
      'Ring back about the blood results',
    ]);

    // Closed is final: a second completion or a cancel is refused with the reason.
    expect(refused(await c().call('desk', 'tasks.cancel', { taskId: task.id, reason: 'not needed' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'A task that is done cannot become cancelled: it is closed (make a new task instead).',
    });
  });

  it('keeps tasks to their people: a nurse neither sees nor changes a receptionist’s task, nor makes or cancels tasks', async () => {
    const desk = await c().ok('desk', 'tasks.create', { title: 'Order letterheads', assigneeRole: 'receptionist' });
    expect(refused(await c().call('nurse', 'tasks.get', { taskId: desk.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(refused(await c().call('nurse', 'tasks.complete', { taskId: desk.id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(refused(await c().call('nurse', 'tasks.create', { title: 'x', assigneeRole: 'nurse' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const mine = await c().ok('desk', 'tasks.create', { title: 'Flu clinic rota', assigneeRole: 'nurse' });
    expect(refused(await c().call('nurse', 'tasks.cancel', { taskId: mine.id, reason: 'x' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await c().ok('nurse', 'tasks.list', { scope: 'mine' }))[0]?.canCancel).toBe(false);
    expect(refused(await c().call('desk', 'tasks.cancel', { taskId: mine.id, reason: ' ' }))).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { reason: 'must not be empty' } },
    });
    expect(await c().ok('desk', 'tasks.cancel', { taskId: mine.id, reason: 'Rota done by phone' })).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Rota done by phone',
    });
  });

  it('refuses a task for nobody, for two, a time without a date, and a due time the clocks skip', async () => {
    const both = refused(
      await c().call('desk', 'tasks.create', {
        title: 'Both',
        assigneeRole: 'nurse',
        assigneeUserId: '0190a6d2-0000-7000-8000-000000000000',
      }),
    );
    expect(both).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { assigneeUserId: expect.any(String) as string } },
    });
    expect(refused(await c().call('desk', 'tasks.create', { title: 'Nobody' }))).toMatchObject({
      details: { fields: { assigneeUserId: 'give the task to a person or to a role' } },
    });
    expect(
      refused(await c().call('desk', 'tasks.create', { title: 'T', assigneeRole: 'nurse', dueTime: '10:00' })),
    ).toMatchObject({ details: { fields: { dueDate: 'give the date the time is on' } } });
    // New York springs forward at 02:00 on 8 March 2026.
    const gap = refused(
      await c().call('desk', 'tasks.create', {
        title: 'T',
        assigneeRole: 'nurse',
        dueDate: '2026-03-08',
        dueTime: '02:30',
      }),
    );
    expect(gap).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { dueTime: expect.stringMatching(/does not exist/) as string } },
    });
  });
});

describe('a record merged into another', () => {
  it('takes neither a task nor a logged contact, and says to use the surviving record', async () => {
    const kept = await r.patientWith({});
    const gone = await r.patientWith({});
    await c().ok('admin', 'patients.merge', { survivorId: kept, mergedId: gone, fields: {} });
    const merged = { fields: { patientId: 'this record was merged into another; use the surviving record' } };
    const task = { title: 'Send the lab form', assigneeRole: 'nurse' as const };
    expect(refused(await c().call('desk', 'tasks.create', { ...task, patientId: gone }))).toMatchObject({
      code: 'VALIDATION',
      details: merged,
    });
    const call = { kind: 'call' as const, direction: 'out' as const, outcome: 'spoke' as const, subject: 'Results' };
    expect(refused(await c().call('desk', 'communications.log', { ...call, patientId: gone }))).toMatchObject({
      code: 'VALIDATION',
      details: merged,
    });
    expect(await c().ok('desk', 'tasks.create', { ...task, patientId: kept })).toMatchObject({ patientId: kept });
    expect(await c().ok('desk', 'communications.log', { ...call, patientId: kept })).toMatchObject({
      entry: { subject: 'Results' },
    });
  });
});

describe('the communication log', () => {
  it('logs a call with its follow-up task for the nurses in one step, and shows the reminders the outbox sent', async () => {
    await r.useWebhook();
    const patientId = await r.patientWith({ mobile: '+1 212 555 0142' });
    const appointment = await r.book(patientId, '2026-11-24', '09:00');
    await c().core.sweepReminders();
    c().clock.advance(60_000);

    const { entry, task } = await c().ok('desk', 'communications.log', {
      patientId,
      appointmentId: appointment.id,
      kind: 'call',
      direction: 'in',
      outcome: 'spoke',
      subject: 'Asked about fasting before the test',
      note: 'Nurse to call back',
      followUp: { title: 'Call back about fasting', assigneeRole: 'nurse', dueDate: '2026-11-23' },
    });
    expect(entry).toMatchObject({
      source: 'logged',
      byName: 'Rita Reception',
      at: NOW + 60_000,
      followUpTaskId: task?.id,
    });
    expect(task).toMatchObject({ patientId, appointmentId: appointment.id, assigneeRole: 'nurse', dueAllDay: true });
    expect(titles(await c().ok('nurse', 'tasks.list', { scope: 'mine' }))).toEqual(['Call back about fasting']);

    const log = await c().ok('desk', 'communications.list', { patientId });
    expect(log.map((line) => [line.source, line.kind, line.direction, line.reminderStatus])).toEqual([
      ['logged', 'call', 'in', null],
      ['reminder', 'sms', 'out', 'sent'],
    ]);
    expect(log[1]).toMatchObject({ appointmentId: appointment.id, withWhom: '+12125550142' });
    // The nurse reads the log too, and a read of it is audited against the patient.
    expect(await c().ok('nurse', 'communications.list', { patientId })).toHaveLength(2);
    const audit = await c()
      .core.database.db.selectFrom('audit_log')
      .select(['action', 'target_id'])
      .where('action', 'in', ['communications.list', 'communications.log'])
      .execute();
    expect(audit.filter((row) => row.target_id === patientId)).toHaveLength(3);
  });

  it('logs without a follow-up for a nurse, refuses her a follow-up task, and names the missing outcome', async () => {
    const patientId = await r.patientWith({});
    const call = { patientId, kind: 'call' as const, direction: 'out' as const, subject: 'Results' };
    expect(refused(await c().call('nurse', 'communications.log', call))).toMatchObject({
      details: { fields: { outcome: 'say how the call went' } },
    });
    const followUp = { title: 'Again tomorrow', assigneeRole: 'nurse' as const };
    expect(
      refused(await c().call('nurse', 'communications.log', { ...call, outcome: 'no_answer', followUp })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const logged = await c().ok('nurse', 'communications.log', { ...call, outcome: 'no_answer' });
    expect(logged).toMatchObject({ task: null, entry: { outcome: 'no_answer', byName: 'Nina Nurse' } });
    expect(
      refused(await c().call('desk', 'communications.log', { ...call, kind: 'letter', outcome: 'spoke' })),
    ).toMatchObject({ details: { fields: { outcome: 'only a call has an outcome' } } });
    expect(
      refused(await c().call('desk', 'communications.log', { ...call, outcome: 'spoke', at: NOW + 2 * HOUR })),
    ).toMatchObject({ details: { fields: { at: 'must not be in the future' } } });
  });
});
