import { useEffect, useRef, useState } from 'react';
import type { AppointmentView } from '../../../../src-shared/scheduling/model';
import { FormMessage } from '../../components/FormMessage';
import { useClockTime } from '../../format/clock-time';
import { useProcedure } from '../../hooks/useProcedure';
import { useTranslation } from '../../i18n';
import { appointmentStatusLabel } from '../../i18n/labels';
import { shortDateLabelWithYearAway } from '../calendar/format';
import { useCalendarLists } from '../calendar/reads';
import { calendarHref } from '../calendar/route';
import { findHref } from '../find/route';

const PAST_PAGE = 10;
const UPCOMING_SHOWN = 20;

/** A booking in place of a cancelled or missed one records what it replaces (main accepts no other). */
const replaceable = (appointment: AppointmentView) =>
  appointment.status === 'cancelled' || appointment.status === 'no_show';

/**
 * The patient's appointments on their page: upcoming and past (cancelled ones too) with status, provider,
 * type and location, the no-shows of the last twelve months counted, and Rebook from a past or cancelled
 * one into Find a slot with the same provider and type. Read again when one of the shown appointments
 * changes or anything is booked.
 */
export function AppointmentsCard({ patientId, canRebook }: { patientId: string; canRebook: boolean }) {
  const { t } = useTranslation('patients');
  const clock = useClockTime();
  const [pastLimit, setPastLimit] = useState(PAST_PAGE);
  const shown = useRef<ReadonlySet<string>>(new Set());
  const { providers } = useCalendarLists();
  const locations = useProcedure('schedule.listLocations', {}).value ?? [];
  const read = useProcedure(
    'appointments.ofPatient',
    { patientId, upcomingLimit: UPCOMING_SHOWN, pastLimit },
    {
      refreshOn: {
        'appointments.changed': (event) =>
          event.patientIds.includes(patientId) || event.appointmentIds.some((id) => shown.current.has(id)),
      },
    },
  );
  const value = read.value;
  useEffect(() => {
    shown.current = new Set([...(value?.upcoming ?? []), ...(value?.past ?? [])].map((each) => each.id));
  }, [value]);
  const providerName = (id: string) => providers.find((each) => each.id === id)?.displayName ?? '—';
  const locationName = (id: string) => locations.find((each) => each.id === id)?.name ?? '—';

  function table(rows: AppointmentView[], caption: string, rebookAll: boolean) {
    return (
      <table className="patient-appointments">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('AppointmentsCard.when')}</th>
            <th scope="col">{t('AppointmentsCard.status')}</th>
            <th scope="col">{t('AppointmentsCard.provider')}</th>
            <th scope="col">{t('AppointmentsCard.type')}</th>
            <th scope="col">{t('AppointmentsCard.location')}</th>
            {canRebook && (
              <th scope="col">
                <span className="visually-hidden">{t('AppointmentsCard.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((each) => {
            const when = t('AppointmentsCard.dateAtTime', {
              date: shortDateLabelWithYearAway(each.date),
              time: clock.hhmm(each.startTime),
            });
            return (
              <tr key={each.id}>
                <td className="nowrap">
                  <a href={calendarHref({ kind: 'day', date: each.date })}>{when}</a>
                </td>
                <td>
                  <span className={`tag status-${each.status}`}>{appointmentStatusLabel(each.status)}</span>
                </td>
                <td>{providerName(each.providerId)}</td>
                <td>{each.typeName}</td>
                <td>{locationName(each.locationId)}</td>
                {canRebook && (
                  <td>
                    {(rebookAll || each.status === 'cancelled') && (
                      <a
                        className="button"
                        href={findHref(patientId, each.providerId, replaceable(each) ? each.id : null, each.typeId)}
                        aria-label={t('AppointmentsCard.rebookNamed', { type: each.typeName, when })}
                      >
                        {t('AppointmentsCard.rebook')}
                      </a>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  }

  return (
    <section className="card table-card" aria-labelledby="appointments-heading">
      <h2 id="appointments-heading">{t('AppointmentsCard.appointments')}</h2>
      <FormMessage error={read.error?.message ?? null} />
      {!value && !read.error && <p>{t('AppointmentsCard.loading')}</p>}
      {value && (
        <>
          <p className={value.noShowsLastYear > 0 ? 'tag warning' : 'muted'}>
            {t('AppointmentsCard.noShows', { count: value.noShowsLastYear })}
          </p>
          <h3>{t('AppointmentsCard.upcoming')}</h3>
          {value.upcoming.length === 0 ? (
            <p className="muted">{t('AppointmentsCard.noUpcoming')}</p>
          ) : (
            table(value.upcoming, t('AppointmentsCard.upcoming'), false)
          )}
          {value.moreUpcoming && (
            <p className="muted">{t('AppointmentsCard.moreUpcoming', { count: UPCOMING_SHOWN })}</p>
          )}
          <h3>{t('AppointmentsCard.past')}</h3>
          {value.past.length === 0 ? (
            <p className="muted">{t('AppointmentsCard.noPast')}</p>
          ) : (
            table(value.past, t('AppointmentsCard.past'), true)
          )}
          {value.morePast && (
            <button type="button" disabled={read.loading} onClick={() => setPastLimit(pastLimit + PAST_PAGE)}>
              {t('AppointmentsCard.showMore')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
