import type { ProcedureName } from '../../../../src-shared/api/contract';
import { ApiError } from '../../../../src-shared/api/errors';
import type { TaskRole, TaskView } from '../../../../src-shared/tasks/model';
import { assigneeRows } from '../../tasks/task-repository';
import { closeTask, commentOnTask, createTask, getTask, listTasks, taskView, type Caller } from '../../tasks/service';
import type { HandlerContext, HandlersFor } from '../context';

type TasksProcedure = Extract<ProcedureName, `tasks.${string}`>;

/** The caller's role and permissions: every tasks.* procedure needs a session, so the router gave one. */
export function callerOf(ctx: HandlerContext): Caller {
  if (!ctx.session) throw new ApiError('UNAUTHENTICATED', 'Sign in first.');
  return { ...ctx.actor, role: ctx.session.role, permissions: ctx.session.permissions };
}

/** Audits the change (naming the patient it is about), tells every window after commit, answers the task. */
export function auditedTask(ctx: HandlerContext, task: TaskView, details: Record<string, unknown>): TaskView {
  ctx.audit.targetType = 'task';
  ctx.audit.targetId = task.id;
  ctx.audit.details = { ...details, patientId: task.patientId, appointmentId: task.appointmentId };
  ctx.broadcast('tasks.changed', { taskIds: [task.id], patientIds: task.patientId ? [task.patientId] : [] });
  return task;
}

export const tasksHandlers: HandlersFor<TasksProcedure> = {
  'tasks.create': async (ctx, input) => {
    const caller = callerOf(ctx);
    const taskId = await createTask(ctx.db, input, ctx.actor, ctx.now);
    const task = await taskView(ctx.db, caller, taskId, ctx.now);
    return auditedTask(ctx, task, {
      created: true,
      assigneeUserId: task.assigneeUserId,
      assigneeRole: task.assigneeRole,
      dueAt: task.dueAt,
      priority: task.priority,
    });
  },
  'tasks.list': async (ctx, input) => {
    const tasks = await listTasks(ctx.db, input, callerOf(ctx), ctx.now);
    ctx.audit.targetType = input.patientId ? 'patient' : 'tasks';
    if (input.patientId) ctx.audit.targetId = input.patientId;
    ctx.audit.details = { scope: input.scope, status: input.status, taskIds: tasks.map((task) => task.id) };
    return tasks;
  },
  'tasks.get': async (ctx, input) => {
    const detail = await getTask(ctx.db, callerOf(ctx), input.taskId, ctx.now);
    ctx.audit.targetType = 'task';
    ctx.audit.targetId = detail.task.id;
    ctx.audit.details = { patientId: detail.task.patientId };
    return detail;
  },
  'tasks.complete': async (ctx, input) => {
    const caller = callerOf(ctx);
    await closeTask(ctx.db, caller, { taskId: input.taskId, to: 'done' }, ctx.now);
    return auditedTask(ctx, await taskView(ctx.db, caller, input.taskId, ctx.now), { to: 'done' });
  },
  'tasks.cancel': async (ctx, input) => {
    const caller = callerOf(ctx);
    await closeTask(ctx.db, caller, { taskId: input.taskId, to: 'cancelled', reason: input.reason }, ctx.now);
    return auditedTask(ctx, await taskView(ctx.db, caller, input.taskId, ctx.now), {
      to: 'cancelled',
      reason: input.reason,
    });
  },
  'tasks.comment': async (ctx, input) => {
    const { comment, patientId } = await commentOnTask(ctx.db, callerOf(ctx), input, ctx.now);
    ctx.audit.targetType = 'task';
    ctx.audit.targetId = input.taskId;
    ctx.audit.details = { commentId: comment.id, patientId };
    ctx.broadcast('tasks.changed', { taskIds: [input.taskId], patientIds: patientId ? [patientId] : [] });
    return comment;
  },
  'tasks.assignees': async (ctx) => {
    const { users, roles } = await assigneeRows(ctx.db);
    return {
      users: users.map((u) => ({ id: u.id, displayName: u.display_name, role: u.role_id as TaskRole })),
      roles: roles.map((r) => ({ id: r.id as TaskRole, label: r.label })),
    };
  },
};
