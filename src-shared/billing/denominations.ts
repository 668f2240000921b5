/**
 * Notes and coins of common currencies, in minor units, largest first: the drawer's count form lists
 * them. A currency not listed is counted as one total.
 */
export const DENOMINATIONS: Readonly<Record<string, readonly number[]>> = {
  GBP: [5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  EUR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
  USD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1],
  CAD: [10000, 5000, 2000, 1000, 500, 200, 100, 25, 10, 5],
  AUD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  NZD: [10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  CHF: [100000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5],
  JPY: [10000, 5000, 2000, 1000, 500, 100, 50, 10, 5, 1],
  INR: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
  ZAR: [20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10],
  SEK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100],
  NOK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 100],
  DKK: [100000, 50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50],
  PLN: [50000, 20000, 10000, 5000, 2000, 1000, 500, 200, 100, 50, 20, 10, 5, 2, 1],
};

export function denominationsOf(currency: string): readonly number[] {
  return DENOMINATIONS[currency] ?? [];
}

export interface DenominationCount {
  denominationMinor: number;
  count: number;
}

/** The counted total: each denomination times how many were counted. */
export function countedTotal(counts: readonly DenominationCount[]): number {
  return counts.reduce((sum, row) => sum + row.denominationMinor * row.count, 0);
}
