import { useEffect, useState } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';

import { call } from '../../api';
import { useClockTime } from '../../format/clock-time';
import { dateLabel } from './format';
import { calendarHref } from './route';
import { useTranslation } from '../../i18n';
import { appointmentStatusLabel } from '../../i18n/labels';

/** The missed or cancelled appointment this one was booked to replace: when it was and what became of it. */
export function ReplacedAppointment({ appointmentId }: { appointmentId: string }) {
  const { t } = useTranslation('calendar');
  const [earlier, setEarlier] = useState<AppointmentView | null>(null);
  const clock = useClockTime();
  useEffect(() => {
    let current = true;
    void call('appointments.get', { appointmentId }).then((result) => current && result.ok && setEarlier(result.value));
    return () => {
      current = false;
    };
  }, [appointmentId]);
  if (!earlier || earlier.id !== appointmentId)
    return <span className="muted">{t('ReplacedAppointment.anEarlierAppointment')}</span>;
  return (
    <a href={calendarHref({ kind: 'day', date: earlier.date })}>
      {dateLabel(earlier.date)}, {clock.hhmm(earlier.startTime)} ({appointmentStatusLabel(earlier.status)})
    </a>
  );
}
