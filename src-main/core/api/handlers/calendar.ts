import type { ProcedureName } from '../../../../src-shared/api/contract';
import { monthOverview, providerWeek, roomWeek } from '../../scheduling/calendar-views';
import type { HandlersFor } from '../context';

type CalendarProcedure = Extract<ProcedureName, `calendar.${string}`>;

export const calendarHandlers: HandlersFor<CalendarProcedure> = {
  'calendar.week': async (ctx, input) => providerWeek(ctx.db, input),
  'calendar.roomWeek': async (ctx, input) => roomWeek(ctx.db, input),
  'calendar.month': async (ctx, input) => monthOverview(ctx.db, input),
};
