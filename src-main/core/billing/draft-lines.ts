import { fitShares, hasTerms, splitLines, type PolicyTerms } from '../../../src-shared/billing/cost-share';
import { present } from '../../../src-shared/billing/present';
import { invoiceFigures, type LineInput, type TaxRounding } from '../../../src-shared/billing/tax';
import type { NewInvoiceLine, TaxRow } from '../db/schema-billing';
import { newId } from '../ids';
import type { BillingContext } from './context';

/** A draft line's stored fields and figures: what building, editing and repricing a draft share. */

export function taxFields(tax: TaxRow | undefined) {
  return {
    tax_id: tax?.id ?? null,
    tax_name: tax?.name ?? null,
    tax_rate_ppm: tax?.rate_ppm ?? 0,
    tax_inclusive: tax?.inclusive ?? 0,
  };
}

export const toLineInput = (
  row: Pick<
    NewInvoiceLine,
    'quantity' | 'unit_price_minor' | 'discount_minor' | 'tax_rate_ppm' | 'tax_inclusive' | 'insurer_minor'
  >,
): LineInput => ({
  quantity: row.quantity,
  unitPriceMinor: row.unit_price_minor,
  discountMinor: row.discount_minor ?? 0,
  taxRatePpm: row.tax_rate_ppm ?? 0,
  taxInclusive: row.tax_inclusive === 1,
  insurerMinor: row.insurer_minor ?? 0,
});

/**
 * Insured lines split by the policy's terms (copay, then what is left of the year's deductible, then
 * coinsurance); with no terms known, the insurer is expected to pay each line whole. The desk edits
 * any figure before issuing.
 */
export function insureByTerms(
  rows: LineFields[],
  context: BillingContext,
  terms: PolicyTerms,
  deductibleMetMinor: number,
): void {
  const figures = invoiceFigures(
    rows.map((row) => ({ ...toLineInput(row), insurerMinor: 0 })),
    context.settings.tax_rounding,
  );
  const totals = rows.map((_, index) => figures.lines[index]?.totalMinor ?? 0);
  const shares = hasTerms(terms)
    ? splitLines(totals, terms, deductibleMetMinor)
    : totals.map((total) => ({ insurerMinor: total, copayMinor: 0, deductibleMinor: 0, coinsuranceMinor: 0 }));
  rows.forEach((row, index) => {
    const share = present(shares[index], 'a line’s share');
    row.insurer_minor = share.insurerMinor;
    row.copay_minor = share.copayMinor;
    row.deductible_minor = share.deductibleMinor;
    row.coinsurance_minor = share.coinsuranceMinor;
  });
}

/** A line's named shares as stored (0 where a row predates them or is self-pay). */
export const sharesOf = (row: Pick<LineFields, 'copay_minor' | 'deductible_minor' | 'coinsurance_minor'>) => ({
  copayMinor: row.copay_minor ?? 0,
  deductibleMinor: row.deductible_minor ?? 0,
  coinsuranceMinor: row.coinsurance_minor ?? 0,
});

export type LineFields = Omit<
  NewInvoiceLine,
  | 'id'
  | 'invoice_id'
  | 'position'
  | 'amount_minor'
  | 'net_minor'
  | 'tax_minor'
  | 'total_minor'
  | 'patient_minor'
  | 'created_at'
  | 'updated_at'
>;

/** The stored figures of each line, computed together (per-invoice rounding shares tax across lines). */
export function figured(fields: LineFields[], rounding: TaxRounding) {
  const figures = invoiceFigures(fields.map(toLineInput), rounding);
  return fields.map((line, index) => {
    const f = present(figures.lines[index], 'a line’s figures');
    const shares = fitShares(sharesOf(line), f.patientMinor);
    return {
      ...line,
      amount_minor: f.amountMinor,
      net_minor: f.netMinor,
      tax_minor: f.taxMinor,
      total_minor: f.totalMinor,
      patient_minor: f.patientMinor,
      copay_minor: shares.copayMinor,
      deductible_minor: shares.deductibleMinor,
      coinsurance_minor: shares.coinsuranceMinor,
    };
  });
}

export function lineRow(
  invoiceId: string,
  position: number,
  fields: ReturnType<typeof figured>[number],
  now: number,
): NewInvoiceLine {
  return {
    id: newId(),
    invoice_id: invoiceId,
    position,
    ...fields,
    credits_line_id: fields.credits_line_id ?? null,
    created_at: now,
    updated_at: now,
  };
}
