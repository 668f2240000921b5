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
  if (invoiceIds.length === 0) return;
  const { rows } = await rawBalances(db, invoiceIds);
  const amounts = new Map(rows.map((row) => [row.invoice_id, row]));
  const invoices = await db
    .selectFrom('invoices')
    .select(['id', 'patient_id', 'issued_on', 'due_on', 'payer', 'insurer_minor'])
    .where('id', 'in', invoiceIds)
    .execute();
  await db.deleteFrom('invoice_balances').where('invoice_id', 'in', invoiceIds).execute();
  for (const invoice of invoices) {
    const amount = amounts.get(invoice.id);
    if (!amount || invoice.issued_on === null) continue;
    await db
      .insertInto('invoice_balances')
      .values({
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
      })
      .execute();
  }
}

/** Every invoice of these patients: a reversal names only its target, so its patient's invoices are redone. */
export async function invoicesOfPatients(db: Kysely<Database>, patientIds: readonly string[]): Promise<string[]> {
  if (patientIds.length === 0) return [];
  const rows = await db.selectFrom('invoices').select('id').where('patient_id', 'in', patientIds).execute();
  return rows.map((row) => row.id);
}
