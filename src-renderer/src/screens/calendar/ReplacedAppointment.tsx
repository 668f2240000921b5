import { useProcedure } from '../../hooks/useProcedure';
import { useClockTime } from '../../format/clock-time';
import { dateLabel } from './format';
import { calendarHref } from './route';
import { useTranslation } from '../../i18n';
import { appointmentStatusLabel } from '../../i18n/labels';

/** The missed or cancelled appointment this one was booked to replace: when it was and what became of it. */
export function ReplacedAppointment({ appointmentId }: { appointmentId: string }) {
  const { t } = useTranslation('calendar');
  const { value: earlier } = useProcedure('appointments.get', { appointmentId });
  const clock = useClockTime();
  if (!earlier || earlier.id !== appointmentId)
    return <span className="muted">{t('ReplacedAppointment.anEarlierAppointment')}</span>;
  return (
    <a href={calendarHref({ kind: 'day', date: earlier.date })}>
      {dateLabel(earlier.date)}, {clock.hhmm(earlier.startTime)} ({appointmentStatusLabel(earlier.status)})
    </a>
  );
}
