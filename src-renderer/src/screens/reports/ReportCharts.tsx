import { formatMoney } from '../../../../src-shared/billing/money';
import {
  DEFINITIONS,
  type AppointmentsReport,
  type RevenueReport,
  type WaitingTimesReport,
} from '../../../../src-shared/reports/model';
import { i18next, useTranslation } from '../../i18n';
import { BarChart } from './BarChart';

/** The reports' three trend charts: what each shows is the report's own figures, drawn. */

/** "24 Nov" ("24 nov" in Spanish): a short day label whatever the date format (the table under the chart has the date). */
function shortDay(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString(i18next.language === 'en' ? 'en-GB' : i18next.language, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
}

/** The Monday of a date's week. */
function weekOf(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** Appointments by day (by week over more than 31 days), stacked by what became of them. */
export function AppointmentsChart({ report }: { report: AppointmentsReport }) {
  const { t } = useTranslation('reports');
  const weekly = report.byDay.length > 31;
  const buckets = new Map<string, { completed: number; open: number; noShows: number; cancelled: number }>();
  for (const day of report.byDay) {
    const key = weekly ? weekOf(day.date) : day.date;
    const bucket = buckets.get(key) ?? { completed: 0, open: 0, noShows: 0, cancelled: 0 };
    bucket.completed += day.completed;
    bucket.noShows += day.noShows;
    bucket.cancelled += day.cancelled;
    bucket.open += day.booked - day.completed - day.noShows - day.cancelled;
    buckets.set(key, bucket);
  }
  const keys = [...buckets.keys()];
  const values = [...buckets.values()];
  const busiest = report.byDay.reduce<AppointmentsReport['byDay'][number] | null>(
    (best, day) => (day.booked > (best?.booked ?? 0) ? day : best),
    null,
  );
  const totals = report.totals;
  return (
    <BarChart
      title={weekly ? t('ReportCharts.appointmentsByWeek') : t('ReportCharts.appointmentsByDay')}
      summary={t('ReportCharts.appointmentsSummary', {
        booked: totals.booked,
        completed: totals.completed,
        noShows: totals.noShows,
        cancelled: totals.cancelled,
        busiest: busiest ? shortDay(busiest.date) : '—',
        most: busiest?.booked ?? 0,
      })}
      xLabel={weekly ? t('ReportCharts.weekStarting') : t('ReportCharts.day')}
      yLabel={t('ReportCharts.appointments')}
      categories={keys.map(shortDay)}
      mode="stacked"
      series={[
        {
          name: t('ReportCharts.completed'),
          values: values.map((v) => v.completed),
          fill: 'solid',
          colour: 'var(--ok)',
        },
        {
          name: t('ReportCharts.notYetDone'),
          values: values.map((v) => v.open),
          fill: 'outline',
          colour: 'var(--accent)',
        },
        {
          name: t('ReportCharts.noShows'),
          values: values.map((v) => v.noShows),
          fill: 'hatch',
          colour: 'var(--danger)',
        },
        {
          name: t('ReportCharts.cancelled'),
          values: values.map((v) => v.cancelled),
          fill: 'dots',
          colour: 'var(--muted)',
        },
      ]}
    />
  );
}

/** Invoiced (accrual, net of credit notes) beside collected (cash), day by day. */
export function RevenueChart({ report }: { report: RevenueReport }) {
  const { t } = useTranslation('reports');
  const money = (minor: number) => formatMoney(minor, report.money);
  return (
    <BarChart
      title={t('ReportCharts.revenueByDay')}
      summary={t('ReportCharts.revenueSummary', {
        invoiced: money(report.totals.netInvoicedMinor),
        collected: money(report.totals.collectedMinor),
        days: report.byDay.length,
      })}
      xLabel={t('ReportCharts.day')}
      yLabel={t('ReportCharts.amount', { currency: report.currency })}
      categories={report.byDay.map((day) => shortDay(day.date))}
      mode="grouped"
      format={money}
      leastStep={10 ** report.money.digits}
      series={[
        {
          name: t('ReportCharts.invoicedAccrual'),
          values: report.byDay.map((d) => d.netInvoicedMinor),
          fill: 'solid',
          colour: 'var(--accent)',
        },
        {
          name: t('ReportCharts.collectedCash'),
          values: report.byDay.map((d) => d.collectedMinor),
          fill: 'hatch',
          colour: 'var(--ok)',
        },
      ]}
    />
  );
}

/** Arrival → out by the hour visits arrived: median and 90th percentile, in minutes. */
export function WaitsChart({ report }: { report: WaitingTimesReport }) {
  const { t } = useTranslation('reports');
  const minutes = (seconds: number | null) => (seconds === null ? 0 : Math.round(seconds / 6) / 10);
  const slowest = report.byHour.reduce<WaitingTimesReport['byHour'][number] | null>(
    (worst, hour) => ((hour.medianSeconds ?? 0) > (worst?.medianSeconds ?? -1) ? hour : worst),
    null,
  );
  const hour = (h: number) => `${String(h).padStart(2, '0')}:00`;
  // No visit to chart: said in words, as the heat map does, rather than an empty 0–1 axis.
  if (slowest === null) {
    return (
      <figure className="report-chart">
        <figcaption>{t('ReportCharts.waitsByHour')}</figcaption>
        <p className="hint">{t('ReportCharts.noWaits')}</p>
      </figure>
    );
  }
  return (
    <>
      <BarChart
        title={t('ReportCharts.waitsByHour')}
        summary={t('ReportCharts.waitsSummary', { hour: hour(slowest.hour), median: minutes(slowest.medianSeconds) })}
        xLabel={t('ReportCharts.hourOfArrival')}
        yLabel={t('ReportCharts.minutes')}
        categories={report.byHour.map((h) => hour(h.hour))}
        mode="grouped"
        series={[
          {
            name: t('ReportCharts.median'),
            values: report.byHour.map((h) => minutes(h.medianSeconds)),
            fill: 'solid',
            colour: 'var(--accent)',
          },
          {
            name: t('ReportCharts.p90'),
            values: report.byHour.map((h) => minutes(h.p90Seconds)),
            fill: 'hatch',
            colour: 'var(--warning-ink)',
          },
        ]}
      />
      <p className="hint">{DEFINITIONS.waitsByHour}</p>
    </>
  );
}
