import type {
  ClaimView,
  InvoiceView,
  PaymentView,
  PdfDocument,
  StatementView,
  ZReport,
} from '../../../../src-shared/billing/model';
import { AGEING_BUCKETS } from '../../../../src-shared/billing/ageing';
import { CLAIM_STATUS_LABELS } from '../../../../src-shared/billing/claim-status';
import { formatMoney, type MoneyFormat } from '../../../../src-shared/billing/money';
import { formatRate } from '../../../../src-shared/billing/tax';
import { clinicWording, formatDate } from '../../../../src-shared/locale/date-format';
import type { DateFormat, TimeFormat } from '../../../../src-shared/api/areas/settings';
import { localDateOf, localTimeOf } from '../../../../src-shared/scheduling/time';
import { letterhead, PdfWriter, type Column, type Letterhead } from './layout';

/**
 * The documents billing prints, made by core with pdf-lib: the same bytes whether the desk runs in
 * Electron or in browser mode. Every figure comes from the view the screen shows (recorded totals for
 * issued invoices), formatted in the clinic's currency, date format and 12/24-hour clock.
 */

export interface PrintContext extends Letterhead {
  money: MoneyFormat;
  dateFormat: DateFormat;
  timeFormat: TimeFormat;
  timeZone: string;
}

const money = (minor: number, p: PrintContext) => formatMoney(minor, p.money);
const date = (iso: string | null, p: PrintContext) => (iso ? formatDate(iso, p.dateFormat) : '');
/** An instant as the clinic's wall clock shows it, in its date format and 12/24-hour clock. */
const stamp = (at: number, p: PrintContext) =>
  clinicWording(p.dateFormat, p.timeFormat).dateTime(localDateOf(p.timeZone, at), localTimeOf(p.timeZone, at));

const LINE_COLUMNS: Column[] = [
  { width: 50 },
  { width: 175 },
  { width: 30, align: 'right' },
  { width: 70, align: 'right' },
  { width: 60, align: 'right' },
  { width: 40, align: 'right' },
  { width: 74, align: 'right' },
];

export async function invoicePdf(view: InvoiceView, p: PrintContext): Promise<PdfDocument> {
  const title = view.kind === 'credit_note' ? 'Credit note' : view.status === 'draft' ? 'Draft invoice' : 'Invoice';
  const w = await PdfWriter.create(`${title} ${view.number ?? ''}`);
  letterhead(w, p, `${title} ${view.number ?? '(not issued)'}`);
  w.text(`Patient: ${view.patientName}`, { right: `MRN ${view.mrn}` });
  if (view.issuedOn)
    w.text(`Date of issue: ${date(view.issuedOn, p)}`, {
      right: view.dueOn && view.kind === 'invoice' ? `Due: ${date(view.dueOn, p)}` : '',
    });
  if (view.creditsInvoiceNumber) w.text(`Corrects invoice ${view.creditsInvoiceNumber}: ${view.reason ?? ''}`);
  if (view.payer) w.text(`Insurer: ${view.payer}`);
  w.space();
  w.row(['Code', 'Description', 'Qty', 'Unit price', 'Discount', 'Tax', 'Amount'], LINE_COLUMNS, { bold: true });
  w.rule();
  for (const line of view.lines) {
    w.row(
      [
        line.code ?? '',
        line.description,
        String(line.quantity),
        money(line.unitPriceMinor, p),
        line.discountMinor > 0 ? money(line.discountMinor, p) : '',
        formatRate(line.taxRatePpm),
        money(line.amountMinor, p),
      ],
      LINE_COLUMNS,
    );
    if (line.discountReason) w.text(`   Discount: ${line.discountReason}`, { size: 8 });
  }
  w.rule();
  w.text('Subtotal', { right: money(view.subtotalMinor, p) });
  for (const tax of view.taxes) {
    if (tax.ratePpm === 0) continue;
    w.text(`Tax ${formatRate(tax.ratePpm)}${tax.inclusive ? ' (included)' : ''} on ${money(tax.netMinor, p)}`, {
      right: money(tax.taxMinor, p),
    });
  }
  w.text('Total', { bold: true, right: money(view.totalMinor, p) });
  if (view.insurerMinor > 0) {
    w.text(`Insurer's part (${view.payer ?? ''})`, { right: money(view.insurerMinor, p) });
    w.text("Patient's part", { right: money(view.patientMinor, p) });
    const named = view.copayMinor + view.deductibleMinor + view.coinsuranceMinor;
    const shares: [string, number][] = [
      ['  of which copay', view.copayMinor],
      ['  of which deductible', view.deductibleMinor],
      ['  of which coinsurance', view.coinsuranceMinor],
      ['  of which not covered', named > 0 ? view.patientMinor - named : 0],
    ];
    for (const [label, minor] of shares) if (minor > 0) w.text(label, { right: money(minor, p) });
  }
  if (view.status === 'issued' && view.kind === 'invoice') {
    w.space();
    for (const paid of view.allocations)
      w.text(`Paid ${stamp(paid.at, p)} (${paid.methodName})`, { right: money(-paid.amountMinor, p) });
    if (view.adjustedMinor > 0) w.text('Written off', { right: money(-view.adjustedMinor, p) });
    for (const note of view.creditNotes) w.text(`Credit note ${note.number}`, { right: money(-note.totalMinor, p) });
    w.text('Balance due from the patient', { bold: true, right: money(view.patientOpenMinor, p) });
  }
  w.space();
  w.text(`Tax rounded ${view.taxRounding === 'per_line' ? 'per line' : 'per invoice'}, half up.`, { size: 7 });
  return w.finish(`${view.kind === 'credit_note' ? 'credit-note' : 'invoice'}-${view.number ?? view.id}.pdf`);
}

export async function receiptPdf(view: PaymentView, patientName: string, p: PrintContext): Promise<PdfDocument> {
  const w = await PdfWriter.create('Receipt');
  letterhead(w, p, 'Receipt');
  w.text(`Received from: ${patientName}`);
  w.text(`Date: ${stamp(view.enteredAt, p)}`, { right: `Counts for ${date(view.countsFor, p)}` });
  w.text(`Method: ${view.methodName}${view.reference ? ` (ref. ${view.reference})` : ''}`);
  if (view.enteredBy) w.text(`Taken by: ${view.enteredBy}`);
  w.space();
  w.text('Amount paid', { bold: true, size: 12, right: money(view.amountMinor, p) });
  if (view.tenderedMinor !== null) {
    w.text('Cash tendered', { right: money(view.tenderedMinor, p) });
    w.text('Change given', { right: money(view.changeMinor ?? 0, p) });
  }
  w.rule();
  for (const allocation of view.allocations)
    w.text(`Applied to invoice ${allocation.number}`, { right: money(allocation.amountMinor, p) });
  if (view.unallocatedMinor > 0) w.text('Kept as credit on the account', { right: money(view.unallocatedMinor, p) });
  w.rule();
  w.text(view.account.balanceMinor > 0 ? 'Balance owing' : 'Balance', {
    bold: true,
    right: money(view.account.balanceMinor, p),
  });
  return w.finish(`receipt-${view.id}.pdf`);
}

const STATEMENT_COLUMNS: Column[] = [
  { width: 70 },
  { width: 259 },
  { width: 85, align: 'right' },
  { width: 85, align: 'right' },
];

export async function statementPdf(view: StatementView, p: PrintContext, writer?: PdfWriter): Promise<PdfWriter> {
  const w = writer ?? (await PdfWriter.create(`Statement ${view.patient.name}`));
  letterhead(w, p, 'Statement');
  w.text(view.patient.name, { bold: true, right: `MRN ${view.patient.mrn}` });
  if (view.patient.address) w.text(view.patient.address);
  w.text(`From ${date(view.from, p)} to ${date(view.to, p)}`);
  w.space();
  w.row(['Date', 'Description', 'Amount', 'Balance'], STATEMENT_COLUMNS, { bold: true });
  w.rule();
  w.row(['', 'Balance brought forward', '', money(view.openingBalanceMinor, p)], STATEMENT_COLUMNS);
  for (const entry of view.entries) {
    w.row(
      [date(entry.date, p), entry.description, money(entry.amountMinor, p), money(entry.balanceMinor, p)],
      STATEMENT_COLUMNS,
    );
  }
  w.rule();
  w.text('Balance', { bold: true, right: money(view.closingBalanceMinor, p) });
  w.space();
  const ageColumns: Column[] = AGEING_BUCKETS.map(() => ({ width: 99, align: 'right' }));
  w.row(
    AGEING_BUCKETS.map((bucket) => `${bucket} days`),
    ageColumns,
    { bold: true },
  );
  w.row(
    AGEING_BUCKETS.map((bucket) => money(view.ageing[bucket], p)),
    ageColumns,
  );
  w.space(20);
  return w;
}

export async function claimPdf(view: ClaimView, p: PrintContext): Promise<PdfDocument> {
  const w = await PdfWriter.create(`Claim ${view.invoiceNumber}`);
  letterhead(w, p, 'Claim summary');
  w.text(`Payer: ${view.payer} (${view.sequence})`, { right: `Member ${view.memberId}` });
  w.text(`Patient: ${view.patientName}`, { right: `Invoice ${view.invoiceNumber}` });
  w.text(`Status: ${CLAIM_STATUS_LABELS[view.status]}`, {
    right: view.submittedOn ? `Submitted ${date(view.submittedOn, p)}` : '',
  });
  if (view.payerReference) w.text(`Payer's reference: ${view.payerReference}`);
  w.space();
  const columns: Column[] = [
    { width: 50 },
    { width: 149 },
    { width: 60, align: 'right' },
    { width: 60, align: 'right' },
    { width: 60, align: 'right' },
    { width: 60, align: 'right' },
    { width: 60, align: 'right' },
  ];
  w.row(['Code', 'Service', 'Billed', 'Paid', 'Adjusted', 'Patient', 'Open'], columns, { bold: true });
  w.rule();
  for (const line of view.lines) {
    w.row(
      [
        line.code ?? '',
        line.description,
        money(line.billedMinor, p),
        money(line.paidMinor, p),
        money(line.adjustmentMinor, p),
        money(line.patientMinor, p),
        money(line.outstandingMinor, p),
      ],
      columns,
    );
  }
  w.rule();
  if (view.sequence === 'secondary') {
    // The secondary payer needs what the primary paid: the lines bill only what it left to the patient.
    const primaryPaid = view.lines.reduce((sum, line) => sum + (line.primaryPaidMinor ?? 0), 0);
    w.text('Paid by the primary payer', { right: money(primaryPaid, p) });
  }
  w.text('Billed', { right: money(view.billedMinor, p) });
  w.text('Paid by the payer', { right: money(view.paidMinor, p) });
  w.text('Outstanding', { bold: true, right: money(view.outstandingMinor, p) });
  w.space();
  w.text('History', { bold: true });
  for (const event of view.events) {
    w.text(
      `${date(event.onDate, p)}  ${CLAIM_STATUS_LABELS[event.toStatus]}${event.by ? ` by ${event.by}` : ''}${event.reason ? `: ${event.reason}` : ''}`,
      { size: 9 },
    );
  }
  return w.finish(`claim-${view.invoiceNumber}-${view.sequence}.pdf`);
}

export async function zReportPdf(report: ZReport, p: PrintContext): Promise<PdfDocument> {
  const d = report.drawer;
  const w = await PdfWriter.create(`Z-report ${d.deskName} ${d.businessDate}`);
  letterhead(w, p, 'Z-report');
  w.text(`Desk: ${d.deskName}`, { right: `Business date ${date(d.businessDate, p)}` });
  w.text(`Opened ${stamp(d.openedAt, p)} by ${d.openedBy ?? ''}`);
  if (d.closedAt !== null) w.text(`Closed ${stamp(d.closedAt, p)} by ${d.closedBy ?? ''}`);
  else w.text('Still open: figures so far.', { bold: true });
  w.space();
  const columns: Column[] = [
    { width: 139 },
    { width: 40, align: 'right' },
    { width: 80, align: 'right' },
    { width: 80, align: 'right' },
    { width: 80, align: 'right' },
    { width: 80, align: 'right' },
  ];
  w.row(['Method', 'Count', 'Payments', 'Refunds', 'Reversals', 'Net'], columns, { bold: true });
  w.rule();
  for (const m of d.byMethod) {
    w.row(
      [
        m.methodName,
        String(m.count),
        money(m.paymentsMinor, p),
        money(m.refundsMinor, p),
        money(m.reversalsMinor, p),
        money(m.netMinor, p),
      ],
      columns,
    );
  }
  w.rule();
  w.text('Float', { right: money(d.floatMinor, p) });
  w.text('Expected cash', { right: money(d.expectedCashMinor, p) });
  if (d.countedCashMinor !== null) {
    w.text('Counted cash', { right: money(d.countedCashMinor, p) });
    const overShort = d.overShortMinor ?? 0;
    w.text(overShort === 0 ? 'Over / short' : overShort > 0 ? 'Over' : 'Short', {
      bold: true,
      right: money(overShort, p),
    });
    if (d.overShortReason) w.text(`Reason: ${d.overShortReason}`);
  }
  if (report.counts.length > 0) {
    w.space();
    w.text('Count', { bold: true });
    for (const count of report.counts.filter((c) => c.count > 0)) {
      w.text(`${count.count} × ${money(count.denominationMinor, p)}`, {
        right: money(count.denominationMinor * count.count, p),
      });
    }
  }
  w.space();
  w.text('Entries', { bold: true });
  for (const row of report.rows) {
    w.text(`${stamp(row.enteredAt, p)}  ${row.kind}  ${row.methodName ?? ''}  ${row.patientName}`, {
      size: 8,
      right: money(row.kind === 'payment' ? row.amountMinor : -row.amountMinor, p),
    });
  }
  return w.finish(`z-report-${d.deskName.replace(/[^A-Za-z0-9]+/g, '-')}-${d.businessDate}.pdf`);
}

export async function batchPdf(views: StatementView[], p: PrintContext): Promise<PdfDocument> {
  const writer = await PdfWriter.create('Statements');
  for (const [index, view] of views.entries()) {
    if (index > 0) writer.newPage();
    await statementPdf(view, p, writer);
  }
  return writer.finish(`statements-${views[0]?.to ?? 'none'}.pdf`);
}
