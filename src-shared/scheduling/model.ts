/** What the scheduling procedures answer (schedule.*, appointments.*, calendar.*). */
import type { AppointmentStatus } from './status';
import type { EXCEPTION_KINDS } from './fields';
import type { StatusMove } from './status-rules';
import type { VisitView } from '../visits/model';

export interface LocationSummary {
  id: string;
  name: string;
  address: string | null;
}

export interface RoomSummary {
  id: string;
  locationId: string;
  name: string;
}

export interface ProviderSummary {
  id: string;
  userId: string | null;
  displayName: string;
  specialty: string | null;
  colour: string;
  defaultLocationId: string | null;
}

/** A staff account a provider can be linked to (no more than a manager needs to choose one). */
export interface StaffMember {
  id: string;
  displayName: string;
  role: string;
  /** The provider already linked to this account, if any. */
  providerId: string | null;
}

export interface AppointmentTypeSummary {
  id: string;
  name: string;
  durationMinutes: number;
  colour: string;
  /** Minor units of the clinic's currency; null when the type has no default price. */
  defaultPriceMinor: number | null;
  currency: string;
  /** Empty: any provider. */
  providerIds: string[];
}

export interface TemplateSummary {
  id: string;
  providerId: string;
  locationId: string;
  weekday: number;
  start: string;
  end: string;
  breaks: { start: string; end: string }[];
  validFrom: string | null;
  validUntil: string | null;
}

export interface ExceptionSummary {
  id: string;
  providerId: string;
  locationId: string | null;
  kind: (typeof EXCEPTION_KINDS)[number];
  date: string;
  endDate: string;
  start: string | null;
  end: string | null;
  reason: string | null;
}

export interface HolidaySummary {
  id: string;
  date: string;
  name: string;
  locationId: string | null;
}

export interface AppointmentView {
  id: string;
  patientId: string;
  patientName: string;
  patientMrn: string;
  providerId: string;
  locationId: string;
  roomId: string | null;
  typeId: string;
  typeName: string;
  colour: string;
  /** Instants (epoch ms UTC). */
  start: number;
  end: number;
  /** The clinic's wall clock at the start and end. */
  date: string;
  startTime: string;
  endTime: string;
  offsetMinutes: number;
  durationMinutes: number;
  reason: string | null;
  notes: string | null;
  status: AppointmentStatus;
  cancelReason: string | null;
  cancelledBy: string | null;
  cancelledAt: number | null;
  rescheduledFromId: string | null;
  /** Set for an occurrence of a recurring series (see series.get). */
  seriesId: string | null;
  meetingLink: string | null;
  overrideReason: string | null;
  createdAt: number;
  /** Send back as expectedUpdatedAt: a change by someone else in between is refused, not overwritten. */
  updatedAt: number;
}

export interface AppointmentHistoryEntry {
  at: number;
  userId: string | null;
  username: string | null;
  action: 'booked' | 'moved' | 'cancelled' | 'status' | 'details';
  changes: Record<string, unknown>;
  overrideReason: string | null;
}

/** A patient's appointments as their page lists them (appointments.ofPatient). */
export interface PatientAppointments {
  /** From now on, soonest first. */
  upcoming: AppointmentView[];
  moreUpcoming: boolean;
  /** Before now, newest first. */
  past: AppointmentView[];
  morePast: boolean;
  /** Appointments marked no-show that started in the last 365 days. */
  noShowsLastYear: number;
}

export interface AppointmentDetail extends AppointmentView {
  history: AppointmentHistoryEntry[];
}

export interface AvailabilityInterval {
  start: number;
  end: number;
  locationId: string;
}

export interface ProviderDaySchedule {
  provider: ProviderSummary;
  /** Bookable time (shade the rest). */
  availability: AvailabilityInterval[];
  timeOff: { start: number; end: number; reason: string | null }[];
  appointments: AppointmentView[];
}

export interface DaySchedule {
  date: string;
  timeZone: string;
  /** The local day's first instant and the next day's (23, 24 or 25 hours apart, or 23.5 ...). */
  dayStart: number;
  dayEnd: number;
  holidays: HolidaySummary[];
  providers: ProviderDaySchedule[];
}

export interface Slot {
  providerId: string;
  providerName: string;
  locationId: string;
  locationName: string;
  start: number;
  end: number;
  /** Book with `start: {date, time, offsetMinutes}`. */
  date: string;
  time: string;
  offsetMinutes: number;
}

/** Why a booking or move is refused (each overridable with a reason). */
export type BookingProblemCode =
  'provider_busy' | 'room_busy' | 'patient_busy' | 'outside_hours' | 'time_off' | 'holiday';

export interface BookingProblem {
  code: BookingProblemCode;
  message: string;
}

export interface RemoveResult {
  /** deleted: nothing referred to it; deactivated: kept for the records that name it. */
  outcome: 'deleted' | 'deactivated';
  message: string;
}

/** What the appointment panel may offer now (`appointments.statusMoves`), from the rules main enforces. */
export interface AppointmentStatusMoves {
  /** The desk's moves: confirm, no-show, and the undo of the newest of these. */
  moves: StatusMove[];
  /** Today's appointment, booked or confirmed, whose patient is not here yet: "Check in" (visits.checkIn). */
  canCheckIn: boolean;
  /** The patient's visit when they are here: its status on the board and its undo. */
  visit: VisitView | null;
}
