import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProvidersReport } from '../../src-shared/reports/model';
import { addDays } from '../../src-shared/scheduling/time';
import { MONDAY, openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';

/**
 * The money aggregates of migration 0038 as a manager sees them, figures worked out by hand: the providers
 * report credits an invoice to the provider of its appointment on the appointment's day, and follows the
 * appointment when it is given to another provider or moved to another day; a payment dated back counts
 * on its date for that provider. The dashboard's outstanding A/R follows payments and credit notes.
 * The clock stands at Monday 2026-11-23 08:00 (London is on UTC in November).
 */
let b: BillingClinic;
const TUESDAY = addDays(MONDAY, 1);
const range = { from: addDays(MONDAY, -14), to: addDays(MONDAY, 14) };
const ids = { appointment: '', invoice: '', patient: '' };

async function money(from = range.from, to = range.to) {
  const report = await b.clinic.ok('manager', 'reports.providers', { from, to });
  const of = (id: string) => report.providers.find((row) => row.providerId === id)?.money;
  return { ana: of(b.drAId), ben: of(b.drBId), unassigned: report.unassigned } satisfies Record<string, unknown> & {
    unassigned: ProvidersReport['unassigned'];
  };
}

const outstanding = async () => (await b.clinic.ok('manager', 'reports.dashboard', range)).outstandingMinor;

beforeAll(async () => {
  b = await openBillingClinic();
  ids.patient = await b.patient('Tess');
  const booked = await b.book({ patientId: ids.patient, start: { date: TUESDAY, time: '10:00' } });
  if (!booked.ok) throw new Error(booked.error.message);
  ids.appointment = booked.value.id;
  // The report is read once before the changes: what follows moves aggregates already built.
  expect((await money()).ana?.invoicedMinor ?? 0).toBe(0);
  const draft = await b.clinic.ok('desk', 'invoices.create', {
    patientId: ids.patient,
    appointmentId: ids.appointment,
  });
  // Two dressings at £10.00 + 20% VAT: £24.00.
  const issued = await b.clinic.ok('desk', 'invoices.issue', {
    invoiceId: draft.id,
    lines: [{ serviceId: b.dressId, quantity: 2, unitPriceMinor: 1000 }],
  });
  ids.invoice = issued.id;
  await b.clinic.ok('desk', 'payments.take', {
    patientId: ids.patient,
    amountMinor: 900,
    methodId: b.methods.card,
    reference: null,
    countsFor: addDays(MONDAY, -7),
  });
});
afterAll(async () => {
  await b.clinic.close();
});

describe('the providers report and A/R from the money aggregates', () => {
  it("credits the invoice to its appointment's provider and the payment on the date it counts for", async () => {
    expect((await money()).ana).toEqual({
      invoicedMinor: 2400,
      creditedMinor: 0,
      netInvoicedMinor: 2400,
      collectedMinor: 900,
    });
    // By service date: the appointment's Tuesday, not Monday when it was issued; the payment last Monday.
    expect((await money(MONDAY, MONDAY)).ana?.invoicedMinor ?? 0).toBe(0);
    expect((await money(TUESDAY, TUESDAY)).ana?.invoicedMinor).toBe(2400);
    expect((await money(addDays(MONDAY, -7), addDays(MONDAY, -7))).ana?.collectedMinor).toBe(900);
    expect(await outstanding()).toBe(1500);
  });

  it('follows the appointment to another provider and another day', async () => {
    await b.clinic.ok('desk', 'appointments.move', { appointmentId: ids.appointment, providerId: b.drBId });
    const moved = await money();
    expect(moved.ana?.netInvoicedMinor ?? 0).toBe(0);
    expect(moved.ana?.collectedMinor ?? 0).toBe(0);
    expect(moved.ben).toMatchObject({ netInvoicedMinor: 2400, collectedMinor: 900 });
    const thursday = addDays(MONDAY, 3);
    await b.clinic.ok('desk', 'appointments.move', {
      appointmentId: ids.appointment,
      start: { date: thursday, time: '11:00' },
    });
    expect((await money(TUESDAY, TUESDAY)).ben?.invoicedMinor ?? 0).toBe(0);
    expect((await money(thursday, thursday)).ben?.invoicedMinor).toBe(2400);
  });

  it('takes a credit note off the provider on the service date, and what is owed off A/R', async () => {
    await b.clinic.ok('manager', 'invoices.creditNote', { invoiceId: ids.invoice, reason: 'Billed in error' });
    expect((await money()).ben).toMatchObject({ invoicedMinor: 2400, creditedMinor: 2400, netInvoicedMinor: 0 });
    // The £9.00 paid is now the patient's credit, so nothing is outstanding.
    expect(await outstanding()).toBe(0);
  });
});
