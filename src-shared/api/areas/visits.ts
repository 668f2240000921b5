import { z } from 'zod';
import { procedure } from '../procedure';
import { isLocalDate } from '../../scheduling/time';
import { MOVE_TARGETS, VISIT_STATUSES } from '../../visits/status';
import type { CheckInReview, DisplayTicket, VisitBoard, VisitSettings, VisitView } from '../../visits/model';
import { boundedString, dateText, id } from '../../validation';

// ---- field rules -------------------------------------------------------------------------------

const expectedLastEventId = boundedString(36, 'must be the lastEventId the board showed')
  .regex(z.regexes.uuid(), 'must be the lastEventId the board showed')
  .optional();
const minutes = z
  .number()
  .int('must be whole minutes')
  .min(1, 'must be at least 1 minute')
  .max(600, 'must be at most 600 minutes');

export const visitsProcedures = {
  /** Marks the patient arrived: from an appointment (its status becomes arrived too) or as a walk-in. */
  'visits.checkIn': procedure<VisitView>()({
    input: z
      .object({
        appointmentId: id('an appointment').optional(),
        patientId: id('a patient').optional(),
        providerId: id('a provider').optional(),
      })
      .refine((input) => (input.appointmentId === undefined) !== (input.patientId === undefined), {
        path: ['appointmentId'],
        message: 'give an appointment, or a patient for a walk-in (not both)',
      }),
    access: 'visits:write',
    kind: 'write',
  }),
  'visits.move': procedure<VisitView>()({
    input: z.object({
      visitId: id('a visit'),
      to: z.enum(MOVE_TARGETS, { error: `must be one of ${MOVE_TARGETS.join(', ')}` }),
      roomId: id('a room').optional(),
      providerId: id('a provider').optional(),
      expectedLastEventId,
    }),
    access: 'visits:write',
    kind: 'write',
  }),
  /** Takes back the visit's last move; when that was the arrival, the arrival is undone. */
  'visits.undo': procedure<VisitView>()({
    input: z.object({ visitId: id('a visit'), expectedLastEventId }),
    access: 'visits:write',
    kind: 'write',
  }),
  'visits.checkOut': procedure<VisitView>()({
    input: z.object({ visitId: id('a visit'), expectedLastEventId }),
    access: 'visits:write',
    kind: 'write',
  }),
  /** "Call to room": puts the visit's ticket on the waiting-room display. */
  'visits.call': procedure<VisitView>()({
    input: z.object({ visitId: id('a visit'), roomId: id('a room') }),
    access: 'visits:write',
    kind: 'write',
  }),
  /** "Bill this visit as self-pay": its draft invoice is built for self-pay although the patient has insurance. */
  'visits.setSelfPay': procedure<VisitView>()({
    input: z.object({ visitId: id('a visit'), selfPay: z.boolean({ error: 'must be true or false' }) }),
    access: 'visits:write',
    kind: 'write',
  }),
  'visits.get': procedure<VisitView>()({
    input: z.object({ visitId: id('a visit') }),
    access: 'appointments:read',
    kind: 'read',
  }),
  /** A day's visits (today in the clinic's zone unless told). */
  'visits.board': procedure<VisitBoard>()({
    input: z.object({
      date: dateText(isLocalDate).optional(),
      statuses: z
        .array(z.enum(VISIT_STATUSES, { error: `must be one of ${VISIT_STATUSES.join(', ')}` }))
        .max(6)
        .optional(),
      providerIds: z.array(id('a provider')).max(100).optional(),
      roomIds: z.array(id('a room')).max(100).optional(),
    }),
    access: 'appointments:read',
    kind: 'read',
  }),
  /** The waiting-room display: tickets called in the last 30 minutes, newest first. No names. */
  'visits.display': procedure<DisplayTicket[]>()({ input: z.object({}), access: 'session', kind: 'read' }),
  'visits.checkInReview': procedure<CheckInReview>()({
    input: z
      .object({ appointmentId: id('an appointment').optional(), patientId: id('a patient').optional() })
      .refine((input) => (input.appointmentId === undefined) !== (input.patientId === undefined), {
        path: ['appointmentId'],
        message: 'give an appointment or a patient (not both)',
      }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
  'visits.settings': procedure<VisitSettings>()({ input: z.object({}), access: 'session', kind: 'read' }),
  'visits.updateSettings': procedure<VisitSettings>()({
    input: z
      .object({
        thresholds: z
          .object({ arrived: minutes, roomed: minutes, with_provider: minutes, ready_for_checkout: minutes })
          .partial(),
        temperatureUnit: z.enum(['C', 'F'], { error: 'must be C or F' }),
        measurementSystem: z.enum(['metric', 'imperial'], { error: 'must be metric or imperial' }),
        ticketStyle: z.enum(['initials', 'number'], { error: 'must be initials or number' }),
      })
      .partial(),
    access: 'settings:manage',
    kind: 'write',
  }),
};
