import { AGEING_BUCKETS, type AgeingBucket } from '../billing/ageing';
import type { ClaimStatus } from '../billing/claim-status';
import type { ArAgeing } from '../billing/model';
import type { MoneyFormat } from '../billing/money';
import type { ReportFilters } from './model';

/** What is owed: A/R ageing (`reports.ageing`) and claims by status and age (`reports.claims`), both as of today. */

/** The most patients the ageing report names (the largest balances first; the totals are over all of them). */
export const AGEING_PATIENT_ROWS = 100;

export interface AgeingReport {
  filters: ReportFilters;
  ranAt: number;
  currency: string;
  /** Billing's own A/R ageing, read by the same function as Billing → A/R ageing. */
  ageing: ArAgeing;
}

export interface ClaimFigures {
  claims: number;
  /** What the claims billed the payer. */
  billedMinor: number;
  /** Billed less what remittances paid, adjusted or passed to the patient. */
  outstandingMinor: number;
}

export interface ClaimStatusRow extends ClaimFigures {
  status: ClaimStatus;
  byAge: Record<AgeingBucket, ClaimFigures>;
}

export interface ClaimsReport {
  filters: ReportFilters;
  ranAt: number;
  currency: string;
  money: MoneyFormat;
  /** The clinic's today: ages count to it. */
  today: string;
  /** Every status, in the claim's life order, with none left out (a status with no claims reads 0). */
  byStatus: ClaimStatusRow[];
  totals: ClaimFigures & { byAge: Record<AgeingBucket, ClaimFigures> };
  /** The payers claims have been made to. */
  payers: string[];
}

export function noClaimFigures(): ClaimFigures {
  return { claims: 0, billedMinor: 0, outstandingMinor: 0 };
}

export function noClaimAges(): Record<AgeingBucket, ClaimFigures> {
  return Object.fromEntries(AGEING_BUCKETS.map((bucket) => [bucket, noClaimFigures()])) as Record<
    AgeingBucket,
    ClaimFigures
  >;
}

/** Stated under each report on screen and at the head of its CSV and PDF. */
export const RECEIVABLES_DEFINITIONS = {
  ageing:
    'A/R ageing: what is still open on issued invoices today, whatever the range, by days since the invoice was issued (0–30, 31–60, 61–90, 91–120, over 120): what patients owe, by patient (the largest balances first), and what insurers are still expected to pay, by payer.',
  ageingFilters:
    'A/R ageing is for the whole clinic as it stands today: the range, provider and payer do not narrow it.',
  claims:
    'Claims by status and age: every claim as it stands today, whatever the range, by its status and its age: days since it was submitted (or since it was created, for a draft never submitted), in the same buckets as A/R ageing.',
  claimAmounts:
    'Billed: what the claims billed the payer. Outstanding: billed less what remittances paid, adjusted or passed to the patient.',
  claimsPayer: 'Payer: with one chosen, only the claims made to it (self-pay has no claims).',
} as const;
