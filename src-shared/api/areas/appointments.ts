import { z } from 'zod';
import { procedure } from '../procedure';
import { APPOINTMENT_STATUSES } from '../../scheduling/status';
import { daysBetween } from '../../scheduling/time';
import { localDate, localStart, MAX_SEARCH_DAYS, meetingLink, override, PARTS_OF_DAY } from '../../scheduling/fields';
import type {
  AppointmentDetail,
  AppointmentStatusMoves,
  AppointmentView,
  DaySchedule,
  PatientAppointments,
  Slot,
} from '../../scheduling/model';
import { id, optionalId, optionalText, requiredText } from '../../validation';

/** appointments.*: booking, moving, cancelling, status and reading one, a day, or the next free slots. */

export const bookInput = z.object({
  patientId: id('a patient'),
  providerId: id('a provider'),
  typeId: id('an appointment type'),
  /** Left out: the location where the provider works at that time (or their default). */
  locationId: id('a location').optional(),
  roomId: optionalId('a room'),
  start: localStart,
  /** Left out: the type's duration. */
  durationMinutes: z
    .number()
    .int('must be whole minutes')
    .min(5, 'must be at least 5 minutes')
    .max(720, 'must be at most 12 hours')
    .optional(),
  reason: optionalText(500),
  notes: optionalText(4000),
  meetingLink,
  /** The cancelled or missed appointment this one replaces. */
  rescheduledFromId: optionalId('an appointment'),
  override,
});

const moveInput = z.object({
  appointmentId: id('an appointment'),
  start: localStart.optional(),
  durationMinutes: z
    .number()
    .int('must be whole minutes')
    .min(5, 'must be at least 5 minutes')
    .max(720, 'must be at most 12 hours')
    .optional(),
  providerId: id('a provider').optional(),
  locationId: id('a location').optional(),
  /** Null: no room. Left out: unchanged (cleared when the location changes). */
  roomId: id('a room').nullable().optional(),
  expectedUpdatedAt: z.number().int().optional(),
  override,
});

const nextAvailableInput = z
  .object({
    typeId: id('an appointment type'),
    /** Empty or left out: any provider who may see this type. */
    providerIds: z.array(id('a provider')).max(100, 'at most 100 providers').default([]),
    locationId: id('a location').optional(),
    /** Slots when this room is free too (and at its location). */
    roomId: id('a room').optional(),
    from: localDate,
    to: localDate,
    partOfDay: z.enum(PARTS_OF_DAY, { error: `must be one of ${PARTS_OF_DAY.join(', ')}` }).default('any'),
    /** The patient's own appointments are avoided too. */
    patientId: id('a patient').optional(),
    limit: z.number().int().min(1).max(50).default(10),
    /** Slots start at the start of each free stretch of availability and every `stepMinutes` after. */
    stepMinutes: z.number().int().min(5).max(120).default(15),
    durationMinutes: z.number().int().min(5).max(720).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (daysBetween(q.from, q.to) >= MAX_SEARCH_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `must be within ${MAX_SEARCH_DAYS} days of from` });
  });

export type BookInput = z.output<typeof bookInput>;
export type MoveInput = z.output<typeof moveInput>;
export type NextAvailableInput = z.output<typeof nextAvailableInput>;

export const appointmentsProcedures = {
  'appointments.book': procedure<AppointmentView>()({ input: bookInput, access: 'appointments:write', kind: 'write' }),
  'appointments.move': procedure<AppointmentView>()({ input: moveInput, access: 'appointments:write', kind: 'write' }),
  'appointments.cancel': procedure<AppointmentView>()({
    input: z.object({
      appointmentId: id('an appointment'),
      reason: requiredText(500),
      expectedUpdatedAt: z.number().int().optional(),
    }),
    access: 'appointments:write',
    kind: 'write',
  }),
  /** Takes a cancel back (Undo): the status it had, if the cancel is its newest change and its time is still free. */
  'appointments.undoCancel': procedure<AppointmentView>()({
    input: z.object({ appointmentId: id('an appointment'), expectedUpdatedAt: z.number().int().optional() }),
    access: 'appointments:write',
    kind: 'write',
  }),
  /** Check-in and rooming are done by front desk and nurses alike. */
  /** Reason, notes and meeting link after booking (left out: unchanged; null: cleared). When, with whom and where is a move. */
  'appointments.updateDetails': procedure<AppointmentView>()({
    input: z.object({
      appointmentId: id('an appointment'),
      reason: optionalText(500).optional(),
      notes: optionalText(4000).optional(),
      meetingLink: meetingLink.optional(),
      expectedUpdatedAt: z.number().int().optional(),
    }),
    access: 'appointments:write',
    kind: 'write',
  }),
  'appointments.setStatus': procedure<AppointmentView>()({
    input: z.object({
      appointmentId: id('an appointment'),
      status: z.enum(APPOINTMENT_STATUSES, { error: `must be one of ${APPOINTMENT_STATUSES.join(', ')}` }),
      expectedUpdatedAt: z.number().int().optional(),
    }),
    access: 'visits:write',
    kind: 'write',
  }),
  /** The status moves the panel may offer now (the same rules setStatus enforces), check-in and the visit. */
  'appointments.statusMoves': procedure<AppointmentStatusMoves>()({
    input: z.object({ appointmentId: id('an appointment') }),
    access: 'appointments:read',
    kind: 'read',
  }),
  'appointments.get': procedure<AppointmentDetail>()({
    input: z.object({ appointmentId: id('an appointment') }),
    access: 'appointments:read',
    kind: 'read',
    phi: true,
  }),
  /**
   * The stored meeting link of an appointment, which the desktop host opens in the computer's browser:
   * the page names an appointment, never a URL, so it can open only links the product stored.
   */
  'appointments.meetingLink': procedure<{ url: string | null }>()({
    input: z.object({ appointmentId: id('an appointment') }),
    access: 'appointments:read',
    kind: 'read',
    phi: true,
  }),
  /** One patient's appointments for their page: upcoming and past (with cancelled ones), and no-shows counted. */
  'appointments.ofPatient': procedure<PatientAppointments>()({
    input: z.object({
      patientId: id('a patient'),
      upcomingLimit: z.number().int().min(1).max(200).default(20),
      /** "Show more" asks again with a larger limit. */
      pastLimit: z.number().int().min(1).max(500).default(10),
    }),
    access: 'appointments:read',
    kind: 'read',
    phi: true,
  }),
  'appointments.day': procedure<DaySchedule>()({
    input: z.object({
      date: localDate,
      /** Empty or left out: every provider. */
      providerIds: z.array(id('a provider')).max(100, 'at most 100 providers').default([]),
      locationId: id('a location').optional(),
      includeCancelled: z.boolean().default(false),
    }),
    access: 'appointments:read',
    kind: 'read',
  }),
  'appointments.nextAvailable': procedure<Slot[]>()({
    input: nextAvailableInput,
    access: 'appointments:read',
    kind: 'read',
  }),
};
