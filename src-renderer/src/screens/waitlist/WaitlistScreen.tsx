import { useState } from 'react';
import type { WaitlistEntryView } from '../../../../src-shared/api/areas/waitlist';
import { WEEKDAY_NAMES } from '../../../../src-shared/scheduling/time';
import { call } from '../../api';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FormMessage } from '../../components/FormMessage';
import { formatDate } from '../../format/datetime';
import { useClinicClock } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { useProcedure } from '../../hooks/useProcedure';
import { AddWaitlistEntryForm, PART_LABELS, PRIORITY_LABELS } from './AddWaitlistEntryForm';
import { useCalendarDate } from '../../format/calendar-date';
import { i18next, useTranslation } from '../../i18n';

function preferences(entry: WaitlistEntryView): string {
  const days =
    entry.weekdays.length > 0
      ? entry.weekdays.map((d) => WEEKDAY_NAMES[d - 1]?.slice(0, 3) ?? '').join(', ')
      : i18next.t('waitlist:WaitlistScreen.anyDay');
  const times =
    entry.partsOfDay.length > 0
      ? entry.partsOfDay.map((p) => PART_LABELS[p].split(' ')[0]?.toLowerCase() ?? p).join(', ')
      : i18next.t('waitlist:WaitlistScreen.anyTime');
  return `${days}; ${times}`;
}

/** `#/waitlist`: who is waiting for what, most urgent first; add and remove entries. */
export function WaitlistScreen() {
  const { t } = useTranslation('waitlist');
  const showDate = useCalendarDate();
  const clock = useClinicClock();
  // Entries added, removed or booked from an offer here or at another desk arrive as `waitlist.changed`.
  const read = useProcedure('waitlist.list', { status: 'waiting' }, { refreshOn: { 'waitlist.changed': true } });
  const entries = read.value ?? [];
  const loaded = read.value !== null;
  const { error, reload: load } = read;
  const canWrite = useSession((state) => state.can('appointments:write'));
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function remove(entry: WaitlistEntryView) {
    setStatus(null);
    setFailure(null);
    const result = await call('waitlist.remove', { entryId: entry.id, reason: null });
    if (!result.ok) return setFailure(result.error.message);
    setStatus(t('WaitlistScreen.removedFromTheWaitlist', { patientName: entry.patientName }));
    load();
  }

  return (
    <section className="waitlist">
      <h1>{t('WaitlistScreen.waitlist')}</h1>
      <p className="hint">{t('WaitlistScreen.whenAnAppointmentIsCancelled')}</p>
      <ErrorMessage error={error} area={t('WaitlistScreen.waitlist')} />
      <FormMessage error={failure} success={status} />
      {loaded && entries.length === 0 && <p>{t('WaitlistScreen.noOneIsWaiting')}</p>}
      {entries.length > 0 && (
        <table>
          <caption className="visually-hidden">{t('WaitlistScreen.patientsWaitingForAnAppointment')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('WaitlistScreen.priority')}</th>
              <th scope="col">{t('WaitlistScreen.patient')}</th>
              <th scope="col">{t('WaitlistScreen.type')}</th>
              <th scope="col">{t('WaitlistScreen.provider')}</th>
              <th scope="col">{t('WaitlistScreen.dates')}</th>
              <th scope="col">{t('WaitlistScreen.suits')}</th>
              <th scope="col">{t('WaitlistScreen.note')}</th>
              <th scope="col">{t('WaitlistScreen.waitingSince')}</th>
              {canWrite && <th scope="col">{t('WaitlistScreen.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <span className={`tag priority-${entry.priority}`}>{PRIORITY_LABELS[entry.priority]}</span>
                </td>
                <td>
                  <a href={`#/patients/${entry.patientId}`}>{entry.patientName}</a>{' '}
                  <small className="muted">{t('WaitlistScreen.mrn', { patientMrn: entry.patientMrn })}</small>
                </td>
                <td>
                  {entry.typeName}{' '}
                  <small className="muted">{t('WaitlistScreen.min', { durationMinutes: entry.durationMinutes })}</small>
                </td>
                <td>{entry.providerNames.length > 0 ? entry.providerNames.join(', ') : t('WaitlistScreen.any')}</td>
                <td>
                  {showDate(entry.earliestDate)} – {entry.latestDate ? showDate(entry.latestDate) : 'open'}
                </td>
                <td>{preferences(entry)}</td>
                <td>{entry.note ?? ''}</td>
                <td>{formatDate(entry.createdAt, clock)}</td>
                {canWrite && (
                  <td>
                    <button
                      type="button"
                      onClick={() => void remove(entry)}
                      aria-label={t('WaitlistScreen.removeFromTheWaitlist', { patientName: entry.patientName })}
                    >
                      {t('WaitlistScreen.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && <AddWaitlistEntryForm onAdded={load} />}
    </section>
  );
}
