import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppointmentView } from '../../../../src-shared/api/areas/scheduling';
import { todayIn } from '../../../../src-shared/patients/dates';
import { addDays, isLocalDate, localParts } from '../../../../src-shared/scheduling/time';
import { bridge } from '../../api';
import { FormMessage } from '../../components/FormMessage';
import { useHashDetail } from '../../hooks/useHashRoute';
import { useCalendar } from '../../stores/calendar';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { AppointmentPanel } from './AppointmentPanel';
import { BookingPanel } from './BookingPanel';
import { providerColumns } from './columns';
import { DayGrid, type Selection } from './DayGrid';
import { dateLabel } from './format';
import './calendar.css';
import { axisRange } from './layout';
import { moveAppointment, movedMessage } from './move';
import { MoveRefusal } from './MoveRefusal';
import type { Drop } from './useAppointmentDrag';

export { dateLabel } from './format';

function go(date: string): void {
  window.location.hash = `#/calendar/${date}`;
}

/** Ticks once a minute so the now-line moves and "today" rolls over at the clinic's midnight. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** `#/calendar` today, `#/calendar/YYYY-MM-DD` a given day: a column per provider. */
export function CalendarScreen() {
  const settings = useClinicSettings((state) => state.settings);
  const zone = settings?.timeZone;
  if (!zone) return <p>Loading the calendar…</p>;
  return <CalendarDay zone={zone} />;
}

function CalendarDay({ zone }: { zone: string }) {
  const detail = useHashDetail();
  const now = useMinute();
  const today = todayIn(zone, now);
  const date = isLocalDate(detail) ? detail : today;
  const { day, types, error, loading, load, refresh, loadTypes } = useCalendar();
  const canWrite = useSession((state) => state.can('appointments:write'));
  const [selection, setSelection] = useState<Selection>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; reasons: string[] } | null>(null);

  useEffect(() => {
    void load(date);
    setSelection(null);
    setStatus(null);
    setRefusal(null);
  }, [date, load]);

  useEffect(() => {
    void loadTypes();
    void useCalendar.getState().loadProviders();
  }, [loadTypes]);

  // Bookings made at another desk or window arrive as events: reload the day they touch.
  useEffect(
    () =>
      bridge.on('appointments.changed', ({ dates }) => {
        const shown = useCalendar.getState().date;
        if (shown && dates.includes(shown)) void useCalendar.getState().refresh();
      }),
    [],
  );

  const close = useCallback(() => {
    setSelection(null);
    setNotice(null);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) {
        event.preventDefault();
        go(addDays(date, event.key === 'ArrowLeft' ? -1 : 1));
      } else if (event.key === 'Escape' && selection) {
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [date, selection, close]);

  const shown = day?.date === date ? day : null;
  const columns = useMemo(() => (shown ? providerColumns(shown) : []), [shown]);
  const range = shown ? axisRange(zone, columns) : null;
  const nowMinute = localParts(zone, now).minutes;
  const label = dateLabel(date);

  /** A block dropped after dragging: main decides; a refusal is shown with its reasons. */
  async function drop(moved: Drop): Promise<void> {
    const column = columns[moved.column];
    if (!column) return;
    setStatus(null);
    setRefusal(null);
    const outcome = await moveAppointment(moved.appointment, { providerId: column.providerId, date: column.date, minute: moved.start, durationMinutes: moved.end - moved.start });
    if (outcome.ok) {
      const provider = shown?.providers.find((p) => p.provider.id === outcome.view.providerId)?.provider;
      setStatus(moved.mode === 'resize' ? `${outcome.view.patientName} now ${outcome.view.startTime}–${outcome.view.endTime}.` : movedMessage(outcome.view, provider?.displayName, null));
    } else {
      setRefusal({ message: `${moved.appointment.patientName} was not moved.`, reasons: outcome.problems.length > 0 ? outcome.problems.map((p) => p.message) : [outcome.error.message] });
    }
    await refresh();
  }

  let panel = null;
  if (shown && selection?.kind === 'slot') {
    const provider = shown.providers.find((p) => p.provider.id === selection.providerId)?.provider;
    if (provider) {
      panel = (
        <BookingPanel
          key={`${provider.id}-${selection.minute}`}
          provider={provider}
          date={selection.date}
          dateLabel={dateLabel(selection.date)}
          minute={selection.minute}
          types={types}
          onClose={close}
          onBooked={(view: AppointmentView) => {
            setSelection({ kind: 'appointment', appointmentId: view.id });
            setNotice(`Booked ${view.patientName} at ${view.startTime} with ${provider.displayName}.`);
            void refresh();
          }}
        />
      );
    }
  } else if (shown && selection?.kind === 'appointment') {
    const column = shown.providers.find((p) => p.appointments.some((a) => a.id === selection.appointmentId));
    const appointment = column?.appointments.find((a) => a.id === selection.appointmentId);
    if (appointment) {
      panel = (
        <AppointmentPanel
          key={appointment.id}
          appointment={appointment}
          provider={column?.provider}
          dateLabel={label}
          canWrite={canWrite}
          notice={notice}
          onClose={close}
          onCancelled={(view) => {
            close();
            setStatus(`Cancelled ${view.patientName}'s ${view.typeName} at ${view.startTime}.`);
            void refresh();
          }}
          onChanged={(view, message) => {
            setNotice(message);
            setSelection({ kind: 'appointment', appointmentId: view.id });
            void refresh();
          }}
        />
      );
    }
  }

  return (
    <section className="calendar">
      <div className="cal-toolbar">
        <h1>Calendar</h1>
        <div className="cal-nav" role="group" aria-label="Choose day">
          <button type="button" onClick={() => go(addDays(date, -1))} title="Alt+←">
            Previous day
          </button>
          <button type="button" onClick={() => go(today)} disabled={date === today}>
            Today
          </button>
          <button type="button" onClick={() => go(addDays(date, 1))} title="Alt+→">
            Next day
          </button>
          <label htmlFor="cal-date" className="visually-hidden">
            Date
          </label>
          <input
            id="cal-date"
            type="date"
            value={date}
            onChange={(event) => {
              if (isLocalDate(event.target.value)) go(event.target.value);
            }}
          />
        </div>
        <p className="cal-date-label" aria-live="polite">
          <strong>{label}</strong>
          {date === today && <span className="tag">today</span>}
          <span className="muted"> · {zone}</span>
          {loading && <span className="muted"> · loading…</span>}
        </p>
      </div>
      <FormMessage error={error} success={status} />
      {refusal && <MoveRefusal message={refusal.message} reasons={refusal.reasons} onDismiss={() => setRefusal(null)} />}
      {shown && shown.holidays.length > 0 && (
        <p className="cal-holiday">Clinic holiday: {shown.holidays.map((h) => h.name).join(', ')}</p>
      )}
      {shown && shown.providers.length === 0 && <p>No providers yet. An administrator adds them with their hours.</p>}
      {shown && range && shown.providers.length > 0 && (
        <div className={`cal-body${panel ? ' with-panel' : ''}`}>
          <DayGrid
            zone={zone}
            columns={columns}
            label="Day schedule"
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
        <kbd>Alt</kbd>+<kbd>←</kbd>/<kbd>→</kbd> previous or next day · arrow keys move between slots · <kbd>Enter</kbd> books the focused slot · drag an appointment to move it, its bottom edge to change its length (or open it and use Move…) · <kbd>Esc</kbd> closes the panel.
      </p>
    </section>
  );
}
