import { useState, type KeyboardEvent } from 'react';
import type { RoomState, VisitBoard, VisitView } from '../../../../src-shared/visits/model';
import { type MoveTarget, type VisitStatus } from '../../../../src-shared/visits/status';
import { call } from '../../api';
import { navigate } from '../../hooks/navigation';
import { useSession } from '../../stores/session';
import { billingHref } from '../billing/route';
import { findHref } from '../find/route';
import { liveTimes, minutesText } from './time';
import { useTranslation, variant } from '../../i18n';
import { visitMoveLabel, visitStatusLabel } from '../../i18n/labels';

type RowAction = MoveTarget | 'call' | 'checkout' | 'undo' | 'intake';

/** Single keys on a focused row: a move each, plus call, check-out, undo and intake (vitals). */
export const ROW_KEYS: Record<string, RowAction> = {
  i: 'intake',
  w: 'arrived',
  r: 'roomed',
  p: 'with_provider',
  x: 'ready_for_checkout',
  o: 'checkout',
  c: 'call',
  u: 'undo',
};

interface BoardRowProps {
  visit: VisitView;
  board: VisitBoard;
  now: number;
  canMove: boolean;
  canIntake: boolean;
  timeText: (ms: number) => string;
  onFocusStep: (step: 1 | -1) => void;
}

function freeRooms(rooms: RoomState[], visit: VisitView): RoomState[] {
  return rooms.filter((room) => room.visitId === null || room.visitId === visit.id);
}

/** One patient on the board: where they are, how long, who moved them last, and the moves open to them. */
export function BoardRow({ visit, board, now, canMove, canIntake, timeText, onFocusStep }: BoardRowProps) {
  const { t } = useTranslation('visits');
  const rooms = freeRooms(board.rooms, visit);
  const calledRoom = board.rooms.find((room) => room.name === visit.calledRoomName && rooms.includes(room));
  const [roomId, setRoomId] = useState<string>(visit.roomId ?? calledRoom?.id ?? rooms[0]?.id ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const times = liveTimes(visit, board, now);
  const chosenRoom = rooms.some((room) => room.id === roomId) ? roomId : (rooms[0]?.id ?? '');
  const active = visit.status !== 'checked_out' && visit.status !== 'cancelled';
  const status: VisitStatus = visit.status;
  // A desk that bills checks out through the check-out screen (invoice, payment, then done).
  const canBill = useSession((state) => state.can('billing:write'));

  /** The move's button: rooming from the waiting room says it is not a call (the call shows on the display). */
  const moveLabel = (to: MoveTarget) =>
    to === 'roomed'
      ? status === 'arrived'
        ? t('BoardRow.roomWithoutCalling')
        : t('BoardRow.backToRoom')
      : visitMoveLabel(to);
  const intakeHref = `#/board/intake/${visit.id}`;

  async function act(action: Exclude<RowAction, 'intake'>) {
    setError(null);
    if (action === 'checkout' && canBill) return navigate(billingHref.checkOut(visit.id));
    if (action === 'roomed' || action === 'call') {
      if (!chosenRoom) return setError(t('BoardRow.noFreeRoomFreeOne'));
    }
    setBusy(true);
    const expected = { expectedLastEventId: visit.lastEventId };
    const result =
      action === 'undo'
        ? await call('visits.undo', { visitId: visit.id, ...expected })
        : action === 'checkout'
          ? await call('visits.checkOut', { visitId: visit.id, ...expected })
          : action === 'call'
            ? await call('visits.call', { visitId: visit.id, roomId: chosenRoom })
            : await call('visits.move', {
                visitId: visit.id,
                to: action,
                ...(action === 'roomed' && { roomId: chosenRoom }),
                ...expected,
              });
    setBusy(false);
    // The board itself refreshes from the visits.changed event every desk receives.
    if (!result.ok) setError(result.error.message);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onFocusStep(event.key === 'ArrowDown' ? 1 : -1);
      return;
    }
    const action = ROW_KEYS[event.key.toLowerCase()];
    if (action === 'intake') {
      if (!canIntake || !active) return;
      event.preventDefault();
      window.location.hash = intakeHref;
      return;
    }
    if (!action || !canMove || busy) return;
    const allowed =
      action === 'undo'
        ? visit.undoLabel !== null
        : action === 'checkout'
          ? visit.canCheckOut
          : action === 'call'
            ? active
            : visit.moves.includes(action);
    if (!allowed) return;
    event.preventDefault();
    void act(action);
  }

  return (
    <tr
      tabIndex={0}
      className={`board-row status-${status}${times.over ? ' over' : ''}`}
      aria-label={`${visit.ticket} ${visit.patientName}, ${visitStatusLabel(status)}`}
      onKeyDown={onKeyDown}
      data-visit-id={visit.id}
    >
      <td className="ticket">{visit.ticket}</td>
      <th scope="row">
        {canIntake && active ? <a href={intakeHref}>{visit.patientName}</a> : visit.patientName}
        <span className="sub">
          {t('BoardRow.mrn', {
            mrn: visit.mrn,
            appointmentStart: visit.appointmentStart !== null ? timeText(visit.appointmentStart) : '',
            context: variant(visit.appointmentStart !== null && 'appointment'),
          })}
        </span>
      </th>
      <td>
        <span className={`visit-status vs-${status}`}>{visitStatusLabel(status)}</span>
        <span className={times.over ? 'over-time sub' : 'sub'}>
          {minutesText(times.inStatus)}
          {times.over && t('BoardRow.overThreshold')}
        </span>
      </td>
      <td>{minutesText(times.total)}</td>
      <td>
        {visit.roomName ??
          (visit.calledRoomName ? (
            <span className="muted">{t('BoardRow.calledTo', { calledRoomName: visit.calledRoomName })}</span>
          ) : (
            '—'
          ))}
      </td>
      <td>{visit.providerName ?? '—'}</td>
      <td>
        {visit.lastMoveBy ?? '—'}{' '}
        <span className="sub">{t('BoardRow.at', { lastMoveAt: timeText(visit.lastMoveAt) })}</span>
      </td>
      <td>
        <div className="board-actions">
          {canIntake && active && (
            <a
              className="button"
              href={intakeHref}
              aria-label={t('BoardRow.intakeForVitals', { patientName: visit.patientName })}
              aria-keyshortcuts="I"
            >
              {t('BoardRow.intake')}
            </a>
          )}
          {canMove && active && (
            <>
              {(visit.moves.includes('roomed') || status === 'arrived') && (
                <label className="room-pick">
                  <span>{t('BoardRow.roomFor', { ticket: visit.ticket })}</span>
                  <select value={chosenRoom} onChange={(event) => setRoomId(event.target.value)} disabled={busy}>
                    {rooms.length === 0 && <option value="">{t('BoardRow.noFreeRoom')}</option>}
                    {rooms.map((room) => (
                      <option key={room.id} value={room.id}>
                        {room.name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {status === 'arrived' && (
                <button type="button" onClick={() => void act('call')} disabled={busy} aria-keyshortcuts="C">
                  {t('BoardRow.callToRoomShowsOn')}
                </button>
              )}
              {visit.moves.map((to) => (
                <button key={to} type="button" onClick={() => void act(to)} disabled={busy}>
                  {moveLabel(to)}
                </button>
              ))}
              {visit.canCheckOut && (
                <button type="button" className="primary" onClick={() => void act('checkout')} disabled={busy}>
                  {t('BoardRow.checkOut')}
                </button>
              )}
            </>
          )}
          {status === 'checked_out' && (
            <a
              href={findHref(visit.patientId, visit.providerId)}
              className="follow-up"
              aria-label={t('BoardRow.bookAFollowUpFor', { patientName: visit.patientName })}
            >
              {t('BoardRow.bookFollowUp')}
            </a>
          )}
          {canMove && visit.undoLabel && (
            <button type="button" onClick={() => void act('undo')} disabled={busy}>
              {visit.undoLabel}
            </button>
          )}
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
        </div>
      </td>
    </tr>
  );
}
