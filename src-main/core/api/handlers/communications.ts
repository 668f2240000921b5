import type { ProcedureName } from '../../../../src-shared/api/contract';
import { ApiError } from '../../../../src-shared/api/errors';
import { listCommunications, logCommunication } from '../../communications/service';
import { taskView } from '../../tasks/service';
import type { HandlersFor } from '../context';
import { auditedTask, callerOf } from './tasks';

type CommunicationsProcedure = Extract<ProcedureName, `communications.${string}`>;

export const communicationsHandlers: HandlersFor<CommunicationsProcedure> = {
  'communications.log': async (ctx, input) => {
    const caller = callerOf(ctx);
    // The follow-up is a task like any other: only those who make tasks may make one here.
    if (input.followUp && !caller.permissions.has('tasks:team')) {
      throw new ApiError('FORBIDDEN', 'Your role cannot make tasks: log the call without a follow-up task.', {
        fields: { followUp: 'your role cannot make tasks' },
      });
    }
    const { entry, taskId } = await logCommunication(ctx.db, input, ctx.actor, ctx.now);
    const task = taskId ? await taskView(ctx.db, caller, taskId, ctx.now) : null;
    if (task) auditedTask(ctx, task, { created: true, fromCommunicationId: entry.id });
    // The audit entry is the contact's; it names the task made with it.
    ctx.audit.targetType = 'patient';
    ctx.audit.targetId = input.patientId;
    ctx.audit.details = {
      communicationId: entry.id,
      kind: entry.kind,
      direction: entry.direction,
      outcome: entry.outcome,
      appointmentId: entry.appointmentId,
      followUpTaskId: taskId,
    };
    ctx.broadcast('communications.changed', { patientIds: [input.patientId] });
    return { entry, task };
  },
  'communications.list': async (ctx, input) => {
    const entries = await listCommunications(ctx.db, input.patientId, input.limit);
    ctx.audit.targetType = 'patient';
    ctx.audit.targetId = input.patientId;
    ctx.audit.details = { communicationLog: true, count: entries.length };
    return entries;
  },
};
