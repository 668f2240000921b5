import { useMemo, useRef, useState } from 'react';
import { type VisitStatus } from '../../../../src-shared/visits/status';
import { localTimeOf } from '../../../../src-shared/scheduling/time';
import { useHashDetail } from '../../hooks/useHashRoute';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { useProcedure } from '../../hooks/useProcedure';
import { BoardRow } from './BoardRow';
import { BoardSettings } from './BoardSettings';
import { IntakeScreen } from './IntakeScreen';
import { boardNow } from './time';
import { useTick } from './useVisitEvents';
import './visits.css';
import { useClockTime } from '../../format/clock-time';
import { useCalendarDate } from '../../format/calendar-date';
import { Trans, useTranslation, variant } from '../../i18n';
import { visitStatusLabel } from '../../i18n/labels';
import { KEY_TAGS } from '../../components/key-tags';

const STATUS_FILTERS: VisitStatus[] = ['arrived', 'roomed', 'with_provider', 'ready_for_checkout', 'checked_out'];

/** `#/board` the flow board; `#/board/intake/<visitId>` the nurse's intake for one visit. */
export function BoardScreen() {
  const detail = useHashDetail();
  const intake = /^intake\/([0-9a-f-]{36})$/.exec(detail);
  if (intake?.[1]) return <IntakeScreen visitId={intake[1]} />;
  return <FlowBoard />;
}

function FlowBoard() {
  const { t } = useTranslation('visits');
  const showDate = useCalendarDate();
  // Today's board, read again whenever any desk moves a patient (`visits.changed`); no polling.
  const read = useProcedure('visits.board', {}, { refreshOn: { 'visits.changed': true } });
  const board = read.value;
  // When the board arrived in this window: times tick on from the server's `now`.
  const loadedAt = useMemo(() => (board ? Date.now() : 0), [board]);
  const error = read.error?.message ?? null;
  const zone = useClinicSettings((state) => state.settings?.timeZone) ?? 'UTC';
  const canMove = useSession((state) => state.can('visits:write'));
  const canIntake = useSession((state) => state.can('vitals:write'));
  const canManage = useSession((state) => state.can('settings:manage'));
  const tick = useTick();
  const [provider, setProvider] = useState('');
  const [room, setRoom] = useState('');
  const [status, setStatus] = useState('');
  const tableRef = useRef<HTMLTableSectionElement>(null);

  const providers = useMemo(() => {
    const seen = new Map<string, string>();
    for (const visit of board?.visits ?? [])
      if (visit.providerId && visit.providerName) seen.set(visit.providerId, visit.providerName);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [board]);

  const shown = (board?.visits ?? []).filter(
    (visit) =>
      (!provider || visit.providerId === provider) &&
      (!room || visit.roomId === room) &&
      (!status || visit.status === status),
  );
  const now = board ? boardNow(board, loadedAt, tick) : tick;
  const clock = useClockTime();
  const timeText = (ms: number) => clock.hhmm(localTimeOf(zone, ms));

  const focusStep = (step: 1 | -1) => {
    const rows = [...(tableRef.current?.querySelectorAll<HTMLTableRowElement>('tr.board-row') ?? [])];
    const index = rows.findIndex((row) => row === document.activeElement);
    rows[Math.min(rows.length - 1, Math.max(0, index + step))]?.focus();
  };

  return (
    <section aria-labelledby="board-title" className="board">
      <div className="section-head">
        <div>
          <h1 id="board-title">{t('BoardScreen.flowBoard')}</h1>
          <p className="lead">
            {t('BoardScreen.updatesItselfWhenAnyDesk', {
              boardDate: board ? showDate(board.date) : '',
              onTheFloor: board ? board.visits.filter((v) => v.status !== 'checked_out').length : 0,
              context: variant(board && 'board'),
            })}
          </p>
        </div>
        <a href="#/display" target="_blank" rel="noreferrer">
          {t('BoardScreen.openWaitingRoomDisplay')}
        </a>
      </div>
      <div className="board-filters" role="group" aria-label={t('BoardScreen.filters')}>
        <label>
          {t('BoardScreen.provider')}
          <select value={provider} onChange={(event) => setProvider(event.target.value)}>
            <option value="">{t('BoardScreen.allProviders')}</option>
            {providers.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('BoardScreen.room')}
          <select value={room} onChange={(event) => setRoom(event.target.value)}>
            <option value="">{t('BoardScreen.allRooms')}</option>
            {(board?.rooms ?? []).map((option) => (
              <option key={option.id} value={option.id}>
                {option.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('BoardScreen.status')}
          <select value={status} onChange={(event) => setStatus(event.target.value)}>
            <option value="">{t('BoardScreen.allStatuses')}</option>
            {STATUS_FILTERS.map((value) => (
              <option key={value} value={value}>
                {visitStatusLabel(value)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {board && (
        <ul className="room-states" aria-label={t('BoardScreen.rooms')}>
          {board.rooms.map((r) => (
            <li key={r.id} className={r.visitId ? 'taken' : 'free'}>
              <strong>{r.name}</strong> {r.ticket ?? 'free'}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <p className="hint">
        <Trans t={t} i18nKey="BoardScreen.selectARowThenI" components={KEY_TAGS} />
      </p>
      <table className="board-table">
        <thead>
          <tr>
            <th scope="col">{t('BoardScreen.ticket')}</th>
            <th scope="col">{t('BoardScreen.patient')}</th>
            <th scope="col">{t('BoardScreen.statusTimeInIt')}</th>
            <th scope="col">{t('BoardScreen.total')}</th>
            <th scope="col">{t('BoardScreen.room')}</th>
            <th scope="col">{t('BoardScreen.provider')}</th>
            <th scope="col">{t('BoardScreen.lastMoveBy')}</th>
            <th scope="col">{t('BoardScreen.actions')}</th>
          </tr>
        </thead>
        <tbody ref={tableRef}>
          {board &&
            shown.map((visit) => (
              <BoardRow
                key={visit.id}
                visit={visit}
                board={board}
                now={now}
                canMove={canMove}
                canIntake={canIntake}
                timeText={timeText}
                onFocusStep={focusStep}
              />
            ))}
          {board && shown.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                {board.visits.length > 0 ? t('BoardScreen.noPatientsMatch') : t('BoardScreen.noPatientsYet')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {canManage && <BoardSettings />}
    </section>
  );
}
