import type { ProcedureName } from '../../../../src-shared/api/contract';
import type { EventMap } from '../../../../src-shared/api/events';
import { displayTickets, getVisit, visitBoard } from '../../visits/board';
import { checkInReview } from '../../visits/review';
import {
  callVisit,
  checkIn,
  checkOutVisit,
  moveVisit,
  setVisitSelfPay,
  undoVisit,
  type VisitOutcome,
} from '../../visits/service';
import { readVisitSettings, updateVisitSettings } from '../../visits/settings';
import type { HandlerContext, HandlersFor } from '../context';
import { billingContext } from '../../billing/context';
import { followVisitPayer } from '../../billing/checkout';
import { clinicClock } from '../../scheduling/config';
import { todayIn } from '../../../../src-shared/patients/dates';

type VisitsProcedure = Extract<ProcedureName, `visits.${string}`>;
type VisitAction = EventMap['visits.changed']['action'];

/** Audits the move, tells every desk after commit (and the calendar when the appointment's status moved), answers the visit as it is now. */
async function changed(
  ctx: HandlerContext,
  action: VisitAction,
  outcome: VisitOutcome,
  details: Record<string, unknown> = {},
) {
  const view = await getVisit(ctx.db, outcome.visitId, ctx.now);
  ctx.audit.targetType = 'visit';
  ctx.audit.targetId = view.id;
  ctx.audit.details = { ...details, patientId: view.patientId, status: view.status, appointmentId: view.appointmentId };
  ctx.broadcast('visits.changed', { visitIds: [view.id], date: outcome.date, action });
  const appointment = outcome.appointment;
  if (appointment) {
    ctx.broadcast('appointments.changed', {
      appointmentIds: [appointment.appointmentId],
      patientIds: [appointment.patientId],
      providerIds: appointment.providerIds,
      dates: appointment.dates,
      action: 'status',
    });
  }
  return view;
}

export const visitsHandlers: HandlersFor<VisitsProcedure> = {
  'visits.checkIn': async (ctx, input) =>
    changed(ctx, 'arrived', await checkIn(ctx.db, input, ctx.actor, ctx.now), {
      walkIn: input.appointmentId === undefined,
    }),
  'visits.move': async (ctx, input) =>
    changed(ctx, 'moved', await moveVisit(ctx.db, input, ctx.actor, ctx.now), { to: input.to, roomId: input.roomId }),
  'visits.undo': async (ctx, input) => changed(ctx, 'undone', await undoVisit(ctx.db, input, ctx.actor, ctx.now)),
  'visits.checkOut': async (ctx, input) =>
    changed(ctx, 'checked_out', await checkOutVisit(ctx.db, input, ctx.actor, ctx.now)),
  'visits.call': async (ctx, input) =>
    changed(ctx, 'called', await callVisit(ctx.db, input, ctx.actor, ctx.now), { roomId: input.roomId }),
  'visits.setSelfPay': async (ctx, input) => {
    const outcome = await setVisitSelfPay(ctx.db, input, ctx.now);
    // A draft already built for the visit follows the mark, so check-out shows what the desk chose.
    const draftId = outcome.changed
      ? await followVisitPayer(ctx.db, await billingContext(ctx.db, ctx.now), input.visitId)
      : null;
    const view = await changed(ctx, 'self_pay', outcome, { selfPay: input.selfPay, changed: outcome.changed, draftId });
    // The audit row stays the visit's (it names the draft); the billing screens are told the draft moved.
    if (draftId) ctx.broadcast('billing.changed', { kind: 'invoice', patientIds: [view.patientId], ids: [draftId] });
    return view;
  },
  'visits.get': async (ctx, input) => getVisit(ctx.db, input.visitId, ctx.now),
  'visits.board': async (ctx, input) => visitBoard(ctx.db, input, ctx.now),
  'visits.display': async (ctx) => displayTickets(ctx.db, ctx.now),
  'visits.checkInReview': async (ctx, input) => {
    const review = await checkInReview(ctx.db, input, ctx.now, {
      account: ctx.session?.permissions.has('billing:read') ?? false,
    });
    ctx.audit.targetType = 'patient';
    ctx.audit.targetId = review.patientId;
    ctx.audit.details = { checkInReview: true, appointmentId: input.appointmentId };
    return review;
  },
  'visits.settings': async (ctx) => readVisitSettings(ctx.db),
  'visits.updateSettings': async (ctx, input) => {
    ctx.audit.targetType = 'visitSettings';
    ctx.audit.details = { ...input };
    const settings = await updateVisitSettings(ctx.db, input, ctx.now);
    // Boards recolour with the new thresholds.
    const { timeZone } = await clinicClock(ctx.db);
    ctx.broadcast('visits.changed', { visitIds: [], date: todayIn(timeZone, ctx.now), action: 'settings' });
    return settings;
  },
};
