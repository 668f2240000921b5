import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { REMITTABLE, type ClaimStatus } from '../../../src-shared/billing/claim-status';
import { formatMoney } from '../../../src-shared/billing/money';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import { applyCredit, releaseExcess } from './allocations';
import { moveBalance } from './balance-repository';
import * as repo from './claim-repository';
import { recordMove, requireClaim } from './claims';
import { requireTodayUnlocked, requireUnlocked, type BillingActor, type BillingContext } from './context';

/**
 * Posting a payer's remittance, line by line: allowed, paid, adjustment (with its code) and the
 * patient's responsibility.
 * - Primary: the insurer's expected part shrinks by paid + adjustment + patient responsibility, and
 *   the patient responsibility moves to the patient's account (their credit pays it at once, oldest first).
 * - Secondary: what it paid or wrote off comes off what the patient owes on the invoice (money the
 *   patient had already paid beyond that becomes credit again).
 * The claim then becomes paid (every line settled), partly paid (something paid, something still
 * outstanding) or denied (nothing paid).
 */

type Db = Kysely<Database>;

export interface RemittanceLineInput {
  claimLineId: string;
  allowedMinor: number;
  paidMinor: number;
  adjustmentMinor: number;
  adjustmentCode: string | null;
  patientMinor: number;
}

export async function postRemittance(
  db: Db,
  context: BillingContext,
  input: { claimId: string; receivedOn: string; payerReference: string | null; lines: RemittanceLineInput[] },
  actor: BillingActor,
): Promise<{ status: ClaimStatus; patientId: string }> {
  requireTodayUnlocked(context);
  const claim = await requireClaim(db, input.claimId);
  if (!REMITTABLE.includes(claim.status))
    throw new ApiError('CONFLICT', `A remittance cannot be posted to a ${claim.status} claim: submit it first.`, {
      fields: { claimId: `is ${claim.status}` },
    });
  if (input.receivedOn > context.today) throw fieldError('receivedOn', 'must not be in the future');
  requireUnlocked(context, input.receivedOn, 'receivedOn');
  const lines = new Map((await repo.claimLines(db, claim.id)).map((line) => [line.id, line]));
  const seen = new Set<string>();
  const now = context.now;
  const remittanceId = newId();
  const rows = input.lines.map((line, index) => {
    const claimLine = lines.get(line.claimLineId);
    if (!claimLine) throw fieldError(`lines.${index}.claimLineId`, 'is not a line of this claim');
    if (seen.has(line.claimLineId)) throw fieldError(`lines.${index}.claimLineId`, 'is listed twice');
    seen.add(line.claimLineId);
    const outstanding =
      claimLine.billed_minor - (claimLine.paid ?? 0) - (claimLine.adjusted ?? 0) - (claimLine.patient ?? 0);
    if (line.paidMinor + line.adjustmentMinor + line.patientMinor > outstanding)
      throw fieldError(
        `lines.${index}.paidMinor`,
        `paid, adjustment and patient responsibility add up to more than is outstanding on the line (${formatMoney(outstanding, context.money)})`,
      );
    if (line.adjustmentMinor > 0 && !line.adjustmentCode)
      throw fieldError(`lines.${index}.adjustmentCode`, 'give the adjustment’s reason code');
    return {
      id: newId(),
      remittance_id: remittanceId,
      claim_line_id: line.claimLineId,
      invoice_id: claimLine.invoice_id,
      patient_id: claim.patient_id,
      sequence: claim.sequence,
      allowed_minor: line.allowedMinor,
      paid_minor: line.paidMinor,
      adjustment_minor: line.adjustmentMinor,
      adjustment_code: line.adjustmentMinor > 0 ? line.adjustmentCode : null,
      patient_minor: line.patientMinor,
      at: now,
      created_at: now,
      updated_at: now,
    };
  });
  if (rows.length === 0) throw fieldError('lines', 'post at least one line');
  await repo.insertRemittance(
    db,
    {
      id: remittanceId,
      claim_id: claim.id,
      received_on: input.receivedOn,
      payer_reference: input.payerReference,
      posted_at: now,
      posted_by: actor.userId,
      posted_by_name: actor.name,
      created_at: now,
      updated_at: now,
    },
    rows,
  );
  const sum = (key: 'paid_minor' | 'adjustment_minor' | 'patient_minor') =>
    rows.reduce((total, row) => total + row[key], 0);
  const invoiceId = claim.invoice_id;
  if (claim.sequence === 'primary') {
    await moveBalance(
      db,
      invoiceId,
      {
        patientDue: sum('patient_minor'),
        insurerDue: -(sum('paid_minor') + sum('adjustment_minor') + sum('patient_minor')),
      },
      now,
    );
    await applyCredit(db, claim.patient_id, invoiceId, actor, now);
  } else {
    await moveBalance(db, invoiceId, { patientDue: -(sum('paid_minor') + sum('adjustment_minor')) }, now);
    await releaseExcess(db, claim.patient_id, invoiceId, actor, now);
  }
  const after = await repo.claimLines(db, claim.id);
  const paid = after.reduce((total, line) => total + (line.paid ?? 0), 0);
  const settled = after.every(
    (line) => line.billed_minor - (line.paid ?? 0) - (line.adjusted ?? 0) - (line.patient ?? 0) === 0,
  );
  const status: ClaimStatus = paid === 0 ? 'denied' : settled ? 'paid' : 'partly_paid';
  await recordMove(db, context, claim, status, actor, {
    reason: `Remittance of ${formatMoney(sum('paid_minor'), context.money)} received ${input.receivedOn}`,
    payerReference: input.payerReference,
  });
  return { status, patientId: claim.patient_id };
}
