import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src-shared/patients/dates';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { BACKENDS } from './server-helpers';
import { deskOver, twoDesks, type Desk } from './desk-helpers';

/**
 * Numbers people read across desks (issue 17): two desks of one clinic register patients and issue
 * invoices while both are offline; once synced, no MRN and no invoice number was given twice, and
 * every desk holds the same numbers.
 */
for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`MRNs and invoice numbers from two desks offline (${backend})`, () => {
    let s: BillingClinic;
    let a: Desk;
    let pair: Awaited<ReturnType<typeof twoDesks>>;
    let standaloneMrn: string;
    let standaloneInvoice: string;

    beforeAll(async () => {
      s = await openBillingClinic();
      a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
      // Before enrolment: the standalone numbering of today.
      const before = await a.ok('desk', 'patients.get', { patientId: await s.patient('Solo', 'Before') });
      standaloneMrn = before.mrn;
      const { visitId } = await s.visit('Solo');
      const view = await s.checkOut(visitId);
      standaloneInvoice = (await a.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id })).number ?? '';
      pair = await twoDesks(backend, a, s.clinic.clock);
    }, 120_000);
    afterAll(async () => {
      await pair?.close();
      await a?.close();
    });

    it('a desk never enrolled numbers as before: clinic prefix and counter, series A', () => {
      expect(standaloneMrn).toMatch(/^P\d{6}$/);
      expect(standaloneInvoice).toMatch(/^A-\d{6}$/);
    });

    it('gives each enrolled desk its own code; the invoice prefix follows it and must keep it', async () => {
      const codeOf = (desk: Desk) =>
        (desk.core.database.handle.prepare('SELECT desk_code FROM sync_state').get() as { desk_code: string })
          .desk_code;
      const [codeA, codeB] = [codeOf(a), codeOf(pair.b)];
      expect(codeA).toMatch(/^[A-Z]+$/);
      expect(codeB).toMatch(/^[A-Z]+$/);
      expect(codeA).not.toBe(codeB);
      expect((await a.ok('manager', 'billing.settings', {})).desk.seriesPrefix).toBe(codeA);
      expect((await pair.b.ok('manager', 'billing.settings', {})).desk.seriesPrefix).toBe(codeB);
      // B may not take A's code, nor a prefix that is not its own code followed by digits.
      for (const seriesPrefix of [codeA, `X${codeB}`, `${codeB}Q`]) {
        const refused = await pair.b.call('admin', 'billing.updateDesk', { seriesPrefix });
        expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
      await pair.b.ok('admin', 'billing.updateDesk', { seriesPrefix: `${codeB}26` });
      expect((await pair.b.ok('manager', 'billing.settings', {})).desk.seriesPrefix).toBe(`${codeB}26`);
    });

    it('registering patients and issuing invoices on both desks offline: every number distinct, the same everywhere', async () => {
      const today = todayIn(s.timeZone, s.clinic.clock.now);
      const slots = ['13:30', '14:00', '14:30', '15:00'];
      const onB = async (i: number) => {
        const created = await pair.b.ok('desk', 'patients.create', {
          firstName: 'Bea',
          lastName: `Offline${i}`,
          dob: `1970-02-${String(10 + i).padStart(2, '0')}`,
        });
        const booked = await pair.b.ok('desk', 'appointments.book', {
          patientId: created.id,
          providerId: s.drBId,
          typeId: s.consultId,
          start: { date: today, time: slots[i] ?? '16:00' },
        });
        const visit = await pair.b.ok('desk', 'visits.checkIn', { appointmentId: booked.id });
        const view = await pair.b.ok('desk', 'invoices.forVisit', { visitId: visit.id });
        return (await pair.b.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id })).number ?? '';
      };
      const onA = async () => {
        const { visitId } = await s.visit('Ada');
        const view = await s.checkOut(visitId);
        return (await a.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id })).number ?? '';
      };
      const numbers: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        numbers.push(await onA());
        numbers.push(await onB(i));
      }
      await pair.syncBoth();

      const mrns = (desk: Desk) =>
        (
          desk.core.database.handle.prepare('SELECT id, mrn FROM patients ORDER BY id').all() as {
            id: string;
            mrn: string;
          }[]
        ).map((row) => `${row.id}=${row.mrn}`);
      const invoiceNumbers = (desk: Desk) =>
        (
          desk.core.database.handle
            .prepare('SELECT number FROM invoices WHERE number IS NOT NULL ORDER BY number')
            .all() as { number: string }[]
        ).map((row) => row.number);

      expect(mrns(a)).toEqual(mrns(pair.b));
      const all = mrns(a).map((pairText) => pairText.split('=')[1]);
      expect(new Set(all).size).toBe(all.length);
      // The six registered since enrolling carry their desk's code between prefix and counter.
      expect(all.filter((mrn) => /^P[A-Z]+\d{6}$/.test(mrn ?? '')).length).toBeGreaterThanOrEqual(6);
      expect(invoiceNumbers(a)).toEqual(invoiceNumbers(pair.b));
      expect(new Set(invoiceNumbers(a)).size).toBe(invoiceNumbers(a).length);
      for (const number of [...numbers, standaloneInvoice]) expect(invoiceNumbers(a)).toContain(number);
      // Nothing was refused or parked anywhere for a number already taken.
      // Nothing parked anywhere (the invoice A issued before enrolling arrived whole: desk-snapshot.test.ts).
      expect(a.core.sync.problems()).toEqual([]);
      expect(pair.b.core.sync.problems()).toEqual([]);
      expect((await a.ok('admin', 'sync.status', {})).rejectedCount).toBe(0);
      expect((await pair.b.ok('admin', 'sync.status', {})).rejectedCount).toBe(0);
    });
  });
}
