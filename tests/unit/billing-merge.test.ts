import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';

let b: BillingClinic;
beforeAll(async () => {
  b = await openBillingClinic();
});
afterAll(async () => {
  await b.clinic.close();
});

/** A patient with one issued £65.00 invoice. */
async function billed(firstName: string) {
  const { visitId, patientId } = await b.visit(firstName);
  const view = await b.checkOut(visitId);
  await b.clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
  return patientId;
}

const merge = (survivorId: string, mergedId: string) =>
  b.clinic.call('admin', 'patients.merge', { survivorId, mergedId, fields: {} });

describe('merging patients with billing history', () => {
  it('refuses to merge away a record that was billed, says which way works, and changes nothing', async () => {
    const withInvoice = await billed('Billed');
    const plain = await b.patient('Plain');
    const refused = await merge(plain, withInvoice);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('CONFLICT');
    expect(refused.error.message).toMatch(/has invoices or payments.*merge .* into it instead/);
    expect(refused.error.details?.fields).toEqual({ mergedId: 'has billing history' });
    const account = await b.clinic.ok('desk', 'accounts.get', { patientId: withInvoice });
    expect(account.summary.balanceMinor).toBe(6500);

    const done = await merge(withInvoice, plain);
    expect(done.ok).toBe(true);
    const after = await b.clinic.ok('desk', 'accounts.get', { patientId: withInvoice });
    expect(after.summary.balanceMinor).toBe(6500);
  });

  it('refuses when both records were billed', async () => {
    const first = await billed('First');
    const second = await billed('Second');
    const refused = await merge(first, second);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/Both records have billing history/);
  });
});
