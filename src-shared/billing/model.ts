/** What the billing procedures answer. Amounts are integer minor units of `currency`. */
import type { OpenInvoice } from './allocation';
import type { ClaimSummary, DrawerSummary, MethodTotals } from './model-reports';
import type { MoneyFormat } from './money';
import type { PaymentMethodKind } from './reason-codes';
import type { TaxGroup, TaxRounding } from './tax';

/** A PDF made by core; the screen saves or opens it. */
export interface PdfDocument {
  fileName: string;
  mimeType: 'application/pdf';
  base64: string;
}

// ---- set-up --------------------------------------------------------------------------------------

export interface DeskView {
  deskId: string;
  name: string;
  seriesPrefix: string;
  /** The number the next issued invoice will get, e.g. "A-000124". */
  nextNumber: string;
}

export interface BillingSettings {
  clinicName: string;
  clinicAddress: string | null;
  taxNumber: string | null;
  money: MoneyFormat;
  taxRounding: TaxRounding;
  /** Nothing is entered, reversed or counted on this date or before; null: no lock. */
  lockDate: string | null;
  paymentTermsDays: number;
  numberDigits: number;
  desk: DeskView;
  updatedAt: number;
}

export interface TaxView {
  id: string;
  name: string;
  ratePpm: number;
  inclusive: boolean;
  active: boolean;
}

export interface ServiceView {
  id: string;
  code: string;
  name: string;
  defaultPriceMinor: number;
  taxId: string | null;
  active: boolean;
}

export interface FeeScheduleView {
  id: string;
  name: string;
  /** Null: the self-pay schedule. */
  payer: string | null;
  active: boolean;
  /** Price per service id; a service without one is charged its default price. */
  prices: Record<string, number>;
}

export interface TypeServicesView {
  typeId: string;
  typeName: string;
  services: { serviceId: string; quantity: number }[];
}

export interface PaymentMethodView {
  id: string;
  name: string;
  kind: PaymentMethodKind;
  active: boolean;
}

/** Everything the billing set-up screen shows, in one read. */
export interface BillingSetup {
  settings: BillingSettings;
  taxes: TaxView[];
  services: ServiceView[];
  schedules: FeeScheduleView[];
  typeServices: TypeServicesView[];
  methods: PaymentMethodView[];
}

// ---- invoices ------------------------------------------------------------------------------------

export interface InvoiceLineView {
  id: string;
  position: number;
  serviceId: string | null;
  code: string | null;
  description: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  discountReason: string | null;
  taxId: string | null;
  taxName: string | null;
  taxRatePpm: number;
  taxInclusive: boolean;
  amountMinor: number;
  netMinor: number;
  taxMinor: number;
  totalMinor: number;
  insurerMinor: number;
  patientMinor: number;
  /** The patient's part named: copay, deductible, coinsurance (the rest of it is not covered). */
  copayMinor: number;
  deductibleMinor: number;
  coinsuranceMinor: number;
  /** On a credit note: the line of the invoice it credits. */
  creditsLineId: string | null;
  /** On an issued invoice: already taken back by a credit note (a line is credited whole, once). */
  credited: boolean;
}

export interface InvoiceAllocationView {
  paymentId: string;
  methodName: string;
  amountMinor: number;
  at: number;
}

export interface InvoiceView {
  id: string;
  kind: 'invoice' | 'credit_note';
  status: 'draft' | 'issued';
  number: string | null;
  patientId: string;
  patientName: string;
  mrn: string;
  visitId: string | null;
  appointmentId: string | null;
  creditsInvoiceId: string | null;
  creditsInvoiceNumber: string | null;
  feeScheduleId: string | null;
  policyId: string | null;
  payer: string | null;
  currency: string;
  taxRounding: TaxRounding;
  lines: InvoiceLineView[];
  taxes: TaxGroup[];
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
  insurerMinor: number;
  patientMinor: number;
  copayMinor: number;
  deductibleMinor: number;
  coinsuranceMinor: number;
  issuedOn: string | null;
  dueOn: string | null;
  issuedAt: number | null;
  issuedBy: string | null;
  reason: string | null;
  /** Issued invoices: what the patient still owes on it, and what the insurer is still expected to pay. */
  patientOpenMinor: number;
  insurerOpenMinor: number;
  allocations: InvoiceAllocationView[];
  adjustedMinor: number;
  creditNotes: { id: string; number: string; totalMinor: number; issuedOn: string }[];
  updatedAt: number;
}

/** What the check-out screen needs in one call: the visit's invoice (a draft built on first ask) and the account. */
export interface CheckOutView {
  visit: {
    id: string;
    patientId: string;
    status: string;
    localDate: string;
    providerName: string | null;
    typeName: string | null;
  };
  invoice: InvoiceView;
  account: AccountSummary;
  openInvoices: OpenInvoice[];
  services: ServiceView[];
  taxes: TaxView[];
  methods: PaymentMethodView[];
  policies: { id: string; payer: string; priority: string; memberId: string }[];
  drawer: DrawerSummary | null;
  money: MoneyFormat;
}

// ---- accounts ------------------------------------------------------------------------------------

/** The patient banner's and the check-in review's line: "Owes £40.00 since 12 March". */
export interface AccountSummary {
  patientId: string;
  currency: string;
  /** Positive: the patient owes the clinic; negative: the clinic holds the patient's credit. */
  balanceMinor: number;
  /** Money paid and not yet allocated to an invoice. */
  creditMinor: number;
  /** What is open on issued invoices, and since when (the oldest open invoice's date of issue). */
  owingMinor: number;
  owingSince: string | null;
  /** The part of it past its due date, and the oldest due date passed. */
  overdueMinor: number;
  overdueSince: string | null;
}

export type LedgerKind =
  | 'invoice'
  | 'credit_note'
  | 'payment'
  | 'allocation'
  | 'refund'
  | 'reversal'
  | 'adjustment'
  | 'insurer_patient_share'
  | 'insurer_paid';

export interface LedgerEntry {
  id: string;
  kind: LedgerKind;
  /** When it was entered (epoch ms) and the local date it counts for. */
  at: number;
  date: string;
  description: string;
  /** An invoice number, a payment method and reference… */
  reference: string | null;
  /** Effect on the balance: + the patient owes more, − less. Allocations move credit, not the balance. */
  amountMinor: number;
  balanceMinor: number;
  /** Unallocated credit after this entry. */
  creditMinor: number;
  invoiceId: string | null;
  paymentId: string | null;
  by: string | null;
}

export interface AccountPayment {
  id: string;
  amountMinor: number;
  methodId: string;
  methodName: string;
  methodKind: PaymentMethodKind;
  reference: string | null;
  countsFor: string;
  enteredAt: number;
  enteredBy: string | null;
  allocatedMinor: number;
  refundedMinor: number;
  /** What a refund may still return: the amount less what is allocated and already refunded. */
  refundableMinor: number;
  reversed: boolean;
  /** Why it cannot be reversed (drawer closed, locked date, refunded…); null when it can. */
  reverseBlocked: string | null;
}

export interface UnbilledVisit {
  visitId: string | null;
  appointmentId: string | null;
  date: string;
  typeName: string | null;
  providerName: string | null;
}

/** The patient account screen in one read (an audited view of the account). */
export interface AccountView {
  patient: { id: string; name: string; mrn: string };
  summary: AccountSummary;
  entries: LedgerEntry[];
  openInvoices: OpenInvoice[];
  invoices: InvoiceSummary[];
  payments: AccountPayment[];
  adjustments: {
    id: string;
    invoiceId: string;
    amountMinor: number;
    reasonCode: string;
    note: string | null;
    countsFor: string;
    reversed: boolean;
  }[];
  unbilled: UnbilledVisit[];
  claims: ClaimSummary[];
  money: MoneyFormat;
}

export interface InvoiceSummary {
  id: string;
  kind: 'invoice' | 'credit_note';
  status: 'draft' | 'issued';
  number: string | null;
  visitId: string | null;
  appointmentId: string | null;
  issuedOn: string | null;
  totalMinor: number;
  patientMinor: number;
  patientOpenMinor: number;
  createdAt: number;
}

export interface PaymentView {
  id: string;
  patientId: string;
  amountMinor: number;
  methodId: string;
  methodName: string;
  methodKind: PaymentMethodKind;
  reference: string | null;
  tenderedMinor: number | null;
  changeMinor: number | null;
  countsFor: string;
  enteredAt: number;
  enteredBy: string | null;
  drawerId: string | null;
  allocations: { invoiceId: string; number: string; amountMinor: number }[];
  /** Left as the patient's credit. */
  unallocatedMinor: number;
  account: AccountSummary;
}

export interface RefundView {
  id: string;
  paymentId: string;
  amountMinor: number;
  methodName: string;
  methodKind: PaymentMethodKind;
  countsFor: string;
  account: AccountSummary;
}

export interface AllocationProposal {
  amountMinor: number;
  openInvoices: OpenInvoice[];
  allocations: { invoiceId: string; amountMinor: number }[];
  /** What would be left as credit. */
  creditMinor: number;
}

export interface JournalRow {
  id: string;
  kind: 'payment' | 'refund' | 'reversal';
  patientId: string;
  patientName: string;
  amountMinor: number;
  methodName: string | null;
  methodKind: PaymentMethodKind | null;
  reference: string | null;
  countsFor: string;
  enteredAt: number;
  enteredBy: string | null;
  deskName: string | null;
  reason: string | null;
}

export interface PaymentsJournal {
  from: string;
  to: string;
  rows: JournalRow[];
  byMethod: MethodTotals[];
  /** Payments − refunds − reversals. */
  netMinor: number;
}

export type * from './model-reports';
