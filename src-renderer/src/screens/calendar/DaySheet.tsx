import { localTimeOf } from '../../../../src-shared/scheduling/time';
import { FormMessage } from '../../components/FormMessage';
import { useProcedure } from '../../hooks/useProcedure';
import { useClockTime, type ClockTime } from '../../format/clock-time';
import { dateLabel } from './format';
import { calendarHref } from './route';
import { useTranslation } from '../../i18n';
import { appointmentStatusTitle } from '../../i18n/labels';

/** '08:00–12:30, 13:30–17:00' ('8:00 AM–12:30 PM, …' in a 12-hour clinic). */
function spans(zone: string, list: readonly { start: number; end: number }[], clock: ClockTime): string {
  return list.map((span) => clock.span(localTimeOf(zone, span.start), localTimeOf(zone, span.end))).join(', ');
}

/**
 * `#/calendar/sheet/<providerId>/<date>`: one provider's day on paper. "Print day sheet" opens the
 * browser's print dialog (which also saves a PDF); the print style sheet leaves out the app around it.
 */
export function DaySheet({ providerId, date, clinicName }: { providerId: string; date: string; clinicName: string }) {
  const { t } = useTranslation('calendar');
  const clock = useClockTime();
  const { value: day, error: refusal } = useProcedure(
    'appointments.day',
    { date, providerIds: [providerId], includeCancelled: false },
    {
      refreshOn: {
        'appointments.changed': ({ dates, providerIds }) => dates.includes(date) && providerIds.includes(providerId),
        // The provider's hours, time off or name may have changed.
        'schedule.changed': true,
      },
    },
  );
  const error = refusal
    ? refusal.code === 'VALIDATION'
      ? t('DaySheet.thereIsNoSuchProvider')
      : refusal.message
    : null;

  const column = day?.date === date ? day.providers[0] : undefined;
  const zone = day?.timeZone ?? 'UTC';
  const appointments = column ? [...column.appointments].sort((a, b) => a.start - b.start) : [];
  return (
    <section className="cal-sheet">
      <div className="cal-sheet-actions no-print">
        <a href={calendarHref({ kind: 'day', date })}>{t('DaySheet.backToTheCalendar')}</a>
        <button type="button" className="primary" onClick={() => window.print()} disabled={!column}>
          {t('DaySheet.printDaySheet')}
        </button>
        <span className="hint">{t('DaySheet.chooseSaveAsPdfIn')}</span>
      </div>
      <FormMessage error={error} />
      {column && day && (
        <article className="cal-sheet-page" aria-label={t('DaySheet.daySheet')}>
          <header className="cal-sheet-head">
            <h1>{t('DaySheet.daySheet2', { displayName: column.provider.displayName })}</h1>
            <p>
              <strong>{dateLabel(date)}</strong> · {clinicName}
              {column.provider.specialty && ` · ${column.provider.specialty}`}
            </p>
            <p>
              {t('DaySheet.hours')}{' '}
              {column.availability.length > 0 ? spans(zone, column.availability, clock) : t('DaySheet.notWorking')}
              {column.timeOff.length > 0 && t('DaySheet.timeOff', { zone: spans(zone, column.timeOff, clock) })}
              {day.holidays.length > 0 && ` · Holiday: ${day.holidays.map((h) => h.name).join(', ')}`}
            </p>
          </header>
          {appointments.length === 0 ? (
            <p>{t('DaySheet.noAppointments')}</p>
          ) : (
            <table className="cal-sheet-table">
              <thead>
                <tr>
                  <th scope="col">{t('DaySheet.time')}</th>
                  <th scope="col">{t('DaySheet.patient')}</th>
                  <th scope="col">{t('DaySheet.mrn')}</th>
                  <th scope="col">{t('DaySheet.type')}</th>
                  <th scope="col">{t('DaySheet.status')}</th>
                  <th scope="col">{t('DaySheet.reasonAndNotes')}</th>
                  <th scope="col" className="cal-sheet-tick">
                    {t('DaySheet.seen')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {appointments.map((a) => (
                  <tr key={a.id}>
                    <td className="cal-sheet-time">{clock.span(a.startTime, a.endTime)}</td>
                    <td>
                      <strong>{a.patientName}</strong>
                    </td>
                    <td>{a.patientMrn}</td>
                    <td>
                      <span className="cal-dot" style={{ background: a.colour }} aria-hidden="true" /> {a.typeName}
                    </td>
                    <td>{appointmentStatusTitle(a.status)}</td>
                    <td>{[a.reason, a.notes].filter(Boolean).join(' · ')}</td>
                    <td className="cal-sheet-tick" aria-label={t('DaySheet.toTickOnPaper')} />
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <footer className="cal-sheet-foot">
            {t('DaySheet.appointmentTimesInConfidentialPatient', {
              count: appointments.length,
              zone,
            })}
          </footer>
        </article>
      )}
    </section>
  );
}
