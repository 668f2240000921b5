/** What the visits.* procedures answer: the flow board, the check-in review, settings. */
import type { MoveTarget, TicketStyle, VisitStatus, WaitThresholds } from './status';
import type { MeasurementSystem, TemperatureUnit } from './vitals';

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
  /** Billed self-pay although the patient may have insurance ("Bill this visit as self-pay" at check-in). */
  selfPay: boolean;
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

/** What the patient owes, for the review's "Owes £40.00 since 12 March" (null without billing:read). */
export interface ReviewAccount {
  currency: string;
  balanceMinor: number;
  owingMinor: number;
  /** Date of issue of the oldest invoice with something still owed. */
  owingSince: string | null;
  overdueMinor: number;
  creditMinor: number;
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
  /** The open visit is billed self-pay (false when there is none). */
  openVisitSelfPay: boolean;
  /** What the patient owes (shown to those who may see billing; null for the others). */
  account: ReviewAccount | null;
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
