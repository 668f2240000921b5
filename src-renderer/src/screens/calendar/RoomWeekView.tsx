import { useEffect, useMemo, useState } from 'react';
import { useCalendarLists } from './reads';
import { localParts } from '../../../../src-shared/scheduling/time';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { useSession } from '../../stores/session';
import { AppointmentPanel } from './AppointmentPanel';
import { CalendarToolbar } from './CalendarToolbar';
import { roomColumns } from './columns';
import { DayGrid } from './DayGrid';
import { dateLabel } from './format';
import { axisRange } from './layout';
import { WaitlistOffers } from './WaitlistOffers';
import { useTranslation } from '../../i18n';

const NOTHING = () => undefined;

/**
 * `#/calendar/room/<roomId>/<monday>`: a room's week, a column per day with whoever is booked in it,
 * whichever provider. Rooms have no hours, so nothing is shaded and empty time is not booked from
 * here (booking needs a provider: the day view); an appointment opens its panel (move, status, cancel).
 */
export function RoomWeekView({
  zone,
  today,
  roomId,
  monday,
  now,
}: {
  zone: string;
  today: string;
  roomId: string;
  monday: string;
  now: number;
}) {
  const { t } = useTranslation('calendar');
  const { providers, rooms } = useCalendarLists();
  const canWrite = useSession((state) => state.can('appointments:write'));
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Bookings made anywhere, and set-up changes (a room renamed, a holiday), arrive as events.
  const {
    value: week,
    error: refusal,
    loading,
    reload,
  } = useProcedure(
    'calendar.roomWeek',
    { roomId, from: monday, days: 7 },
    { refreshOn: { 'appointments.changed': true, 'schedule.changed': true } },
  );
  const error = refusal?.message ?? null;

  useEffect(() => {
    setSelected(null);
  }, [roomId, monday]);

  const shown = week?.room.id === roomId && week.days[0]?.date === monday ? week : null;
  const columns = useMemo(
    () => (shown ? roomColumns(shown, (id) => providers.find((p) => p.id === id)?.displayName) : []),
    [shown, providers],
  );
  const range = shown ? axisRange(zone, columns) : null;
  const appointment = selected
    ? columns.flatMap((column) => column.appointments).find((a) => a.id === selected)
    : undefined;
  const changed = reload;

  return (
    <section className="calendar">
      <CalendarToolbar
        view={{ kind: 'room', roomId, date: monday }}
        today={today}
        zone={zone}
        loading={loading}
        providers={providers}
        providerHint={appointment?.providerId ?? null}
        rooms={rooms}
      />
      <FormMessage error={error} />
      <WaitlistOffers />
      {shown && (
        <p className="hint">
          {t('RoomWeekView.atEveryoneBookedInThis', {
            roomName: shown.room.name,
            locationName: shown.room.locationName,
          })}
        </p>
      )}
      {shown && range && (
        <div className={`cal-body${appointment ? ' with-panel' : ''}`}>
          <DayGrid
            zone={zone}
            columns={columns}
            label={t('RoomWeekView.roomSchedule')}
            from={range.from}
            to={range.to}
            today={today}
            now={localParts(zone, now).minutes}
            selection={selected ? { kind: 'appointment', appointmentId: selected } : null}
            canBook={false}
            onSlot={NOTHING}
            onAppointment={(id) => {
              setNotice(null);
              setSelected(id);
            }}
          />
          {appointment && (
            <AppointmentPanel
              key={appointment.id}
              appointment={appointment}
              provider={providers.find((p) => p.id === appointment.providerId)}
              providers={providers}
              rooms={rooms}
              dateLabel={dateLabel(appointment.date)}
              canWrite={canWrite}
              notice={notice}
              onClose={() => setSelected(null)}
              onCancelled={() => {
                setSelected(null);
                changed();
              }}
              onChanged={(_, message) => {
                setNotice(message);
                changed();
              }}
            />
          )}
        </div>
      )}
    </section>
  );
}
