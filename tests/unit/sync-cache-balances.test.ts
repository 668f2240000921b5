import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeCredits } from '../../src-main/core/billing/ledger-repository';
import { invoicesOfPatients, rebuildInvoiceBalances } from '../../src-main/core/sync/cache-repository';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';

let b: BillingClinic;
beforeAll(async () => {
  b = await openBillingClinic();
});
afterAll(async () => {
  await b.clinic.close();
});

/**
 * The invoice balances a sync batch or snapshot step rebuilds: a step may name tens of thousands of
 * invoices (or every invoice of each patient with a reversal), more ids than SQLite binds in one statement.
 */
describe('rebuilding invoice balances after a merge', () => {
  it('takes more invoices than one statement can bind, and rebuilds the real ones among them', async () => {
    const { visitId, patientId } = await b.visit();
    const view = await b.checkOut(visitId);
    const issued = await b.clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
    const handle = b.clinic.core.database.handle;
    const balance = () =>
      handle.prepare('SELECT patient_due_minor FROM invoice_balances WHERE invoice_id = ?').get(issued.id) as
        { patient_due_minor: number } | undefined;
    const before = balance();
    expect(before?.patient_due_minor).toBeGreaterThan(0);
    handle.prepare('DELETE FROM invoice_balances WHERE invoice_id = ?').run(issued.id);

    const many = [...Array.from({ length: 40_000 }, () => randomUUID()), issued.id];
    await b.clinic.core.database.db.transaction().execute((trx) => rebuildInvoiceBalances(trx, many, Date.now()));
    expect(balance()).toEqual(before);

    const patients = [...Array.from({ length: 40_000 }, () => randomUUID()), patientId];
    expect(await invoicesOfPatients(b.clinic.core.database.db, patients)).toContain(issued.id);
  });

  it("recomputes more patients' credit than one statement can bind (each id is bound three times)", async () => {
    const { patientId } = await b.visit('Credit');
    await b.openDrawerOnce();
    const paid = await b.clinic.call('desk', 'payments.take', {
      patientId,
      amountMinor: 2_500,
      methodId: b.methods.card,
      reference: 'TID-9',
    });
    expect(paid.ok).toBe(true);
    const handle = b.clinic.core.database.handle;
    const credit = () =>
      handle.prepare('SELECT credit_minor FROM patient_credits WHERE patient_id = ?').get(patientId) as
        { credit_minor: number } | undefined;
    expect(credit()?.credit_minor).toBe(2_500);
    handle.prepare('DELETE FROM patient_credits WHERE patient_id = ?').run(patientId);

    const many = [...Array.from({ length: 15_000 }, () => randomUUID()), patientId];
    await b.clinic.core.database.db.transaction().execute((trx) => recomputeCredits(trx, many));
    expect(credit()?.credit_minor).toBe(2_500);
  });
});
