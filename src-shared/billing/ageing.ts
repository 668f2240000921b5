/** A/R ageing buckets by days since the invoice was issued: 0–30, 31–60, 61–90, 91–120, over 120. */
export const AGEING_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '120+'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

export type AgeingAmounts = Record<AgeingBucket, number>;

export function bucketOf(days: number): AgeingBucket {
  if (days <= 30) return '0-30';
  if (days <= 60) return '31-60';
  if (days <= 90) return '61-90';
  if (days <= 120) return '91-120';
  return '120+';
}

export function emptyAgeing(): AgeingAmounts {
  return { '0-30': 0, '31-60': 0, '61-90': 0, '91-120': 0, '120+': 0 };
}

export function ageingTotal(amounts: AgeingAmounts): number {
  return AGEING_BUCKETS.reduce((sum, bucket) => sum + amounts[bucket], 0);
}
