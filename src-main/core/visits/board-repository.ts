import type { VisitStatus } from '../../../src-shared/visits/status';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';

/** The flow board's reads: visits with what a card shows beside them, rooms with who is in them. */

/** One row per visit with the patient, the appointment's start and what an undo would take back. */
function visitsBase(db: ReadDb) {
  return db
    .selectFrom('visits as v')
    .innerJoin('patients as p', 'p.id', 'v.patient_id')
    .leftJoin('appointments as a', 'a.id', 'v.appointment_id')
    .leftJoin('visit_events as ue', 'ue.id', 'v.undo_event_id')
    .selectAll('v')
    .select([
      'p.first_name',
      'p.middle_name',
      'p.last_name',
      'p.preferred_name',
      'p.mrn',
      'a.start_at as appointment_start',
      'ue.action as undo_action',
      'ue.to_status as undo_to_status',
    ])
    .where('v.deleted_at', 'is', null);
}

export type BoardVisitRow = Awaited<ReturnType<ReturnType<typeof visitsBase>['executeTakeFirstOrThrow']>>;

/** One visit with its room, called room and provider names joined in. */
const boardVisitById = preparedRead((db, v: { visitId: string }) =>
  visitsBase(db)
    .leftJoin('rooms as r', 'r.id', 'v.room_id')
    .leftJoin('rooms as cr', 'cr.id', 'v.called_room_id')
    .leftJoin('providers as pr', 'pr.id', 'v.provider_id')
    .select(['r.name as room_name', 'cr.name as called_room_name', 'pr.display_name as provider_name'])
    .where('v.id', '=', v.visitId),
);

export async function findBoardVisit(db: ReadDb, visitId: string) {
  return (await boardVisitById(db, { visitId }))[0];
}

export interface BoardFilter {
  date: string;
  statuses: readonly VisitStatus[];
  providerIds?: string[] | undefined;
  roomIds?: string[] | undefined;
}

/** A day's visits in order of arrival, without the room and provider joins (a board looks those few names up). */
export async function listBoardVisits(db: ReadDb, filter: BoardFilter): Promise<BoardVisitRow[]> {
  let select = visitsBase(db).where('v.local_date', '=', filter.date).where('v.status', 'in', filter.statuses);
  if (filter.providerIds && filter.providerIds.length > 0)
    select = select.where('v.provider_id', 'in', filter.providerIds);
  if (filter.roomIds && filter.roomIds.length > 0) select = select.where('v.room_id', 'in', filter.roomIds);
  return select.orderBy('v.arrived_at').orderBy('v.id').execute();
}

const providerNames = preparedRead((db) => db.selectFrom('providers').select(['id', 'display_name']));

/** Every provider's name, deleted ones too: an old visit still names its provider. */
export async function listProviderNames(db: ReadDb): Promise<{ id: string; display_name: string }[]> {
  return providerNames(db, {});
}

const roomOccupants = preparedRead((db) =>
  db
    .selectFrom('rooms as r')
    .leftJoin('visits as v', (join) =>
      join
        .onRef('v.room_id', '=', 'r.id')
        .on('v.status', 'in', ['roomed', 'with_provider'])
        .on('v.deleted_at', 'is', null),
    )
    .leftJoin('patients as p', 'p.id', 'v.patient_id')
    .select(['r.id', 'r.name', 'v.id as visit_id', 'v.ticket_number', 'p.first_name', 'p.last_name'])
    .where('r.deleted_at', 'is', null)
    .orderBy('r.name'),
);

/** Every room in name order, with the visit in it (roomed or with the provider), if any (every board asks). */
export async function listRoomOccupants(db: ReadDb) {
  return roomOccupants(db, {});
}

/** Up to `limit` visits called to a room since `since` and still open, newest call first. */
export async function listCalledVisits(db: ReadDb, since: number, limit: number) {
  return db
    .selectFrom('visits as v')
    .innerJoin('patients as p', 'p.id', 'v.patient_id')
    .innerJoin('rooms as r', 'r.id', 'v.called_room_id')
    .select(['v.id', 'v.ticket_number', 'v.called_at', 'p.first_name', 'p.last_name', 'r.name as room_name'])
    .where('v.called_at', '>=', since)
    .where('v.status', 'not in', ['checked_out', 'cancelled'])
    .where('v.deleted_at', 'is', null)
    .orderBy('v.called_at', 'desc')
    .limit(limit)
    .execute();
}
