import { formatPhone } from '../../../src-shared/locale/phone-format';
import {
  DEFINITIONS,
  type AppointmentsReport,
  type CallList,
  type CallListRow,
  type ReportFilters,
  type RevenueReport,
  type WaitingTimesReport,
} from '../../../src-shared/reports/model';

type Cell = string | number | null;

/**
 * One CSV cell (RFC 4180): quoted when it holds a quote, comma or line break. A text cell starting with
 * = + - @ (or a tab or carriage return) gets a leading apostrophe, so a spreadsheet shows it rather than
 * running it as a formula (OWASP's CSV injection advice); numbers are written as numbers.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The head every export carries: what it is, its filters, who ran it and when, and its definitions. */
function head(title: string, filters: ReportFilters, ranBy: string, ranAt: number, definitions: string[]): Cell[][] {
  return [
    ['Report', title],
    ['From', filters.from],
    ['To', filters.to],
    ['Provider', filters.providerName ?? 'All providers'],
    // Only the appointments report is narrowed by location and type; the others say nothing of them.
    ...(filters.locationId === null ? [] : [['Location', filters.locationName]]),
    ...(filters.typeId === null ? [] : [['Type', filters.typeName]]),
    ['Ran by', ranBy],
    ['Ran at (UTC)', new Date(ranAt).toISOString()],
    ...definitions.map((text) => ['Definition', text]),
    [],
  ];
}

/** A call list's rows: who to ring and the appointment, with the raw start instant beside the clinic's date and time. */
function callRows(title: string, rows: readonly CallListRow[], count: number, phoneRegion: string | null): Cell[][] {
  return [
    [],
    [title, count > rows.length ? `${rows.length} of ${count}` : count],
    ['Patient', 'MRN', 'Phone', 'Date', 'Time', 'Provider', 'Type', 'Notice (hours)', 'Start (UTC)'],
    ...rows.map((row) => [
      row.patientName,
      row.mrn,
      row.phone === null ? null : formatPhone(row.phone, phoneRegion),
      row.date,
      row.time,
      row.providerName,
      row.typeName,
      row.noticeHours,
      new Date(row.startAt).toISOString(),
    ]),
  ];
}

export function appointmentsCsv(
  report: AppointmentsReport,
  calls: CallList,
  ranBy: string,
  phoneRegion: string | null,
): string {
  const columns = ['Booked', 'Completed', 'Cancelled', 'Late cancelled', 'Early cancelled', 'No-shows', 'Due'];
  const figures = (c: AppointmentsReport['totals']): Cell[] => [
    c.booked,
    c.completed,
    c.cancelled,
    c.lateCancelled,
    c.earlyCancelled,
    c.noShows,
    c.due,
    c.noShowRatePercent,
    c.bookedMinutes,
  ];
  return csvLines([
    ...head('Appointments', report.filters, ranBy, report.ranAt, [
      DEFINITIONS.booked,
      DEFINITIONS.completed,
      `${DEFINITIONS.cancelled} Late-cancel window: ${report.lateCancelHours} hours.`,
      DEFINITIONS.noShows,
      DEFINITIONS.due,
      DEFINITIONS.noShowRate,
      DEFINITIONS.bookedMinutes,
      DEFINITIONS.callLists,
    ]),
    ['Row', 'Date', 'Provider', ...columns, 'No-show rate (%)', 'Booked minutes'],
    ['Total', null, null, ...figures(report.totals)],
    ...report.byProvider.map((p) => ['Provider', null, p.providerName, ...figures(p)]),
    ...report.byDay.map((d) => ['Day', d.date, null, ...figures(d)]),
    ...callRows('No-shows to call', calls.noShows, calls.noShowCount, phoneRegion),
    ...callRows('Late cancellations to call', calls.lateCancels, calls.lateCancelCount, phoneRegion),
  ]);
}

export function waitingTimesCsv(report: WaitingTimesReport, ranBy: string): string {
  return csvLines([
    ...head('Waiting times', report.filters, ranBy, report.ranAt, [DEFINITIONS.waits, DEFINITIONS.percentiles]),
    ['Phase', 'Visits', 'Median (seconds)', '90th percentile (seconds)'],
    ...report.phases.map((p) => [p.phase, p.visits, p.medianSeconds, p.p90Seconds]),
  ]);
}

export function revenueCsv(report: RevenueReport, ranBy: string): string {
  const money = (d: RevenueReport['totals']): Cell[] => [
    d.invoicedMinor,
    d.creditedMinor,
    d.netInvoicedMinor,
    d.paymentsMinor,
    d.refundsMinor,
    d.reversalsMinor,
    d.collectedMinor,
    d.writeOffsMinor,
  ];
  return csvLines([
    ...head('Revenue', report.filters, ranBy, report.ranAt, [
      DEFINITIONS.accrual,
      DEFINITIONS.cash,
      DEFINITIONS.writeOffs,
      `Amounts in minor units of ${report.currency} (cents, pence).`,
    ]),
    [
      'Date',
      'Invoiced',
      'Credited',
      'Net invoiced',
      'Payments',
      'Refunds',
      'Reversed payments',
      'Collected',
      'Write-offs',
    ],
    ['Total', ...money(report.totals)],
    ...report.byDay.map((d) => [d.date, ...money(d)]),
    [],
    ['Method', 'Payments', 'Refunds', 'Reversed payments', 'Collected'],
    ...report.byMethod.map((m) => [m.methodKind, m.paymentsMinor, m.refundsMinor, m.reversalsMinor, m.collectedMinor]),
  ]);
}
