import { VISIT_STATUS_LABELS, type VisitStatus } from '../../../src-shared/visits/status';

/**
 * The visit state machine: pure and table-driven. Core's service reads the visit, asks the machine
 * what the move does, and writes the answer with an event holding the fields as they were, which
 * is what undo restores.
 */

/** Where a visit may go from each status with `visits.move` / `visits.checkOut`. */
export const VISIT_TRANSITIONS: Record<VisitStatus, readonly VisitStatus[]> = {
  arrived: ['roomed'],
  roomed: ['arrived', 'with_provider', 'ready_for_checkout'],
  with_provider: ['roomed', 'ready_for_checkout'],
  ready_for_checkout: ['with_provider', 'checked_out'],
  checked_out: [],
  cancelled: [],
};

/** Forward order of the floor: moving back to a status clears the times of the later ones. */
const ORDER: readonly VisitStatus[] = ['arrived', 'roomed', 'with_provider', 'ready_for_checkout', 'checked_out'];

type Stamp = 'roomed_at' | 'seen_at' | 'ready_at' | 'checked_out_at';
const STAMP: Partial<Record<VisitStatus, Stamp>> = {
  roomed: 'roomed_at',
  with_provider: 'seen_at',
  ready_for_checkout: 'ready_at',
  checked_out: 'checked_out_at',
};

/** The fields a move changes; an event stores them as they were before it. */
export interface MovingFields {
  status: VisitStatus;
  room_id: string | null;
  provider_id: string | null;
  roomed_at: number | null;
  seen_at: number | null;
  ready_at: number | null;
  checked_out_at: number | null;
  status_since: number;
}

export interface MoveRequest {
  to: VisitStatus;
  roomId?: string | undefined;
  providerId?: string | undefined;
}

export type Plan =
  { ok: true; after: MovingFields } | { ok: false; field: 'to' | 'roomId' | 'providerId'; reason: string };

/**
 * A clinic without a provider step (`providerStep` off in Settings) goes from the room straight to
 * check-out: "With provider" is not offered, and a roomed visit may be checked out at once — the
 * shortest path to finish a visit is then one press.
 */
const WITHOUT_PROVIDER_STEP: Record<VisitStatus, readonly VisitStatus[]> = {
  ...VISIT_TRANSITIONS,
  roomed: ['arrived', 'ready_for_checkout', 'checked_out'],
};

export function allowedMoves(status: VisitStatus, providerStep = true): readonly VisitStatus[] {
  return (providerStep ? VISIT_TRANSITIONS : WITHOUT_PROVIDER_STEP)[status];
}

/** What a move does to the visit, or why it is refused. */
export function planMove(current: MovingFields, request: MoveRequest, at: number, providerStep = true): Plan {
  const { to } = request;
  const allowed = allowedMoves(current.status, providerStep);
  if (!allowed.includes(to)) {
    const from = VISIT_STATUS_LABELS[current.status];
    const options = allowed.map((status) => VISIT_STATUS_LABELS[status]);
    return {
      ok: false,
      field: 'to',
      reason:
        `A visit that is ${from} cannot become ${VISIT_STATUS_LABELS[to]}` +
        (options.length > 0 ? ` (it can become ${options.join(', ')}).` : ' (it can only be undone).'),
    };
  }
  const after: MovingFields = { ...current, status: to, status_since: at };

  if (to === 'arrived') after.room_id = null;
  if (to === 'roomed') {
    // Back from the provider the patient stays in the same room unless told otherwise.
    const room = request.roomId ?? (current.status === 'with_provider' ? current.room_id : null);
    if (!room) return { ok: false, field: 'roomId', reason: 'choose the room the patient goes to' };
    after.room_id = room;
  } else if (request.roomId !== undefined && to !== 'arrived') {
    after.room_id = request.roomId;
  }
  if (to === 'with_provider') {
    const provider = request.providerId ?? current.provider_id;
    if (!provider) return { ok: false, field: 'providerId', reason: 'choose the provider who sees the patient' };
    after.provider_id = provider;
  } else if (request.providerId !== undefined) {
    after.provider_id = request.providerId;
  }

  const target = ORDER.indexOf(to);
  for (const [index, status] of ORDER.entries()) {
    const stamp = STAMP[status];
    if (!stamp) continue;
    if (index > target) after[stamp] = null;
    else if (index === target) after[stamp] = current[stamp] ?? at;
  }
  // Moving forward again after going back is a new arrival in that status: a fresh time.
  const stamp = STAMP[to];
  if (stamp && ORDER.indexOf(current.status) < target) after[stamp] = at;
  return { ok: true, after };
}

export interface EventForUndo {
  id: string;
  action: 'arrive' | 'move' | 'check_out' | 'undo' | 'call';
  to_status: VisitStatus;
  undoes_event_id: string | null;
}

/** The newest move not yet undone (calls are not moves); events are given oldest first. */
export function lastUndoable<E extends EventForUndo>(events: readonly E[]): E | null {
  const undone = new Set(events.flatMap((event) => (event.undoes_event_id ? [event.undoes_event_id] : [])));
  for (let index = events.length - 1; index >= 0; index -= 1) {
    const event = events[index];
    if (!event || event.action === 'undo' || event.action === 'call' || undone.has(event.id)) continue;
    return event;
  }
  return null;
}

/** What an undo of this event does: an arrival undone cancels the visit; a move puts back the fields as they were. */
export function planUndo(current: MovingFields, event: EventForUndo, before: MovingFields, at: number): MovingFields {
  if (event.action === 'arrive') return { ...current, status: 'cancelled', room_id: null, status_since: at };
  return { ...before };
}

export function undoLabel(event: Pick<EventForUndo, 'action' | 'to_status'> | null): string | null {
  if (!event) return null;
  if (event.action === 'arrive') return 'Undo arrival';
  if (event.action === 'check_out') return 'Undo check-out';
  return `Undo: ${VISIT_STATUS_LABELS[event.to_status]}`;
}
