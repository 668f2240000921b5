import { useState } from 'react';
import { useProcedure, useReloadOnChange } from '../../hooks/useProcedure';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { historyLine } from './history';
import { useTranslation } from '../../i18n';

/** Who changed the appointment, when and what: read when opened (most panels never open it). */
export function AppointmentHistory({ appointmentId, updatedAt }: { appointmentId: string; updatedAt: number }) {
  const { t } = useTranslation('calendar');
  const clock = useClinicClock();
  const [open, setOpen] = useState(false);
  const read = useProcedure('appointments.get', open ? { appointmentId } : null);
  // Open while the appointment changes (moved here or at another desk): read it again.
  useReloadOnChange(updatedAt, read.reload);
  const shown = read.value && !read.stale ? [...read.value.history].reverse() : null;
  const error = read.error?.message ?? null;
  return (
    <details className="cal-history" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('AppointmentHistory.history')}</summary>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {shown && (
        <ol className="plain" aria-label={t('AppointmentHistory.appointmentHistory')}>
          {shown.map((entry, index) => (
            <li key={`${entry.at}-${index}`}>
              <span className="muted">
                {formatDateTime(entry.at, clock)} · {entry.username ?? 'system'}
              </span>{' '}
              {historyLine(entry)}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
