import type { ScheduleUpdateProcedure } from '../../../../src-shared/api/areas/schedule';
import { appointmentStatusMoves } from '../../visits/appointment-moves';
import type { ProcedureName } from '../../../../src-shared/api/contract';
import type { ScheduleChangeKind } from '../../../../src-shared/api/events';
import { bookAppointment, moveAppointment, type WriteOutcome } from '../../scheduling/appointments';
import {
  cancelAppointment,
  setAppointmentStatus,
  undoCancel,
  updateAppointmentDetails,
} from '../../scheduling/appointment-changes';
import { appointmentsOfPatient, getAppointment } from '../../scheduling/appointment-views';
import { daySchedule, nextAvailable } from '../../scheduling/calendar';
import { createType, listTypes } from '../../scheduling/appointment-types';
import { createLocation, createRoom, listLocations, listRooms } from '../../scheduling/locations';
import { createProvider, listProviders, listStaff } from '../../scheduling/providers';
import { createException, createHoliday, listExceptions, listHolidays } from '../../scheduling/time-off';
import { createTemplate, listTemplates } from '../../scheduling/weekly-hours';
import type { HandlerContext, HandlersFor } from '../context';
import { setupChanged } from './setup-changed';

// The update and remove procedures live in schedule-updates.ts.
type SchedulingProcedure = Exclude<
  Extract<ProcedureName, `schedule.${string}` | `appointments.${string}`>,
  ScheduleUpdateProcedure
>;

/** A new piece of set-up: audited, and announced to every window after commit. */
function created<T extends { id: string }>(
  ctx: HandlerContext,
  kind: ScheduleChangeKind,
  value: T,
  details: Record<string, unknown>,
): T {
  return setupChanged(ctx, kind, value.id, value, details);
}

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

export const schedulingHandlers: HandlersFor<SchedulingProcedure> = {
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
    changed(ctx, 'status', await setAppointmentStatus(ctx.db, input, ctx.actor, ctx.now, 'desk'), {
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
