import { useEffect, useMemo, useState } from 'react';
import { todayIn } from '../../../../src-shared/patients/dates';
import { useHashDetail } from '../../hooks/useHashRoute';
import { useProcedure } from '../../hooks/useProcedure';
import { useClinicSettings } from '../../stores/clinic-settings';
import { useSession } from '../../stores/session';
import { CheckInPanel } from './CheckInPanel';
import { QuickRegister } from './QuickRegister';
import './visits.css';
import { useClockTime } from '../../format/clock-time';
import { useCalendarDate } from '../../format/calendar-date';
import { useTranslation } from '../../i18n';
import { appointmentStatusTitle } from '../../i18n/labels';

type Target = { appointmentId: string } | { patientId: string } | null;

/** `<appointmentId>` the calendar's Check in; `patient/<patientId>` a walk-in chosen ahead (the search's Check in). */
function targetOf(detail: string): Target {
  if (detail === '') return null;
  const [first = '', second = ''] = detail.split('/');
  return first === 'patient' && second ? { patientId: second } : { appointmentId: detail };
}
const CAN_ARRIVE = new Set(['booked', 'confirmed', 'no_show']);

/**
 * `#/today`: today's appointments with "Check in", and walk-ins found by search.
 * `#/today/<appointmentId>` opens with that appointment's check-in review (the calendar's "Check in"),
 * `#/today/patient/<patientId>` with a walk-in's (the search's "Check in" beside a patient).
 */
export function TodayScreen() {
  const { t } = useTranslation('visits');
  const showDate = useCalendarDate();
  const detail = useHashDetail();
  const zone = useClinicSettings((state) => state.settings?.timeZone);
  const clock = useClockTime();
  const canCheckIn = useSession((state) => state.can('visits:write'));
  const [target, setTarget] = useState<Target>(() => targetOf(detail));
  const [query, setQuery] = useState('');

  const day = useProcedure(
    'appointments.day',
    zone ? { date: todayIn(zone, Date.now()), providerIds: [], includeCancelled: false } : null,
    { refreshOn: { 'appointments.changed': true, 'visits.changed': true } },
  );
  const appointments = useMemo(
    () => (day.value?.providers.flatMap((p) => p.appointments) ?? []).sort((a, b) => a.start - b.start),
    [day.value],
  );
  const error = day.error?.message ?? null;
  const load = day.reload;

  useEffect(() => {
    if (detail) setTarget(targetOf(detail));
  }, [detail]);

  const search = useProcedure('patients.search', query.trim().length < 2 ? null : { query, limit: 8 });
  const found = (query.trim().length < 2 ? null : search.value) ?? [];

  if (!zone) return <p>{t('TodayScreen.loading')}</p>;
  return (
    <section aria-labelledby="today-title" className="today">
      <h1 id="today-title">{t('TodayScreen.checkIn')}</h1>
      <p className="lead">{t('TodayScreen.todaySAppointmentsCheckA')}</p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="today-columns">
        <div>
          <table aria-label={t('TodayScreen.todaySAppointments')}>
            <thead>
              <tr>
                <th scope="col">{t('TodayScreen.time')}</th>
                <th scope="col">{t('TodayScreen.patient')}</th>
                <th scope="col">{t('TodayScreen.type')}</th>
                <th scope="col">{t('TodayScreen.status')}</th>
                <th scope="col">{t('TodayScreen.action')}</th>
              </tr>
            </thead>
            <tbody>
              {appointments.map((a) => (
                <tr key={a.id}>
                  <td>{clock.hhmm(a.startTime)}</td>
                  <th scope="row">
                    {a.patientName}{' '}
                    <span className="muted block">{t('TodayScreen.mrn', { patientMrn: a.patientMrn })}</span>
                  </th>
                  <td>{a.typeName}</td>
                  <td>{appointmentStatusTitle(a.status)}</td>
                  <td>
                    {canCheckIn && CAN_ARRIVE.has(a.status) && (
                      <button
                        type="button"
                        onClick={() => setTarget({ appointmentId: a.id })}
                        aria-label={t('TodayScreen.checkIn2', { patientName: a.patientName })}
                      >
                        {t('TodayScreen.checkIn3')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
              {appointments.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted">
                    {t('TodayScreen.noAppointmentsToday')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {canCheckIn && (
            <section aria-labelledby="walkin-title" className="card wide">
              <h2 id="walkin-title">{t('TodayScreen.walkIn')}</h2>
              <div className="field">
                <label htmlFor="walkin-search">{t('TodayScreen.findThePatient')}</label>
                <input
                  id="walkin-search"
                  value={query}
                  onChange={(event) => setQuery(event.target.value)}
                  placeholder={t('TodayScreen.namePhoneMrnOrDate')}
                />
                <small className="hint">{t('TodayScreen.newPatientRegisterThemBelow')}</small>
              </div>
              <ul className="walkin-results">
                {found.map((row) => (
                  <li key={row.id}>
                    {row.name}{' '}
                    <span className="muted">{t('TodayScreen.mrn2', { dob: showDate(row.dob), mrn: row.mrn })}</span>{' '}
                    <button
                      type="button"
                      onClick={() => setTarget({ patientId: row.id })}
                      aria-label={t('TodayScreen.checkInWalkIn', { rowName: row.name })}
                    >
                      {t('TodayScreen.checkInWalkIn2')}
                    </button>
                  </li>
                ))}
              </ul>
              <QuickRegister onRegistered={(patientId) => setTarget({ patientId })} />
            </section>
          )}
        </div>
        {target && <CheckInPanel target={target} onClose={() => setTarget(null)} onDone={load} />}
      </div>
    </section>
  );
}
