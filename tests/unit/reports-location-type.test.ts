import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src-main/core/reports/csv';
import { DEFINITIONS } from '../../src-shared/reports/model';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { pdfText } from '../helpers/pdf-text';

/**
 * Waiting times and revenue narrowed by location and appointment type (issue 18), worked out by hand on
 * a real encrypted database. London is on UTC in November, so the times below are the clinic's. On Friday
 * 2026-11-27 Dr Ben Lee works at Riverside (his Friday hours moved there); Dr Ana Ortiz at Main Street.
 *
 *   A  Ana, Main Street, Consultation  arrives 09:05, out 09:45  40 min  £65.00 issued, £65.00 paid cash
 *   B  Ben, Riverside,   Consultation  arrives 10:00, out 10:30  30 min  £65.00 issued, £20.00 paid card
 *   C  Ben, Riverside,   Dressing      arrives 11:00, out 11:12  12 min  £15.00 issued (£12.50 + VAT), then
 *                                                                       credited in full, nothing paid
 *   D  walk-in with Ana (no appointment, so no location or type)   arrives 13:00, out 13:50  50 min
 *
 * Riverside's waits: 12 and 30 minutes: median by nearest rank ⌈0.5 × 2⌉ = 1st = 12, 90th ⌈1.8⌉ = 2nd = 30.
 */
let b: BillingClinic;
const FRI = '2026-11-27';
const at = (hour: number, minute: number) => Date.UTC(2026, 10, 27, hour, minute);
let riversideId = '';
let dressingId = '';

/** Through the flow board: arrive at `arrive`, roomed and seen a minute later, out at `out`. */
async function throughTheBoard(visitId: string, out: number): Promise<void> {
  const { clinic } = b;
  clinic.clock.now += 60_000;
  await clinic.ok('desk', 'visits.move', { visitId, to: 'roomed', roomId: b.room1Id });
  await clinic.ok('desk', 'visits.move', { visitId, to: 'with_provider' });
  clinic.clock.now = out;
  await clinic.ok('desk', 'visits.move', { visitId, to: 'ready_for_checkout' });
  await clinic.ok('desk', 'visits.checkOut', { visitId });
}

/** Books, checks in at `arrive`, sees the patient through, issues the visit's invoice; its id. */
async function visit(provider: string, type: string, time: string, arrive: number, out: number) {
  const { clinic } = b;
  const patientId = await b.patient(`Loc${time.replace(':', '')}`);
  const booked = await b.book({ patientId, start: { date: FRI, time }, providerId: provider, typeId: type });
  if (!booked.ok) throw new Error(booked.error.message);
  clinic.clock.now = arrive;
  const checkedIn = await clinic.ok('desk', 'visits.checkIn', { appointmentId: booked.value.id });
  await throughTheBoard(checkedIn.id, out);
  const view = await b.checkOut(checkedIn.id);
  await clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
  return { patientId, invoiceId: view.invoice.id };
}

beforeAll(async () => {
  b = await openBillingClinic();
  const { clinic } = b;
  const riverside = await clinic.ok('admin', 'schedule.createLocation', { name: 'Riverside' });
  riversideId = riverside.id;
  const friday = (await clinic.ok('admin', 'schedule.listTemplates', { providerId: b.drBId })).find(
    (template) => template.weekday === 5,
  );
  if (!friday) throw new Error('Dr Lee has no Friday hours');
  await clinic.ok('admin', 'schedule.removeTemplate', { templateId: friday.id });
  await clinic.ok('admin', 'schedule.createTemplate', {
    providerId: b.drBId,
    locationId: riverside.id,
    weekday: 5,
    start: '09:00',
    end: '17:00',
    breaks: [{ start: '12:30', end: '13:30' }],
  });
  const dressing = await clinic.ok('admin', 'schedule.createType', {
    name: 'Dressing',
    durationMinutes: 15,
    colour: '#aa2255',
  });
  dressingId = dressing.id;
  await clinic.ok('manager', 'fees.setTypeServices', {
    typeId: dressing.id,
    services: [{ serviceId: b.dressId, quantity: 1 }],
  });

  await b.advanceDays(4); // Friday 08:00
  await b.openDrawerOnce();
  const a = await visit(b.drAId, b.consultId, '09:00', at(9, 5), at(9, 45));
  await clinic.ok('desk', 'payments.take', {
    patientId: a.patientId,
    amountMinor: 6500,
    methodId: b.methods.cash,
    reference: null,
  });
  const bee = await visit(b.drBId, b.consultId, '10:00', at(10, 0), at(10, 30));
  await clinic.ok('desk', 'payments.take', {
    patientId: bee.patientId,
    amountMinor: 2000,
    methodId: b.methods.card,
    reference: 'T-1',
  });
  const c = await visit(b.drBId, dressingId, '11:00', at(11, 0), at(11, 12));
  await clinic.ok('manager', 'invoices.creditNote', { invoiceId: c.invoiceId, reason: 'Billed in error' });
  clinic.clock.now = at(13, 0);
  const walkIn = await clinic.ok('desk', 'visits.checkIn', {
    patientId: await b.patient('Walk'),
    providerId: b.drAId,
  });
  await throughTheBoard(walkIn.id, at(13, 50));
  clinic.clock.now = at(17, 0);
  await b.advanceDays(0); // signs everyone in again: the day's hours passed since 08:00
}, 60_000);
afterAll(async () => {
  await b.clinic.close();
});

const arrivalToOut = async (input: { locationId?: string; typeId?: string; providerId?: string }) => {
  const report = await b.clinic.ok('manager', 'reports.waitingTimes', { from: FRI, to: FRI, ...input });
  const phase = report.phases.find((p) => p.phase === 'arrivalToOut');
  return { visits: report.visits, median: phase?.medianSeconds, p90: phase?.p90Seconds, report };
};

describe('waiting times by location and type', () => {
  it('counts every visit without a filter, walk-ins too', async () => {
    expect(await arrivalToOut({})).toMatchObject({ visits: 4, median: 30 * 60, p90: 50 * 60 });
  });

  it('narrows to the visits of appointments at a location; a walk-in has none', async () => {
    const riverside = await arrivalToOut({ locationId: riversideId });
    expect(riverside).toMatchObject({ visits: 2, median: 12 * 60, p90: 30 * 60 });
    expect(riverside.report.filters.locationName).toBe('Riverside');
    // Main Street: A only; the walk-in D (50 minutes) has no location.
    expect(await arrivalToOut({ locationId: b.mainId })).toMatchObject({ visits: 1, median: 40 * 60, p90: 40 * 60 });
  });

  it('narrows to a type, and to a type at a location', async () => {
    expect(await arrivalToOut({ typeId: dressingId })).toMatchObject({ visits: 1, median: 12 * 60 });
    expect(await arrivalToOut({ typeId: b.consultId, locationId: riversideId })).toMatchObject({
      visits: 1,
      median: 30 * 60,
    });
    expect(await arrivalToOut({ typeId: dressingId, providerId: b.drAId })).toMatchObject({ visits: 0, median: null });
  });

  it('exports with the location in the head and the definition of what it narrows', async () => {
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', {
      report: 'waitingTimes',
      from: FRI,
      to: FRI,
      locationId: riversideId,
    });
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines).toContain('Location,Riverside');
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.waitsNarrowed)}`);
    expect(lines).toContain(`arrivalToOut,2,${12 * 60},${30 * 60}`);
    const pdf = await b.clinic.ok('manager', 'reports.exportPdf', {
      report: 'waitingTimes',
      from: FRI,
      to: FRI,
      typeId: dressingId,
    });
    const text = await pdfText(pdf);
    expect(text).toContain('Appointment type: Dressing');
    expect(text).toContain(DEFINITIONS.waitsNarrowed.slice(0, 60));
  });
});

describe('revenue by location and type', () => {
  const revenue = (input: { locationId?: string; typeId?: string; providerId?: string; payer?: string }) =>
    b.clinic.ok('manager', 'reports.revenue', { from: FRI, to: FRI, ...input });

  it('the whole clinic: every invoice and every payment', async () => {
    const all = await revenue({});
    expect(all.totals).toMatchObject({
      invoicedMinor: 6500 + 6500 + 1500,
      creditedMinor: 1500,
      netInvoicedMinor: 13_000,
      collectedMinor: 8500,
    });
  });

  it('a location: its appointments’ invoices and credit notes, and the payments applied to them', async () => {
    const riverside = await revenue({ locationId: riversideId });
    expect(riverside.filters.locationName).toBe('Riverside');
    expect(riverside.totals).toMatchObject({
      invoicedMinor: 8000,
      creditedMinor: 1500,
      netInvoicedMinor: 6500,
      collectedMinor: 2000,
    });
    expect(riverside.byMethod).toEqual([
      { methodKind: 'card', paymentsMinor: 2000, refundsMinor: 0, reversalsMinor: 0, collectedMinor: 2000 },
    ]);
    const main = await revenue({ locationId: b.mainId });
    expect(main.totals).toMatchObject({ invoicedMinor: 6500, creditedMinor: 0, collectedMinor: 6500 });
  });

  it('a type, a type with a provider, and a location with a payer', async () => {
    const dressing = await revenue({ typeId: dressingId });
    expect(dressing.totals).toMatchObject({ invoicedMinor: 1500, creditedMinor: 1500, netInvoicedMinor: 0 });
    // Narrowed to invoices, collected is what was applied to them: the provider narrows it too (Ana's
    // £65.00, not Ben's £20.00). Unnarrowed, collected is the clinic's takings, whoever the provider.
    const consultations = await revenue({ typeId: b.consultId, providerId: b.drAId });
    expect(consultations.totals).toMatchObject({ invoicedMinor: 6500, collectedMinor: 6500 });
    const ana = await revenue({ providerId: b.drAId });
    expect(ana.totals).toMatchObject({ invoicedMinor: 6500, collectedMinor: 8500 });
    // Every invoice here is self-pay: an insurer's narrowing leaves nothing.
    const insured = await revenue({ locationId: riversideId, payer: 'Acme Health' });
    expect(insured.totals).toMatchObject({ invoicedMinor: 0, collectedMinor: 0 });
  });

  it('exports as CSV and PDF with the location and type and their definition', async () => {
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', {
      report: 'revenue',
      from: FRI,
      to: FRI,
      locationId: riversideId,
      typeId: dressingId,
    });
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines).toContain('Location,Riverside');
    expect(lines).toContain('Type,Dressing');
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.revenueNarrowed)}`);
    expect(lines).toContain(`${FRI},1500,1500,0,0,0,0,0,0`);
    const pdf = await pdfText(
      await b.clinic.ok('manager', 'reports.exportPdf', {
        report: 'revenue',
        from: FRI,
        to: FRI,
        locationId: riversideId,
      }),
    );
    expect(pdf).toContain('Location: Riverside');
  });

  it('a report location and type do not narrow says so: the providers export names neither', async () => {
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', {
      report: 'providers',
      from: FRI,
      to: FRI,
      locationId: riversideId,
    });
    expect(csv.content).not.toContain('Riverside');
  });
});

describe('the dashboard with a location', () => {
  it('narrows its waits and revenue as their reports do; new patients stay the whole clinic’s', async () => {
    const all = await b.clinic.ok('manager', 'reports.dashboard', { from: FRI, to: FRI });
    const riverside = await b.clinic.ok('manager', 'reports.dashboard', {
      from: FRI,
      to: FRI,
      locationId: riversideId,
    });
    expect(all.current.wait).toMatchObject({ visits: 4, medianSeconds: 30 * 60 });
    expect(riverside.current.wait).toMatchObject({ visits: 2, medianSeconds: 12 * 60 });
    expect(riverside.current.revenue).toEqual({ netInvoicedMinor: 6500, collectedMinor: 2000 });
    expect(riverside.current.newPatients).toBe(all.current.newPatients);
  });
});
