import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type {
  AdjustmentRow,
  AdjustmentsTable,
  PaymentAllocationsTable,
  PaymentRow,
  PaymentsTable,
  RefundsTable,
  ReversalsTable,
} from '../db/schema-billing';
import type { ReadDb } from '../db/handles';
import { insertRow, preparedRead } from '../db/prepared';

/**
 * SQL of the money ledger: payments, their allocations, refunds, reversals and adjustments. Every
 * table here is insert-only (triggers refuse UPDATE and DELETE), so this file only inserts and reads.
 */

type Db = Kysely<Database>;

export async function insertPayment(db: Db, row: PaymentsTable): Promise<void> {
  await insertRow(db, 'payments', row);
}

export async function insertAllocations(db: Db, rows: PaymentAllocationsTable[]): Promise<void> {
  for (const row of rows) await insertRow(db, 'payment_allocations', row);
}

export async function insertRefund(db: Db, row: RefundsTable): Promise<void> {
  await db.insertInto('refunds').values(row).execute();
}

export async function insertAdjustment(db: Db, row: AdjustmentsTable): Promise<void> {
  await db.insertInto('adjustments').values(row).execute();
}

export async function insertReversal(db: Db, row: ReversalsTable): Promise<void> {
  await db.insertInto('reversals').values(row).execute();
}

export function findPayment(db: ReadDb, id: string): Promise<PaymentRow | undefined> {
  return db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAdjustment(db: Db, id: string): Promise<AdjustmentRow | undefined> {
  return db.selectFrom('adjustments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findReversalOf(db: Db, targetId: string) {
  return db
    .selectFrom('reversals')
    .select(['id', 'reason', 'entered_at'])
    .where('target_id', '=', targetId)
    .executeTakeFirst();
}

/** What a payment has allocated (net of releases) and refunded, and whether it was reversed. */
export async function paymentUse(db: ReadDb, paymentId: string) {
  const row = await db
    .selectFrom('payments as p')
    .select((eb) => [
      eb
        .selectFrom('payment_allocations')
        .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('n'))
        .whereRef('payment_id', '=', 'p.id')
        .as('allocated'),
      eb
        .selectFrom('refunds')
        .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('n'))
        .whereRef('payment_id', '=', 'p.id')
        .as('refunded'),
      eb.selectFrom('reversals').select('id').whereRef('target_id', '=', 'p.id').as('reversal_id'),
    ])
    .where('p.id', '=', paymentId)
    .executeTakeFirstOrThrow();
  return { allocated: row.allocated ?? 0, refunded: row.refunded ?? 0, reversed: row.reversal_id !== null };
}

/** Live allocations of a payment per invoice (net of releases), the largest first. */
export async function allocationsOfPayment(db: ReadDb, paymentId: string) {
  return db
    .selectFrom('payment_allocations')
    .select(['invoice_id', sql<number>`sum(amount_minor)`.as('amount')])
    .where('payment_id', '=', paymentId)
    .groupBy('invoice_id')
    .having(sql`sum(amount_minor)`, '>', 0)
    .execute();
}

/** Live allocations to an invoice per payment, newest payment first: released in this order when the invoice owes less. */
export async function allocationsToInvoice(db: ReadDb, invoiceId: string) {
  return db
    .selectFrom('payment_allocations as a')
    .innerJoin('payments as p', 'p.id', 'a.payment_id')
    .innerJoin('payment_methods as m', 'm.id', 'p.method_id')
    .select([
      'a.payment_id',
      'm.name as method_name',
      sql<number>`sum(a.amount_minor)`.as('amount'),
      sql<number>`max(a.at)`.as('at'),
    ])
    .where('a.invoice_id', '=', invoiceId)
    .groupBy('a.payment_id')
    .having(sql`sum(a.amount_minor)`, '>', 0)
    .orderBy('p.entered_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

/**
 * The patient's live payments with money not yet allocated or refunded, oldest first: the credit that
 * a newly issued invoice takes automatically.
 */
const creditPaymentRows = preparedRead((db, v: { patientId: string }) =>
  db
    .selectFrom('payments as p')
    .select((eb) => [
      'p.id',
      'p.amount_minor',
      eb
        .selectFrom('payment_allocations')
        .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('n'))
        .whereRef('payment_id', '=', 'p.id')
        .as('allocated'),
      eb
        .selectFrom('refunds')
        .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('n'))
        .whereRef('payment_id', '=', 'p.id')
        .as('refunded'),
    ])
    .where('p.patient_id', '=', v.patientId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('reversals').select('id').whereRef('target_id', '=', 'p.id'))))
    .orderBy('p.entered_at')
    .orderBy('p.id'),
);

export async function creditPayments(db: Db, patientId: string) {
  const rows = await creditPaymentRows(db, { patientId });
  return rows
    .map((row) => ({ paymentId: row.id, freeMinor: row.amount_minor - (row.allocated ?? 0) - (row.refunded ?? 0) }))
    .filter((row) => row.freeMinor > 0);
}

const creditRow = preparedRead((db, v: { patientId: string }) =>
  db.selectFrom('patient_credits').select('credit_minor').where('patient_id', '=', v.patientId),
);

/** The patient's unallocated credit as stored (migration 0039's triggers keep it; 0 for a patient without any). */
export async function storedCredit(db: ReadDb, patientId: string): Promise<number> {
  const [row] = await creditRow(db, { patientId });
  return row?.credit_minor ?? 0;
}

/**
 * The stored credit of these patients recomputed from the raw rows (the same sums as migration 0039's
 * backfill): sync's cache rebuild runs it for the patients a pull touched, whatever order rows came in.
 */
export async function recomputeCredits(db: Db, patientIds: readonly string[]): Promise<void> {
  // Each id is bound three times: a chunk keeps a statement under SQLite's 32,766 values (a snapshot
  // step of 20,000 payments may name as many patients).
  for (let from = 0; from < patientIds.length; from += CREDIT_PATIENTS_PER_STATEMENT) {
    await recomputeCreditsOf(db, patientIds.slice(from, from + CREDIT_PATIENTS_PER_STATEMENT));
  }
}

const CREDIT_PATIENTS_PER_STATEMENT = 5000;

async function recomputeCreditsOf(db: Db, patientIds: readonly string[]): Promise<void> {
  await db.deleteFrom('patient_credits').where('patient_id', 'in', patientIds).execute();
  const ids = sql.join(patientIds.map((id) => sql`${id}`));
  await sql`
    INSERT INTO patient_credits (patient_id, credit_minor)
      SELECT patient_id, sum(n) FROM (
        SELECT p.patient_id, p.amount_minor AS n FROM payments p
          WHERE p.patient_id IN (${ids}) AND NOT EXISTS (SELECT 1 FROM reversals r WHERE r.target_id = p.id)
        UNION ALL SELECT patient_id, -amount_minor FROM refunds WHERE patient_id IN (${ids})
        UNION ALL SELECT patient_id, -amount_minor FROM payment_allocations WHERE patient_id IN (${ids})
      ) GROUP BY patient_id`.execute(db);
}

/** The patient's money totals from the raw rows: the account's balance and credit are these sums. */
export async function patientMoneyTotals(db: ReadDb, patientId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb
        .selectFrom('payments as p')
        .select(sql<number>`coalesce(sum(p.amount_minor), 0)`.as('n'))
        .where('p.patient_id', '=', patientId)
        .where((w) => w.not(w.exists(w.selectFrom('reversals').select('id').whereRef('target_id', '=', 'p.id'))))
        .as('paid'),
      eb
        .selectFrom('refunds')
        .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('n'))
        .where('patient_id', '=', patientId)
        .as('refunded'),
      eb
        .selectFrom('payment_allocations')
        .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('n'))
        .where('patient_id', '=', patientId)
        .as('allocated'),
    ])
    .executeTakeFirstOrThrow();
  return { paid: row.paid ?? 0, refunded: row.refunded ?? 0, allocated: row.allocated ?? 0 };
}

/** Live adjustments of an invoice (not reversed). */
export async function liveAdjustmentsOf(db: ReadDb, invoiceId: string): Promise<number> {
  const row = await db
    .selectFrom('adjustments as a')
    .select(sql<number>`coalesce(sum(a.amount_minor), 0)`.as('n'))
    .where('a.invoice_id', '=', invoiceId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('reversals').select('id').whereRef('target_id', '=', 'a.id'))))
    .executeTakeFirstOrThrow();
  return row.n;
}

const patientPaymentsQuery = preparedRead((db, v: { patientId: string }) =>
  db
    .selectFrom('payments as p')
    .innerJoin('payment_methods as m', 'm.id', 'p.method_id')
    .leftJoin('drawers as d', 'd.id', 'p.drawer_id')
    .leftJoin('reversals as r', 'r.target_id', 'p.id')
    .select((eb) => [
      'p.id',
      'p.amount_minor',
      'p.method_id',
      'm.name as method_name',
      'p.method_kind',
      'p.reference',
      'p.counts_for',
      'p.entered_at',
      'p.entered_by_name',
      'd.closed_at as drawer_closed_at',
      'r.id as reversal_id',
      eb
        .selectFrom('payment_allocations')
        .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('n'))
        .whereRef('payment_id', '=', 'p.id')
        .as('allocated'),
      eb
        .selectFrom('refunds')
        .select(sql<number>`coalesce(sum(amount_minor), 0)`.as('n'))
        .whereRef('payment_id', '=', 'p.id')
        .as('refunded'),
    ])
    .where('p.patient_id', '=', v.patientId)
    .orderBy('p.entered_at', 'desc'),
);

/** The patient's payments with what each has allocated and refunded, newest first (the account's list). */
export function patientPayments(db: ReadDb, patientId: string) {
  return patientPaymentsQuery(db, { patientId });
}

const patientAdjustmentsQuery = preparedRead((db, v: { patientId: string }) =>
  db
    .selectFrom('adjustments as a')
    .leftJoin('reversals as r', 'r.target_id', 'a.id')
    .select([
      'a.id',
      'a.invoice_id',
      'a.amount_minor',
      'a.reason_code',
      'a.note',
      'a.counts_for',
      'r.id as reversal_id',
    ])
    .where('a.patient_id', '=', v.patientId)
    .orderBy('a.entered_at', 'desc'),
);

export function patientAdjustments(db: ReadDb, patientId: string) {
  return patientAdjustmentsQuery(db, { patientId });
}
