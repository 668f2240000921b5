import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import {
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  REMITTABLE,
  canMove,
  needsReason,
  type ClaimStatus,
} from '../../../src-shared/billing/claim-status';
import type { ClaimSummary, ClaimView, ClaimWorkList } from '../../../src-shared/billing/model';
import { displayName } from '../../../src-shared/patients/names';
import { addDays, daysBetween, localDateOf, localDayBounds } from '../../../src-shared/scheduling/time';
import type { Database } from '../db/schema';
import type { ClaimRow } from '../db/schema-billing';
import { newId } from '../ids';
import * as repo from './claim-repository';
import type { BillingActor, BillingContext } from './context';
import { creditedLineIds, findInvoice, findPolicy, invoiceLines, patientPolicies } from './invoice-repository';
import type { ReadDb } from '../db/handles';

/**
 * Insurance claims, tracked (not sent): built from an invoice's insured lines and the patient's
 * policy — primary first, then a secondary for what the primary left to the patient, with what the
 * primary paid — and moved through their statuses, each move recorded with its date and who.
 */

type Db = Kysely<Database>;

export async function requireClaim(db: ReadDb, claimId: string): Promise<ClaimRow> {
  const claim = await repo.findClaim(db, claimId);
  if (!claim) throw new ApiError('NOT_FOUND', 'There is no such claim.', { fields: { claimId: 'no such claim' } });
  return claim;
}

async function recordMove(
  db: Db,
  context: BillingContext,
  claim: ClaimRow,
  to: ClaimStatus,
  actor: BillingActor,
  extra: { reason?: string | null; onDate?: string; payerReference?: string | null } = {},
): Promise<void> {
  const onDate = extra.onDate ?? context.today;
  await repo.insertClaimEvent(db, {
    id: newId(),
    claim_id: claim.id,
    from_status: claim.status,
    to_status: to,
    on_date: onDate,
    at: context.now,
    by_user: actor.userId,
    by_name: actor.name,
    reason: extra.reason ?? null,
    created_at: context.now,
    updated_at: context.now,
  });
  await repo.updateClaim(db, claim.id, {
    status: to,
    status_at: context.now,
    updated_at: context.now,
    ...(to === 'submitted' && { submitted_on: onDate }),
    ...(extra.payerReference !== undefined &&
      extra.payerReference !== null && { payer_reference: extra.payerReference }),
  });
}

export async function createClaim(
  db: Db,
  context: BillingContext,
  input: { invoiceId: string; policyId?: string | undefined; primaryClaimId?: string | undefined },
  actor: BillingActor,
): Promise<string> {
  const invoice = await findInvoice(db, input.invoiceId);
  if (!invoice || invoice.kind !== 'invoice' || invoice.status !== 'issued')
    throw fieldError('invoiceId', 'must be an issued invoice');
  const sequence = input.primaryClaimId ? 'secondary' : 'primary';
  const policies = await patientPolicies(db, invoice.patient_id, context.today);
  const policyId =
    input.policyId ??
    (sequence === 'primary' ? invoice.policy_id : policies.find((p) => p.priority === 'secondary')?.id);
  if (!policyId) throw fieldError('policyId', `the patient has no ${sequence} policy in force`);
  const policy = await findPolicy(db, policyId);
  if (!policy || policy.patient_id !== invoice.patient_id)
    throw fieldError('policyId', 'is not a policy of this patient');

  let lines: { invoiceLineId: string; billed: number; primaryPaid: number | null }[];
  let primaryClaimId: string | null = null;
  if (sequence === 'primary') {
    const credited = await creditedLineIds(db, invoice.id);
    const claimed = await repo.claimedLineIds(db, invoice.id, 'primary');
    lines = (await invoiceLines(db, invoice.id))
      .filter((line) => line.insurer_minor > 0 && !credited.has(line.id) && !claimed.has(line.id))
      .map((line) => ({ invoiceLineId: line.id, billed: line.insurer_minor, primaryPaid: null }));
  } else {
    const primary = await requireClaim(db, input.primaryClaimId ?? '');
    if (primary.invoice_id !== invoice.id || primary.sequence !== 'primary')
      throw fieldError('primaryClaimId', 'must be the primary claim of this invoice');
    if (!['paid', 'partly_paid', 'denied', 'closed'].includes(primary.status))
      throw fieldError('primaryClaimId', 'post the primary payer’s remittance first');
    primaryClaimId = primary.id;
    const claimed = await repo.claimedLineIds(db, invoice.id, 'secondary');
    lines = (await repo.claimLines(db, primary.id))
      .filter((line) => (line.patient ?? 0) > 0 && !claimed.has(line.invoice_line_id))
      .map((line) => ({ invoiceLineId: line.invoice_line_id, billed: line.patient ?? 0, primaryPaid: line.paid ?? 0 }));
  }
  if (lines.length === 0) throw fieldError('invoiceId', `has no lines left to claim from the ${sequence} payer`);
  const id = newId();
  const now = context.now;
  await repo.insertClaim(
    db,
    {
      id,
      invoice_id: invoice.id,
      patient_id: invoice.patient_id,
      policy_id: policy.id,
      payer: policy.payer,
      member_id: policy.member_id,
      sequence,
      primary_claim_id: primaryClaimId,
      status: 'draft',
      status_at: now,
      submitted_on: null,
      payer_reference: null,
      billed_minor: lines.reduce((sum, line) => sum + line.billed, 0),
      created_by: actor.userId,
      created_at: now,
      updated_at: now,
    },
    lines.map((line) => ({
      id: newId(),
      claim_id: id,
      invoice_line_id: line.invoiceLineId,
      billed_minor: line.billed,
      primary_paid_minor: line.primaryPaid,
      created_at: now,
      updated_at: now,
    })),
  );
  await repo.insertClaimEvent(db, {
    id: newId(),
    claim_id: id,
    from_status: null,
    to_status: 'draft',
    on_date: context.today,
    at: now,
    by_user: actor.userId,
    by_name: actor.name,
    reason: null,
    created_at: now,
    updated_at: now,
  });
  return id;
}

/** A move made by a person: submitted, accepted, rejected (with reason), corrected (back to draft), appealed, closed. */
export async function moveClaim(
  db: Db,
  context: BillingContext,
  input: {
    claimId: string;
    to: ClaimStatus;
    reason: string | null;
    onDate?: string | undefined;
    payerReference: string | null;
  },
  actor: BillingActor,
): Promise<ClaimRow> {
  const claim = await requireClaim(db, input.claimId);
  if (!canMove(claim.status, input.to)) {
    const allowed = CLAIM_TRANSITIONS[claim.status];
    throw new ApiError('CONFLICT', `A ${claim.status} claim cannot become ${input.to}.`, {
      fields: { to: allowed.length > 0 ? `must be one of ${allowed.join(', ')}` : 'this claim is closed' },
    });
  }
  if (needsReason(claim.status, input.to) && !input.reason)
    throw fieldError('reason', `say why the claim is ${input.to.replace('_', ' ')}`);
  if (input.onDate && input.onDate > context.today) throw fieldError('onDate', 'must not be in the future');
  await recordMove(db, context, claim, input.to, actor, {
    reason: input.reason,
    ...(input.onDate !== undefined && { onDate: input.onDate }),
    payerReference: input.payerReference,
  });
  return requireClaim(db, claim.id);
}

export { recordMove };

type ListedClaim = Awaited<ReturnType<typeof repo.listClaims>>[number];

function toSummary(row: ListedClaim, context: BillingContext): ClaimSummary {
  const since = row.submitted_on ?? localDateOf(context.timeZone, row.created_at);
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    invoiceNumber: row.invoice_number ?? '',
    patientId: row.patient_id,
    patientName: displayName({
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      preferredName: row.preferred_name,
    }),
    payer: row.payer,
    sequence: row.sequence,
    status: row.status,
    statusAt: row.status_at,
    ageDays: Math.max(0, daysBetween(since, context.today)),
    billedMinor: row.billed_minor,
    paidMinor: row.paid ?? 0,
    outstandingMinor: row.billed_minor - (row.settled ?? 0),
  };
}

export async function claimList(
  db: ReadDb,
  context: BillingContext,
  filter: repo.ClaimListFilter,
): Promise<ClaimSummary[]> {
  return (await repo.listClaims(db, filter)).map((row) => toSummary(row, context));
}

/** The age filter as dates: a claim is `minAgeDays` old when it was submitted (or created) that many days ago. */
export function ageCutoff(context: BillingContext, minAgeDays: number): repo.ClaimAgeCutoff | undefined {
  if (minAgeDays <= 0) return undefined;
  const date = addDays(context.today, -minAgeDays);
  return { date, createdBefore: localDayBounds(context.timeZone, date).end };
}

/** The claims work list: counts per status (of the claims old enough), and the claims asked for, oldest first. */
export async function claimWorkList(
  db: ReadDb,
  context: BillingContext,
  filter: { statuses?: ClaimStatus[] | undefined; minAgeDays?: number | undefined; limit: number },
): Promise<ClaimWorkList> {
  const olderThan = ageCutoff(context, filter.minAgeDays ?? 0);
  const counts = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<ClaimStatus, number>;
  for (const row of await repo.claimCounts(db, olderThan)) counts[row.status] = row.n;
  const statuses = filter.statuses ?? CLAIM_STATUSES.filter((s) => s !== 'closed');
  const rows = await claimList(db, context, { statuses, olderThan, limit: filter.limit });
  rows.sort((a, b) => b.ageDays - a.ageDays || a.statusAt - b.statusAt);
  return { counts, rows };
}

export async function claimView(db: ReadDb, context: BillingContext, claimId: string): Promise<ClaimView> {
  const claim = await requireClaim(db, claimId);
  const [base] = await claimList(db, context, { claimId, limit: 1 });
  if (!base) throw new ApiError('NOT_FOUND', 'There is no such claim.');
  const lines = await repo.claimLines(db, claim.id);
  const events = await repo.claimEvents(db, claim.id);
  const remittances = await repo.claimRemittances(db, claim.id);
  const lineViews = lines.map((line) => {
    const paid = line.paid ?? 0;
    const adjusted = line.adjusted ?? 0;
    const patient = line.patient ?? 0;
    return {
      id: line.id,
      invoiceLineId: line.invoice_line_id,
      code: line.code,
      description: line.description,
      billedMinor: line.billed_minor,
      primaryPaidMinor: line.primary_paid_minor,
      allowedMinor: line.allowed ?? 0,
      paidMinor: paid,
      adjustmentMinor: adjusted,
      patientMinor: patient,
      outstandingMinor: line.billed_minor - paid - adjusted - patient,
    };
  });
  return {
    ...base,
    policyId: claim.policy_id,
    memberId: claim.member_id,
    primaryClaimId: claim.primary_claim_id,
    secondaryClaimId: claim.sequence === 'primary' ? await repo.liveSecondaryClaimId(db, claim) : null,
    submittedOn: claim.submitted_on,
    payerReference: claim.payer_reference,
    adjustedMinor: lineViews.reduce((sum, line) => sum + line.adjustmentMinor, 0),
    patientMinor: lineViews.reduce((sum, line) => sum + line.patientMinor, 0),
    lines: lineViews,
    events: events.map((event) => ({
      fromStatus: event.from_status,
      toStatus: event.to_status,
      onDate: event.on_date,
      at: event.at,
      by: event.by_name,
      reason: event.reason,
    })),
    remittances: remittances.map((r) => ({
      id: r.id,
      receivedOn: r.received_on,
      payerReference: r.payer_reference,
      paidMinor: r.paid ?? 0,
      postedAt: r.posted_at,
      by: r.posted_by_name,
    })),
    moves: [...CLAIM_TRANSITIONS[claim.status]],
    canPostRemittance: REMITTABLE.includes(claim.status),
  };
}
