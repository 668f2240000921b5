import { z } from 'zod';
import { procedure } from '../procedure';
import { localDate, localTime } from '../../scheduling/fields';
import {
  TASK_PRIORITIES,
  TASK_ROLES,
  type TaskAssignees,
  type TaskCommentView,
  type TaskDetail,
  type TaskView,
} from '../../tasks/model';
import { id, optionalText, requiredText } from '../../validation';

/**
 * Tasks (issue 20): the desk's own to-do list. Who sees what follows the roles: everyone sees the tasks
 * given to them or to their role ("My tasks", `tasks:read`); receptionists and managers make tasks and see
 * their team's (`tasks:team`); managers see every task (`tasks:all`). Core applies the rule on every read
 * and every change, whatever the screen showed.
 */

const assignee = {
  /** A person, or a role (every nurse): exactly one. */
  assigneeUserId: id('a user').optional(),
  assigneeRole: z.enum(TASK_ROLES, { error: `must be one of ${TASK_ROLES.join(', ')}` }).optional(),
};

const taskObject = z.object({
  title: requiredText(200),
  details: optionalText(2000),
  ...assignee,
  /** The clinic date it is due on; without a time, by the end of that day. */
  dueDate: localDate.optional(),
  dueTime: localTime.optional(),
  priority: z.enum(TASK_PRIORITIES, { error: `must be one of ${TASK_PRIORITIES.join(', ')}` }).default('normal'),
});

function checkTask(task: z.output<typeof taskObject>, ctx: z.RefinementCtx): void {
  if ((task.assigneeUserId === undefined) === (task.assigneeRole === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['assigneeUserId'], message: 'give the task to a person or to a role' });
  }
  if (task.dueTime !== undefined && task.dueDate === undefined) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'give the date the time is on' });
  }
}

/** The task fields "Log a call" shares for its follow-up task. */
export const taskFields = taskObject.superRefine(checkTask);
export type TaskFieldsInput = z.output<typeof taskFields>;

const createInput = taskObject
  .extend({ patientId: id('a patient').optional(), appointmentId: id('an appointment').optional() })
  .superRefine(checkTask);
export type TaskCreateInput = z.output<typeof createInput>;

const listInput = z.object({
  /** `mine`: given to me or my role; `team`: my team's and the ones I gave (all of them for a manager). */
  scope: z.enum(['mine', 'team'], { error: 'must be mine or team' }).default('mine'),
  status: z.enum(['open', 'closed'], { error: 'must be open or closed' }).default('open'),
  patientId: id('a patient').optional(),
});
export type TaskListInput = z.output<typeof listInput>;

export const tasksProcedures = {
  'tasks.create': procedure<TaskView>()({ input: createInput, access: 'tasks:team', kind: 'write' }),
  /** A work list, ordered by due time then priority; overdue ones say so in `dueState`. */
  'tasks.list': procedure<TaskView[]>()({ input: listInput, access: 'tasks:read', kind: 'read', phi: true }),
  'tasks.get': procedure<TaskDetail>()({
    input: z.object({ taskId: id('a task') }),
    access: 'tasks:read',
    kind: 'read',
    phi: true,
  }),
  'tasks.complete': procedure<TaskView>()({
    input: z.object({ taskId: id('a task') }),
    access: 'tasks:read',
    kind: 'write',
  }),
  'tasks.cancel': procedure<TaskView>()({
    input: z.object({ taskId: id('a task'), reason: requiredText(500) }),
    access: 'tasks:team',
    kind: 'write',
  }),
  'tasks.comment': procedure<TaskCommentView>()({
    input: z.object({ taskId: id('a task'), body: requiredText(2000) }),
    access: 'tasks:read',
    kind: 'write',
  }),
  /** Who a task may be given to: people (not disabled) and roles. */
  'tasks.assignees': procedure<TaskAssignees>()({ input: z.object({}), access: 'tasks:team', kind: 'read' }),
};
