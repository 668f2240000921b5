import type { ReadDb } from '../../../db/handles';
import type { ExportScope } from './export-repository';

/** The billing rows of a batch of patients, read-only: invoices and their lines, payments, claims and remittances. */
export async function billingBatch(db: ReadDb, ids: readonly string[], scope: ExportScope) {
  const list = [...ids];
  const range = scope.range;
  let invoicesQuery = db
    .selectFrom('invoices')
    .selectAll()
    .where('patient_id', 'in', list)
    .where('deleted_at', 'is', null);
  let paymentsQuery = db.selectFrom('payments').selectAll().where('patient_id', 'in', list);
  let claimsQuery = db.selectFrom('claims').selectAll().where('patient_id', 'in', list);
  if (range) {
    invoicesQuery = invoicesQuery.where('created_at', '>=', range.from).where('created_at', '<', range.to);
    paymentsQuery = paymentsQuery.where('entered_at', '>=', range.from).where('entered_at', '<', range.to);
    claimsQuery = claimsQuery.where('created_at', '>=', range.from).where('created_at', '<', range.to);
  }
  const [invoices, payments, claims] = await Promise.all([
    invoicesQuery.orderBy('created_at').execute(),
    paymentsQuery.orderBy('entered_at').execute(),
    claimsQuery.orderBy('created_at').execute(),
  ]);
  const invoiceIds = invoices.map((i) => i.id);
  const paymentIds = payments.map((p) => p.id);
  const claimIds = claims.map((c) => c.id);
  const [lines, allocations, claimLines, remittanceLines] = await Promise.all([
    invoiceIds.length === 0
      ? []
      : db
          .selectFrom('invoice_lines')
          .selectAll()
          .where('invoice_id', 'in', invoiceIds)
          .where('deleted_at', 'is', null)
          .orderBy('position')
          .execute(),
    paymentIds.length === 0
      ? []
      : db
          .selectFrom('payment_allocations')
          .select(['payment_id', 'invoice_id', 'amount_minor'])
          .where('payment_id', 'in', paymentIds)
          .orderBy('at')
          .execute(),
    claimIds.length === 0
      ? []
      : db.selectFrom('claim_lines').selectAll().where('claim_id', 'in', claimIds).orderBy('id').execute(),
    claimIds.length === 0
      ? []
      : db
          .selectFrom('claim_remittance_lines as l')
          .innerJoin('claim_remittances as r', 'r.id', 'l.remittance_id')
          .select([
            'r.claim_id',
            'r.received_on',
            'l.claim_line_id',
            'l.allowed_minor',
            'l.paid_minor',
            'l.patient_minor',
          ])
          .where('r.claim_id', 'in', claimIds)
          .orderBy('l.at')
          .execute(),
  ]);
  return { invoices, lines, payments, allocations, claims, claimLines, remittanceLines };
}
export type BillingBatch = Awaited<ReturnType<typeof billingBatch>>;
