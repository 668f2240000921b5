import type { ScheduleUpdateProcedure } from '../../../../src-shared/api/areas/schedule';
import { removeType, updateType } from '../../scheduling/appointment-types';
import { removeLocation, removeRoom, updateLocation, updateRoom } from '../../scheduling/locations';
import { removeProvider, updateProvider } from '../../scheduling/providers';
import { removeException, removeHoliday, updateException, updateHoliday } from '../../scheduling/time-off';
import { removeTemplate, updateTemplate } from '../../scheduling/weekly-hours';
import type { HandlersFor } from '../context';
import { setupChanged } from './setup-changed';

/** Updates audit what was sent; removals audit what main did (deleted or deactivated). */
export const scheduleUpdateHandlers: HandlersFor<ScheduleUpdateProcedure> = {
  'schedule.updateProvider': async (ctx, input) =>
    setupChanged(ctx, 'provider', input.providerId, await updateProvider(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeProvider': async (ctx, input) => {
    const result = await removeProvider(ctx.db, input.providerId, ctx.now);
    return setupChanged(ctx, 'provider', input.providerId, result, { outcome: result.outcome });
  },
  'schedule.updateType': async (ctx, input) =>
    setupChanged(ctx, 'type', input.typeId, await updateType(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeType': async (ctx, input) => {
    const result = await removeType(ctx.db, input.typeId, ctx.now);
    return setupChanged(ctx, 'type', input.typeId, result, { outcome: result.outcome });
  },
  'schedule.updateTemplate': async (ctx, input) =>
    setupChanged(ctx, 'template', input.templateId, await updateTemplate(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeTemplate': async (ctx, input) => {
    const result = await removeTemplate(ctx.db, input.templateId, ctx.now);
    return setupChanged(ctx, 'template', input.templateId, result, { outcome: result.outcome });
  },
  'schedule.updateLocation': async (ctx, input) =>
    setupChanged(ctx, 'location', input.locationId, await updateLocation(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeLocation': async (ctx, input) => {
    const result = await removeLocation(ctx.db, input.locationId, ctx.now);
    return setupChanged(ctx, 'location', input.locationId, result, { outcome: result.outcome });
  },
  'schedule.updateRoom': async (ctx, input) =>
    setupChanged(ctx, 'room', input.roomId, await updateRoom(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeRoom': async (ctx, input) => {
    const result = await removeRoom(ctx.db, input.roomId, ctx.now);
    return setupChanged(ctx, 'room', input.roomId, result, { outcome: result.outcome });
  },
  'schedule.updateException': async (ctx, input) =>
    setupChanged(ctx, 'exception', input.exceptionId, await updateException(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeException': async (ctx, input) => {
    const result = await removeException(ctx.db, input.exceptionId, ctx.now);
    return setupChanged(ctx, 'exception', input.exceptionId, result, { outcome: result.outcome });
  },
  'schedule.updateHoliday': async (ctx, input) =>
    setupChanged(ctx, 'holiday', input.holidayId, await updateHoliday(ctx.db, input, ctx.now), { ...input }),
  'schedule.removeHoliday': async (ctx, input) => {
    const result = await removeHoliday(ctx.db, input.holidayId, ctx.now);
    return setupChanged(ctx, 'holiday', input.holidayId, result, { outcome: result.outcome });
  },
};
