import type { DisplayTicket, RoomState, VisitBoard, VisitView } from '../../../src-shared/visits/model';
import { ApiError } from '../../../src-shared/api/errors';
import { displayName } from '../../../src-shared/patients/names';
import { todayIn } from '../../../src-shared/patients/dates';
import {
  ACTIVE_STATUSES,
  VISIT_STATUSES,
  isMoveTarget,
  isOverThreshold,
  minutesBetween,
  ticketLabel,
  type TicketStyle,
  type VisitStatus,
  type WaitThresholds,
} from '../../../src-shared/visits/status';
import { clinicClock } from '../scheduling/config';
import { allowedMoves, undoLabel } from './machine';
import { readVisitSettings } from './settings';
import type { ReadDb } from '../db/handles';
import { readSettings } from '../settings/repository';

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

/** One visit with its room, called room and provider names joined in. */
function visitsWithNames(db: ReadDb) {
  return visitsBase(db)
    .leftJoin('rooms as r', 'r.id', 'v.room_id')
    .leftJoin('rooms as cr', 'cr.id', 'v.called_room_id')
    .leftJoin('providers as pr', 'pr.id', 'v.provider_id')
    .select(['r.name as room_name', 'cr.name as called_room_name', 'pr.display_name as provider_name']);
}

type BaseVisit = Awaited<ReturnType<ReturnType<typeof visitsBase>['executeTakeFirstOrThrow']>>;

/** The names a visit shows beside its own columns: joined for one visit, looked up for a board. */
interface VisitNames {
  roomName: string | null;
  calledRoomName: string | null;
  providerName: string | null;
}

/** Per status and provider step, computed once: a board builds hundreds of views. */
function movesByStatus(providerStep: boolean) {
  return new Map(
    VISIT_STATUSES.map((status) => {
      const allowed = allowedMoves(status, providerStep);
      return [
        status,
        { moves: Object.freeze(allowed.filter(isMoveTarget)), canCheckOut: allowed.includes('checked_out') },
      ] as const;
    }),
  );
}
const MOVES_BY_STATUS = { withProvider: movesByStatus(true), withoutProvider: movesByStatus(false) };

interface ViewContext {
  now: number;
  /** The clinic's board has a "With provider" step. */
  providerStep: boolean;
  thresholds: WaitThresholds;
  ticketStyle: TicketStyle;
}

export function toVisitView(row: BaseVisit, names: VisitNames, context: ViewContext): VisitView {
  const ended =
    row.status === 'checked_out'
      ? (row.checked_out_at ?? context.now)
      : row.status === 'cancelled'
        ? row.status_since
        : context.now;
  const status: VisitStatus = row.status;
  const moves = MOVES_BY_STATUS[context.providerStep ? 'withProvider' : 'withoutProvider'].get(status);
  return {
    id: row.id,
    patientId: row.patient_id,
    patientName: displayName({
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      preferredName: row.preferred_name,
    }),
    mrn: row.mrn,
    appointmentId: row.appointment_id,
    appointmentStart: row.appointment_start,
    status,
    statusSince: row.status_since,
    arrivedAt: row.arrived_at,
    roomedAt: row.roomed_at,
    seenAt: row.seen_at,
    readyAt: row.ready_at,
    checkedOutAt: row.checked_out_at,
    minutesInStatus: minutesBetween(row.status_since, ended),
    totalMinutes: minutesBetween(row.arrived_at, ended),
    overThreshold: isOverThreshold(status, row.status_since, context.now, context.thresholds),
    roomId: row.room_id,
    roomName: names.roomName,
    providerId: row.provider_id,
    providerName: names.providerName,
    ticket: ticketLabel(context.ticketStyle, row.first_name, row.last_name, row.ticket_number),
    calledAt: row.called_at,
    calledRoomName: names.calledRoomName,
    lastMoveBy: row.last_move_by_name,
    lastMoveAt: row.last_move_at,
    lastEventId: row.last_event_id,
    selfPay: row.self_pay === 1,
    undoLabel:
      row.undo_action && row.undo_to_status
        ? undoLabel({ action: row.undo_action, to_status: row.undo_to_status })
        : null,
    moves: moves ? [...moves.moves] : [],
    canCheckOut: moves?.canCheckOut ?? false,
  };
}

async function viewContext(db: ReadDb, now: number): Promise<ViewContext & { timeZone: string }> {
  const [{ timeZone }, settings, clinic] = await Promise.all([
    clinicClock(db),
    readVisitSettings(db),
    readSettings(db),
  ]);
  return {
    now,
    timeZone,
    thresholds: settings.thresholds,
    ticketStyle: settings.ticketStyle,
    providerStep: clinic?.providerStep ?? true,
  };
}

export async function getVisit(db: ReadDb, visitId: string, now: number): Promise<VisitView> {
  const context = await viewContext(db, now);
  const row = await visitsWithNames(db).where('v.id', '=', visitId).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', 'There is no such visit.', { fields: { visitId: 'no such visit' } });
  return toVisitView(
    row,
    { roomName: row.room_name, calledRoomName: row.called_room_name, providerName: row.provider_name },
    context,
  );
}

export interface BoardQuery {
  date?: string | undefined;
  statuses?: VisitStatus[] | undefined;
  providerIds?: string[] | undefined;
  roomIds?: string[] | undefined;
}

/** A day's visits in order of arrival (undone arrivals left out unless asked for), and every room's state. */
export async function visitBoard(db: ReadDb, query: BoardQuery, now: number): Promise<VisitBoard> {
  const context = await viewContext(db, now);
  const date = query.date ?? todayIn(context.timeZone, now);
  // The day's rows without the room and provider joins: those few names come from two small lists.
  let select = visitsBase(db).where('v.local_date', '=', date);
  const statuses =
    query.statuses && query.statuses.length > 0 ? query.statuses : [...ACTIVE_STATUSES, 'checked_out' as const];
  select = select.where('v.status', 'in', statuses);
  if (query.providerIds && query.providerIds.length > 0)
    select = select.where('v.provider_id', 'in', query.providerIds);
  if (query.roomIds && query.roomIds.length > 0) select = select.where('v.room_id', 'in', query.roomIds);
  const [rows, rooms, providers] = await Promise.all([
    select.orderBy('v.arrived_at').orderBy('v.id').execute(),
    roomStates(db, context),
    db.selectFrom('providers').select(['id', 'display_name']).execute(),
  ]);
  const roomNames = new Map(rooms.map((room) => [room.id, room.name]));
  const providerNames = new Map(providers.map((provider) => [provider.id, provider.display_name]));
  const name = (names: Map<string, string>, id: string | null) => (id === null ? null : (names.get(id) ?? null));
  const visits = rows.map((row) =>
    toVisitView(
      row,
      {
        roomName: name(roomNames, row.room_id),
        calledRoomName: name(roomNames, row.called_room_id),
        providerName: name(providerNames, row.provider_id),
      },
      context,
    ),
  );
  return { date, now, thresholds: context.thresholds, visits, rooms };
}

async function roomStates(db: ReadDb, context: ViewContext): Promise<RoomState[]> {
  const rows = await db
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
    .orderBy('r.name')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    visitId: row.visit_id,
    ticket:
      row.visit_id && row.first_name !== null && row.last_name !== null && row.ticket_number !== null
        ? ticketLabel(context.ticketStyle, row.first_name, row.last_name, row.ticket_number)
        : null,
  }));
}

const DISPLAY_WINDOW_MS = 30 * 60_000;

/** Tickets called to a room in the last half hour and not yet checked out: initials or numbers only. */
export async function displayTickets(db: ReadDb, now: number): Promise<DisplayTicket[]> {
  const { ticketStyle } = await readVisitSettings(db);
  const rows = await db
    .selectFrom('visits as v')
    .innerJoin('patients as p', 'p.id', 'v.patient_id')
    .innerJoin('rooms as r', 'r.id', 'v.called_room_id')
    .select(['v.id', 'v.ticket_number', 'v.called_at', 'p.first_name', 'p.last_name', 'r.name as room_name'])
    .where('v.called_at', '>=', now - DISPLAY_WINDOW_MS)
    .where('v.status', 'not in', ['checked_out', 'cancelled'])
    .where('v.deleted_at', 'is', null)
    .orderBy('v.called_at', 'desc')
    .limit(8)
    .execute();
  return rows.map((row) => ({
    visitId: row.id,
    ticket: ticketLabel(ticketStyle, row.first_name, row.last_name, row.ticket_number),
    roomName: row.room_name,
    calledAt: row.called_at ?? now,
  }));
}
