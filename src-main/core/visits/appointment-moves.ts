import { ApiError } from '../../../src-shared/api/errors';
import type { AppointmentStatusMoves } from '../../../src-shared/scheduling/model';
import { deskMoves } from '../../../src-shared/scheduling/status-rules';
import { statusFacts } from '../scheduling/status-facts';
import { getVisit } from './board';
import type { ReadDb } from '../db/handles';
import { findLinkedAppointment, findVisitOfAppointment } from './visit-repository';

/**
 * What the calendar's appointment panel may offer now, from the same rules main enforces: the desk's
 * status moves, whether the patient can be checked in (today, booked or confirmed, not here yet), and
 * the visit when they are here (its undo is the board's undo).
 */
export async function appointmentStatusMoves(
  db: ReadDb,
  appointmentId: string,
  now: number,
): Promise<AppointmentStatusMoves> {
  const row = await findLinkedAppointment(db, appointmentId);
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such appointment.', {
      fields: { appointmentId: 'no such appointment' },
    });
  const facts = await statusFacts(db, row, now);
  const open = await findVisitOfAppointment(db, row.id);
  return {
    moves: deskMoves(facts),
    canCheckIn: !open && facts.date === facts.today && (row.status === 'booked' || row.status === 'confirmed'),
    visit: open ? await getVisit(db, open.id, now) : null,
  };
}
