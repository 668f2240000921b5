import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { type AppointmentStatus } from '../../../../src-shared/scheduling/status';
import { addDays, WEEKDAY_NAMES } from '../../../../src-shared/scheduling/time';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { useCalendarLists } from './reads';
import { CalendarToolbar } from './CalendarToolbar';
import { dateLabel, monthLabel } from './format';
import { addMonths, calendarHref, clinicWeekStart, weekOf } from './route';
import { Trans, useTranslation } from '../../i18n';
import { appointmentStatusLabel } from '../../i18n/labels';
import { KEY_TAGS } from '../../components/key-tags';

const SHOWN_STATUSES: readonly AppointmentStatus[] = ['confirmed', 'arrived', 'in_room', 'completed', 'no_show'];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/**
 * `#/calendar/month/<date>`: a month of weeks, each day with how many appointments start that day
 * (and how many are confirmed, arrived ...), holidays marked. A day opens the day view. Arrow keys
 * move between days, Enter opens one.
 */
export function MonthView({ zone, today, month }: { zone: string; today: string; month: string }) {
  const { t } = useTranslation('calendar');
  const { providers, rooms } = useCalendarLists();
  const [providerId, setProviderId] = useState('');
  const [focused, setFocused] = useState(today.slice(0, 7) === month.slice(0, 7) ? today : month);
  const table = useRef<HTMLTableElement>(null);
  const key = month.slice(0, 7);
  const last = addDays(addMonths(month, 1), -1);

  const {
    value: overview,
    error: refusal,
    loading,
  } = useProcedure(
    'calendar.month',
    { month: key, providerIds: providerId ? [providerId] : [] },
    {
      refreshOn: {
        // A booking anywhere in the month changes its counts: reload on the pushed event, never by polling.
        'appointments.changed': ({ dates }) => dates.some((date) => date.startsWith(key)),
        // Holidays are part of the set-up: any change of it may add or move one.
        'schedule.changed': true,
      },
    },
  );
  const error = refusal?.message ?? null;
  useEffect(() => {
    setFocused((current) => (current.slice(0, 7) === key ? current : month));
  }, [key, month]);

  const shown = overview?.month === key ? overview : null;
  const byDate = new Map(shown?.days.map((day) => [day.date, day]));
  const weeks: string[][] = [];
  // The columns start on the clinic's first day of the week (ISO weekday; WEEKDAY_NAMES starts on Monday).
  const start = clinicWeekStart() - 1;
  const weekdayNames = [...WEEKDAY_NAMES.slice(start), ...WEEKDAY_NAMES.slice(0, start)];
  for (let first = weekOf(month); first <= last; first = addDays(first, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, offset) => addDays(first, offset)));
  }

  function onKey(event: KeyboardEvent, date: string) {
    const steps: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };
    const by = steps[event.key];
    if (by === undefined || event.altKey) return;
    event.preventDefault();
    const next = addDays(date, by);
    if (next < month || next > last) return;
    setFocused(next);
    table.current?.querySelector<HTMLAnchorElement>(`[data-date="${next}"]`)?.focus();
  }

  return (
    <section className="calendar">
      <CalendarToolbar
        view={{ kind: 'month', date: month }}
        today={today}
        zone={zone}
        loading={loading}
        providers={providers}
        providerHint={providerId || null}
        rooms={rooms}
      />
      <div className="cal-month-filter">
        <label htmlFor="cal-month-provider">{t('MonthView.provider')}</label>
        <select id="cal-month-provider" value={providerId} onChange={(event) => setProviderId(event.target.value)}>
          <option value="">{t('MonthView.allProviders')}</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {provider.displayName}
            </option>
          ))}
        </select>
      </div>
      <FormMessage error={error} />
      <table className="cal-month" ref={table} aria-label={t('MonthView.appointmentsIn', { month: monthLabel(month) })}>
        <thead>
          <tr>
            {weekdayNames.map((name) => (
              <th key={name} scope="col">
                <abbr title={name}>{name.slice(0, 3)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((date) => {
                if (date < month || date > last) return <td key={date} className="cal-month-outside" />;
                const day = byDate.get(date);
                const count = day?.appointments ?? 0;
                const statuses = SHOWN_STATUSES.filter((status) => (day?.byStatus[status] ?? 0) > 0);
                const holiday = day?.holidays.join(', ');
                return (
                  <td key={date} className={`${date === today ? 'today' : ''}${holiday ? ' holiday' : ''}`}>
                    <a
                      href={calendarHref({ kind: 'day', date })}
                      data-date={date}
                      tabIndex={date === focused ? 0 : -1}
                      aria-current={date === today ? 'date' : undefined}
                      aria-label={`${dateLabel(date)}: ${shown ? plural(count, 'appointment') : 'loading'}${holiday ? `, holiday: ${holiday}` : ''}`}
                      onKeyDown={(event) => onKey(event, date)}
                      onFocus={() => setFocused(date)}
                    >
                      <span className="cal-month-day">{Number(date.slice(8))}</span>
                      {holiday && <span className="cal-month-holiday">{holiday}</span>}
                      {shown && count > 0 && (
                        <strong className="cal-month-count">{plural(count, 'appointment')}</strong>
                      )}
                      {statuses.length > 0 && (
                        <span className="cal-month-statuses">
                          {statuses.map((status) => (
                            <span key={status} className={`cal-status status-${status}`}>
                              {day?.byStatus[status]} {appointmentStatusLabel(status)}
                            </span>
                          ))}
                        </span>
                      )}
                    </a>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint cal-keys">
        <Trans t={t} i18nKey="MonthView.altPreviousOrNextMonth" components={KEY_TAGS} />
      </p>
    </section>
  );
}
