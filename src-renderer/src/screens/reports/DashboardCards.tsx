import { formatMoney } from '../../../../src-shared/billing/money';
import { DEFINITIONS, type Dashboard } from '../../../../src-shared/reports/model';
import { useCalendarDate } from '../../format/calendar-date';

interface Figure {
  label: string;
  now: string;
  before: string;
  /** The id of the heading of the figure's report on this page. */
  anchor: string;
}

/** Scrolls to a report on this page (the address's hash is the app's route, so no `#id` links). */
function showReport(id: string): void {
  const heading = document.getElementById(id);
  heading?.scrollIntoView({ block: 'start' });
  heading?.setAttribute('tabindex', '-1');
  heading?.focus();
}

const minutes = (seconds: number | null) => (seconds === null ? '—' : `${Math.round(seconds / 6) / 10} min`);
const hours = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
const rate = (percent: number | null) => (percent === null ? '—' : `${percent}%`);

/**
 * The dashboard at the head of the reports: each figure for the range and for the days just before
 * it, and a link down to the report it comes from. Standing figures (A/R, stock alerts) have no "before".
 */
export function DashboardCards({ dashboard }: { dashboard: Dashboard }) {
  const showDate = useCalendarDate();
  const { current, before, money } = dashboard;
  const figures: Figure[] = [
    {
      label: 'Appointments booked',
      now: String(current.appointments.booked),
      before: String(before.appointments.booked),
      anchor: 'appointments-title',
    },
    {
      label: 'Completed',
      now: String(current.appointments.completed),
      before: String(before.appointments.completed),
      anchor: 'appointments-title',
    },
    {
      label: 'Cancelled (late)',
      now: `${current.appointments.cancelled} (${current.appointments.lateCancelled})`,
      before: `${before.appointments.cancelled} (${before.appointments.lateCancelled})`,
      anchor: 'appointments-title',
    },
    {
      label: 'No-show rate',
      now: rate(current.appointments.noShowRatePercent),
      before: rate(before.appointments.noShowRatePercent),
      anchor: 'appointments-title',
    },
    {
      label: 'New patients',
      now: String(current.newPatients),
      before: String(before.newPatients),
      anchor: 'dashboard-definitions',
    },
    {
      label: 'Arrival → out (median)',
      now: minutes(current.wait.medianSeconds),
      before: minutes(before.wait.medianSeconds),
      anchor: 'waits-title',
    },
  ];
  if (money && current.revenue && before.revenue) {
    figures.push(
      {
        label: 'Invoiced (net)',
        now: formatMoney(current.revenue.netInvoicedMinor, money),
        before: formatMoney(before.revenue.netInvoicedMinor, money),
        anchor: 'revenue-title',
      },
      {
        label: 'Collected',
        now: formatMoney(current.revenue.collectedMinor, money),
        before: formatMoney(before.revenue.collectedMinor, money),
        anchor: 'revenue-title',
      },
    );
  }
  return (
    <section aria-labelledby="dashboard-title" className="card report-card">
      <h2 id="dashboard-title">Dashboard</h2>
      <p className="hint">
        {showDate(dashboard.filters.from)} – {showDate(dashboard.filters.to)}, against{' '}
        {showDate(dashboard.previous.from)} – {showDate(dashboard.previous.to)}.
      </p>
      <ul className="dashboard-figures" aria-label="Figures">
        {figures.map((figure) => (
          <li key={figure.label}>
            <button type="button" className="figure" onClick={() => showReport(figure.anchor)}>
              <span className="figure-label">{figure.label}</span>
              <strong className="figure-now">{figure.now}</strong>
              <span className="figure-before">before {figure.before}</span>
            </button>
          </li>
        ))}
        {dashboard.outstandingMinor !== null && money && (
          <li>
            <a className="figure" href="#/billing/ageing">
              <span className="figure-label">Outstanding today</span>
              <strong className="figure-now">{formatMoney(dashboard.outstandingMinor, money)}</strong>
              <span className="figure-before">A/R ageing</span>
            </a>
          </li>
        )}
        {dashboard.stock && (
          <li>
            <a className="figure" href="#/stock">
              <span className="figure-label">Stock alerts</span>
              <strong className="figure-now">
                {dashboard.stock.belowReorder + dashboard.stock.expiringSoon + dashboard.stock.expiredOnShelf}
              </strong>
              <span className="figure-before">
                {dashboard.stock.belowReorder} low · {dashboard.stock.expiringSoon} expiring ·{' '}
                {dashboard.stock.expiredOnShelf} expired
              </span>
            </a>
          </li>
        )}
      </ul>
      {dashboard.utilisation.length > 0 && (
        <table className="ledger">
          <caption>Utilisation by provider</caption>
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col" className="num">
                Booked
              </th>
              <th scope="col" className="num">
                Hours offered
              </th>
              <th scope="col" className="num">
                Utilisation
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
    </section>
  );
}
