import type { Kysely } from 'kysely';
import type { AppointmentStatus } from '../../../src-shared/scheduling/status';
import type { VisitStatus } from '../../../src-shared/visits/status';
import type { Actor } from '../actor';
import type { AppointmentRow, Database } from '../db/schema';
import type { VisitRow } from '../db/schema-visits';
import { followVisitStatus, type StatusFollowed } from '../scheduling/appointment-changes';
import { existing } from '../scheduling/appointments';

/**
 * A visit's linked appointment: its status follows the visit's, through the scheduling module's own
 * status rules (not a copy of them), so the calendar and the board never disagree.
 */

/** The appointment status that goes with each visit status. */
const APPOINTMENT_STATUS: Record<Exclude<VisitStatus, 'cancelled'>, AppointmentStatus> = {
  arrived: 'arrived',
  roomed: 'in_room',
  with_provider: 'in_room',
  ready_for_checkout: 'in_room',
  checked_out: 'completed',
};

/** Where the appointment goes when its visit moves to `to`; an undone arrival puts back what it was. */
export function appointmentStatusFor(visit: VisitRow, to: VisitStatus): AppointmentStatus {
  if (to !== 'cancelled') return APPOINTMENT_STATUS[to];
  const before = (visit.appointment_status_before as AppointmentStatus | null) ?? 'booked';
  // An undone arrival of an appointment that was already marked arrived goes back to booked.
  return before === 'arrived' ? 'booked' : before;
}

/**
 * Moves the linked appointment's status along; refusals come from the scheduling rules themselves.
 * `appointment` is the row when the caller has just read it in this transaction (check-in).
 */
export async function syncAppointment(
  db: Kysely<Database>,
  visit: VisitRow,
  to: AppointmentStatus,
  actor: Actor,
  now: number,
  appointment?: AppointmentRow,
): Promise<StatusFollowed | null> {
  if (!visit.appointment_id) return null;
  const before = appointment ?? (await existing(db, visit.appointment_id, undefined));
  return followVisitStatus(db, before, to, actor, now);
}
