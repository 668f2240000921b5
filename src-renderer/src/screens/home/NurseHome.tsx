import { useMemo } from 'react';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useSession } from '../../stores/session';
import { useCalendarLists } from '../calendar/reads';
import { boardNow, minutesText } from '../visits/time';
import { useTick } from '../visits/useVisitEvents';
import { HomeCard } from './HomeCard';
import { TasksCard } from './TasksCard';

/**
 * The nurse's home: who waits to be taken in (longest first, with Intake beside each) and the rooms,
 * free or held by which ticket. A provider whose account is linked to a provider record sees those
 * waiting for them (arrived or in a room). Read again when any desk moves a patient (`visits.changed`).
 */
export function NurseHome() {
  const { t } = useTranslation('home');
  const canIntake = useSession((state) => state.can('vitals:write'));
  const userId = useSession((state) => state.session?.user.id);
  const mine = useCalendarLists().providers.find((each) => each.userId !== null && each.userId === userId);
  const read = useProcedure('visits.board', {}, { refreshOn: { 'visits.changed': true } });
  const board = read.value;
  const tick = useTick();
  const loadedAt = useMemo(() => (board ? Date.now() : 0), [board]);
  const now = board ? boardNow(board, loadedAt, tick) : tick;
  const waiting = (board?.visits ?? [])
    .filter((visit) =>
      mine
        ? visit.providerId === mine.id && (visit.status === 'arrived' || visit.status === 'roomed')
        : visit.status === 'arrived',
    )
    .sort((a, b) => a.arrivedAt - b.arrivedAt);
  const rooms = board?.rooms ?? [];

  return (
    <div className="home-grid">
      <HomeCard
        id="home-nurse-waiting"
        title={mine ? t('nurse.waitingForProvider', { provider: mine.displayName }) : t('nurse.waitingForYou')}
        count={waiting.length}
        error={read.error?.message}
        loading={!board}
        empty={t('nurse.noneWaiting')}
        more={{ href: '#/board', label: t('reception.openBoard') }}
      >
        {waiting.map((visit) => (
          <li key={visit.id} className="home-row">
            <span className="home-when">{visit.ticket}</span>
            <span className="home-who">
              <a href={`#/patients/${visit.patientId}`}>{visit.patientName}</a>
              <small className="muted">
                {mine ? (visit.roomName ?? t('nurse.notRoomed')) : (visit.providerName ?? t('reception.anyProvider'))}
              </small>
            </span>
            <span className={visit.overThreshold ? 'tag warning' : 'tag'}>
              {t('reception.waited', { time: minutesText(Math.max(0, Math.round((now - visit.arrivedAt) / 60_000))) })}
            </span>
            {canIntake && (
              <a
                className="button primary"
                href={`#/board/intake/${visit.id}`}
                aria-label={t('nurse.intakeNamed', { name: visit.patientName })}
              >
                {t('nurse.intake')}
              </a>
            )}
          </li>
        ))}
      </HomeCard>
      <TasksCard />
      <HomeCard
        id="home-rooms"
        title={t('nurse.rooms')}
        count={rooms.filter((room) => room.visitId === null).length}
        error={read.error?.message}
        loading={!board}
        empty={t('nurse.noRooms')}
        more={{ href: '#/board', label: t('reception.openBoard') }}
      >
        {rooms.length === 0 && <li className="muted">{t('nurse.noRooms')}</li>}
        {rooms.map((room) => (
          <li key={room.id} className="home-row">
            <span className="home-who">{room.name}</span>
            <span className={room.visitId ? 'tag' : 'tag free'}>
              {room.visitId ? t('nurse.inUse', { ticket: room.ticket ?? '' }) : t('nurse.free')}
            </span>
          </li>
        ))}
      </HomeCard>
    </div>
  );
}
