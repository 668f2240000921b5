import type { ProcedureName } from '../../../../src-shared/api/contract';
import { cancelSeries, changeSeries, bookSeries, seriesOf, type SeriesOutcome } from '../../scheduling/series';
import type { HandlerContext, HandlersFor } from '../context';

type SeriesProcedure = Extract<ProcedureName, `series.${string}`>;

/** One audit entry for the whole series edit, and one event naming every provider and date touched. */
function changed(
  ctx: HandlerContext,
  action: 'booked' | 'moved' | 'cancelled',
  outcome: SeriesOutcome,
  targetId: string,
  details: Record<string, unknown>,
) {
  ctx.audit.targetType = 'appointmentSeries';
  ctx.audit.targetId = targetId;
  ctx.audit.details = { ...details, patientId: outcome.patientId, appointmentIds: outcome.appointmentIds };
  if (outcome.providerIds.length > 0) {
    ctx.broadcast('appointments.changed', {
      appointmentIds: outcome.appointmentIds,
      patientIds: [outcome.patientId],
      providerIds: outcome.providerIds,
      dates: outcome.dates,
      action,
    });
  }
}

export const seriesHandlers: HandlersFor<SeriesProcedure> = {
  'series.book': async (ctx, input) => {
    const outcome = await bookSeries(ctx.db, input, ctx.actor, ctx.now);
    const { result } = outcome;
    changed(ctx, 'booked', outcome, result.series.id, {
      repeat: input.repeat,
      skipped: result.skipped.map((s) => ({ date: s.date, problems: s.problems.map((p) => p.code) })),
      ...(input.override && { override: { reason: input.override.reason } }),
    });
    return result;
  },
  'series.change': async (ctx, input) => {
    const outcome = await changeSeries(ctx.db, input, ctx.actor, ctx.now);
    changed(ctx, 'moved', outcome, outcome.result.seriesId, {
      scope: input.scope,
      time: input.time,
      providerId: input.providerId,
      roomId: input.roomId,
      durationMinutes: input.durationMinutes,
      ...(input.override && { override: { reason: input.override.reason } }),
    });
    return outcome.result;
  },
  'series.cancel': async (ctx, input) => {
    const outcome = await cancelSeries(ctx.db, input, ctx.actor, ctx.now);
    changed(ctx, 'cancelled', outcome, outcome.result.seriesId, { scope: input.scope, reason: input.reason });
    return outcome.result;
  },
  'series.get': async (ctx, input) => {
    const detail = await seriesOf(ctx.db, input.appointmentId);
    ctx.audit.targetType = 'appointment';
    ctx.audit.targetId = input.appointmentId;
    if (detail) ctx.audit.details = { patientId: detail.patientId, seriesId: detail.id };
    return detail;
  },
};
