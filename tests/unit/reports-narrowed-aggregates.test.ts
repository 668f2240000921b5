import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELF_PAY } from '../../src-shared/reports/model';
import { addDays } from '../../src-shared/scheduling/time';
import { MONDAY, openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';

/**
 * Revenue (narrowed by location, type or payer) and waiting times (by location or type) read migration
 * 0044's aggregates once they are built. A change another desk sends writes only the columns that changed
 * (sync/apply-repository.ts), so no other report trigger hears of it: they must follow an appointment's
 * location or type and a visit's appointment changed that way. Figures by hand: one booking at Main Street
 * invoiced £24.00 (two dressings at £10.00 + 20 % VAT) with £9.00 paid against it; a walk-in invoiced
 * £12.00 (one dressing) and out after 50 minutes; today's consultation at Main Street seen through the
 * board, arrival to out 30 minutes. The clock stands at Monday 2026-11-23 08:00.
 */
let b: BillingClinic;
let riversideId = '';
let dressingId = '';
const ids = { appointment: '', invoice: '', walkInVisit: '', walkInInvoice: '', today: '' };
const MINUTE = 60_000;
const range = { from: addDays(MONDAY, -7), to: addDays(MONDAY, 7) };

async function revenue(narrowing: { locationId?: string; typeId?: string; payer?: string }) {
  const report = await b.clinic.ok('manager', 'reports.revenue', { ...range, ...narrowing });
  return { invoiced: report.totals.invoicedMinor, collected: report.totals.collectedMinor };
}

/** Arrival to out at the narrowing: how many visits and the median in minutes. */
async function waits(narrowing: { locationId?: string; typeId?: string }) {
  const report = await b.clinic.ok('manager', 'reports.waitingTimes', { ...range, ...narrowing });
  const out = report.phases.find((phase) => phase.phase === 'arrivalToOut');
  return { visits: report.visits, median: out?.medianSeconds === null ? null : (out?.medianSeconds ?? 0) / 60 };
}

/** Rooms, sees and checks out a visit, `minutes` after it arrived. */
async function throughTheBoard(visitId: string, minutes: number) {
  const { clinic } = b;
  await clinic.ok('desk', 'visits.move', { visitId, to: 'roomed', roomId: b.room1Id });
  await clinic.ok('desk', 'visits.move', { visitId, to: 'with_provider' });
  await clinic.ok('desk', 'visits.move', { visitId, to: 'ready_for_checkout' });
  clinic.clock.advance(minutes * MINUTE);
  await clinic.ok('desk', 'visits.checkOut', { visitId });
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
  await throughTheBoard(walkIn.id, 50);
  const view = await b.checkOut(walkIn.id);
  ids.walkInInvoice = (
    await clinic.ok('desk', 'invoices.issue', {
      invoiceId: view.invoice.id,
      lines: [{ serviceId: b.dressId, quantity: 1, unitPriceMinor: 1000 }],
    })
  ).id;
  const todays = await b.book({ patientId: await b.patient('Board'), start: { date: MONDAY, time: '10:00' } });
  if (!todays.ok) throw new Error(todays.error.message);
  ids.today = todays.value.id;
  clinic.clock.now = Date.parse(`${MONDAY}T10:00:00Z`);
  const visit = await clinic.ok('desk', 'visits.checkIn', { appointmentId: ids.today });
  await throughTheBoard(visit.id, 30);
  await b.advanceDays(0);
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

  it('reads the waits of the visit at its location and type; the walk-in has neither', async () => {
    expect(await waits({})).toEqual({ visits: 2, median: 30 });
    expect(await waits({ locationId: b.mainId })).toEqual({ visits: 1, median: 30 });
    expect(await waits({ typeId: b.consultId, locationId: b.mainId })).toEqual({ visits: 1, median: 30 });
    expect(await waits({ locationId: riversideId })).toEqual({ visits: 0, median: null });
  });

  it("follows today's visit when another desk moves its appointment to another location and type", async () => {
    writeColumn('appointments', 'location_id', riversideId, ids.today);
    expect(await waits({ locationId: riversideId })).toEqual({ visits: 1, median: 30 });
    expect(await waits({ locationId: b.mainId })).toEqual({ visits: 0, median: null });
    writeColumn('appointments', 'type_id', dressingId, ids.today);
    expect(await waits({ typeId: dressingId, locationId: riversideId })).toEqual({ visits: 1, median: 30 });
    expect(await waits({ typeId: b.consultId })).toEqual({ visits: 0, median: null });
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
    // Its waits too: 30 and 50 minutes at Riverside now, the median the lower by nearest rank.
    expect(await waits({ locationId: riversideId })).toEqual({ visits: 2, median: 30 });
    expect(await waits({ typeId: dressingId })).toEqual({ visits: 2, median: 30 });
  });
});
