import type { ProcedureName } from '../../../../src-shared/api/contract';
import type { WaitlistEntryView } from '../../../../src-shared/api/areas/waitlist';
import {
  addEntry,
  bookFromEntry,
  listEntries,
  offersForSlot,
  removeEntry,
  updateEntry,
} from '../../scheduling/waitlist';
import type { HandlerContext, HandlersFor } from '../context';

type WaitlistProcedure = Extract<ProcedureName, `waitlist.${string}`>;

function audited(
  ctx: HandlerContext,
  entry: WaitlistEntryView,
  details: Record<string, unknown> = {},
): WaitlistEntryView {
  ctx.audit.targetType = 'waitlistEntry';
  ctx.audit.targetId = entry.id;
  ctx.audit.details = { ...details, patientId: entry.patientId };
  ctx.broadcast('waitlist.changed', { entryIds: [entry.id] });
  return entry;
}

export const waitlistHandlers: HandlersFor<WaitlistProcedure> = {
  'waitlist.add': async (ctx, input) =>
    audited(ctx, await addEntry(ctx.db, input, ctx.actor, ctx.now), {
      typeId: input.typeId,
      priority: input.priority,
    }),
  'waitlist.list': async (ctx, input) => {
    const entries = await listEntries(ctx.db, input);
    ctx.audit.targetType = 'waitlist';
    ctx.audit.details = { status: input.status, count: entries.length };
    return entries;
  },
  'waitlist.update': async (ctx, input) => {
    const changed = Object.keys(input).filter((key) => key !== 'entryId' && key !== 'expectedUpdatedAt');
    return audited(ctx, await updateEntry(ctx.db, input, ctx.now), { changed });
  },
  'waitlist.remove': async (ctx, input) =>
    audited(ctx, await removeEntry(ctx.db, input, ctx.now), { reason: input.reason }),
  'waitlist.offersForSlot': async (ctx, input) => {
    const offers = await offersForSlot(ctx.db, input, ctx.now);
    ctx.audit.targetType = 'waitlist';
    ctx.audit.details = { providerId: input.providerId, start: input.start, entryIds: offers.map((o) => o.entry.id) };
    return offers;
  },
  'waitlist.book': async (ctx, input) => {
    const { outcome, result } = await bookFromEntry(ctx.db, input, ctx.actor, ctx.now);
    audited(ctx, result.entry, {
      appointmentId: result.appointment.id,
      start: result.appointment.start,
      providerId: result.appointment.providerId,
    });
    ctx.broadcast('appointments.changed', {
      appointmentIds: [outcome.view.id],
      patientIds: [outcome.view.patientId],
      providerIds: outcome.providerIds,
      dates: outcome.dates,
      action: 'booked',
    });
    return result;
  },
};
