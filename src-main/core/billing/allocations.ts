import type { Kysely } from 'kysely';
import { ApiError } from '../../../src-shared/api/errors';
import type { Database } from '../db/schema';
import type { AllocationCause } from '../db/schema-billing';
import { newId } from '../ids';
import { findBalance, moveBalance } from './balance-repository';
import type { BillingActor } from './context';
import { allocationsToInvoice, creditPayments, insertAllocations, storedCredit } from './ledger-repository';

/**
 * Moving a payment's money onto invoices and back. Every move is an allocation row (positive: applied,
 * negative: taken back) and the same change to the invoice's cached settled amount, in one transaction.
 */

type Db = Kysely<Database>;

export interface AllocationMove {
  paymentId: string;
  invoiceId: string;
  amountMinor: number;
}

export async function recordAllocations(
  db: Db,
  patientId: string,
  moves: AllocationMove[],
  cause: AllocationCause,
  actor: BillingActor,
  now: number,
): Promise<void> {
  const rows = moves
    .filter((move) => move.amountMinor !== 0)
    .map((move) => ({
      id: newId(),
      payment_id: move.paymentId,
      invoice_id: move.invoiceId,
      patient_id: patientId,
      amount_minor: move.amountMinor,
      cause,
      at: now,
      by_user: actor.userId,
      created_at: now,
      updated_at: now,
    }));
  await insertAllocations(db, rows);
  const perInvoice = new Map<string, number>();
  for (const row of rows) perInvoice.set(row.invoice_id, (perInvoice.get(row.invoice_id) ?? 0) + row.amount_minor);
  for (const [invoiceId, amount] of perInvoice) await moveBalance(db, invoiceId, { settled: amount }, now);
}

/**
 * The patient's credit (money paid and not allocated), oldest payment first, applied to an invoice up
 * to what is open on it: a copay taken at check-in pays the invoice issued at check-out.
 */
export async function applyCredit(
  db: Db,
  patientId: string,
  invoiceId: string,
  actor: BillingActor,
  now: number,
  /** What is open on it, when the caller knows (an invoice just issued). */
  knownOpen?: number,
): Promise<number> {
  let open = knownOpen ?? (await findBalance(db, invoiceId))?.patient_open_minor ?? 0;
  if (open <= 0) return 0;
  // Most patients have no credit: the stored sum spares scanning their payments (issue 15/22).
  if ((await storedCredit(db, patientId)) <= 0) return 0;
  const moves: AllocationMove[] = [];
  for (const credit of await creditPayments(db, patientId)) {
    if (open <= 0) break;
    const amount = Math.min(open, credit.freeMinor);
    moves.push({ paymentId: credit.paymentId, invoiceId, amountMinor: amount });
    open -= amount;
  }
  await recordAllocations(db, patientId, moves, 'credit', actor, now);
  return moves.reduce((sum, move) => sum + move.amountMinor, 0);
}

/**
 * When an invoice now owes the patient less than was paid on it (a credit note, a secondary insurer's
 * payment), the newest allocations are taken back until it does not: that money is credit again.
 * Write-offs are never undone silently: if they alone exceed what is owed, the change is refused.
 */
export async function releaseExcess(
  db: Db,
  patientId: string,
  invoiceId: string,
  actor: BillingActor,
  now: number,
): Promise<number> {
  const balance = await findBalance(db, invoiceId);
  if (!balance || balance.patient_open_minor >= 0) return 0;
  let excess = -balance.patient_open_minor;
  const moves: AllocationMove[] = [];
  for (const allocation of await allocationsToInvoice(db, invoiceId)) {
    if (excess <= 0) break;
    const amount = Math.min(excess, allocation.amount);
    moves.push({ paymentId: allocation.payment_id, invoiceId, amountMinor: -amount });
    excess -= amount;
  }
  if (excess > 0) {
    throw new ApiError(
      'CONFLICT',
      'Write-offs on this invoice are more than it would still charge the patient: reverse the write-off first.',
      { invoiceId },
    );
  }
  await recordAllocations(db, patientId, moves, 'release', actor, now);
  return moves.reduce((sum, move) => sum - move.amountMinor, 0);
}
