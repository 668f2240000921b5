import { ApiError } from '../../../src-shared/api/errors';
import type { InvoiceLineView, InvoiceView } from '../../../src-shared/billing/model';
import { invoiceFigures } from '../../../src-shared/billing/tax';
import { displayName } from '../../../src-shared/patients/names';
import type { InvoiceLineRow, InvoiceRow } from '../db/schema-billing';
import type { Issued } from './issue';
import { findBalance } from './balance-repository';
import { toLineInput } from './draft-lines';
import { creditedLineIds, creditNotesOf, findInvoice, invoiceLines, patientBrief } from './invoice-repository';
import { allocationsToInvoice, liveAdjustmentsOf } from './ledger-repository';
import type { ReadDb } from '../db/handles';

function toLineView(line: InvoiceLineRow, credited: Set<string>): InvoiceLineView {
  return {
    id: line.id,
    position: line.position,
    serviceId: line.service_id,
    code: line.code,
    description: line.description,
    quantity: line.quantity,
    unitPriceMinor: line.unit_price_minor,
    discountMinor: line.discount_minor,
    discountReason: line.discount_reason,
    taxId: line.tax_id,
    taxName: line.tax_name,
    taxRatePpm: line.tax_rate_ppm,
    taxInclusive: line.tax_inclusive === 1,
    amountMinor: line.amount_minor,
    netMinor: line.net_minor,
    taxMinor: line.tax_minor,
    totalMinor: line.total_minor,
    insurerMinor: line.insurer_minor,
    patientMinor: line.patient_minor,
    copayMinor: line.copay_minor,
    deductibleMinor: line.deductible_minor,
    coinsuranceMinor: line.coinsurance_minor,
    creditsLineId: line.credits_line_id,
    credited: credited.has(line.id),
  };
}

/** An invoice or credit note as the screens show it: lines, totals, and for an issued one what is paid and open. */
export async function invoiceView(db: ReadDb, invoiceId: string, issued?: Issued): Promise<InvoiceView> {
  if (issued) return freshView(db, issued);
  const invoice = await findInvoice(db, invoiceId);
  if (!invoice)
    throw new ApiError('NOT_FOUND', 'There is no such invoice.', { fields: { invoiceId: 'no such invoice' } });
  const [lines, patient] = [await invoiceLines(db, invoice.id), await patientBrief(db, invoice.patient_id)];
  const issuedInvoice = invoice.status === 'issued' && invoice.kind === 'invoice';
  const credited = issuedInvoice ? await creditedLineIds(db, invoice.id) : new Set<string>();
  const balance = issuedInvoice ? await findBalance(db, invoice.id) : undefined;
  const creditsNumber = invoice.credits_invoice_id ? (await findInvoice(db, invoice.credits_invoice_id))?.number : null;
  return toView(invoice, lines, patient, {
    credited,
    patientOpenMinor: balance?.patient_open_minor ?? 0,
    insurerOpenMinor: balance?.insurer_due_minor ?? 0,
    allocations: issuedInvoice ? await allocationsToInvoice(db, invoice.id) : [],
    adjustedMinor: issuedInvoice ? await liveAdjustmentsOf(db, invoice.id) : 0,
    creditNotes: issuedInvoice ? await creditNotesOf(db, invoice.id) : [],
    creditsNumber: creditsNumber ?? null,
  });
}

/** An invoice just issued: nothing credited, adjusted or noted yet, so only the patient and any credit applied are read. */
async function freshView(db: ReadDb, issued: Issued): Promise<InvoiceView> {
  const { invoice, lines } = issued;
  return toView(invoice, lines, await patientBrief(db, invoice.patient_id), {
    credited: new Set(),
    patientOpenMinor: invoice.patient_minor - issued.creditApplied,
    insurerOpenMinor: invoice.insurer_minor,
    allocations: issued.creditApplied > 0 ? await allocationsToInvoice(db, invoice.id) : [],
    adjustedMinor: 0,
    creditNotes: [],
    creditsNumber: null,
  });
}

interface Settled {
  credited: Set<string>;
  patientOpenMinor: number;
  insurerOpenMinor: number;
  allocations: { payment_id: string; method_name: string; amount: number; at: number }[];
  adjustedMinor: number;
  creditNotes: { id: string; number: string | null; total_minor: number; issued_on: string | null }[];
  creditsNumber: string | null;
}

function toView(
  invoice: InvoiceRow,
  lines: InvoiceLineRow[],
  patient: Awaited<ReturnType<typeof patientBrief>>,
  settled: Settled,
): InvoiceView {
  // The tax summary comes from the lines as stored (they add up to the recorded totals in both roundings).
  const taxes = invoiceFigures(lines.map(toLineInput), 'per_line').taxes.map((group) => {
    const members = lines.filter(
      (line) => line.tax_rate_ppm === group.ratePpm && (line.tax_inclusive === 1) === group.inclusive,
    );
    return {
      ...group,
      netMinor: members.reduce((sum, line) => sum + line.net_minor, 0),
      taxMinor: members.reduce((sum, line) => sum + line.tax_minor, 0),
    };
  });
  return {
    id: invoice.id,
    kind: invoice.kind,
    status: invoice.status,
    number: invoice.number,
    patientId: invoice.patient_id,
    patientName: patient
      ? displayName({
          firstName: patient.first_name,
          middleName: patient.middle_name,
          lastName: patient.last_name,
          preferredName: patient.preferred_name,
        })
      : '',
    mrn: patient?.mrn ?? '',
    visitId: invoice.visit_id,
    appointmentId: invoice.appointment_id,
    creditsInvoiceId: invoice.credits_invoice_id,
    creditsInvoiceNumber: settled.creditsNumber,
    feeScheduleId: invoice.fee_schedule_id,
    policyId: invoice.policy_id,
    payer: invoice.payer,
    currency: invoice.currency,
    taxRounding: invoice.tax_rounding,
    lines: lines.map((line) => toLineView(line, settled.credited)),
    taxes,
    subtotalMinor: invoice.subtotal_minor,
    taxMinor: invoice.tax_minor,
    totalMinor: invoice.total_minor,
    insurerMinor: invoice.insurer_minor,
    patientMinor: invoice.patient_minor,
    copayMinor: invoice.copay_minor,
    deductibleMinor: invoice.deductible_minor,
    coinsuranceMinor: invoice.coinsurance_minor,
    issuedOn: invoice.issued_on,
    dueOn: invoice.due_on,
    issuedAt: invoice.issued_at,
    issuedBy: invoice.issued_by_name,
    reason: invoice.reason,
    patientOpenMinor: settled.patientOpenMinor,
    insurerOpenMinor: settled.insurerOpenMinor,
    allocations: settled.allocations.map((a) => ({
      paymentId: a.payment_id,
      methodName: a.method_name,
      amountMinor: a.amount,
      at: a.at,
    })),
    adjustedMinor: settled.adjustedMinor,
    creditNotes: settled.creditNotes.map((note) => ({
      id: note.id,
      number: note.number ?? '',
      totalMinor: note.total_minor,
      issuedOn: note.issued_on ?? '',
    })),
    updatedAt: invoice.updated_at,
  };
}
