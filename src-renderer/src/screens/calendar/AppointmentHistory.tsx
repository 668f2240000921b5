import { useEffect, useRef, useState } from 'react';
import type { AppointmentHistoryEntry } from '../../../../src-shared/scheduling/model';
import { call } from '../../api';
import { formatDateTime } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { historyLine } from './history';
import { useTranslation } from '../../i18n';

/** Who changed the appointment, when and what: read when opened (most panels never open it). */
export function AppointmentHistory({ appointmentId, updatedAt }: { appointmentId: string; updatedAt: number }) {
  const { t } = useTranslation('calendar');
  const clock = useClinicClock();
  const [entries, setEntries] = useState<{ for: string; list: AppointmentHistoryEntry[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = `${appointmentId}:${updatedAt}`;
  const box = useRef<HTMLDetailsElement>(null);
  /** The version being read, so renders meanwhile do not ask again. */
  const reading = useRef<string | null>(null);

  async function load() {
    if (reading.current === key) return;
    reading.current = key;
    const result = await call('appointments.get', { appointmentId });
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setEntries({ for: key, list: [...result.value.history].reverse() });
  }

  const shown = entries?.for === key ? entries.list : null;
  // Open while the appointment changes (moved here or at another desk): read it again.
  useEffect(() => {
    if (box.current?.open && !shown) void load();
  });
  return (
    <details
      ref={box}
      className="cal-history"
      onToggle={(event) => {
        if (event.currentTarget.open && !shown) void load();
      }}
    >
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
