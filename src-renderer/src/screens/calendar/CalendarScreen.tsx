import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import { todayIn } from '../../../../src-shared/patients/dates';
import { localParts } from '../../../../src-shared/scheduling/time';
import { FormMessage } from '../../components/FormMessage';
import { useClockTime } from '../../format/clock-time';
import { useHashDetail } from '../../hooks/useHashRoute';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { AppointmentPanel } from './AppointmentPanel';
import { BookingPanel } from './BookingPanel';
import { CalendarToolbar } from './CalendarToolbar';
import { providerColumns, weekColumns } from './columns';
import { DaySheet } from './DaySheet';
import { DayGrid, type Selection } from './DayGrid';
import { UndoCancel } from './UndoCancel';
import { WaitlistOffers } from './WaitlistOffers';
import { dateLabel } from './format';
import './calendar.css';
import { axisRange } from './layout';
import { moveAppointment, movedMessage } from './move';
import { MonthView } from './MonthView';
import { MoveRefusal } from './MoveRefusal';
import { useCalendarLists, useCalendarReads } from './reads';
import { parseCalendarRoute, type CalendarView } from './route';
import { RoomWeekView } from './RoomWeekView';
import type { Drop } from './useAppointmentDrag';
import { Trans, useTranslation } from '../../i18n';
import { KEY_TAGS } from '../../components/key-tags';

export { dateLabel } from './format';

/** Ticks once a minute so the now-line moves and "today" rolls over at the clinic's midnight. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** `#/calendar/<date>?appointment=<id>` (a link from the Conflicts screen) opens that appointment's panel. */
function linkedAppointment(): Selection {
  const id = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('appointment');
  return id ? { kind: 'appointment', appointmentId: id } : null;
}

/**
 * `#/calendar` today, `#/calendar/YYYY-MM-DD` a day with a column per provider,
 * `#/calendar/week/<providerId>/<date>` a provider's week, `#/calendar/month/<date>` the month's
 * counts, `#/calendar/sheet/<providerId>/<date>` a printable day sheet.
 */
export function CalendarScreen() {
  const { t } = useTranslation('calendar');
  const settings = useClinicSettings((state) => state.settings);
  const zone = settings?.timeZone;
  const detail = useHashDetail();
  const now = useMinute();
  if (!zone) return <p>{t('CalendarScreen.loadingTheCalendar')}</p>;
  const today = todayIn(zone, now);
  const view = parseCalendarRoute(detail, today);
  if (view.kind === 'month') return <MonthView zone={zone} today={today} month={view.date} />;
  if (view.kind === 'sheet')
    return <DaySheet providerId={view.providerId} date={view.date} clinicName={settings.clinicName} />;
  if (view.kind === 'room')
    return <RoomWeekView zone={zone} today={today} roomId={view.roomId} monday={view.date} now={now} />;
  return <CalendarDay zone={zone} view={view} now={now} today={today} />;
}

function CalendarDay({
  zone,
  view,
  now,
  today,
}: {
  zone: string;
  view: Extract<CalendarView, { kind: 'day' | 'week' }>;
  now: number;
  today: string;
}) {
  const { t } = useTranslation('calendar');
  const date = view.date;
  const weekProvider = view.kind === 'week' ? view.providerId : null;
  // The day or week shown, read before the paint; a day read ahead is drawn in the render that opens it.
  const { day, week, loading, error, refresh } = useCalendarReads(date, weekProvider);
  const { types, providers, rooms } = useCalendarLists();
  const canWrite = useSession((state) => state.can('appointments:write'));
  const [selection, setSelection] = useState<Selection>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const clock = useClockTime();
  const [status, setStatus] = useState<string | null>(null);
  /** The appointment just cancelled here, which "Undo cancel" beside the message takes back. */
  const [lastCancelled, setLastCancelled] = useState<AppointmentView | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; reasons: string[] } | null>(null);

  useLayoutEffect(() => {
    setSelection(linkedAppointment());
    setStatus(null);
    setLastCancelled(null);
    setRefusal(null);
  }, [date, weekProvider]);

  const close = useCallback(() => {
    setSelection(null);
    setNotice(null);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && selection) {
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, close]);

  const shownDay = day?.date === date ? day : null;
  const shownWeek = weekProvider && week?.provider.id === weekProvider && week.days[0]?.date === date ? week : null;
  const columns = useMemo(
    () => (shownDay ? providerColumns(shownDay) : shownWeek ? weekColumns(shownWeek) : []),
    [shownDay, shownWeek],
  );
  const shown = shownDay ?? shownWeek;
  // Once per answer, not per render: it reads every appointment's start and end (a busy day's screen
  // renders several times while it settles: the answer, the selection, focus, the clock).
  const range = useMemo(() => (shown ? axisRange(zone, columns) : null), [shown, zone, columns]);
  const nowMinute = localParts(zone, now).minutes;
  const providerOf = (id: string) =>
    providers.find((p) => p.id === id) ??
    shownDay?.providers.find((p) => p.provider.id === id)?.provider ??
    (shownWeek?.provider.id === id ? shownWeek.provider : undefined);
  const holidays = shownDay ? shownDay.holidays : [];

  /** A block dropped after dragging: main decides; a refusal is shown with its reasons. */
  async function drop(moved: Drop): Promise<void> {
    const column = columns[moved.column];
    if (!column) return;
    setStatus(null);
    setLastCancelled(null);
    setRefusal(null);
    const outcome = await moveAppointment(moved.appointment, {
      providerId: column.providerId,
      date: column.date,
      minute: moved.start,
      durationMinutes: moved.end - moved.start,
    });
    if (outcome.ok) {
      const provider = providerOf(outcome.view.providerId);
      const otherDay = moved.fromColumn !== moved.column && weekProvider ? dateLabel(outcome.view.date) : null;
      setStatus(
        moved.mode === 'resize'
          ? t('CalendarScreen.now', {
              patientName: outcome.view.patientName,
              startTime: clock.span(outcome.view.startTime, outcome.view.endTime),
            })
          : movedMessage(outcome.view, provider?.displayName, otherDay),
      );
    } else {
      setRefusal({
        message: t('CalendarScreen.wasNotMoved', { patientName: moved.appointment.patientName }),
        reasons: outcome.problems.length > 0 ? outcome.problems.map((p) => p.message) : [outcome.error.message],
      });
    }
    await refresh();
  }

  // The provider the Week button opens: the one in hand, else the first.
  const hint =
    weekProvider ??
    (selection?.kind === 'slot'
      ? selection.providerId
      : selection?.kind === 'appointment'
        ? (columns.flatMap((c) => c.appointments).find((a) => a.id === selection.appointmentId)?.providerId ?? null)
        : null);

  let panel = null;
  if (shown && selection?.kind === 'slot') {
    const provider = providerOf(selection.providerId);
    if (provider) {
      panel = (
        <BookingPanel
          key={`${provider.id}-${selection.minute}`}
          provider={provider}
          date={selection.date}
          dateLabel={dateLabel(selection.date)}
          minute={selection.minute}
          types={types}
          rooms={rooms}
          onClose={close}
          onBooked={(booked: AppointmentView) => {
            setSelection({ kind: 'appointment', appointmentId: booked.id });
            setNotice(
              t('CalendarScreen.bookedAtWith', {
                patientName: booked.patientName,
                startTime: clock.hhmm(booked.startTime),
                displayName: provider.displayName,
              }),
            );
            void refresh();
          }}
        />
      );
    }
  } else if (shown && selection?.kind === 'appointment') {
    const appointment = columns.flatMap((column) => column.appointments).find((a) => a.id === selection.appointmentId);
    if (appointment) {
      panel = (
        <AppointmentPanel
          key={appointment.id}
          appointment={appointment}
          provider={providerOf(appointment.providerId)}
          providers={providers}
          rooms={rooms}
          dateLabel={dateLabel(appointment.date)}
          canWrite={canWrite}
          notice={notice}
          onClose={close}
          onCancelled={(cancelled) => {
            close();
            setLastCancelled(cancelled);
            setStatus(
              t('CalendarScreen.cancelledSAt', {
                patientName: cancelled.patientName,
                typeName: cancelled.typeName,
                startTime: clock.hhmm(cancelled.startTime),
              }),
            );
            void refresh();
          }}
          onChanged={(changed, message) => {
            // Moved off the days on screen, its panel goes with it: the word stays above the calendar.
            if (!columns.some((column) => column.date === changed.date)) {
              close();
              setLastCancelled(null);
              setStatus(message);
            } else {
              setNotice(message);
              setSelection({ kind: 'appointment', appointmentId: changed.id });
            }
            void refresh();
          }}
        />
      );
    }
  }

  return (
    <section className="calendar">
      <CalendarToolbar
        view={view}
        today={today}
        zone={zone}
        loading={loading}
        providers={providers}
        providerHint={hint}
        rooms={rooms}
      />
      <FormMessage error={error} success={status} />
      {lastCancelled && status && (
        <UndoCancel
          key={lastCancelled.id}
          cancelled={lastCancelled}
          onUndone={(view) => {
            setLastCancelled(null);
            setStatus(t('CalendarScreen.cancelUndone', { patientName: view.patientName }));
            setSelection({ kind: 'appointment', appointmentId: view.id });
            void refresh();
          }}
        />
      )}
      <WaitlistOffers />
      {refusal && (
        <MoveRefusal message={refusal.message} reasons={refusal.reasons} onDismiss={() => setRefusal(null)} />
      )}
      {holidays.length > 0 && (
        <p className="cal-holiday">
          {t('CalendarScreen.clinicHoliday', { join: holidays.map((h) => h.name).join(', ') })}
        </p>
      )}
      {shown && columns.length === 0 && <p>{t('CalendarScreen.noProvidersYetAnAdministrator')}</p>}
      {shown && range && columns.length > 0 && (
        <div className={`cal-body${panel ? ' with-panel' : ''}`}>
          <DayGrid
            zone={zone}
            columns={columns}
            label={weekProvider ? t('CalendarScreen.weekSchedule') : t('CalendarScreen.daySchedule')}
            from={range.from}
            to={range.to}
            today={today}
            now={nowMinute}
            selection={selection}
            canBook={canWrite}
            onDrop={canWrite ? drop : undefined}
            onSlot={(providerId, slotDate, minute) => {
              setNotice(null);
              setSelection({ kind: 'slot', providerId, date: slotDate, minute });
            }}
            onAppointment={(appointmentId) => {
              setNotice(null);
              setSelection({ kind: 'appointment', appointmentId });
            }}
          />
          {panel}
        </div>
      )}
      <p className="hint cal-keys">
        <Trans
          t={t}
          i18nKey={weekProvider ? 'CalendarScreen.keysWeek' : 'CalendarScreen.keysDay'}
          components={KEY_TAGS}
        />
      </p>
    </section>
  );
}
