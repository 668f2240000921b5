import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { BACKENDS } from './server-helpers';
import { deskOver, twoDesks, type Desk } from './desk-helpers';

/**
 * A new desk starts from the first desk's snapshot (issue 17). The snapshot must arrive in an order
 * the joining desk can apply: parents before children, and an issued invoice's lines before the
 * invoice is closed to them. Desk A issued an invoice (with lines) and a credit note of it before it
 * enrolled; desk B joins and holds both whole, with nothing parked.
 */
for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`a new desk joining from a snapshot (${backend})`, () => {
    let s: BillingClinic;
    let a: Desk;
    let pair: Awaited<ReturnType<typeof twoDesks>>;
    let invoiceId: string;
    let creditId: string;

    beforeAll(async () => {
      s = await openBillingClinic();
      a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
      const { visitId } = await s.visit('Ines');
      const view = await s.checkOut(visitId);
      invoiceId = view.invoice.id;
      await a.ok('desk', 'invoices.issue', { invoiceId });
      const credit = await a.ok('manager', 'invoices.creditNote', { invoiceId, reason: 'Billed in error' });
      creditId = credit.id;
      pair = await twoDesks(backend, a, s.clinic.clock);
    }, 120_000);
    afterAll(async () => {
      await pair?.close();
      await a?.close();
    });

    it('holds the issued invoice and its credit note with every line, and parks nothing', async () => {
      for (const id of [invoiceId, creditId]) {
        const onA = await a.ok('manager', 'invoices.get', { invoiceId: id });
        const onB = await pair.b.ok('manager', 'invoices.get', { invoiceId: id });
        expect(onA.lines.length).toBeGreaterThan(0);
        expect(onB.status).toBe('issued');
        expect(onB.number).toBe(onA.number);
        expect(onB.lines.map((line) => line.id)).toEqual(onA.lines.map((line) => line.id));
        expect(onB.totalMinor).toBe(onA.totalMinor);
      }
      expect(pair.b.core.sync.problems()).toEqual([]);
      expect(a.core.sync.problems()).toEqual([]);
    });
  });
}
