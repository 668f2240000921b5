import { addDays } from '../../../src-shared/scheduling/time';
import { sql, type Kysely } from 'kysely';
import type { OpenInvoice } from '../../../src-shared/billing/allocation';
import type { Database } from '../db/schema';
import type { InvoiceBalancesTable } from '../db/schema-billing-caches';
import type { ReadDb } from '../db/handles';
import { insertRow, preparedRead, preparedWrite } from '../db/prepared';

/**
 * SQL of `invoice_balances`, the cache of each issued invoice's open amounts, kept in step in the
 * same transaction as every row that moves them, and of the reads that use it (open invoices, what a
 * patient owes, A/R ageing). `rawBalances` recomputes it from the ledger: a test holds the two equal.
 */

type Db = Kysely<Database>;

export async function insertBalance(db: Db, row: Omit<InvoiceBalancesTable, 'patient_open_minor'>): Promise<void> {
  await insertRow(db, 'invoice_balances', row);
}

const moveBalanceBy = preparedWrite(
  (db, v: { invoiceId: string; patientDue: number; settled: number; insurerDue: number; now: number }) =>
    db
      .updateTable('invoice_balances')
      .set({
        patient_due_minor: sql`patient_due_minor + ${v.patientDue}`,
        patient_settled_minor: sql`patient_settled_minor + ${v.settled}`,
        insurer_due_minor: sql`insurer_due_minor + ${v.insurerDue}`,
        updated_at: v.now,
      })
      .where('invoice_id', '=', v.invoiceId),
);

/** Moves an invoice's cached amounts by the given deltas. */
export async function moveBalance(
  db: Db,
  invoiceId: string,
  delta: { patientDue?: number; settled?: number; insurerDue?: number },
  now: number,
): Promise<void> {
  await moveBalanceBy(db, {
    invoiceId,
    patientDue: delta.patientDue ?? 0,
    settled: delta.settled ?? 0,
    insurerDue: delta.insurerDue ?? 0,
    now,
  });
}

export function findBalance(db: ReadDb, invoiceId: string) {
  return db.selectFrom('invoice_balances').selectAll().where('invoice_id', '=', invoiceId).executeTakeFirst();
}

/** The patient's invoices with something still open for the patient, oldest first. */
const openInvoiceRows = preparedRead((db, v: { patientId: string }) =>
  db
    .selectFrom('invoice_balances as b')
    .innerJoin('invoices as i', 'i.id', 'b.invoice_id')
    .select(['b.invoice_id', 'i.number', 'b.issued_on', 'b.patient_open_minor'])
    .where('b.patient_id', '=', v.patientId)
    .where('b.patient_open_minor', '<>', 0)
    .orderBy('b.issued_on')
    .orderBy('i.number'),
);

export async function openInvoicesOf(db: ReadDb, patientId: string): Promise<OpenInvoice[]> {
  const rows = await openInvoiceRows(db, { patientId });
  return rows
    .filter((row) => row.patient_open_minor > 0)
    .map((row) => ({
      invoiceId: row.invoice_id,
      number: row.number ?? '',
      issuedOn: row.issued_on,
      openMinor: row.patient_open_minor,
    }));
}

/** What the patient owes on issued invoices, since when, and the part past due. */
const owingRow = preparedRead((db, v: { patientId: string; today: string }) =>
  db
    .selectFrom('invoice_balances')
    .select([
      sql<number>`coalesce(sum(patient_open_minor), 0)`.as('owing'),
      sql<string | null>`min(issued_on)`.as('since'),
      sql<number>`coalesce(sum(CASE WHEN due_on < ${v.today} THEN patient_open_minor ELSE 0 END), 0)`.as('overdue'),
      sql<string | null>`min(CASE WHEN due_on < ${v.today} THEN due_on END)`.as('overdue_since'),
    ])
    .where('patient_id', '=', v.patientId)
    // `<> 0`, as the partial index says (SQLite uses it only for the same term); open amounts are never negative.
    .where('patient_open_minor', '<>', 0),
);

export async function patientOwing(db: ReadDb, patientId: string, today: string) {
  const [row] = await owingRow(db, { patientId, today });
  if (!row) throw new Error('an aggregate always answers one row');
  return row;
}

/** Σ of what the patient was charged on issued invoices (after credit notes and insurers' shares). */
export async function patientDueTotal(db: Db, patientId: string): Promise<number> {
  const row = await db
    .selectFrom('invoice_balances')
    .select(sql<number>`coalesce(sum(patient_due_minor), 0)`.as('n'))
    .where('patient_id', '=', patientId)
    .executeTakeFirstOrThrow();
  return row.n;
}

export interface AgeingRowRaw {
  patient_id: string;
  b0: number;
  b1: number;
  b2: number;
  b3: number;
  b4: number;
  total: number;
}

/**
 * The first day of each age bucket counted back from `today` (0–30, 31–60, 61–90, 91–120 days): an
 * invoice's bucket is found by comparing its issue date with these, not by date arithmetic per row.
 */
function bucketStarts(today: string): [string, string, string, string] {
  return [addDays(today, -30), addDays(today, -60), addDays(today, -90), addDays(today, -120)];
}

/** `b0` … `b4` and `total`: the sums of `amount` by the age bucket of `issued_on` as of `today` (0 when none). */
function sumsByAge(today: string, amount: 'o' | 'open_minor') {
  const [d30, d60, d90, d120] = bucketStarts(today);
  const o = sql.ref(amount);
  return sql`
      coalesce(sum(CASE WHEN issued_on >= ${d30} THEN ${o} ELSE 0 END), 0) AS b0,
      coalesce(sum(CASE WHEN issued_on < ${d30} AND issued_on >= ${d60} THEN ${o} ELSE 0 END), 0) AS b1,
      coalesce(sum(CASE WHEN issued_on < ${d60} AND issued_on >= ${d90} THEN ${o} ELSE 0 END), 0) AS b2,
      coalesce(sum(CASE WHEN issued_on < ${d90} AND issued_on >= ${d120} THEN ${o} ELSE 0 END), 0) AS b3,
      coalesce(sum(CASE WHEN issued_on < ${d120} THEN ${o} ELSE 0 END), 0) AS b4,
      coalesce(sum(${o}), 0) AS total`;
}

/** The patients owing most (more than nothing), the largest first, from the kept sums (migration 0042). */
export function largestOwing(db: ReadDb, limit: number) {
  return db
    .selectFrom('patient_owing')
    .select('patient_id')
    .where('owing_minor', '>', 0)
    .orderBy('owing_minor', 'desc')
    .orderBy('patient_id')
    .limit(limit)
    .execute();
}

/**
 * Open patient amounts by age bucket (as of `today`) from the kept sums by issue date (migration 0042),
 * and how many open rows are negative: with none, every patient with an open row owes more than nothing.
 */
export async function openByAge(
  db: ReadDb,
  today: string,
): Promise<Omit<AgeingRowRaw, 'patient_id'> & { negative: number }> {
  const { rows } = await sql<Omit<AgeingRowRaw, 'patient_id'> & { negative: number }>`
    SELECT ${sumsByAge(today, 'open_minor')}, coalesce(sum(negative_rows), 0) AS negative
    FROM patient_open_days`.execute(db);
  return rows[0] ?? { b0: 0, b1: 0, b2: 0, b3: 0, b4: 0, total: 0, negative: 0 };
}

/** How many patients owe more than nothing. */
export async function owingPatientCount(db: ReadDb): Promise<number> {
  const row = await db
    .selectFrom('patient_owing')
    .select((eb) => eb.fn.countAll<number>().as('patients'))
    .where('owing_minor', '>', 0)
    .executeTakeFirstOrThrow();
  return row.patients;
}

/** Open patient amounts of these patients by age bucket (days since issue, as of `today`), the largest first. */
export function ageingOfPatients(db: ReadDb, today: string, patientIds: readonly string[]) {
  if (patientIds.length === 0) return Promise.resolve({ rows: [] as AgeingRowRaw[] });
  return sql<AgeingRowRaw>`
    SELECT patient_id, ${sumsByAge(today, 'o')}
    FROM (SELECT patient_id, patient_open_minor AS o, issued_on
          FROM invoice_balances WHERE patient_open_minor <> 0
            AND patient_id IN (${sql.join(patientIds.map((id) => sql`${id}`))}))
    GROUP BY patient_id
    ORDER BY total DESC, patient_id`.execute(db);
}

/** Open patient amounts per patient and age bucket (days since issue, as of `today`). */
export function ageingByPatient(db: ReadDb, today: string) {
  return sql<AgeingRowRaw>`
    SELECT patient_id, ${sumsByAge(today, 'o')}
    FROM (SELECT patient_id, patient_open_minor AS o, issued_on
          FROM invoice_balances WHERE patient_open_minor <> 0)
    GROUP BY patient_id HAVING sum(o) > 0
    ORDER BY total DESC, patient_id`.execute(db);
}

/** What insurers still owe, per payer and age bucket. */
export function ageingByPayer(db: ReadDb, today: string) {
  return sql<Omit<AgeingRowRaw, 'patient_id'> & { payer: string }>`
    SELECT payer, ${sumsByAge(today, 'o')}
    FROM (SELECT coalesce(payer, '') AS payer, insurer_due_minor AS o, issued_on
          FROM invoice_balances WHERE insurer_due_minor <> 0)
    GROUP BY payer ORDER BY total DESC, payer`.execute(db);
}

/** Names and MRNs of the given patients (the ageing report's rows). */
export function patientNames(db: ReadDb, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('patients')
    .select(['id', 'first_name', 'middle_name', 'last_name', 'preferred_name', 'mrn'])
    .where('id', 'in', ids)
    .execute();
}

/** Patients owing more than `minMinor` on issued invoices, the largest first. */
export function patientsOwingMore(db: ReadDb, minMinor: number, limit: number) {
  // The kept sums (migration 0042); `owing_minor > 0` lets the planner read its index, largest first.
  return db
    .selectFrom('patient_owing')
    .select(['patient_id', 'owing_minor as owing'])
    .where('owing_minor', '>', 0)
    .where('owing_minor', '>', minMinor)
    .orderBy('owing_minor', 'desc')
    .orderBy('patient_id')
    .limit(limit)
    .execute();
}

/**
 * Every issued invoice's amounts recomputed from the raw rows (invoice, credit notes, allocations,
 * adjustments not reversed, remittances): what `invoice_balances` must hold.
 */
export function rawBalances(db: Db, invoiceIds?: readonly string[]) {
  const only =
    invoiceIds === undefined
      ? sql``
      : invoiceIds.length === 0
        ? sql`AND 0`
        : sql`AND i.id IN (${sql.join(invoiceIds.map((id) => sql`${id}`))})`;
  return sql<{ invoice_id: string; patient_due: number; settled: number; insurer_due: number }>`
    SELECT i.id AS invoice_id,
      i.patient_minor
        - coalesce((SELECT sum(c.patient_minor) FROM invoices c WHERE c.credits_invoice_id = i.id AND c.status = 'issued'), 0)
        + coalesce((SELECT sum(CASE WHEN r.sequence = 'primary' THEN r.patient_minor ELSE -(r.paid_minor + r.adjustment_minor) END)
                    FROM claim_remittance_lines r WHERE r.invoice_id = i.id), 0) AS patient_due,
      coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a WHERE a.invoice_id = i.id), 0)
        + coalesce((SELECT sum(d.amount_minor) FROM adjustments d WHERE d.invoice_id = i.id
                    AND NOT EXISTS (SELECT 1 FROM reversals v WHERE v.target_id = d.id)), 0) AS settled,
      i.insurer_minor
        - coalesce((SELECT sum(c.insurer_minor) FROM invoices c WHERE c.credits_invoice_id = i.id AND c.status = 'issued'), 0)
        - coalesce((SELECT sum(r.paid_minor + r.adjustment_minor + r.patient_minor)
                    FROM claim_remittance_lines r WHERE r.invoice_id = i.id AND r.sequence = 'primary'), 0) AS insurer_due
    FROM invoices i WHERE i.kind = 'invoice' AND i.status = 'issued' ${only} ORDER BY i.id`.execute(db);
}

export function cachedBalances(db: Db) {
  return db
    .selectFrom('invoice_balances')
    .select([
      'invoice_id',
      'patient_due_minor as patient_due',
      'patient_settled_minor as settled',
      'insurer_due_minor as insurer_due',
    ])
    .orderBy('invoice_id')
    .execute();
}
