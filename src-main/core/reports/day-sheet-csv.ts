import { formatMoney } from '../../../src-shared/billing/money';
import { DAY_SHEET_DEFINITIONS, DAY_SHEET_PROVIDER, type DaySheet } from '../../../src-shared/reports/day-sheet';
import { APPOINTMENT_STATUSES } from '../../../src-shared/scheduling/status';
import type { ReportFilters } from '../../../src-shared/reports/model';
import { csvLines, head } from './csv';

/** The day sheet as CSV: the same head as every export, then each section of the sheet. */
export function daySheetCsv(sheet: DaySheet, filters: ReportFilters, ranBy: string): string {
  const shown = (minor: number | null) => (minor === null ? null : formatMoney(minor, sheet.money));
  return csvLines([
    ...head('Day sheet', filters, ranBy, sheet.ranAt, [
      ...Object.values(DAY_SHEET_DEFINITIONS),
      ...(sheet.providerId === null ? [] : [DAY_SHEET_PROVIDER]),
      `Amounts in minor units of ${sheet.currency} (cents, pence), with the amount as the clinic writes it beside.`,
    ]),
    ['Day closed', sheet.closed ? 'yes: every drawer is closed' : 'no: a drawer is open or none was opened'],
    [],
    ['Provider', 'Appointments', ...APPOINTMENT_STATUSES],
    [
      sheet.providerName ?? 'All providers',
      sheet.appointments.total,
      ...APPOINTMENT_STATUSES.map((s) => sumStatus(sheet, s)),
    ],
    ...sheet.appointments.byProvider.map((p) => [
      p.providerName,
      p.total,
      ...APPOINTMENT_STATUSES.map((s) => p.byStatus[s]),
    ]),
    [],
    ['Visits checked in', sheet.visits.checkedIn],
    ['Visits checked out', sheet.visits.checkedOut],
    ['Invoices issued', sheet.invoices.issued, sheet.invoices.issuedMinor, shown(sheet.invoices.issuedMinor)],
    [
      'Credit notes issued',
      sheet.invoices.creditNotes,
      sheet.invoices.creditedMinor,
      shown(sheet.invoices.creditedMinor),
    ],
    [],
    ['Method', 'Payments (count)', 'Payments', 'Refunds', 'Reversed payments', 'Net', 'Net (as written)'],
    ...sheet.byMethod.map((m) => [
      m.methodName,
      m.count,
      m.paymentsMinor,
      m.refundsMinor,
      m.reversalsMinor,
      m.netMinor,
      shown(m.netMinor),
    ]),
    ['Total', null, null, null, null, sheet.netMinor, shown(sheet.netMinor)],
    [],
    [
      'Entered (UTC)',
      'Kind',
      'Patient',
      'Method',
      'Amount',
      'Amount (as written)',
      'Reference',
      'Desk',
      'By',
      'Reason',
    ],
    ...sheet.payments.map((row) => [
      new Date(row.enteredAt).toISOString(),
      row.kind,
      row.patientName,
      row.methodName,
      row.amountMinor,
      shown(row.amountMinor),
      row.reference,
      row.deskName,
      row.enteredBy,
      row.reason,
    ]),
    [],
    [
      'Desk',
      'Opened by',
      'Float',
      'Closed (UTC)',
      'Closed by',
      'Cash expected',
      'Cash counted',
      'Over/short',
      'Reason',
    ],
    ...sheet.drawers.map((d) => [
      d.deskName,
      d.openedBy,
      d.floatMinor,
      d.closedAt === null ? 'open' : new Date(d.closedAt).toISOString(),
      d.closedBy,
      d.expectedCashMinor,
      d.countedCashMinor,
      d.overShortMinor,
      d.overShortReason,
    ]),
  ]);
}

function sumStatus(sheet: DaySheet, status: (typeof APPOINTMENT_STATUSES)[number]): number {
  return sheet.appointments.byProvider.reduce((sum, p) => sum + p.byStatus[status], 0);
}
