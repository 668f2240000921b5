import { z } from 'zod';
import { procedure } from '../procedure';
import { isLocalDate } from '../../scheduling/time';
import {
  MOVE_TARGETS,
  VISIT_STATUSES,
  type MoveTarget,
  type TicketStyle,
  type VisitStatus,
  type WaitThresholds,
} from '../../visits/status';
import type { MeasurementSystem, TemperatureUnit } from '../../visits/vitals';

// ---- what the screens get ----------------------------------------------------------------------

/** One visit on the board: everything a desk shows, and which moves it offers. */
export interface VisitView {
  id: string;
  patientId: string;
  patientName: string;
  mrn: string;
  appointmentId: string | null;
  /** The appointment's start, epoch ms; null for a walk-in. */
  appointmentStart: number | null;
  status: VisitStatus;
  statusSince: number;
  arrivedAt: number;
  roomedAt: number | null;
  seenAt: number | null;
  readyAt: number | null;
  checkedOutAt: number | null;
  /** From the server's clock when the board was read. */
  minutesInStatus: number;
  totalMinutes: number;
  overThreshold: boolean;
  roomId: string | null;
  roomName: string | null;
  providerId: string | null;
  providerName: string | null;
  ticket: string;
  calledAt: number | null;
  calledRoomName: string | null;
  lastMoveBy: string | null;
  lastMoveAt: number;
  /** The id of the move an undo would take back; send it with the undo so a newer move is not undone by mistake. */
  lastEventId: string;
  /** What undo would do, e.g. "Undo: Room" or "Undo arrival"; null when nothing can be undone. */
  undoLabel: string | null;
  /** Statuses `visits.move` accepts from here. */
  moves: MoveTarget[];
  canCheckOut: boolean;
}

export interface RoomState {
  id: string;
  name: string;
  /** The visit holding the room, if any. */
  visitId: string | null;
  ticket: string | null;
}

export interface VisitBoard {
  date: string;
  now: number;
  thresholds: WaitThresholds;
  visits: VisitView[];
  rooms: RoomState[];
}

export interface DisplayTicket {
  visitId: string;
  ticket: string;
  roomName: string;
  calledAt: number;
}

export interface VisitSettings {
  thresholds: WaitThresholds;
  temperatureUnit: TemperatureUnit;
  measurementSystem: MeasurementSystem;
  ticketStyle: TicketStyle;
  updatedAt: number;
}

export interface InsuranceCheck {
  id: string;
  payer: string;
  memberId: string;
  priority: string;
  terminationDate: string | null;
  lastVerifiedDate: string | null;
  expired: boolean;
  /** Days since it was last verified; null when it never was. */
  verifiedDaysAgo: number | null;
}

/** What the receptionist confirms before marking the patient arrived. */
export interface CheckInReview {
  patientId: string;
  name: string;
  dob: string;
  mrn: string;
  phones: { kind: string; number: string }[];
  email: string | null;
  address: string | null;
  alerts: { kind: string; text: string }[];
  allergies: string[];
  insurance: InsuranceCheck[];
  consents: { kind: string; givenOn: string; expiresOn: string | null }[];
  /** Each thing to look at, as a sentence; empty when all is in order. */
  warnings: string[];
  appointment: { id: string; start: number; providerName: string; status: string } | null;
  /** Already checked in today for this appointment (or, for a walk-in, an open visit): undo it rather than arrive twice. */
  openVisitId: string | null;
}

export interface VitalsRecord {
  id: string;
  patientId: string;
  visitId: string | null;
  systolic: number | null;
  diastolic: number | null;
  pulse: number | null;
  respRate: number | null;
  temperatureC: number | null;
  spo2: number | null;
  weightKg: number | null;
  heightM: number | null;
  bmi: number | null;
  pain: number | null;
  chiefComplaint: string | null;
  allergiesReviewed: boolean;
  /** Fields the nurse confirmed although they were unusual. */
  confirmedImplausible: string[];
  recordedBy: string | null;
  recordedAt: number;
}

// ---- field rules -------------------------------------------------------------------------------

const id = (what: string) => z.uuid(`must be ${what} id`);
const expectedLastEventId = z.uuid('must be the lastEventId the board showed').optional();
const minutes = z
  .number()
  .int('must be whole minutes')
  .min(1, 'must be at least 1 minute')
  .max(600, 'must be at most 600 minutes');
/** A measurement: a finite number or nothing. */
const measurement = z.number({ error: 'must be a number' }).nullish();
const wholeMeasurement = z.number({ error: 'must be a whole number' }).int('must be a whole number').nullish();

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
  'visits.get': procedure<VisitView>()({
    input: z.object({ visitId: id('a visit') }),
    access: 'appointments:read',
    kind: 'read',
  }),
  /** A day's visits (today in the clinic's zone unless told). */
  'visits.board': procedure<VisitBoard>()({
    input: z.object({
      date: z.string().trim().refine(isLocalDate, 'must be a real date written as YYYY-MM-DD').optional(),
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

  /**
   * Records vitals for the patient shown on the intake screen. `units` are the ones the form showed
   * (a settings change meanwhile cannot turn 98.6 °F into 98.6 °C); values are stored in SI units.
   */
  'vitals.record': procedure<VitalsRecord>()({
    input: z.object({
      patientId: id('a patient'),
      visitId: id('a visit').optional(),
      units: z.object({
        temperature: z.enum(['C', 'F'], { error: 'must be C or F' }),
        system: z.enum(['metric', 'imperial'], { error: 'must be metric or imperial' }),
      }),
      systolic: wholeMeasurement,
      diastolic: wholeMeasurement,
      pulse: wholeMeasurement,
      respRate: wholeMeasurement,
      temperature: measurement,
      spo2: wholeMeasurement,
      weight: measurement,
      height: measurement,
      pain: z
        .number({ error: 'must be a whole number from 0 to 10' })
        .int('must be a whole number from 0 to 10')
        .min(0, 'must be 0 to 10')
        .max(10, 'must be 0 to 10')
        .nullish(),
      chiefComplaint: z.string().trim().max(500, 'must be at most 500 characters').nullish(),
      allergiesReviewed: z.boolean().default(false),
      /** Fields whose unusual values the nurse confirmed. */
      confirmImplausible: z
        .array(
          z.enum(['systolic', 'diastolic', 'pulse', 'respRate', 'temperature', 'spo2', 'weight', 'height', 'pain']),
        )
        .max(9)
        .default([]),
    }),
    access: 'vitals:write',
    kind: 'write',
  }),
  'vitals.history': procedure<VitalsRecord[]>()({
    input: z.object({ patientId: id('a patient'), limit: z.number().int().min(1).max(200).default(50) }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
};
