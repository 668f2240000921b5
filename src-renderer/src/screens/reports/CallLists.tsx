import { DEFINITIONS, type CallList, type CallListRow } from '../../../../src-shared/reports/model';
import { useCalendarDate } from '../../format/calendar-date';
import { useClockTime } from '../../format/clock-time';
import { usePhoneFormat } from '../../format/phone';
import { i18next, useTranslation } from '../../i18n';

/**
 * Under the appointments report: the patients to call, the range's no-shows and late cancellations
 * (the appointments the report counts as such). Each name opens the patient's page.
 */
export function CallLists({ list }: { list: CallList }) {
  const { t } = useTranslation('reports');
  return (
    <section aria-labelledby="calls-title" className="card report-card">
      <h2 id="calls-title">{t('CallLists.patientsToCall')}</h2>
      <p className="hint">{DEFINITIONS.callLists}</p>
      <CallTable
        id="no-shows-title"
        title={t('CallLists.noShows', { n: list.noShowCount })}
        empty={t('CallLists.noNoShows')}
        rows={list.noShows}
        count={list.noShowCount}
        withNotice={false}
      />
      <CallTable
        id="late-cancels-title"
        title={t('CallLists.lateCancels', { n: list.lateCancelCount })}
        empty={t('CallLists.noLateCancels')}
        rows={list.lateCancels}
        count={list.lateCancelCount}
        withNotice
      />
      <p className="hint">
        {t('CallLists.lateWindow', { cancelled: DEFINITIONS.cancelled, lateCancelHours: list.lateCancelHours })}
      </p>
    </section>
  );
}

/** Notice given as a person says it: "6 min" under an hour, "4.4 h" from an hour. */
export function noticeText(hours: number): string {
  return hours < 1
    ? i18next.t('reports:CallLists.minutes', { minutes: Math.round(hours * 60) })
    : i18next.t('reports:CallLists.hours', { hours });
}

function CallTable({
  id,
  title,
  empty,
  rows,
  count,
  withNotice,
}: {
  id: string;
  title: string;
  empty: string;
  rows: CallListRow[];
  count: number;
  withNotice: boolean;
}) {
  const { t } = useTranslation('reports');
  const showDate = useCalendarDate();
  const clock = useClockTime();
  const phone = usePhoneFormat();
  return (
    <>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <table className="ledger" aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t('CallLists.patient')}</th>
              <th scope="col">{t('CallLists.mrn')}</th>
              <th scope="col">{t('CallLists.phone')}</th>
              <th scope="col">{t('CallLists.date')}</th>
              <th scope="col">{t('CallLists.time')}</th>
              <th scope="col">{t('CallLists.provider')}</th>
              <th scope="col">{t('CallLists.type')}</th>
              {withNotice && (
                <th scope="col" className="num">
                  {t('CallLists.notice')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.appointmentId}>
                <th scope="row">
                  <a href={`#/patients/${row.patientId}`}>{row.patientName}</a>
                </th>
                <td>{row.mrn}</td>
                <td className="nowrap">{row.phone === null ? '—' : phone(row.phone)}</td>
                <td className="nowrap">{showDate(row.date)}</td>
                <td className="nowrap">{clock.hhmm(row.time)}</td>
                <td>{row.providerName}</td>
                <td>{row.typeName}</td>
                {withNotice && <td className="num">{row.noticeHours === null ? '—' : noticeText(row.noticeHours)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {count > rows.length && <p className="hint">{t('CallLists.firstOf', { shown: rows.length, total: count })}</p>}
    </>
  );
}
