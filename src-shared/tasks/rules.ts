import { addDays, localDateOf, localDayBounds, localToInstant } from '../scheduling/time';
import type { DueState, TaskPriority, TaskStatus } from './model';

/**
 * The work lists' rules, pure and on a given clock: when a task is overdue, which day it is due on in the
 * clinic's zone, and the order a list shows. Core computes them at read time; tests give the clock.
 */

const PRIORITY_RANK: Record<TaskPriority, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

export interface Dated {
  status: TaskStatus;
  dueAt: number | null;
  dueAllDay: boolean;
}

/** Overdue: still open and its due instant has passed (exactly at the due time it is not yet overdue). */
export function isOverdue(task: Dated, now: number): boolean {
  return task.status === 'open' && task.dueAt !== null && now > task.dueAt;
}

/** The clinic date a task is due on: an all-day task's `dueAt` is the next day's first instant. */
export function dueDateOf(task: Pick<Dated, 'dueAt' | 'dueAllDay'>, zone: string): string | null {
  if (task.dueAt === null) return null;
  return localDateOf(zone, task.dueAllDay ? task.dueAt - 1 : task.dueAt);
}

export function dueState(task: Dated, now: number, zone: string): DueState {
  if (task.dueAt === null || task.status !== 'open') return 'none';
  if (isOverdue(task, now)) return 'overdue';
  return dueDateOf(task, zone) === localDateOf(zone, now) ? 'today' : 'later';
}

export type DueResult = { ok: true; dueAt: number; allDay: boolean } | { ok: false; field: 'dueTime'; message: string };

/**
 * A due date and an optional time on the clinic's wall clock to the instant the task becomes overdue.
 * Without a time it is due by the end of that clinic day: the next day's first instant, which is 23 hours
 * later on the day the clocks go forward and 25 on the day they go back. A time the clocks repeat is
 * taken at its first occurrence (the earlier deadline); a time they skip does not exist and is refused.
 */
export function dueInstant(zone: string, date: string, time: string | null): DueResult {
  if (time === null) return { ok: true, dueAt: localDayBounds(zone, addDays(date, 1)).start, allDay: true };
  const result = localToInstant(zone, { date, time, fold: 'earlier' });
  if (!result.ok) return { ok: false, field: 'dueTime', message: result.message };
  return { ok: true, dueAt: result.instant, allDay: false };
}

export interface Ordered extends Dated {
  priority: TaskPriority;
  createdAt: number;
  closedAt: number | null;
  id: string;
}

/**
 * The order of a work list: open tasks by due time (overdue ones, being earliest, come first; tasks with
 * no due time last), then by priority, then oldest first; closed tasks after them, last closed first.
 */
export function compareTasks(a: Ordered, b: Ordered): number {
  const aOpen = a.status === 'open';
  const bOpen = b.status === 'open';
  if (aOpen !== bOpen) return aOpen ? -1 : 1;
  if (!aOpen) return (b.closedAt ?? 0) - (a.closedAt ?? 0) || a.id.localeCompare(b.id);
  const aDue = a.dueAt ?? Number.POSITIVE_INFINITY;
  const bDue = b.dueAt ?? Number.POSITIVE_INFINITY;
  if (aDue !== bDue) return aDue < bDue ? -1 : 1;
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.createdAt - b.createdAt || a.id.localeCompare(b.id);
}

export function orderTasks<T extends Ordered>(tasks: readonly T[]): T[] {
  return [...tasks].sort(compareTasks);
}
