import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_PAY } from '../../src-shared/reports/model';
import { addDays } from '../../src-shared/scheduling/time';
import { MONDAY, openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';

/**
 * The revenue report narrowed by location, type or payer reads migration 0044's cells once they are built.
 * A change another desk sends writes only the columns that changed (sync/apply-repository.ts), so no other
 * report trigger hears of it: the cells must follow an appointment's location or type and a visit's
 * appointment changed that way. Figures by hand: one booking at Main Street invoiced £24.00
 * (two dressings at £10.00 + 20 % VAT) with £9.00 paid against it; a walk-in invoiced £12.00 (one dressing).
 * The clock stands at Monday 2026-11-23 08:00.
 */
let b: BillingClinic;
let riversideId = '';
let dressingId = '';
const ids = { appointment: '', invoice: '', walkInVisit: '', walkInInvoice: '' };
const range = { from: addDays(MONDAY, -7), to: addDays(MONDAY, 7) };

async function revenue(narrowing: { locationId?: string; typeId?: string; payer?: string }) {
  const report = await b.clinic.ok('manager', 'reports.revenue', { ...range, ...narrowing });
  return { invoiced: report.totals.invoicedMinor, collected: report.totals.collectedMinor };
}

/** Writes one column as a sync apply does: only what changed, no procedure, no other trigger's columns. */
function writeColumn(table: 'appointments' | 'visits', column: string, value: string, id: string) {
  b.clinic.core.database.handle.prepare(`UPDATE ${table} SET ${column} = ? WHERE id = ?`).run(value, id);
}

beforeAll(async () => {
  b = await openBillingClinic();
  const { clinic } = b;
  riversideId = (await clinic.ok('admin', 'schedule.createLocation', { name: 'Riverside' })).id;
  dressingId = (
    await clinic.ok('admin', 'schedule.createType', { name: 'Dressing', durationMinutes: 15, colour: '#aa2255' })
  ).id;
  const patientId = await b.patient('Cell');
  const booked = await b.book({ patientId, start: { date: addDays(MONDAY, 1), time: '10:00' } });
  if (!booked.ok) throw new Error(booked.error.message);
  ids.appointment = booked.value.id;
  const draft = await clinic.ok('desk', 'invoices.create', { patientId, appointmentId: ids.appointment });
  ids.invoice = (
    await clinic.ok('desk', 'invoices.issue', {
      invoiceId: draft.id,
      lines: [{ serviceId: b.dressId, quantity: 2, unitPriceMinor: 1000 }],
    })
  ).id;
  await clinic.ok('desk', 'payments.take', { patientId, amountMinor: 900, methodId: b.methods.card, reference: null });
  const walkIn = await clinic.ok('desk', 'visits.checkIn', { patientId: await b.patient('Walk'), providerId: b.drAId });
  ids.walkInVisit = walkIn.id;
  const view = await b.checkOut(walkIn.id);
  ids.walkInInvoice = (
    await clinic.ok('desk', 'invoices.issue', {
      invoiceId: view.invoice.id,
      lines: [{ serviceId: b.dressId, quantity: 1, unitPriceMinor: 1000 }],
    })
  ).id;
});
afterAll(async () => {
  await b.clinic.close();
});

describe('the revenue narrowed by location, type and payer, from its cells', () => {
  it('reads the booking at its location and type; the walk-in has neither', async () => {
    expect(await revenue({ locationId: b.mainId })).toEqual({ invoiced: 2400, collected: 900 });
    expect(await revenue({ locationId: riversideId })).toEqual({ invoiced: 0, collected: 0 });
    expect(await revenue({ typeId: b.consultId })).toEqual({ invoiced: 2400, collected: 900 });
    expect(await revenue({ payer: SELF_PAY })).toEqual({ invoiced: 3600, collected: 900 });
  });

  it('follows an appointment moved to another location by another desk', async () => {
    writeColumn('appointments', 'location_id', riversideId, ids.appointment);
    expect(await revenue({ locationId: riversideId })).toEqual({ invoiced: 2400, collected: 900 });
    expect(await revenue({ locationId: b.mainId })).toEqual({ invoiced: 0, collected: 0 });
  });

  it('follows an appointment given another type by another desk', async () => {
    writeColumn('appointments', 'type_id', dressingId, ids.appointment);
    expect(await revenue({ typeId: dressingId })).toEqual({ invoiced: 2400, collected: 900 });
    expect(await revenue({ typeId: b.consultId })).toEqual({ invoiced: 0, collected: 0 });
  });

  it("counts a walk-in's invoice where its visit's appointment is once the visit names one", async () => {
    writeColumn('visits', 'appointment_id', ids.appointment, ids.walkInVisit);
    expect(await revenue({ locationId: riversideId })).toEqual({ invoiced: 3600, collected: 900 });
  });
});
