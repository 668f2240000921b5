import type { Kysely } from 'kysely';
import { rawBalances } from '../billing/balance-repository';
import type { Database } from '../db/schema';

/**
 * Rebuilds `invoice_balances` (a local cache) for invoices remote changes touched, from the synced
 * rows themselves: the same sums billing's own test holds the cache to (`rawBalances`).
 */
export async function rebuildInvoiceBalances(
  db: Kysely<Database>,
  invoiceIds: readonly string[],
  now: number,
): Promise<void> {
  // A snapshot step may bring tens of thousands of invoices (or a patient's every invoice for each
  // reversal); each statement binds one chunk of ids, under SQLite's limit of 32,766 values.
  for (let from = 0; from < invoiceIds.length; from += IDS_PER_STATEMENT) {
    await rebuildChunk(db, invoiceIds.slice(from, from + IDS_PER_STATEMENT), now);
  }
}

const IDS_PER_STATEMENT = 5000;
/** Ten values a row: 10,000 bound values a statement. */
const BALANCES_PER_INSERT = 1000;

async function rebuildChunk(db: Kysely<Database>, invoiceIds: readonly string[], now: number): Promise<void> {
  const { rows } = await rawBalances(db, invoiceIds);
  const amounts = new Map(rows.map((row) => [row.invoice_id, row]));
  const invoices = await db
    .selectFrom('invoices')
    .select(['id', 'patient_id', 'issued_on', 'due_on', 'payer', 'insurer_minor'])
    .where('id', 'in', invoiceIds)
    .execute();
  await db.deleteFrom('invoice_balances').where('invoice_id', 'in', invoiceIds).execute();
  const balances = invoices.flatMap((invoice) => {
    const amount = amounts.get(invoice.id);
    if (!amount || invoice.issued_on === null) return [];
    return [
      {
        invoice_id: invoice.id,
        patient_id: invoice.patient_id,
        issued_on: invoice.issued_on,
        due_on: invoice.due_on ?? invoice.issued_on,
        payer: invoice.insurer_minor > 0 ? invoice.payer : null,
        patient_due_minor: amount.patient_due,
        patient_settled_minor: amount.settled,
        insurer_due_minor: amount.insurer_due,
        created_at: now,
        updated_at: now,
      },
    ];
  });
  // Many rows a statement: one INSERT each (built and compiled by Kysely every time) was most of this.
  for (let from = 0; from < balances.length; from += BALANCES_PER_INSERT) {
    await db
      .insertInto('invoice_balances')
      .values(balances.slice(from, from + BALANCES_PER_INSERT))
      .execute();
  }
}

/** Every invoice of these patients: a reversal names only its target, so its patient's invoices are redone. */
export async function invoicesOfPatients(db: Kysely<Database>, patientIds: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < patientIds.length; from += IDS_PER_STATEMENT) {
    const rows = await db
      .selectFrom('invoices')
      .select('id')
      .where('patient_id', 'in', patientIds.slice(from, from + IDS_PER_STATEMENT))
      .execute();
    for (const row of rows) ids.push(row.id);
  }
  return ids;
}
