import type { Generated, Insertable, Selectable } from 'kysely';
import type { ClaimStatus } from '../../../src-shared/billing/claim-status';
import type { PaymentMethodKind } from '../../../src-shared/billing/reason-codes';
import type { TaxRounding } from '../../../src-shared/billing/tax';
import type { BillingCacheTables } from './schema-billing-caches';

/** Billing tables (migration 0013). Amounts are integer minor units of the clinic's currency. */

export interface BillingSettingsTable {
  id: number;
  clinic_address: string | null;
  tax_number: string | null;
  locale: string;
  tax_rounding: TaxRounding;
  lock_date: string | null;
  payment_terms_days: number;
  number_digits: number;
  created_at: number;
  updated_at: number;
}

export interface BillingDeskTable {
  id: number;
  desk_id: string;
  name: string;
  series_prefix: string;
  created_at: number;
  updated_at: number;
}

export interface InvoiceSeriesTable {
  prefix: string;
  next_number: number;
  created_at: number;
  updated_at: number;
}

export interface TaxesTable {
  id: string;
  name: string;
  rate_ppm: number;
  inclusive: number;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface ServicesTable {
  id: string;
  code: string;
  name: string;
  default_price_minor: number;
  tax_id: string | null;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface FeeSchedulesTable {
  id: string;
  name: string;
  payer: string | null;
  active: Generated<number>;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface FeeSchedulePricesTable {
  schedule_id: string;
  service_id: string;
  price_minor: number;
  created_at: number;
  updated_at: number;
}

export interface AppointmentTypeServicesTable {
  type_id: string;
  service_id: string;
  quantity: number;
  position: number;
  created_at: number;
  updated_at: number;
}

export interface PaymentMethodsTable {
  id: string;
  name: string;
  kind: PaymentMethodKind;
  active: Generated<number>;
  position: number;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface InvoicesTable {
  id: string;
  kind: 'invoice' | 'credit_note';
  status: 'draft' | 'issued';
  patient_id: string;
  visit_id: string | null;
  appointment_id: string | null;
  credits_invoice_id: string | null;
  fee_schedule_id: string | null;
  policy_id: string | null;
  payer: string | null;
  number: string | null;
  series_prefix: string | null;
  desk_id: string | null;
  currency: string;
  tax_rounding: TaxRounding;
  subtotal_minor: number;
  tax_minor: number;
  total_minor: number;
  insurer_minor: number;
  patient_minor: number;
  /** The named parts of the patient's part (migration 0025); the rest of it is not covered. */
  copay_minor: Generated<number>;
  deductible_minor: Generated<number>;
  coinsurance_minor: Generated<number>;
  issued_on: string | null;
  due_on: string | null;
  issued_at: number | null;
  issued_by: string | null;
  issued_by_name: string | null;
  reason: string | null;
  created_by: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface InvoiceLinesTable {
  id: string;
  invoice_id: string;
  position: number;
  service_id: string | null;
  code: string | null;
  description: string;
  quantity: number;
  unit_price_minor: number;
  discount_minor: number;
  discount_reason: string | null;
  tax_id: string | null;
  tax_name: string | null;
  tax_rate_ppm: number;
  tax_inclusive: number;
  amount_minor: number;
  net_minor: number;
  tax_minor: number;
  total_minor: number;
  insurer_minor: number;
  patient_minor: number;
  /** The named parts of the patient's part (migration 0025); the rest of it is not covered. */
  copay_minor: Generated<number>;
  deductible_minor: Generated<number>;
  coinsurance_minor: Generated<number>;
  credits_line_id: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface DrawersTable {
  id: string;
  desk_id: string;
  desk_name: string;
  business_date: string;
  currency: string;
  float_minor: number;
  opened_at: number;
  opened_by: string | null;
  opened_by_name: string | null;
  closed_at: number | null;
  closed_by: string | null;
  closed_by_name: string | null;
  expected_cash_minor: number | null;
  counted_cash_minor: number | null;
  over_short_minor: number | null;
  over_short_reason: string | null;
  counts: string | null;
  created_at: number;
  updated_at: number;
}

interface Entered {
  entered_at: number;
  entered_by: string | null;
  entered_by_name: string | null;
  created_at: number;
  updated_at: number;
}

export interface PaymentsTable extends Entered {
  id: string;
  patient_id: string;
  amount_minor: number;
  currency: string;
  method_id: string;
  method_kind: PaymentMethodKind;
  reference: string | null;
  tendered_minor: number | null;
  change_minor: number | null;
  counts_for: string;
  desk_id: string;
  drawer_id: string | null;
  visit_id: string | null;
  note: string | null;
}

export type AllocationCause = 'payment' | 'credit' | 'release' | 'reversal';

export interface PaymentAllocationsTable {
  id: string;
  payment_id: string;
  invoice_id: string;
  patient_id: string;
  amount_minor: number;
  cause: AllocationCause;
  at: number;
  by_user: string | null;
  created_at: number;
  updated_at: number;
}

export interface RefundsTable extends Entered {
  id: string;
  payment_id: string;
  patient_id: string;
  amount_minor: number;
  method_id: string;
  method_kind: PaymentMethodKind;
  reason: string;
  counts_for: string;
  desk_id: string;
  drawer_id: string | null;
}

export interface AdjustmentsTable extends Entered {
  id: string;
  patient_id: string;
  invoice_id: string;
  amount_minor: number;
  reason_code: string;
  note: string | null;
  counts_for: string;
}

export interface ReversalsTable extends Entered {
  id: string;
  target_kind: 'payment' | 'adjustment';
  target_id: string;
  patient_id: string;
  amount_minor: number;
  method_kind: PaymentMethodKind | null;
  reason: string;
  counts_for: string;
  desk_id: string;
  drawer_id: string | null;
}

export interface ClaimsTable {
  id: string;
  invoice_id: string;
  patient_id: string;
  policy_id: string;
  payer: string;
  member_id: string;
  sequence: 'primary' | 'secondary';
  primary_claim_id: string | null;
  status: ClaimStatus;
  status_at: number;
  submitted_on: string | null;
  payer_reference: string | null;
  billed_minor: number;
  created_by: string | null;
  created_at: number;
  updated_at: number;
}

export interface ClaimLinesTable {
  id: string;
  claim_id: string;
  invoice_line_id: string;
  billed_minor: number;
  primary_paid_minor: number | null;
  created_at: number;
  updated_at: number;
}

export interface ClaimEventsTable {
  id: string;
  claim_id: string;
  from_status: ClaimStatus | null;
  to_status: ClaimStatus;
  on_date: string;
  at: number;
  by_user: string | null;
  by_name: string | null;
  reason: string | null;
  created_at: number;
  updated_at: number;
}

export interface ClaimRemittancesTable {
  id: string;
  claim_id: string;
  received_on: string;
  payer_reference: string | null;
  posted_at: number;
  posted_by: string | null;
  posted_by_name: string | null;
  created_at: number;
  updated_at: number;
}

export interface ClaimRemittanceLinesTable {
  id: string;
  remittance_id: string;
  claim_line_id: string;
  invoice_id: string;
  patient_id: string;
  sequence: 'primary' | 'secondary';
  allowed_minor: number;
  paid_minor: number;
  adjustment_minor: number;
  adjustment_code: string | null;
  patient_minor: number;
  at: number;
  created_at: number;
  updated_at: number;
}

/** Merged into `Database` in schema.ts, with the caches of `BillingCacheTables`. */
export interface BillingTables extends BillingCacheTables {
  billing_settings: BillingSettingsTable;
  billing_desk: BillingDeskTable;
  invoice_series: InvoiceSeriesTable;
  taxes: TaxesTable;
  services: ServicesTable;
  fee_schedules: FeeSchedulesTable;
  fee_schedule_prices: FeeSchedulePricesTable;
  appointment_type_services: AppointmentTypeServicesTable;
  payment_methods: PaymentMethodsTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  drawers: DrawersTable;
  payments: PaymentsTable;
  payment_allocations: PaymentAllocationsTable;
  refunds: RefundsTable;
  adjustments: AdjustmentsTable;
  reversals: ReversalsTable;
  claims: ClaimsTable;
  claim_lines: ClaimLinesTable;
  claim_events: ClaimEventsTable;
  claim_remittances: ClaimRemittancesTable;
  claim_remittance_lines: ClaimRemittanceLinesTable;
}

export type InvoiceRow = Selectable<InvoicesTable>;
export type InvoiceLineRow = Selectable<InvoiceLinesTable>;
export type NewInvoiceLine = Insertable<InvoiceLinesTable>;
export type PaymentRow = Selectable<PaymentsTable>;
export type RefundRow = Selectable<RefundsTable>;
export type AdjustmentRow = Selectable<AdjustmentsTable>;
export type ReversalRow = Selectable<ReversalsTable>;
export type DrawerRow = Selectable<DrawersTable>;
export type ClaimRow = Selectable<ClaimsTable>;
export type ClaimLineRow = Selectable<ClaimLinesTable>;
export type ServiceRow = Selectable<ServicesTable>;
export type TaxRow = Selectable<TaxesTable>;
export type FeeScheduleRow = Selectable<FeeSchedulesTable>;
export type PaymentMethodRow = Selectable<PaymentMethodsTable>;
export type BillingSettingsRow = Selectable<BillingSettingsTable>;
