import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { TaskCreateInput, TaskListInput } from '../../../src-shared/api/areas/tasks';
import type { Permission } from '../../../src-shared/api/permissions';
import { displayName } from '../../../src-shared/patients/names';
import type { TaskCommentView, TaskDetail, TaskRole, TaskView } from '../../../src-shared/tasks/model';
import { dueDateOf, dueInstant, dueState, orderTasks } from '../../../src-shared/tasks/rules';
import type { Actor } from '../actor';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import type { TaskRow } from '../db/schema-desk-work';
import { newId } from '../ids';
import { requireLivePatient } from '../patients/live-patient';
import { clinicClock } from '../scheduling/config';
import { planTaskMove, type TaskMove } from './machine';
import {
  activeUser,
  appointmentPatient,
  closeTaskRow,
  commentsOf,
  insertComment,
  insertTask,
  joinedTasks,
  type JoinedTask,
  type Visibility,
} from './task-repository';

/**
 * Tasks: who may see and change which (the roles' rule), the due instant on the clinic's clock, and the
 * view a list shows. The repository holds the SQL; machine.ts says which moves a task may make.
 */

/** Who is asking: the actor plus the role and permissions the visibility rule needs. */
export interface Caller extends Actor {
  role: string;
  permissions: ReadonlySet<Permission>;
}

/** The widest set of tasks the caller may see: every task, their team's, or only their own. */
function widest(caller: Caller): Visibility {
  if (caller.permissions.has('tasks:all')) return { kind: 'all' };
  const who = { userId: caller.userId ?? '', role: caller.role };
  return caller.permissions.has('tasks:team') ? { kind: 'team', ...who } : { kind: 'mine', ...who };
}

function toView(row: JoinedTask, caller: Caller, now: number, zone: string): TaskView {
  const dated = { status: row.status, dueAt: row.due_at, dueAllDay: row.due_all_day === 1 };
  const open = row.status === 'open';
  return {
    id: row.id,
    title: row.title,
    details: row.details,
    patientId: row.patient_id,
    patientName:
      row.last_name !== null && row.first_name !== null
        ? displayName({
            firstName: row.first_name,
            middleName: row.middle_name,
            lastName: row.last_name,
            preferredName: row.preferred_name,
          })
        : null,
    appointmentId: row.appointment_id,
    appointmentStart: row.appointment_start,
    assigneeUserId: row.assignee_user_id,
    assigneeRole: row.assignee_role as TaskRole | null,
    assigneeName: row.assignee_name ?? row.role_label ?? '',
    dueAt: row.due_at,
    dueAllDay: dated.dueAllDay,
    dueDate: dueDateOf(dated, zone),
    dueState: dueState(dated, now, zone),
    priority: row.priority,
    status: row.status,
    closedAt: row.closed_at,
    closedByName: row.closed_by_name,
    cancelReason: row.cancel_reason,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    commentCount: row.comment_count,
    canComplete: open,
    canCancel: open && caller.permissions.has('tasks:team'),
  };
}

/** The task as the caller may see it, or NOT_FOUND (a task not meant for them is not shown to exist). */
async function visibleTask(db: ReadDb, caller: Caller, taskId: string): Promise<JoinedTask> {
  const [row] = await joinedTasks(db, { visibility: widest(caller), status: 'any', taskId });
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such task on your lists.', { fields: { taskId: 'no such task' } });
  return row;
}

export async function taskView(db: ReadDb, caller: Caller, taskId: string, now: number): Promise<TaskView> {
  const { timeZone } = await clinicClock(db);
  return toView(await visibleTask(db, caller, taskId), caller, now, timeZone);
}

/** What a task may be about: the appointment's patient is the task's patient (given or taken from it). */
async function subjectOf(db: ReadDb, input: { patientId?: string | undefined; appointmentId?: string | undefined }) {
  if (input.appointmentId) {
    const appointment = await appointmentPatient(db, input.appointmentId);
    if (!appointment) throw fieldError('appointmentId', 'no such appointment');
    if (input.patientId && input.patientId !== appointment.patient_id) {
      throw fieldError('appointmentId', "must be an appointment of the task's patient");
    }
    return { patientId: appointment.patient_id, appointmentId: appointment.id };
  }
  if (input.patientId) await requireLivePatient(db, input.patientId);
  return { patientId: input.patientId ?? null, appointmentId: null };
}

/** Makes a task (for "New task", and for the follow-up of a logged call in the same transaction). */
export async function createTask(
  db: Kysely<Database>,
  input: TaskCreateInput,
  actor: Actor,
  now: number,
): Promise<string> {
  if (input.assigneeUserId && !(await activeUser(db, input.assigneeUserId))) {
    throw fieldError('assigneeUserId', 'no such user (or they are disabled)');
  }
  const subject = await subjectOf(db, input);
  let dueAt: number | null = null;
  let allDay = false;
  if (input.dueDate) {
    const { timeZone } = await clinicClock(db);
    const due = dueInstant(timeZone, input.dueDate, input.dueTime ?? null);
    if (!due.ok) throw fieldError(due.field, due.message);
    ({ dueAt, allDay } = due);
  }
  const row: TaskRow = {
    id: newId(),
    title: input.title,
    details: input.details,
    patient_id: subject.patientId,
    appointment_id: subject.appointmentId,
    assignee_user_id: input.assigneeUserId ?? null,
    assignee_role: input.assigneeUserId ? null : (input.assigneeRole ?? null),
    due_at: dueAt,
    due_all_day: allDay ? 1 : 0,
    priority: input.priority,
    status: 'open',
    closed_at: null,
    closed_by: null,
    closed_by_name: null,
    cancel_reason: null,
    created_by: actor.userId,
    created_by_name: actor.displayName,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertTask(db, row);
  return row.id;
}

export async function listTasks(db: ReadDb, input: TaskListInput, caller: Caller, now: number): Promise<TaskView[]> {
  const who = { userId: caller.userId ?? '', role: caller.role };
  const visibility: Visibility = input.scope === 'mine' ? { kind: 'mine', ...who } : widest(caller);
  const rows = await joinedTasks(db, { visibility, status: input.status, patientId: input.patientId });
  const { timeZone } = await clinicClock(db);
  return orderTasks(rows.map((row) => toView(row, caller, now, timeZone)));
}

export async function getTask(db: ReadDb, caller: Caller, taskId: string, now: number): Promise<TaskDetail> {
  const task = await taskView(db, caller, taskId, now);
  const comments = (await commentsOf(db, taskId)).map(commentView);
  return { task, comments };
}

/** Done or cancelled: refused with the machine's reason when the task is already closed. */
export async function closeTask(
  db: Kysely<Database>,
  caller: Caller,
  input: { taskId: string; to: TaskMove; reason?: string },
  now: number,
): Promise<string> {
  const row = await visibleTask(db, caller, input.taskId);
  const plan = planTaskMove(row.status, input.to, input.reason ?? null);
  if (!plan.ok) {
    if (plan.field === 'reason') throw fieldError('reason', plan.reason);
    throw new ApiError('CONFLICT', plan.reason);
  }
  const closed = await closeTaskRow(db, row.id, {
    status: input.to,
    closed_at: now,
    closed_by: caller.userId,
    closed_by_name: caller.displayName,
    cancel_reason: input.to === 'cancelled' ? (input.reason ?? null) : null,
    updated_at: now,
  });
  if (!closed) throw new ApiError('CONFLICT', 'This task has just been closed at another desk.');
  return row.id;
}

function commentView(row: { id: string; body: string; by_name: string | null; created_at: number }): TaskCommentView {
  return { id: row.id, body: row.body, byName: row.by_name, at: row.created_at };
}

export async function commentOnTask(
  db: Kysely<Database>,
  caller: Caller,
  input: { taskId: string; body: string },
  now: number,
): Promise<{ comment: TaskCommentView; patientId: string | null }> {
  const task = await visibleTask(db, caller, input.taskId);
  const row = {
    id: newId(),
    task_id: task.id,
    body: input.body,
    by_user_id: caller.userId,
    by_name: caller.displayName,
    created_at: now,
    updated_at: now,
  };
  await insertComment(db, row);
  return { comment: commentView(row), patientId: task.patient_id };
}
