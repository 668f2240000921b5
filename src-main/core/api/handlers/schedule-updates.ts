import type { ScheduleUpdateProcedure } from '../../../../src-shared/api/areas/schedule-updates';
import { removeProvider, removeTemplate, removeType, updateProvider, updateTemplate, updateType } from '../../scheduling/config-updates';
import type { HandlerContext, HandlersFor } from '../context';

function audited<T>(ctx: HandlerContext, targetType: string, targetId: string, value: T, details: Record<string, unknown>): T {
  ctx.audit.targetType = targetType;
  ctx.audit.targetId = targetId;
  ctx.audit.details = details;
  return value;
}

export const scheduleUpdateHandlers: HandlersFor<ScheduleUpdateProcedure> = {
  'schedule.updateProvider': async (ctx, input) => audited(ctx, 'provider', input.providerId, await updateProvider(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeProvider': async (ctx, input) => {
    const result = await removeProvider(ctx.db, input.providerId, ctx.now);
    return audited(ctx, 'provider', input.providerId, result, { outcome: result.outcome });
  },
  'schedule.updateType': async (ctx, input) => audited(ctx, 'appointmentType', input.typeId, await updateType(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeType': async (ctx, input) => {
    const result = await removeType(ctx.db, input.typeId, ctx.now);
    return audited(ctx, 'appointmentType', input.typeId, result, { outcome: result.outcome });
  },
  'schedule.updateTemplate': async (ctx, input) => audited(ctx, 'availabilityTemplate', input.templateId, await updateTemplate(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeTemplate': async (ctx, input) => {
    const result = await removeTemplate(ctx.db, input.templateId, ctx.now);
    return audited(ctx, 'availabilityTemplate', input.templateId, result, { outcome: result.outcome });
  },
};
