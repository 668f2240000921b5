import { describe, expect, it } from 'vitest';
import { allowedTaskMoves, planTaskMove } from '../../src-main/core/tasks/machine';
import type { TaskPriority, TaskStatus } from '../../src-shared/tasks/model';
import { dueDateOf, dueInstant, dueState, isOverdue, orderTasks, type Ordered } from '../../src-shared/tasks/rules';

const LONDON = 'Europe/London';
const HOUR = 3_600_000;

describe('the task machine', () => {
  it('lets an open task be done or cancelled, and nothing else', () => {
    expect(allowedTaskMoves('open')).toEqual(['done', 'cancelled']);
    expect(planTaskMove('open', 'done')).toEqual({ ok: true });
    expect(planTaskMove('open', 'cancelled', 'patient called back')).toEqual({ ok: true });
  });

  it('refuses a cancel without a reason, naming the reason field', () => {
    expect(planTaskMove('open', 'cancelled')).toEqual({
      ok: false,
      field: 'reason',
      reason: 'say why the task is cancelled',
    });
    expect(planTaskMove('open', 'cancelled', '   ')).toMatchObject({ ok: false, field: 'reason' });
  });

  it('refuses every move of a closed task, saying why', () => {
    expect(allowedTaskMoves('done')).toEqual([]);
    expect(allowedTaskMoves('cancelled')).toEqual([]);
    expect(planTaskMove('done', 'done')).toEqual({ ok: false, field: 'to', reason: 'This task is already done.' });
    expect(planTaskMove('done', 'cancelled', 'oops')).toEqual({
      ok: false,
      field: 'to',
      reason: 'A task that is done cannot become cancelled: it is closed (make a new task instead).',
    });
    expect(planTaskMove('cancelled', 'done')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/cancelled cannot become done/) as string,
    });
  });
});

describe('due times on the clinic clock', () => {
  it('makes a date without a time due by the end of that clinic day: 23 hours long when the clocks go forward', () => {
    // Sunday 29 March 2026: London goes from 01:00 GMT to 02:00 BST.
    const due = dueInstant(LONDON, '2026-03-29', null);
    expect(due).toEqual({ ok: true, dueAt: Date.UTC(2026, 2, 29, 23, 0), allDay: true });
    const task = { status: 'open' as TaskStatus, dueAt: Date.UTC(2026, 2, 29, 23, 0), dueAllDay: true };
    expect(dueDateOf(task, LONDON)).toBe('2026-03-29');
    // 23:59 BST on the day: still due today, not overdue.
    expect(dueState(task, Date.UTC(2026, 2, 29, 22, 59), LONDON)).toBe('today');
    // 00:00:01 BST the next day: overdue, although it is still 23:00 on the 29th in UTC.
    expect(dueState(task, Date.UTC(2026, 2, 29, 23, 0, 1), LONDON)).toBe('overdue');
    expect(dueState(task, Date.UTC(2026, 2, 28, 12, 0), LONDON)).toBe('later');
  });

  it('makes the day the clocks go back 25 hours long, and takes a repeated time at its first occurrence', () => {
    // Sunday 25 October 2026: London goes from 02:00 BST back to 01:00 GMT.
    const allDay = dueInstant(LONDON, '2026-10-25', null);
    expect(allDay).toEqual({ ok: true, dueAt: Date.UTC(2026, 9, 26, 0, 0), allDay: true });
    const task = { status: 'open' as TaskStatus, dueAt: Date.UTC(2026, 9, 26, 0, 0), dueAllDay: true };
    // 23:30 GMT on the 25th, 24.5 hours after its midnight: still the same clinic day.
    expect(dueState(task, Date.UTC(2026, 9, 25, 23, 30), LONDON)).toBe('today');
    expect(dueInstant(LONDON, '2026-10-25', '01:30')).toEqual({
      ok: true,
      dueAt: Date.UTC(2026, 9, 25, 0, 30),
      allDay: false,
    });
  });

  it('refuses a time the clocks skip, on the time field', () => {
    const due = dueInstant(LONDON, '2026-03-29', '01:30');
    expect(due).toMatchObject({ ok: false, field: 'dueTime' });
    expect(due.ok ? '' : due.message).toMatch(/does not exist/);
  });

  it('is overdue only after the due instant, and never once closed', () => {
    const dueAt = Date.UTC(2026, 10, 23, 10, 0);
    const open = { status: 'open' as TaskStatus, dueAt, dueAllDay: false };
    expect(isOverdue(open, dueAt)).toBe(false);
    expect(isOverdue(open, dueAt + 1)).toBe(true);
    expect(isOverdue({ ...open, status: 'done' }, dueAt + HOUR)).toBe(false);
    expect(dueState({ ...open, status: 'cancelled' }, dueAt + HOUR, LONDON)).toBe('none');
    expect(dueState({ ...open, dueAt: null }, dueAt, LONDON)).toBe('none');
  });
});

describe('the work list order', () => {
  const base = Date.UTC(2026, 10, 23, 9, 0);
  const task = (id: string, dueAt: number | null, priority: TaskPriority, extra: Partial<Ordered> = {}): Ordered => ({
    id,
    status: 'open',
    dueAt,
    dueAllDay: false,
    priority,
    createdAt: base,
    closedAt: null,
    ...extra,
  });

  it('puts the earliest due first (overdue ones lead), then priority, then the oldest; no due time last; closed after', () => {
    const list = [
      task('no-due-urgent', null, 'urgent'),
      task('later-low', base + 5 * HOUR, 'low'),
      task('overdue-normal', base - HOUR, 'normal'),
      task('noon-normal-newer', base + 3 * HOUR, 'normal', { createdAt: base + 1 }),
      task('noon-urgent', base + 3 * HOUR, 'urgent'),
      task('noon-normal-older', base + 3 * HOUR, 'normal'),
      task('done-early', base - 2 * HOUR, 'urgent', { status: 'done', closedAt: base - HOUR }),
      task('done-late', base, 'low', { status: 'cancelled', closedAt: base }),
      task('no-due-low', null, 'low'),
    ];
    expect(orderTasks(list).map((t) => t.id)).toEqual([
      'overdue-normal',
      'noon-urgent',
      'noon-normal-older',
      'noon-normal-newer',
      'later-low',
      'no-due-urgent',
      'no-due-low',
      'done-late',
      'done-early',
    ]);
  });
});
