import { formatPhone } from '../../../src-shared/locale/phone-format';
import {
  DEFINITIONS,
  narrowedByLocationOrType,
  SELF_PAY,
  type AppointmentsReport,
  type CallList,
  type CallListRow,
  type ProvidersReport,
  type ReportFilters,
  type StockReport,
  type RevenueReport,
  type WaitingTimesReport,
} from '../../../src-shared/reports/model';
import { weekdayName } from '../../../src-shared/scheduling/time';

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
export function head(
  title: string,
  filters: ReportFilters,
  ranBy: string,
  ranAt: number,
  definitions: string[],
): Cell[][] {
  return [
    ['Report', title],
    ['From', filters.from],
    ['To', filters.to],
    ['Provider', filters.providerName ?? 'All providers'],
    // Only the appointments report is narrowed by location and type; the others say nothing of them.
    ...(filters.locationId === null ? [] : [['Location', filters.locationName]]),
    ...(filters.typeId === null ? [] : [['Type', filters.typeName]]),
    ...(filters.payer === null || filters.payer === undefined
      ? []
      : [['Payer', filters.payer === SELF_PAY ? 'Self-pay' : filters.payer]]),
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

const hourOf = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

export function waitingTimesCsv(report: WaitingTimesReport, ranBy: string): string {
  return csvLines([
    ...head('Waiting times', report.filters, ranBy, report.ranAt, [
      DEFINITIONS.waits,
      DEFINITIONS.waitsByHour,
      DEFINITIONS.waitsByWeekdayHour,
      DEFINITIONS.percentiles,
      ...(narrowedByLocationOrType(report.filters) ? [DEFINITIONS.waitsNarrowed] : []),
    ]),
    ['Phase', 'Visits', 'Median (seconds)', '90th percentile (seconds)'],
    ...report.phases.map((p) => [p.phase, p.visits, p.medianSeconds, p.p90Seconds]),
    [],
    ['By hour of arrival'],
    ['Hour', 'Visits', 'Median (seconds)', '90th percentile (seconds)'],
    ...report.byHour.map((h) => [hourOf(h.hour), h.visits, h.medianSeconds, h.p90Seconds]),
    [],
    ['By weekday and hour of arrival'],
    ['Weekday', 'Hour', 'Visits', 'Median (seconds)', '90th percentile (seconds)'],
    ...report.byWeekdayHour.map((c) => [
      weekdayName(c.weekday),
      hourOf(c.hour),
      c.visits,
      c.medianSeconds,
      c.p90Seconds,
    ]),
  ]);
}

export function revenueCsv(report: RevenueReport, ranBy: string): string {
  const definitions = [
    ...(report.filters.payer === null || report.filters.payer === undefined ? [] : [DEFINITIONS.payer]),
    ...(narrowedByLocationOrType(report.filters) ? [DEFINITIONS.revenueNarrowed] : []),
  ];
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
      ...definitions,
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

export function providersCsv(report: ProvidersReport, ranBy: string): string {
  const money = report.money !== null;
  return csvLines([
    ...head('Providers', report.filters, ranBy, report.ranAt, [
      DEFINITIONS.utilisation,
      DEFINITIONS.booked,
      DEFINITIONS.completed,
      `${DEFINITIONS.cancelled} Late-cancel window: ${report.lateCancelHours} hours.`,
      DEFINITIONS.noShows,
      ...(money
        ? [
            DEFINITIONS.providerInvoiced,
            DEFINITIONS.providerCollected,
            DEFINITIONS.unassigned,
            `Amounts in minor units of ${report.currency} (cents, pence).`,
          ]
        : []),
    ]),
    [
      'Provider',
      'Booked minutes',
      'Available minutes',
      'Utilisation (%)',
      'Booked',
      'Completed',
      'No-shows',
      'Cancelled',
      'Late cancelled',
      ...(money ? ['Invoiced', 'Credited', 'Net invoiced', 'Collected'] : []),
    ],
    ...report.providers.map((p) => [
      p.providerName,
      p.bookedMinutes,
      p.availableMinutes,
      p.utilisationPercent,
      p.appointments.booked,
      p.appointments.completed,
      p.appointments.noShows,
      p.appointments.cancelled,
      p.appointments.lateCancelled,
      ...(p.money
        ? [p.money.invoicedMinor, p.money.creditedMinor, p.money.netInvoicedMinor, p.money.collectedMinor]
        : []),
    ]),
    ...(report.unassigned
      ? [
          [
            'Not credited to a provider',
            ...Array<Cell>(8).fill(null),
            null,
            null,
            report.unassigned.netInvoicedMinor,
            report.unassigned.collectedMinor,
          ],
        ]
      : []),
  ]);
}

export function stockCsv(report: StockReport, ranBy: string): string {
  return csvLines([
    ...head('Stock', report.filters, ranBy, report.ranAt, [
      DEFINITIONS.stockValuation,
      `${DEFINITIONS.stockExpiring} Today: ${report.today}; days: ${report.expiringDays}.`,
      DEFINITIONS.stockBelowReorder,
      DEFINITIONS.stockMovements,
      `Amounts in minor units of ${report.currency} (cents, pence).`,
    ]),
    ['Valuation'],
    ['Code', 'Item', 'On hand', 'Unit cost', 'Value'],
    ...report.valuation.items.map((i) => [i.code, i.name, i.onHand, i.unitCostMinor, i.valueMinor]),
    ['Total', null, null, null, report.valuation.totalMinor],
    [],
    ['Expiring'],
    ['Item', 'Lot', 'Expiry', 'Place', 'Quantity', 'Expired'],
    ...report.expiring.map((l) => [
      l.itemName,
      l.lotNumber,
      l.expiryOn,
      l.stockLocationName,
      l.quantity,
      l.expired ? 'yes' : 'no',
    ]),
    [],
    ['Below reorder level'],
    ['Item', 'On hand', 'Reorder level', 'On order'],
    ...report.belowReorder.map((i) => [i.itemName, i.onHand, i.reorderLevel, i.onOrder]),
    [],
    ['Movements'],
    ['Kind', 'Movements', 'Net quantity'],
    ...report.movements.map((m) => [m.kind, m.movements, m.quantity]),
  ]);
}
