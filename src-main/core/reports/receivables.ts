import { AGEING_BUCKETS, emptyAgeing, type AgeingAmounts } from '../../../src-shared/billing/ageing';
import { CLAIM_STATUSES } from '../../../src-shared/billing/claim-status';
import {
  AGEING_PATIENT_ROWS,
  noClaimAges,
  noClaimFigures,
  type AgeingReport,
  type ClaimFigures,
  type ClaimsReport,
  type ClaimStatusRow,
} from '../../../src-shared/reports/receivables';
import { SELF_PAY } from '../../../src-shared/reports/model';
import type { HandlerContext } from '../api/context';
import { claimPayers, claimsByStatusAndAge, type ClaimAgeCutoff } from '../billing/claim-repository';
import { ageCutoff } from '../billing/claims';
import { billingContext } from '../billing/context';
import { arAgeing } from '../billing/statements';
import type { ReadDb } from '../db/handles';
import { receivablesByAge, type ReceivableRow } from './money-aggregate-repository';
import type { ReportScope } from './scope';

/**
 * What is owed, for managers (RECEIVABLES_DEFINITIONS): A/R ageing through billing's own `arAgeing`, and
 * claims by status and age by the claims work list's own age rule (`ageCutoff`), so neither figure can
 * differ from the billing screens'.
 */

export async function ageingReport(ctx: HandlerContext, scope: ReportScope): Promise<AgeingReport> {
  const billing = await billingContext(ctx.db, ctx.now);
  return {
    filters: scope.filters,
    ranAt: ctx.now,
    currency: scope.currency,
    ageing: await arAgeing(ctx.db, billing, AGEING_PATIENT_ROWS),
  };
}

/** A/R ageing's figures without the patients' rows: what patients owe by age, and each payer's. */
export interface AgeingTotals {
  patients: AgeingAmounts;
  payers: { payer: string; buckets: AgeingAmounts; totalMinor: number }[];
  payerTotals: AgeingAmounts;
}

const bucketsOf = (row: ReceivableRow): AgeingAmounts => ({
  '0-30': row.b0,
  '31-60': row.b1,
  '61-90': row.b2,
  '91-120': row.b3,
  '120+': row.b4,
});

/**
 * `arAgeing`'s totals read from the open balances by issue date (migration 0038), cut into buckets as of
 * `today` here: equal to billing's figures, which count a patient only when their open invoices add up
 * to more than nothing. With every open amount positive that is every patient with one; an invoice open
 * for less than nothing (a sync may bring one in before the write that settles it) answers null, and the
 * caller reads billing's own.
 */
export async function ageingTotals(db: ReadDb, today: string): Promise<AgeingTotals | null> {
  const totals: AgeingTotals = { patients: emptyAgeing(), payers: [], payerTotals: emptyAgeing() };
  for (const row of await receivablesByAge(db, today)) {
    const buckets = bucketsOf(row);
    if (row.owed_by === 'patient') {
      if (row.negative > 0) return null;
      totals.patients = buckets;
      continue;
    }
    totals.payers.push({ payer: row.payer || 'Unknown payer', buckets, totalMinor: row.total });
    for (const bucket of AGEING_BUCKETS) totals.payerTotals[bucket] += buckets[bucket];
  }
  return totals;
}

/** The patients the ageing report names, for the audit entry. */
export function patientsInAgeing(report: AgeingReport): string[] {
  return report.ageing.byPatient.rows.map((row) => row.patientId);
}

function add(into: ClaimFigures, row: { claims: number; billed: number; outstanding: number }): void {
  into.claims += row.claims;
  into.billedMinor += row.billed;
  into.outstandingMinor += row.outstanding;
}

export async function claimsReport(ctx: HandlerContext, scope: ReportScope): Promise<ClaimsReport> {
  const billing = await billingContext(ctx.db, ctx.now);
  const cutoff = (days: number): ClaimAgeCutoff => {
    const found = ageCutoff(billing, days);
    if (!found) throw new Error(`an age cutoff of ${days} days`);
    return found;
  };
  const payer = scope.filters.payer ?? null;
  const byStatus = new Map<string, ClaimStatusRow>(
    CLAIM_STATUSES.map((status) => [status, { status, ...noClaimFigures(), byAge: noClaimAges() }]),
  );
  const totals = { ...noClaimFigures(), byAge: noClaimAges() };
  // Self-pay invoices are billed to no insurer, so there is no claim of theirs to count.
  const rows =
    payer === SELF_PAY
      ? []
      : (await claimsByStatusAndAge(ctx.db, [cutoff(31), cutoff(61), cutoff(91), cutoff(121)], payer)).rows;
  for (const row of rows) {
    const status = byStatus.get(row.status);
    const bucket = AGEING_BUCKETS[row.bucket];
    if (!status || !bucket) continue;
    add(status, row);
    add(status.byAge[bucket], row);
    add(totals, row);
    add(totals.byAge[bucket], row);
  }
  return {
    filters: scope.filters,
    ranAt: ctx.now,
    currency: scope.currency,
    money: billing.money,
    today: billing.today,
    byStatus: [...byStatus.values()],
    totals,
    payers: await claimPayers(ctx.db),
  };
}
