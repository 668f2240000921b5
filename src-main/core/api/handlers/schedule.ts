import type { ProcedureName } from '../../../../src-shared/api/contract';
import type { ScheduleChangeKind } from '../../../../src-shared/api/events';
import { createType, listTypes, removeType, updateType } from '../../scheduling/appointment-types';
import {
  createLocation,
  createRoom,
  listLocations,
  listRooms,
  removeLocation,
  removeRoom,
  updateLocation,
  updateRoom,
} from '../../scheduling/locations';
import { createProvider, listProviders, listStaff, removeProvider, updateProvider } from '../../scheduling/providers';
import {
  createException,
  createHoliday,
  listExceptions,
  listHolidays,
  removeException,
  removeHoliday,
  updateException,
  updateHoliday,
} from '../../scheduling/time-off';
import { createTemplate, listTemplates, removeTemplate, updateTemplate } from '../../scheduling/weekly-hours';
import type { HandlerContext, HandlersFor } from '../context';
import { setupChanged } from './setup-changed';

/** A new piece of set-up: audited, and announced to every window after commit. */
function created<T extends { id: string }>(
  ctx: HandlerContext,
  kind: ScheduleChangeKind,
  value: T,
  details: Record<string, unknown>,
): T {
  return setupChanged(ctx, kind, value.id, value, details);
}

/** The clinic's scheduling set-up. Updates audit what was sent; removals audit what main did (deleted or deactivated). */
export const scheduleHandlers: HandlersFor<Extract<ProcedureName, `schedule.${string}`>> = {
  'schedule.createLocation': async (ctx, input) =>
    created(ctx, 'location', await createLocation(ctx.db, input, ctx.now), { name: input.name }),
  'schedule.listLocations': async (ctx) => listLocations(ctx.db),
  'schedule.createRoom': async (ctx, input) =>
    created(ctx, 'room', await createRoom(ctx.db, input, ctx.now), { name: input.name }),
  'schedule.listRooms': async (ctx, input) => listRooms(ctx.db, input.locationId),
  'schedule.createProvider': async (ctx, input) =>
    created(ctx, 'provider', await createProvider(ctx.db, input, ctx.now), { displayName: input.displayName }),
  'schedule.listProviders': async (ctx) => listProviders(ctx.db),
  'schedule.listStaff': async (ctx) => listStaff(ctx.db),
  'schedule.createType': async (ctx, input) =>
    created(ctx, 'type', await createType(ctx.db, input, ctx.now), { name: input.name }),
  'schedule.listTypes': async (ctx) => listTypes(ctx.db),
  'schedule.createTemplate': async (ctx, input) =>
    created(ctx, 'template', await createTemplate(ctx.db, input, ctx.now), { ...input }),
  'schedule.listTemplates': async (ctx, input) => listTemplates(ctx.db, input.providerId),
  'schedule.createException': async (ctx, input) =>
    created(ctx, 'exception', await createException(ctx.db, input, ctx.now), { ...input }),
  'schedule.listExceptions': async (ctx, input) => listExceptions(ctx.db, input),
  'schedule.createHoliday': async (ctx, input) =>
    created(ctx, 'holiday', await createHoliday(ctx.db, input, ctx.now), { ...input }),
  'schedule.listHolidays': async (ctx, input) => listHolidays(ctx.db, input),

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
