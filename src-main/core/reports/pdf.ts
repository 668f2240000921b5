import type { PdfDocument } from '../../../src-shared/billing/model';
import { formatMoney } from '../../../src-shared/billing/money';
import { clinicWording, formatDate } from '../../../src-shared/locale/date-format';
import { DAY_SHEET_DEFINITIONS, DAY_SHEET_PROVIDER, type DaySheet } from '../../../src-shared/reports/day-sheet';
import {
  DEFINITIONS,
  narrowedByLocationOrType,
  SELF_PAY,
  type AppointmentCounts,
  type AppointmentsReport,
  type ProvidersReport,
  type ReportFilters,
  type RevenueReport,
} from '../../../src-shared/reports/model';
import { APPOINTMENT_STATUSES } from '../../../src-shared/scheduling/status';
import { localDateOf, localTimeOf } from '../../../src-shared/scheduling/time';
import type { PrintContext } from '../billing/pdf/documents';
import { letterhead, PdfWriter, type Column } from '../billing/pdf/layout';

/**
 * Reports as PDF, on billing's page writer (pdf-lib, `billing/pdf/layout.ts`): the clinic's letterhead,
 * the filters, who ran the report and when, its figures as tables, and the definitions it counts by,
 * word for word as the screen and the CSV state them.
 */

/** Characters per line of a definition at 8 pt across the page (Helvetica averages under 4.5 pt a character). */
const WRAP = 105;

const stamp = (at: number, p: PrintContext) =>
  clinicWording(p.dateFormat, p.timeFormat).dateTime(localDateOf(p.timeZone, at), localTimeOf(p.timeZone, at));

/** A long text as lines of whole words (the writer cuts a line that is too long short with an ellipsis). */
function paragraph(w: PdfWriter, text: string, size = 8): void {
  let line = '';
  for (const word of text.replaceAll('→', '->').split(' ')) {
    if (line !== '' && line.length + word.length + 1 > WRAP) {
      w.text(line, { size });
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') w.text(line, { size });
}

export function head(
  w: PdfWriter,
  title: string,
  filters: ReportFilters,
  p: PrintContext,
  ranBy: string,
  ranAt: number,
) {
  letterhead(w, p, title);
  const range =
    filters.from === filters.to
      ? formatDate(filters.from, p.dateFormat)
      : `${formatDate(filters.from, p.dateFormat)} to ${formatDate(filters.to, p.dateFormat)}`;
  w.text(`Date${filters.from === filters.to ? '' : 's'}: ${range}`, {
    right: `Provider: ${filters.providerName ?? 'All providers'}`,
  });
  if (filters.locationName) w.text(`Location: ${filters.locationName}`);
  if (filters.typeName) w.text(`Appointment type: ${filters.typeName}`);
  if (filters.payer) w.text(`Payer: ${filters.payer === SELF_PAY ? 'Self-pay' : filters.payer}`);
  w.text(`Ran by ${ranBy} on ${stamp(ranAt, p)}`, { size: 9 });
  w.space();
}

export function definitions(w: PdfWriter, texts: readonly string[]): void {
  w.space();
  w.text('Definitions', { bold: true });
  for (const text of texts) {
    paragraph(w, text);
    w.space(2);
  }
}

const COUNT_COLUMNS: Column[] = [
  { width: 139 },
  ...Array.from({ length: 6 }, () => ({ width: 60, align: 'right' as const })),
];
const COUNT_HEAD = ['', 'Booked', 'Completed', 'Cancelled (late)', 'No-shows', 'Due', 'No-show rate'];
const counts = (name: string, c: AppointmentCounts) => [
  name,
  String(c.booked),
  String(c.completed),
  `${c.cancelled} (${c.lateCancelled})`,
  String(c.noShows),
  String(c.due),
  c.noShowRatePercent === null ? '-' : `${c.noShowRatePercent}%`,
];

export async function appointmentsPdf(report: AppointmentsReport, p: PrintContext, ranBy: string) {
  const w = await PdfWriter.create('Appointments report');
  head(w, 'Appointments', report.filters, p, ranBy, report.ranAt);
  w.row(['Provider', ...COUNT_HEAD.slice(1)], COUNT_COLUMNS, { bold: true });
  w.rule();
  w.row(counts('All providers', report.totals), COUNT_COLUMNS, { bold: true });
  for (const row of report.byProvider) w.row(counts(row.providerName, row), COUNT_COLUMNS);
  w.space();
  w.row(['Day', ...COUNT_HEAD.slice(1)], COUNT_COLUMNS, { bold: true });
  w.rule();
  for (const row of report.byDay) w.row(counts(formatDate(row.date, p.dateFormat), row), COUNT_COLUMNS);
  definitions(w, [
    DEFINITIONS.booked,
    DEFINITIONS.completed,
    `${DEFINITIONS.cancelled} The window is ${report.lateCancelHours} hours.`,
    DEFINITIONS.noShows,
    DEFINITIONS.due,
    DEFINITIONS.noShowRate,
  ]);
  return w.finish(`appointments-${report.filters.from}-to-${report.filters.to}.pdf`);
}

const MONEY_COLUMNS: Column[] = [
  { width: 91 },
  ...Array.from({ length: 6 }, () => ({ width: 68, align: 'right' as const })),
];

export async function revenuePdf(report: RevenueReport, p: PrintContext, ranBy: string) {
  const money = (minor: number) => formatMoney(minor, p.money);
  const w = await PdfWriter.create('Revenue report');
  head(w, 'Revenue', report.filters, p, ranBy, report.ranAt);
  const t = report.totals;
  w.text('Invoiced (accrual, net of credit notes)', { right: money(t.netInvoicedMinor) });
  w.text('Collected (cash)', { right: money(t.collectedMinor) });
  w.text('Refunds', { right: money(t.refundsMinor) });
  w.text('Write-offs', { right: money(t.writeOffsMinor) });
  w.space();
  w.row(['Day', 'Invoiced', 'Credited', 'Payments', 'Refunds', 'Reversed', 'Collected'], MONEY_COLUMNS, {
    bold: true,
  });
  w.rule();
  for (const d of report.byDay)
    w.row(
      [
        formatDate(d.date, p.dateFormat),
        ...[d.invoicedMinor, d.creditedMinor, d.paymentsMinor, d.refundsMinor, d.reversalsMinor, d.collectedMinor].map(
          money,
        ),
      ],
      MONEY_COLUMNS,
    );
  w.space();
  w.row(['Method', 'Payments', 'Refunds', 'Reversed', 'Collected'], MONEY_COLUMNS, { bold: true });
  w.rule();
  for (const m of report.byMethod)
    w.row(
      [m.methodKind, ...[m.paymentsMinor, m.refundsMinor, m.reversalsMinor, m.collectedMinor].map(money)],
      MONEY_COLUMNS,
    );
  definitions(w, [
    DEFINITIONS.accrual,
    DEFINITIONS.cash,
    DEFINITIONS.writeOffs,
    ...(report.filters.payer ? [DEFINITIONS.payer] : []),
    ...(narrowedByLocationOrType(report.filters) ? [DEFINITIONS.revenueNarrowed] : []),
  ]);
  return w.finish(`revenue-${report.filters.from}-to-${report.filters.to}.pdf`);
}

export async function providersPdf(report: ProvidersReport, p: PrintContext, ranBy: string) {
  const money = (minor: number) => formatMoney(minor, p.money);
  const hours = (minutes: number) => `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
  const w = await PdfWriter.create('Providers report');
  head(w, 'Providers', report.filters, p, ranBy, report.ranAt);
  const columns: Column[] = [
    { width: 121 },
    ...Array.from({ length: 7 }, () => ({ width: 54, align: 'right' as const })),
  ];
  w.row(['Provider', 'Booked', 'Offered', 'Utilisation', 'Appts', 'No-shows', 'Invoiced', 'Collected'], columns, {
    bold: true,
  });
  w.rule();
  for (const row of report.providers)
    w.row(
      [
        row.providerName,
        hours(row.bookedMinutes),
        hours(row.availableMinutes),
        row.utilisationPercent === null ? '-' : `${row.utilisationPercent}%`,
        String(row.appointments.booked),
        String(row.appointments.noShows),
        row.money ? money(row.money.netInvoicedMinor) : '',
        row.money ? money(row.money.collectedMinor) : '',
      ],
      columns,
    );
  if (report.unassigned)
    w.row(
      [
        'Not credited',
        '',
        '',
        '',
        '',
        '',
        money(report.unassigned.netInvoicedMinor),
        money(report.unassigned.collectedMinor),
      ],
      columns,
    );
  definitions(w, [
    DEFINITIONS.utilisation,
    DEFINITIONS.booked,
    DEFINITIONS.noShows,
    ...(report.money ? [DEFINITIONS.providerInvoiced, DEFINITIONS.providerCollected, DEFINITIONS.unassigned] : []),
  ]);
  return w.finish(`providers-${report.filters.from}-to-${report.filters.to}.pdf`);
}

export async function daySheetPdf(
  sheet: DaySheet,
  filters: ReportFilters,
  p: PrintContext,
  ranBy: string,
): Promise<PdfDocument> {
  const money = (minor: number | null) => (minor === null ? '-' : formatMoney(minor, p.money));
  const time = (at: number) => localTimeOf(p.timeZone, at);
  const w = await PdfWriter.create(`Day sheet ${sheet.date}`);
  head(w, 'Day sheet', filters, p, ranBy, sheet.ranAt);
  w.text(sheet.closed ? 'Closed day: every drawer is closed.' : 'Not closed: a drawer is open or none was opened.', {
    bold: true,
  });
  w.text('Appointments', { right: String(sheet.appointments.total) });
  w.text('Visits checked in / checked out', { right: `${sheet.visits.checkedIn} / ${sheet.visits.checkedOut}` });
  w.text(`Invoices issued (${sheet.invoices.issued})`, { right: money(sheet.invoices.issuedMinor) });
  w.text(`Credit notes issued (${sheet.invoices.creditNotes})`, { right: money(sheet.invoices.creditedMinor) });
  w.text('Money taken (net)', { right: money(sheet.netMinor) });
  w.space();
  const statusColumns: Column[] = [
    { width: 115 },
    ...APPOINTMENT_STATUSES.map(() => ({ width: 48, align: 'right' as const })),
    { width: 48, align: 'right' },
  ];
  w.row(['Provider', 'All', ...APPOINTMENT_STATUSES.map((s) => s.replace('_', '-'))], statusColumns, { bold: true });
  w.rule();
  for (const row of sheet.appointments.byProvider)
    w.row(
      [row.providerName, String(row.total), ...APPOINTMENT_STATUSES.map((s) => String(row.byStatus[s]))],
      statusColumns,
    );
  w.space();
  w.row(['Method', 'Payments', 'Refunds', 'Reversed', 'Net'], MONEY_COLUMNS, { bold: true });
  w.rule();
  for (const m of sheet.byMethod)
    w.row(
      [`${m.methodName} (${m.count})`, ...[m.paymentsMinor, m.refundsMinor, m.reversalsMinor, m.netMinor].map(money)],
      MONEY_COLUMNS,
    );
  w.space();
  const journal: Column[] = [
    { width: 50 },
    { width: 60 },
    { width: 170 },
    { width: 80 },
    { width: 70, align: 'right' },
    { width: 69 },
  ];
  w.row(['Time', 'Kind', 'Patient', 'Method', 'Amount', 'Desk'], journal, { bold: true });
  w.rule();
  for (const row of sheet.payments)
    w.row(
      [
        time(row.enteredAt),
        row.kind,
        row.patientName,
        row.methodName ?? '',
        money(row.amountMinor),
        row.deskName ?? '',
      ],
      journal,
    );
  w.space();
  const drawers: Column[] = [
    { width: 110 },
    { width: 70, align: 'right' },
    { width: 90 },
    { width: 75, align: 'right' },
    { width: 75, align: 'right' },
    { width: 79, align: 'right' },
  ];
  w.row(['Drawer', 'Float', 'Closed', 'Expected', 'Counted', 'Over/short'], drawers, { bold: true });
  w.rule();
  for (const d of sheet.drawers)
    w.row(
      [
        d.deskName,
        money(d.floatMinor),
        d.closedAt === null ? 'open' : `${time(d.closedAt)} ${d.closedBy ?? ''}`,
        money(d.expectedCashMinor),
        money(d.countedCashMinor),
        money(d.overShortMinor),
      ],
      drawers,
    );
  definitions(w, [...Object.values(DAY_SHEET_DEFINITIONS), ...(sheet.providerId === null ? [] : [DAY_SHEET_PROVIDER])]);
  return w.finish(`daySheet-${sheet.date}.pdf`);
}
