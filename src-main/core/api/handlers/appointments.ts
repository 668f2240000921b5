import type { ProcedureName } from '../../../../src-shared/api/contract';
import { appointmentStatusMoves } from '../../visits/appointment-moves';
import { bookAppointment, moveAppointment, type WriteOutcome } from '../../scheduling/appointments';
import {
  cancelAppointment,
  setAppointmentStatus,
  undoCancel,
  updateAppointmentDetails,
} from '../../scheduling/appointment-changes';
import { appointmentsOfPatient, getAppointment } from '../../scheduling/appointment-views';
import { daySchedule, nextAvailable } from '../../scheduling/calendar';
import type { HandlerContext, HandlersFor } from '../context';

/** Audits the write (with any override and what it set aside) and tells every window after commit. */
function changed(
  ctx: HandlerContext,
  action: 'booked' | 'moved' | 'cancelled' | 'status' | 'details',
  outcome: WriteOutcome,
  details: Record<string, unknown> = {},
) {
  ctx.audit.targetType = 'appointment';
  ctx.audit.targetId = outcome.view.id;
  ctx.audit.details = {
    ...details,
    patientId: outcome.view.patientId,
    providerId: outcome.view.providerId,
    start: outcome.view.start,
    end: outcome.view.end,
    ...(outcome.overridden.length > 0 && {
      override: { reason: outcome.view.overrideReason, problems: outcome.overridden.map((p) => p.code) },
    }),
  };
  if (outcome.providerIds.length > 0) {
    ctx.broadcast('appointments.changed', {
      appointmentIds: [outcome.view.id],
      patientIds: [outcome.view.patientId],
      providerIds: outcome.providerIds,
      dates: outcome.dates,
      action,
    });
  }
  return outcome.view;
}

export const appointmentsHandlers: HandlersFor<Extract<ProcedureName, `appointments.${string}`>> = {
  'appointments.book': async (ctx, input) =>
    changed(ctx, 'booked', await bookAppointment(ctx.db, input, ctx.actor, ctx.now)),
  'appointments.move': async (ctx, input) =>
    changed(ctx, 'moved', await moveAppointment(ctx.db, input, ctx.actor, ctx.now)),
  'appointments.cancel': async (ctx, input) =>
    changed(ctx, 'cancelled', await cancelAppointment(ctx.db, input, ctx.actor, ctx.now), { reason: input.reason }),
  'appointments.undoCancel': async (ctx, input) =>
    changed(ctx, 'status', await undoCancel(ctx.db, input, ctx.actor, ctx.now), { undid: 'cancelled' }),
  // The audit names which details changed, not what they now say (the appointment's history has that).
  'appointments.updateDetails': async (ctx, input) =>
    changed(ctx, 'details', await updateAppointmentDetails(ctx.db, input, ctx.actor, ctx.now), {
      fields: (['reason', 'notes', 'meetingLink'] as const).filter((field) => input[field] !== undefined),
    }),
  'appointments.setStatus': async (ctx, input) =>
    changed(ctx, 'status', await setAppointmentStatus(ctx.db, input, ctx.actor, ctx.now), {
      status: input.status,
    }),
  'appointments.statusMoves': async (ctx, input) => appointmentStatusMoves(ctx.db, input.appointmentId, ctx.now),
  /** An audited read: appointment details and history are about a patient. */
  'appointments.get': async (ctx, input) => {
    const detail = await getAppointment(ctx.db, input.appointmentId);
    ctx.audit.targetType = 'appointment';
    ctx.audit.targetId = detail.id;
    ctx.audit.details = { patientId: detail.patientId };
    return detail;
  },
  'appointments.meetingLink': async (ctx, input) => {
    const detail = await getAppointment(ctx.db, input.appointmentId);
    ctx.audit.targetType = 'appointment';
    ctx.audit.targetId = detail.id;
    ctx.audit.details = { patientId: detail.patientId, opened: 'meetingLink' };
    return { url: detail.meetingLink };
  },
  'appointments.ofPatient': async (ctx, input) => {
    ctx.audit.targetType = 'patient';
    ctx.audit.targetId = input.patientId;
    ctx.audit.details = { read: 'appointments' };
    return appointmentsOfPatient(ctx.db, input, ctx.now);
  },
  'appointments.day': async (ctx, input) => daySchedule(ctx.db, input),
  'appointments.nextAvailable': async (ctx, input) => nextAvailable(ctx.db, input, ctx.now),
};
