import type { DateFormat } from '../api/areas/settings';
import { formatDate } from '../locale/date-format';
import { STATUS_LABELS, type AppointmentStatus } from './status';

/**
 * When an appointment's status may change, beyond the table of moves in `status.ts`: the day decides.
 * Pure, so that main enforces exactly what the calendar's panel offers (the panel gets the moves from
 * `appointments.statusMoves`, which calls `deskMoves`).
 *
 * Two ways change a status. The desk's own moves (`appointments.setStatus`): confirm, record a no-show,
 * and undo the newest of these. The visit (check-in on the board, rooming, check-out) moves the
 * appointment to arrived, in room and completed and back: one arrival, whichever screen it starts from.
 */

export interface StatusFacts {
  status: AppointmentStatus;
  /** The appointment's day and the clinic's today, both in the clinic's zone (YYYY-MM-DD). */
  date: string;
  today: string;
  startAt: number;
  now: number;
  noShowGraceMinutes: number;
  /** Where the newest status change came from, when it led to the status the appointment has now: what an undo returns to. */
  previous: AppointmentStatus | null;
  /** How refusals write the two dates (the clinic's date format); as stored when absent. */
  dateFormat?: DateFormat;
}

export interface StatusMove {
  to: AppointmentStatus;
  /** The button: "Confirm", "Mark no-show", "Undo no-show"… */
  label: string;
  /** Takes back the newest change rather than making a new one. */
  undo: boolean;
}

/** Statuses that belong to the appointment's day: nobody arrives, is roomed, is seen or fails to come on another. */
const DAY_STATUSES: readonly AppointmentStatus[] = ['arrived', 'in_room', 'completed', 'no_show'];
/** Reached only through the visit (check-in and the flow board). */
const VISIT_STATUSES: readonly AppointmentStatus[] = ['arrived', 'in_room', 'completed'];

/** The desk's changes that can be undone, and where each may have come from. */
const UNDOABLE: Partial<Record<AppointmentStatus, { label: string; from: readonly AppointmentStatus[] }>> = {
  confirmed: { label: 'Undo confirmation', from: ['booked'] },
  no_show: { label: 'Undo no-show', from: ['booked', 'confirmed'] },
};

/** The first instant a no-show may be recorded. */
export function noShowFrom(facts: Pick<StatusFacts, 'startAt' | 'noShowGraceMinutes'>): number {
  return facts.startAt + facts.noShowGraceMinutes * 60_000;
}

/** Why a change to `to` is refused on this day, whoever asks; null when the day allows it. */
export function dayRefusal(facts: StatusFacts, to: AppointmentStatus): string | null {
  if (!DAY_STATUSES.includes(to) || to === facts.status) return null;
  if (facts.date !== facts.today) {
    const date = (iso: string) => formatDate(iso, facts.dateFormat ?? 'YYYY-MM-DD');
    return `this appointment is on ${date(facts.date)}: it can become ${STATUS_LABELS[to]} only on its day (today is ${date(facts.today)})`;
  }
  if (to === 'no_show' && facts.now < noShowFrom(facts))
    return `a no-show can be recorded only once the start has passed by ${facts.noShowGraceMinutes} minutes`;
  return null;
}

/** What the undo of the newest change does: back to where it came from, when that is a desk move. */
function undoMove(facts: StatusFacts): StatusMove | null {
  const undoable = UNDOABLE[facts.status];
  // A no-show recorded before its change was kept in the history came from booked.
  const back = facts.previous ?? (facts.status === 'no_show' ? 'booked' : null);
  if (!undoable || !back || !undoable.from.includes(back)) return null;
  if (facts.status === 'no_show' && facts.date !== facts.today) return null;
  return { to: back, label: undoable.label, undo: true };
}

/** The moves the desk may make now with `appointments.setStatus`, in the order the panel shows them. */
export function deskMoves(facts: StatusFacts): StatusMove[] {
  const moves: StatusMove[] = [];
  const open = facts.status === 'booked' || facts.status === 'confirmed';
  if (facts.status === 'booked' && facts.date >= facts.today)
    moves.push({ to: 'confirmed', label: 'Confirm', undo: false });
  if (open && dayRefusal(facts, 'no_show') === null) moves.push({ to: 'no_show', label: 'Mark no-show', undo: false });
  const undo = undoMove(facts);
  if (undo) moves.push(undo);
  return moves;
}

/** Why the desk may not move the appointment to `to` now; null when it may. */
export function deskRefusal(facts: StatusFacts, to: AppointmentStatus): string | null {
  if (deskMoves(facts).some((move) => move.to === to)) return null;
  if (VISIT_STATUSES.includes(to))
    return to === 'arrived'
      ? 'check the patient in: the arrival puts them on the flow board (visits.checkIn)'
      : 'move the visit on the flow board: the appointment follows it';
  const day = dayRefusal(facts, to);
  if (day) return day;
  if (facts.status === to) return `it is already ${STATUS_LABELS[to]}`;
  if (to === 'booked' || to === 'confirmed')
    return `only the newest change can be undone, and it did not make this appointment ${STATUS_LABELS[facts.status]} from ${STATUS_LABELS[to]}`;
  return `an appointment that is ${STATUS_LABELS[facts.status]} cannot become ${STATUS_LABELS[to]} now`;
}
