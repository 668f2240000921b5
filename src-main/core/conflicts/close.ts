import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { conflictId } from './detect';
import {
  blockingAppointments,
  clashesWith,
  insertResolutionIfAbsent,
  lotPlaceBalances,
  markedNotDuplicates,
  openConflicts,
  patientStands,
  type ConflictRow,
} from './repository';

/**
 * Why a conflict no longer holds, as the note of the resolution the system writes (null: it still
 * holds). A double booking whose appointments no longer clash (moved, cancelled, deleted, or one
 * booked over on purpose), a duplicate merged, deleted or marked as two people, a lot at a place back
 * to zero or more. A payment into a closed drawer stays until a person resolves it.
 */
async function settledBecause(db: Kysely<Database>, conflict: ConflictRow): Promise<string | null> {
  switch (conflict.kind) {
    case 'double_booking': {
      const [first] = await blockingAppointments(db, [conflict.first_id]);
      const [second] = await blockingAppointments(db, [conflict.second_id]);
      if (!first || !second)
        return 'Closed by the system: one of the appointments was cancelled or no longer holds time.';
      if (first.override_reason !== null || second.override_reason !== null)
        return 'Closed by the system: the double booking was confirmed with a reason.';
      const clashes = await clashesWith(db, first);
      return clashes.some((other) => other.id === second.id)
        ? null
        : 'Closed by the system: the appointments no longer overlap.';
    }
    case 'duplicate_patient': {
      if (!(await patientStands(db, conflict.first_id)) || !(await patientStands(db, conflict.second_id)))
        return 'Closed by the system: the patients were merged.';
      return (await markedNotDuplicates(db, conflict.first_id, conflict.second_id))
        ? 'Closed by the system: the patients were marked as different people.'
        : null;
    }
    case 'negative_stock': {
      const [place] = await lotPlaceBalances(db, [{ lotId: conflict.first_id, placeId: conflict.second_id }]);
      return place && place.balance >= 0 ? `Closed by the system: the lot is back to ${place.balance}.` : null;
    }
    case 'closed_drawer_payment':
      return null;
  }
}

/**
 * The second half of a detection pass: every open conflict whose cause is gone is closed, recorded in
 * the resolutions ledger as the system's (no user), with why. The resolution's id is derived from the
 * conflict's, so two desks closing it make one row. Returns how many it closed.
 */
export async function closeSettledConflicts(db: Kysely<Database>, now: number): Promise<number> {
  let closed = 0;
  for (const conflict of await openConflicts(db)) {
    const note = await settledBecause(db, conflict);
    if (note === null) continue;
    const inserted = await insertResolutionIfAbsent(db, {
      id: conflictId(conflict.kind, conflict.id, 'closed-by-system'),
      conflict_id: conflict.id,
      note,
      resolved_at: now,
      resolved_by: null,
      resolved_by_name: null,
      created_at: now,
      updated_at: now,
    });
    if (inserted) closed += 1;
  }
  return closed;
}
