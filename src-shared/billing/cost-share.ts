/**
 * How an insured invoice's lines split between the insurer and the patient, from the policy's terms.
 *
 * The patient's part of a line is named: a **copay** (a fixed amount per visit), the **deductible**
 * (what the patient pays before the insurer pays anything, per calendar year), **coinsurance** (a
 * share of what is left after the deductible); anything else of it is not covered. The common order is
 * applied: the copay first (spread over the lines in order until used up), then what remains of the
 * year's deductible, then coinsurance on the rest. Plans differ (some waive the deductible for an
 * office visit), so these are defaults the desk changes line by line before issuing.
 */

export interface PolicyTerms {
  /** A fixed amount per visit; null when not known. */
  copayMinor: number | null;
  /** The yearly deductible; null when not known. */
  deductibleMinor: number | null;
  /** The patient's share after the deductible, in parts per million (200 000 = 20 %); null when not known. */
  coinsurancePpm: number | null;
}

export interface LineShare {
  insurerMinor: number;
  copayMinor: number;
  deductibleMinor: number;
  coinsuranceMinor: number;
}

export const PPM = 1_000_000;

/** Whether the policy states any term; without one the insurer is expected to pay every line whole. */
export function hasTerms(terms: PolicyTerms): boolean {
  return terms.copayMinor !== null || terms.deductibleMinor !== null || terms.coinsurancePpm !== null;
}

/** Integer share of an amount at a rate in ppm, rounded half up (amounts stay far below 2^53 / 10^6). */
export function shareOf(amountMinor: number, ppm: number): number {
  return Math.floor((amountMinor * ppm + PPM / 2) / PPM);
}

/**
 * Splits line totals under the terms. `deductibleMetMinor` is what this policy's patient already paid
 * towards this year's deductible on earlier invoices. Each line's insurer part plus its three named
 * shares equals its total; no figure is negative.
 */
export function splitLines(lineTotals: readonly number[], terms: PolicyTerms, deductibleMetMinor: number): LineShare[] {
  let copayLeft = terms.copayMinor ?? 0;
  let deductibleLeft = Math.max(0, (terms.deductibleMinor ?? 0) - deductibleMetMinor);
  const rate = terms.coinsurancePpm ?? 0;
  return lineTotals.map((total) => {
    let rest = Math.max(0, total);
    const copayMinor = Math.min(copayLeft, rest);
    copayLeft -= copayMinor;
    rest -= copayMinor;
    const deductibleMinor = Math.min(deductibleLeft, rest);
    deductibleLeft -= deductibleMinor;
    rest -= deductibleMinor;
    const coinsuranceMinor = shareOf(rest, rate);
    return { insurerMinor: rest - coinsuranceMinor, copayMinor, deductibleMinor, coinsuranceMinor };
  });
}

/**
 * The named shares trimmed to fit a patient's part that shrank (a tax recomputed under another
 * rounding moves a line's total by a minor unit): coinsurance gives way first, then the deductible,
 * then the copay.
 */
export function fitShares(
  shares: { copayMinor: number; deductibleMinor: number; coinsuranceMinor: number },
  patientMinor: number,
): { copayMinor: number; deductibleMinor: number; coinsuranceMinor: number } {
  let over = shares.copayMinor + shares.deductibleMinor + shares.coinsuranceMinor - Math.max(0, patientMinor);
  const take = (amount: number) => {
    const taken = Math.min(amount, Math.max(0, over));
    over -= taken;
    return amount - taken;
  };
  const coinsuranceMinor = take(shares.coinsuranceMinor);
  const deductibleMinor = take(shares.deductibleMinor);
  const copayMinor = take(shares.copayMinor);
  return { copayMinor, deductibleMinor, coinsuranceMinor };
}

export const SHARES_OVER =
  'copay, deductible and coinsurance together must not be more than the patient’s part of the line';

/**
 * Which share first makes the named shares more than the patient's part, in the order they are
 * taken (copay, deductible, coinsurance), or null when they fit: the field a refusal names.
 */
export function sharesOver(
  shares: { copayMinor: number; deductibleMinor: number; coinsuranceMinor: number },
  patientMinor: number,
): 'copayMinor' | 'deductibleMinor' | 'coinsuranceMinor' | null {
  if (shares.copayMinor > patientMinor) return 'copayMinor';
  if (shares.copayMinor + shares.deductibleMinor > patientMinor) return 'deductibleMinor';
  if (shares.copayMinor + shares.deductibleMinor + shares.coinsuranceMinor > patientMinor) return 'coinsuranceMinor';
  return null;
}
