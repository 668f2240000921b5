import { AGEING_BUCKETS } from '../../../src-shared/billing/ageing';
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
