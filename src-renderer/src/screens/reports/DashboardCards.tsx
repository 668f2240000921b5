import type { ReactNode } from 'react';
import { formatMoney } from '../../../../src-shared/billing/money';
import { DEFINITIONS, type Dashboard } from '../../../../src-shared/reports/model';
import { useCalendarDate } from '../../format/calendar-date';
import { i18next, useTranslation } from '../../i18n';
import { showReport } from './show-report';

interface Figure {
  label: string;
  now: string;
  before: string;
  /** The id of the heading of the figure's report on this page (no-shows and late cancels: their call lists). */
  anchor: string;
}

const minutes = (seconds: number | null) =>
  seconds === null ? '—' : i18next.t('reports:DashboardCards.min', { seconds: Math.round(seconds / 6) / 10 });
const hours = (minutes: number) =>
  i18next.t('reports:DashboardCards.hMin', {
    minutes: Math.floor(minutes / 60),
    padStart: String(minutes % 60).padStart(2, '0'),
  });
const rate = (percent: number | null) => (percent === null ? '—' : `${percent}%`);

/**
 * The dashboard at the head of the reports: each figure for the range and for the days just before
 * it, and a link down to the report it comes from. Standing figures (A/R, stock alerts) have no "before".
 */
export function DashboardCards({ dashboard, trend }: { dashboard: Dashboard; trend?: ReactNode }) {
  const { t } = useTranslation('reports');
  const showDate = useCalendarDate();
  const { current, before, money } = dashboard;
  const figures: Figure[] = [
    {
      label: t('DashboardCards.appointmentsBooked'),
      now: String(current.appointments.booked),
      before: String(before.appointments.booked),
      anchor: 'appointments-title',
    },
    {
      label: t('DashboardCards.completed'),
      now: String(current.appointments.completed),
      before: String(before.appointments.completed),
      anchor: 'appointments-title',
    },
    {
      label: t('DashboardCards.cancelledLate'),
      now: `${current.appointments.cancelled} (${current.appointments.lateCancelled})`,
      before: `${before.appointments.cancelled} (${before.appointments.lateCancelled})`,
      anchor: 'late-cancels-title',
    },
    {
      label: t('DashboardCards.noShowRate'),
      now: rate(current.appointments.noShowRatePercent),
      before: rate(before.appointments.noShowRatePercent),
      anchor: 'no-shows-title',
    },
    {
      label: t('DashboardCards.newPatients'),
      now: String(current.newPatients),
      before: String(before.newPatients),
      anchor: 'dashboard-definitions',
    },
    {
      label: t('DashboardCards.arrivalOutMedian'),
      now: minutes(current.wait.medianSeconds),
      before: minutes(before.wait.medianSeconds),
      anchor: 'waits-title',
    },
  ];
  if (money && current.revenue && before.revenue) {
    figures.push(
      {
        label: t('DashboardCards.invoicedNet'),
        now: formatMoney(current.revenue.netInvoicedMinor, money),
        before: formatMoney(before.revenue.netInvoicedMinor, money),
        anchor: 'revenue-title',
      },
      {
        label: t('DashboardCards.collected'),
        now: formatMoney(current.revenue.collectedMinor, money),
        before: formatMoney(before.revenue.collectedMinor, money),
        anchor: 'revenue-title',
      },
    );
  }
  return (
    <section aria-labelledby="dashboard-title" className="card report-card">
      <h2 id="dashboard-title">{t('DashboardCards.dashboard')}</h2>
      <p className="hint">
        {t('DashboardCards.against', {
          from: showDate(dashboard.filters.from),
          to: showDate(dashboard.filters.to),
          from2: showDate(dashboard.previous.from),
          to2: showDate(dashboard.previous.to),
        })}
      </p>
      <ul className="dashboard-figures" aria-label={t('DashboardCards.figures')}>
        {figures.map((figure) => (
          <li key={figure.label}>
            <button type="button" className="figure" onClick={() => showReport(figure.anchor)}>
              <span className="figure-label">{figure.label}</span>
              <strong className="figure-now">{figure.now}</strong>
              <span className="figure-before">{t('DashboardCards.before', { before: figure.before })}</span>
            </button>
          </li>
        ))}
        {dashboard.outstandingMinor !== null && money && (
          <li>
            {/* A/R ageing is on this page now (reports.ageing, the same figures as Billing → A/R ageing). */}
            <button type="button" className="figure" onClick={() => showReport('ageing-title')}>
              <span className="figure-label">{t('DashboardCards.outstandingToday')}</span>
              <strong className="figure-now">{formatMoney(dashboard.outstandingMinor, money)}</strong>
              <span className="figure-before">{t('DashboardCards.aRAgeing')}</span>
            </button>
          </li>
        )}
        {dashboard.stock && (
          <li>
            <a className="figure" href="#/stock">
              <span className="figure-label">{t('DashboardCards.stockAlerts')}</span>
              <strong className="figure-now">
                {dashboard.stock.belowReorder + dashboard.stock.expiringSoon + dashboard.stock.expiredOnShelf}
              </strong>
              <span className="figure-before">
                {t('DashboardCards.lowExpiringExpired', {
                  belowReorder: dashboard.stock.belowReorder,
                  expiringSoon: dashboard.stock.expiringSoon,
                  expiredOnShelf: dashboard.stock.expiredOnShelf,
                })}
              </span>
            </a>
          </li>
        )}
      </ul>
      {dashboard.utilisation.length > 0 && (
        <table className="ledger">
          <caption>{t('DashboardCards.utilisationByProvider')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('DashboardCards.provider')}</th>
              <th scope="col" className="num">
                {t('DashboardCards.booked')}
              </th>
              <th scope="col" className="num">
                {t('DashboardCards.hoursOffered')}
              </th>
              <th scope="col" className="num">
                {t('DashboardCards.utilisation')}
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.utilisation.map((row) => (
              <tr key={row.providerId}>
                <th scope="row">{row.providerName}</th>
                <td className="num">{hours(row.bookedMinutes)}</td>
                <td className="num">{hours(row.availableMinutes)}</td>
                <td className="num">{rate(row.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="hint" id="dashboard-definitions">
        {DEFINITIONS.previous} {DEFINITIONS.newPatients} {DEFINITIONS.utilisation} {DEFINITIONS.outstanding}
      </p>
      {trend}
    </section>
  );
}
