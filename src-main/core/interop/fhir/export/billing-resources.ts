import type { ChargeItem, Claim, ClaimResponse, Invoice, Money, PaymentReconciliation } from 'fhir/r4';
import { currencyDigits, decimalString } from '../../../../../src-shared/billing/money';
import { CLAIM_STATUS_TO_FHIR, CLAIM_STATUS_TO_OUTCOME, FHIR_SYSTEMS } from '../../../../../src-shared/fhir/codes';
import { localDateOf } from '../../../../../src-shared/scheduling/time';
import type { BillingBatch } from './billing-export-repository';
import { CLINIC_ORGANIZATION_ID, compact, instant, ref, rowIdentifier } from './references';

/** Billing as FHIR: invoices with their lines as charge items, payments, and insurance claims with the payer's answer. */

type Row<K extends keyof BillingBatch> = BillingBatch[K][number];

/** Integer minor units to FHIR's decimal, exactly (no float arithmetic on money). */
export function money(minor: number, currency: string): Money {
  return { value: Number(decimalString(minor, currencyDigits(currency))), currency };
}

const adjudication = (code: string) => ({
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/adjudication', code }],
});

export function chargeItemResource(invoice: Row<'invoices'>, line: Row<'lines'>): ChargeItem {
  return compact<ChargeItem>({
    resourceType: 'ChargeItem',
    id: line.id,
    identifier: [rowIdentifier('invoice-line', line.id)],
    status: invoice.status === 'issued' ? 'billed' : 'billable',
    code: compact({
      coding: line.code ? [{ code: line.code, display: line.description }] : undefined,
      text: line.description,
    }),
    subject: ref('Patient', invoice.patient_id),
    context: invoice.visit_id ? ref('Encounter', invoice.visit_id) : undefined,
    quantity: { value: line.quantity },
    priceOverride: money(line.unit_price_minor, invoice.currency),
    overrideReason: line.discount_reason ?? undefined,
    enteredDate: instant(line.created_at),
  });
}

export function invoiceResource(invoice: Row<'invoices'>, lines: readonly Row<'lines'>[]): Invoice {
  const m = (minor: number) => money(minor, invoice.currency);
  return compact<Invoice>({
    resourceType: 'Invoice',
    id: invoice.id,
    identifier: [
      ...(invoice.number ? [{ system: 'urn:front-desk:invoice-number', value: invoice.number }] : []),
      rowIdentifier('invoice', invoice.id),
    ],
    status: invoice.status === 'issued' ? 'issued' : 'draft',
    type: { text: invoice.kind === 'credit_note' ? 'Credit note' : 'Invoice' },
    subject: ref('Patient', invoice.patient_id),
    recipient: ref('Patient', invoice.patient_id),
    date: invoice.issued_at !== null ? instant(invoice.issued_at) : undefined,
    issuer: ref('Organization', CLINIC_ORGANIZATION_ID),
    lineItem: lines.map((line, index) => ({
      sequence: index + 1,
      chargeItemReference: ref('ChargeItem', line.id),
      priceComponent: [
        { type: 'base' as const, amount: m(line.amount_minor) },
        ...(line.discount_minor ? [{ type: 'discount' as const, amount: m(line.discount_minor) }] : []),
        ...(line.tax_minor ? [{ type: 'tax' as const, amount: m(line.tax_minor) }] : []),
      ],
    })),
    totalNet: m(invoice.subtotal_minor),
    totalGross: m(invoice.total_minor),
    note: invoice.reason ? [{ text: invoice.reason }] : undefined,
  });
}

export function paymentResource(
  zone: string,
  payment: Row<'payments'>,
  allocations: readonly Row<'allocations'>[],
): PaymentReconciliation {
  return compact<PaymentReconciliation>({
    resourceType: 'PaymentReconciliation',
    id: payment.id,
    identifier: [rowIdentifier('payment', payment.id)],
    status: 'active',
    created: instant(payment.entered_at),
    paymentDate: localDateOf(zone, payment.entered_at),
    paymentAmount: money(payment.amount_minor, payment.currency),
    paymentIdentifier: payment.reference ? { value: payment.reference } : undefined,
    disposition: payment.method_kind,
    detail: allocations.map((a) => ({
      type: { text: 'Allocated to invoice' },
      request: ref('Invoice', a.invoice_id),
      amount: money(a.amount_minor, payment.currency),
    })),
  });
}

export function claimResource(
  claim: Row<'claims'>,
  lines: readonly Row<'claimLines'>[],
  currency: string,
  descriptions: Map<string, string>,
): Claim {
  return compact<Claim>({
    resourceType: 'Claim',
    id: claim.id,
    identifier: [rowIdentifier('claim', claim.id)],
    status: CLAIM_STATUS_TO_FHIR[claim.status],
    type: { coding: [{ system: FHIR_SYSTEMS.claimType, code: 'professional' }] },
    use: 'claim',
    patient: ref('Patient', claim.patient_id),
    created: instant(claim.created_at),
    provider: ref('Organization', CLINIC_ORGANIZATION_ID),
    priority: { coding: [{ system: FHIR_SYSTEMS.processPriority, code: 'normal' }] },
    insurer: { display: claim.payer },
    related: claim.primary_claim_id ? [{ claim: ref('Claim', claim.primary_claim_id) }] : undefined,
    insurance: [{ sequence: 1, focal: true, coverage: ref('Coverage', claim.policy_id) }],
    item: lines.map((line, index) => ({
      sequence: index + 1,
      productOrService: { text: descriptions.get(line.invoice_line_id) ?? 'Service' },
      net: money(line.billed_minor, currency),
    })),
    total: money(claim.billed_minor, currency),
  });
}

/** The payer's answer, once there is one (accepted, rejected, paid ...); null while the claim waits. */
export function claimResponseResource(
  claim: Row<'claims'>,
  remittances: readonly Row<'remittanceLines'>[],
  currency: string,
): ClaimResponse | null {
  const outcome = CLAIM_STATUS_TO_OUTCOME[claim.status];
  if (!outcome) return null;
  const paid = remittances.reduce((sum, r) => sum + r.paid_minor, 0);
  return compact<ClaimResponse>({
    resourceType: 'ClaimResponse',
    id: `response-${claim.id}`,
    identifier: claim.payer_reference
      ? [{ system: 'urn:front-desk:payer-reference', value: claim.payer_reference }]
      : undefined,
    status: 'active',
    type: { coding: [{ system: FHIR_SYSTEMS.claimType, code: 'professional' }] },
    use: 'claim',
    patient: ref('Patient', claim.patient_id),
    created: instant(claim.status_at),
    insurer: { display: claim.payer },
    request: ref('Claim', claim.id),
    outcome,
    total: [
      { category: adjudication('submitted'), amount: money(claim.billed_minor, currency) },
      ...(remittances.length > 0 ? [{ category: adjudication('benefit'), amount: money(paid, currency) }] : []),
    ],
    payment:
      remittances.length > 0
        ? { type: { text: 'Remittance' }, date: remittances.at(-1)?.received_on, amount: money(paid, currency) }
        : undefined,
  });
}

/** One patient's billing resources, in the order a reader meets them. */
export function billingResources(
  zone: string,
  billing: BillingBatch,
  patientId: string,
): (Invoice | ChargeItem | PaymentReconciliation | Claim | ClaimResponse)[] {
  const invoices = billing.invoices.filter((i) => i.patient_id === patientId);
  const descriptions = new Map(billing.lines.map((l) => [l.id, l.description]));
  const currencyOf = new Map(billing.invoices.map((i) => [i.id, i.currency]));
  return [
    ...invoices.flatMap((invoice) => {
      const lines = billing.lines.filter((l) => l.invoice_id === invoice.id);
      return [...lines.map((line) => chargeItemResource(invoice, line)), invoiceResource(invoice, lines)];
    }),
    ...billing.payments
      .filter((p) => p.patient_id === patientId)
      .map((p) =>
        paymentResource(
          zone,
          p,
          billing.allocations.filter((a) => a.payment_id === p.id),
        ),
      ),
    ...billing.claims
      .filter((c) => c.patient_id === patientId)
      .flatMap((claim) => {
        const currency = currencyOf.get(claim.invoice_id) ?? 'USD';
        const response = claimResponseResource(
          claim,
          billing.remittanceLines.filter((r) => r.claim_id === claim.id),
          currency,
        );
        const lines = billing.claimLines.filter((l) => l.claim_id === claim.id);
        return [claimResource(claim, lines, currency, descriptions), ...(response ? [response] : [])];
      }),
  ];
}
