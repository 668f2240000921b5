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
import {
  findBoardVisit,
  listBoardVisits,
  listCalledVisits,
  listProviderNames,
  listRoomOccupants,
  type BoardVisitRow,
} from './board-repository';

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

export function toVisitView(row: BoardVisitRow, names: VisitNames, context: ViewContext): VisitView {
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
  const row = await findBoardVisit(db, visitId);
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
  const statuses =
    query.statuses && query.statuses.length > 0 ? query.statuses : [...ACTIVE_STATUSES, 'checked_out' as const];
  // The day's rows without the room and provider joins: those few names come from two small lists.
  const [rows, rooms, providers] = await Promise.all([
    listBoardVisits(db, { date, statuses, providerIds: query.providerIds, roomIds: query.roomIds }),
    roomStates(db, context),
    listProviderNames(db),
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
  const rows = await listRoomOccupants(db);
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
  const rows = await listCalledVisits(db, now - DISPLAY_WINDOW_MS, 8);
  return rows.map((row) => ({
    visitId: row.id,
    ticket: ticketLabel(ticketStyle, row.first_name, row.last_name, row.ticket_number),
    roomName: row.room_name,
    calledAt: row.called_at ?? now,
  }));
}
