import { useMemo } from 'react';
import { todayIn } from '../../../../src-shared/patients/dates';
import { formatMoney } from '../../../../src-shared/billing/money';
import type { VisitView } from '../../../../src-shared/visits/model';
import { useClockTime } from '../../format/clock-time';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { billingHref } from '../billing/route';
import { boardNow, minutesText } from '../visits/time';
import { useTick } from '../visits/useVisitEvents';
import { HomeCard } from './HomeCard';
import { TasksCard } from './TasksCard';

/** Bookings still to arrive today (an arrival moves them to Waiting). */
const EXPECTED = new Set(['booked', 'confirmed']);

/**
 * The receptionist's home: today's expected arrivals (the late ones say "Late"), who is waiting,
 * who is ready to check out and what they owe, and how many are on the call list. Every list is read
 * again when a desk books, moves or checks someone in (pushed events), never on a timer; the clock
 * ticks only to mark arrivals late.
 */
export function ReceptionHome() {
  const { t } = useTranslation('home');
  const zone = useClinicSettings((state) => state.settings?.timeZone);
  const canCheckIn = useSession((state) => state.can('visits:write'));
  const canCheckOut = useSession((state) => state.can('billing:write'));
  const clock = useClockTime();
  const tick = useTick();
  const today = zone ? todayIn(zone, Date.now()) : null;
  // Read again for changes to today's bookings only (a booking next week does not touch this list).
  const day = useProcedure(
    'appointments.day',
    today ? { date: today, providerIds: [], includeCancelled: false } : null,
    {
      refreshOn: {
        'appointments.changed': (event) => today !== null && event.dates.includes(today),
        'visits.changed': true,
      },
    },
  );
  const read = useProcedure('visits.board', {}, { refreshOn: { 'visits.changed': true } });
  const board = read.value;
  const loadedAt = useMemo(() => (board ? Date.now() : 0), [board]);
  const now = board ? boardNow(board, loadedAt, tick) : tick;
  const calls = useProcedure(
    'reminders.callListCount',
    {},
    {
      refreshOn: { 'reminders.changed': true, 'appointments.changed': true },
    },
  );

  const expected = (day.value?.providers ?? [])
    .flatMap((each) => each.appointments.map((appointment) => ({ appointment, provider: each.provider.displayName })))
    .filter(({ appointment }) => EXPECTED.has(appointment.status))
    .sort((a, b) => a.appointment.start - b.appointment.start);
  const waiting = (board?.visits ?? []).filter((visit) => visit.status === 'arrived');
  const ready = (board?.visits ?? []).filter((visit) => visit.status === 'ready_for_checkout');

  return (
    <div className="home-grid">
      <HomeCard
        id="home-expected"
        title={t('reception.expected')}
        count={expected.length}
        error={day.error?.message}
        loading={!day.value}
        empty={t('reception.noneExpected')}
        more={{ href: '#/today', label: t('reception.openCheckIn') }}
      >
        {expected.map(({ appointment, provider }) => {
          const late = appointment.start < now;
          const when = clock.hhmm(appointment.startTime);
          return (
            <li key={appointment.id} className={late ? 'home-row late' : 'home-row'}>
              <span className="home-when">{when}</span>
              <span className="home-who">
                <a href={`#/patients/${appointment.patientId}`}>{appointment.patientName}</a>
                <small className="muted">{t('reception.withProvider', { type: appointment.typeName, provider })}</small>
              </span>
              {late && <span className="tag warning">{t('reception.late')}</span>}
              {canCheckIn && (
                <a
                  className="button"
                  href={`#/today/${appointment.id}`}
                  aria-label={t('reception.checkInNamed', { name: appointment.patientName, when })}
                >
                  {t('reception.checkIn')}
                </a>
              )}
            </li>
          );
        })}
      </HomeCard>
      <HomeCard
        id="home-waiting"
        title={t('reception.waiting')}
        count={waiting.length}
        error={read.error?.message}
        loading={!board}
        empty={t('reception.noneWaiting')}
        more={{ href: '#/board', label: t('reception.openBoard') }}
      >
        {waiting.map((visit) => (
          <li key={visit.id} className="home-row">
            <span className="home-when">{visit.ticket}</span>
            <span className="home-who">
              <a href={`#/patients/${visit.patientId}`}>{visit.patientName}</a>
              <small className="muted">{visit.providerName ?? t('reception.anyProvider')}</small>
            </span>
            <span className={visit.overThreshold ? 'tag warning' : 'tag'}>
              {t('reception.waited', { time: minutesText(Math.max(0, Math.round((now - visit.arrivedAt) / 60_000))) })}
            </span>
          </li>
        ))}
      </HomeCard>
      <HomeCard
        id="home-checkout"
        title={t('reception.readyToCheckOut')}
        count={ready.length}
        error={read.error?.message}
        loading={!board}
        empty={t('reception.noneReady')}
      >
        {ready.map((visit) => (
          <ReadyRow key={visit.id} visit={visit} canCheckOut={canCheckOut && visit.canCheckOut} />
        ))}
      </HomeCard>
      <TasksCard />
      <HomeCard
        id="home-calls"
        title={t('reception.callList')}
        error={calls.error?.message}
        loading={!calls.value}
        more={{ href: '#/reminders', label: t('reception.openCallList') }}
      >
        <li className="home-row">
          <span className="home-figure">{calls.value?.count ?? 0}</span>
          <span>{t('reception.toCall', { count: calls.value?.count ?? 0 })}</span>
        </li>
      </HomeCard>
    </div>
  );
}

/** One patient ready to leave: what their account owes (for billing:read), and Check out. */
function ReadyRow({ visit, canCheckOut }: { visit: VisitView; canCheckOut: boolean }) {
  const { t } = useTranslation('home');
  const canSeeMoney = useSession((state) => state.can('billing:read'));
  const summary = useProcedure('accounts.summary', canSeeMoney ? { patientId: visit.patientId } : null, {
    refreshOn: { 'billing.changed': (event) => event.patientIds.includes(visit.patientId) },
  }).value;
  const money = useProcedure('billing.settings', canSeeMoney ? {} : null).value?.money;
  return (
    <li className="home-row">
      <span className="home-when">{visit.ticket}</span>
      <span className="home-who">
        <a href={`#/patients/${visit.patientId}`}>{visit.patientName}</a>
        <small className="muted">{visit.providerName ?? ''}</small>
      </span>
      {summary && money && (
        <span className="home-owes">
          {summary.balanceMinor > 0
            ? t('reception.owes', { amount: formatMoney(summary.balanceMinor, money) })
            : t('reception.owesNothing')}
        </span>
      )}
      {canCheckOut && (
        <a
          className="button primary"
          href={billingHref.checkOut(visit.id)}
          aria-label={t('reception.checkOutNamed', { name: visit.patientName })}
        >
          {t('reception.checkOut')}
        </a>
      )}
    </li>
  );
}
