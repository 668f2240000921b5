/** Why an account was adjusted (write-offs): a code for reports, and a note when the code is 'other'. */
export const ADJUSTMENT_REASONS = [
  'small_balance',
  'bad_debt',
  'courtesy',
  'hardship',
  'billing_error',
  'other',
] as const;
export type AdjustmentReason = (typeof ADJUSTMENT_REASONS)[number];

export const ADJUSTMENT_REASON_LABELS: Record<AdjustmentReason, string> = {
  small_balance: 'Small balance write-off',
  bad_debt: 'Bad debt',
  courtesy: 'Professional courtesy',
  hardship: 'Financial hardship',
  billing_error: 'Billing error',
  other: 'Other',
};

/**
 * Why a payer paid less than billed, on a remittance line (the group codes of an ERA, kept short):
 * CO contractual obligation, PR patient responsibility, OA other adjustment, PI payer-initiated.
 */
export const REMITTANCE_ADJUSTMENT_CODES = ['CO', 'OA', 'PI', 'CR'] as const;
export type RemittanceAdjustmentCode = (typeof REMITTANCE_ADJUSTMENT_CODES)[number];

export const PAYMENT_METHOD_KINDS = ['cash', 'card', 'cheque', 'bank_transfer', 'insurance', 'other'] as const;
export type PaymentMethodKind = (typeof PAYMENT_METHOD_KINDS)[number];
