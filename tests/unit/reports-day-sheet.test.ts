import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_SHEET_DEFINITIONS, DAY_SHEET_PROVIDER } from '../../src-shared/reports/day-sheet';
import { DEFINITIONS } from '../../src-shared/reports/model';
import { printable } from '../../src-main/core/billing/pdf/layout';
import { pdfText } from '../helpers/pdf-text';
import { MONDAY, openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { lastAudit, refused } from '../helpers/setup-audit';

/**
 * The day sheet of Monday 23 November worked out by hand (London is on UTC in November). The desk opens
 * its drawer with a £100.00 float; Pat and Sam check in for consultations (£65.00 each, invoiced); Pat pays
 * £20.00 cash and £50.00 card (£5.00 over), Sam pays £20.00 cash (the same amount as Pat's: two payments, not one);
 * £5.00 of Pat's card payment is refunded. Pat is checked out. Rae is booked with Dr Lee and does not come.
 * The drawer expects £100 + £40 = £140.00 cash, counts £139.00 (£1.00 short). On Tuesday Sam pays £10.00
 * more: Monday's sheet does not move.
 */
let b: BillingClinic;
const ids = { pat: '', sam: '' };
let drawerId = '';

beforeAll(async () => {
  b = await openBillingClinic();
  const { clinic } = b;
  drawerId = await b.openDrawerOnce();
  const rae = await b.book({
    patientId: await b.patient('Rae'),
    start: { date: MONDAY, time: '16:30' },
    providerId: b.drBId,
  });
  if (!rae.ok) throw new Error(rae.error.message);
  const pat = await b.visit('Pat');
  const sam = await b.visit('Sam');
  Object.assign(ids, { pat: pat.patientId, sam: sam.patientId });
  for (const visit of [pat, sam]) {
    const view = await b.checkOut(visit.visitId);
    await clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
  }
  const take = (patientId: string, amountMinor: number, methodId: string) =>
    clinic.ok('desk', 'payments.take', { patientId, amountMinor, methodId, reference: null });
  await take(pat.patientId, 2000, b.methods.cash);
  const card = await take(pat.patientId, 5000, b.methods.card);
  await take(sam.patientId, 2000, b.methods.cash);
  await clinic.ok('manager', 'payments.refund', { paymentId: card.id, amountMinor: 500, reason: 'Overpaid' });
  await clinic.ok('desk', 'visits.move', { visitId: pat.visitId, to: 'roomed', roomId: b.room1Id });
  await clinic.ok('desk', 'visits.move', { visitId: pat.visitId, to: 'with_provider' });
  await clinic.ok('desk', 'visits.move', { visitId: pat.visitId, to: 'ready_for_checkout' });
  await clinic.ok('desk', 'visits.checkOut', { visitId: pat.visitId });
});
afterAll(async () => {
  await b.clinic.close();
});

describe('reports.daySheet', () => {
  it('totals the day by method, listing two payments of the same amount as two', async () => {
    const sheet = await b.clinic.ok('manager', 'reports.daySheet', { date: MONDAY });
    expect(sheet.date).toBe(MONDAY);
    expect(sheet.closed).toBe(false);
    const cash = sheet.payments.filter((row) => row.kind === 'payment' && row.methodKind === 'cash');
    expect(cash.map((row) => [row.patientId, row.amountMinor])).toEqual([
      [ids.pat, 2000],
      [ids.sam, 2000],
    ]);
    expect(sheet.payments).toHaveLength(4);
    expect(sheet.byMethod.map((m) => [m.methodKind, m.count, m.paymentsMinor, m.refundsMinor, m.netMinor])).toEqual(
      expect.arrayContaining([
        ['cash', 2, 4000, 0, 4000],
        ['card', 1, 5000, 500, 4500],
      ]),
    );
    expect(sheet.netMinor).toBe(8500);
    expect(sheet.invoices).toEqual({ issued: 2, issuedMinor: 13_000, creditNotes: 0, creditedMinor: 0 });
    expect(sheet.visits).toEqual({ checkedIn: 2, checkedOut: 1 });
    expect(sheet.appointments.total).toBe(3);
    const lee = sheet.appointments.byProvider.find((p) => p.providerId === b.drBId);
    expect(lee?.byStatus.booked).toBe(1);
    // The drawer is open: no close figures yet.
    expect(sheet.drawers).toEqual([
      expect.objectContaining({ floatMinor: 10_000, closedAt: null, countedCashMinor: null }),
    ]);
    // It names who paid, so the read is audited with them.
    const audit = await lastAudit(b.clinic);
    expect(audit.action).toBe('reports.daySheet');
    expect(audit.details).toMatchObject({ report: 'daySheet', date: MONDAY });
    expect(new Set(audit.details?.patientIds as string[])).toEqual(new Set([ids.pat, ids.sam]));
  });

  it('narrows to one provider: their appointments, visits and invoices, while the money stays the clinic’s', async () => {
    const lee = await b.clinic.ok('manager', 'reports.daySheet', { date: MONDAY, providerId: b.drBId });
    expect(lee).toMatchObject({ providerId: b.drBId, providerName: 'Dr Ben Lee' });
    // Rae's booking is Dr Lee's only appointment; Pat and Sam were Dr Ortiz's, so were their visits and invoices.
    expect(lee.appointments.total).toBe(1);
    expect(lee.appointments.byProvider.map((p) => [p.providerName, p.byStatus.booked])).toEqual([['Dr Ben Lee', 1]]);
    expect(lee.visits).toEqual({ checkedIn: 0, checkedOut: 0 });
    expect(lee.invoices).toEqual({ issued: 0, issuedMinor: 0, creditNotes: 0, creditedMinor: 0 });
    // Money is not split by provider until applied: the day's payments, refunds and drawer are all shown.
    expect(lee.netMinor).toBe(8500);
    expect(lee.payments).toHaveLength(4);
    expect(lee.drawers).toHaveLength(1);
    expect((await lastAudit(b.clinic)).details).toMatchObject({ report: 'daySheet', providerId: b.drBId });
    const ortiz = await b.clinic.ok('manager', 'reports.daySheet', { date: MONDAY, providerId: b.drAId });
    expect(ortiz.appointments.total).toBe(2);
    expect(ortiz.visits).toEqual({ checkedIn: 2, checkedOut: 1 });
    expect(ortiz.invoices).toEqual({ issued: 2, issuedMinor: 13_000, creditNotes: 0, creditedMinor: 0 });
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', {
      report: 'daySheet',
      from: MONDAY,
      to: MONDAY,
      providerId: b.drBId,
    });
    expect(csv.content).toContain('\r\nProvider,Dr Ben Lee\r\n');
    expect(csv.content).toContain(DAY_SHEET_PROVIDER.slice(0, 60));
    expect(csv.content).toContain('\r\nInvoices issued,0,0,£0.00\r\n');
    const pdf = await pdfText(
      await b.clinic.ok('manager', 'reports.exportPdf', {
        report: 'daySheet',
        from: MONDAY,
        to: MONDAY,
        providerId: b.drBId,
      }),
    );
    expect(pdf).toContain('Provider: Dr Ben Lee');
    expect(pdf).toContain(printed(DAY_SHEET_PROVIDER));
    expect(
      refused(await b.clinic.call('manager', 'reports.daySheet', { date: MONDAY, providerId: crypto.randomUUID() }))
        .details?.fields,
    ).toEqual({ providerId: 'no such provider' });
  });

  it('a closed day reads the same after money is taken the next day', async () => {
    await b.clinic.ok('desk', 'drawers.close', { drawerId, countedMinor: 13_900, overShortReason: 'Short by a pound' });
    const closed = await b.clinic.ok('manager', 'reports.daySheet', { date: MONDAY });
    expect(closed.closed).toBe(true);
    expect(closed.drawers).toEqual([
      expect.objectContaining({
        expectedCashMinor: 14_000,
        countedCashMinor: 13_900,
        overShortMinor: -100,
        overShortReason: 'Short by a pound',
      }),
    ]);
    await b.advanceDays(1);
    await b.openDrawerOnce();
    await b.clinic.ok('desk', 'payments.take', {
      patientId: ids.sam,
      amountMinor: 1000,
      methodId: b.methods.card,
      reference: null,
    });
    const later = await b.clinic.ok('manager', 'reports.daySheet', { date: MONDAY });
    expect({ ...later, ranAt: 0 }).toEqual({ ...closed, ranAt: 0 });
    const tuesday = await b.clinic.ok('manager', 'reports.daySheet', { date: '2026-11-24' });
    expect(tuesday).toMatchObject({ netMinor: 1000, closed: false });
  });

  it('exports the day as CSV with its definitions, one day only, and refuses those without billing:read', async () => {
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', { report: 'daySheet', from: MONDAY, to: MONDAY });
    expect(csv.fileName).toBe(`daySheet-${MONDAY}-to-${MONDAY}.csv`);
    for (const text of Object.values(DAY_SHEET_DEFINITIONS)) expect(csv.content).toContain(text.slice(0, 40));
    expect(csv.content).toContain('Day closed,yes: every drawer is closed');
    expect(csv.content).toMatch(/\r\nCash,2,4000,0,0,4000,£40\.00\r\n/);
    expect(csv.content.match(/,payment,[^\r]*,Cash,2000,£20\.00,/g)).toHaveLength(2);
    expect(csv.content).toContain('Total,,,,,8500,£85.00');
    const audit = await lastAudit(b.clinic);
    expect(audit.action).toBe('reports.exportCsv');
    expect(new Set(audit.details?.patientIds as string[])).toEqual(new Set([ids.pat, ids.sam]));
    const twoDays = refused(
      await b.clinic.call('manager', 'reports.exportCsv', { report: 'daySheet', from: MONDAY, to: '2026-11-24' }),
    );
    expect(twoDays.details?.fields).toEqual({ to: 'a day sheet is one day: the same date as From' });
    expect(refused(await b.clinic.call('desk', 'reports.daySheet', { date: MONDAY })).code).toBe('FORBIDDEN');
  });
});

/** A definition as the PDF writes it: the standard fonts' characters, arrows as ->. */
const printed = (text: string) => printable(text.replaceAll('→', '->')).replace(/\s+/g, ' ');

describe('reports.exportPdf', () => {
  it('prints the day sheet with its figures, every payment and its definitions, audited with the patients', async () => {
    const pdf = await b.clinic.ok('manager', 'reports.exportPdf', { report: 'daySheet', from: MONDAY, to: MONDAY });
    expect(pdf).toMatchObject({ fileName: `daySheet-${MONDAY}.pdf`, mimeType: 'application/pdf' });
    const text = await pdfText(pdf);
    expect(text).toContain('Day sheet');
    expect(text).toContain('Ran by Mona Manager');
    expect(text).toContain('Closed day: every drawer is closed.');
    expect(text).toContain('Money taken (net) £85.00');
    expect(text).toMatch(/Cash \(2\) £40\.00 £0\.00 £0\.00 £40\.00/);
    expect(text.match(/payment [^£]*Cash £20\.00/g)).toHaveLength(2);
    expect(text).toContain('£140.00 £139.00 -£1.00');
    for (const definition of Object.values(DAY_SHEET_DEFINITIONS)) expect(text).toContain(printed(definition));
    const audit = await lastAudit(b.clinic);
    expect(audit.action).toBe('reports.exportPdf');
    expect(audit.details).toMatchObject({ report: 'daySheet', format: 'pdf' });
    expect(new Set(audit.details?.patientIds as string[])).toEqual(new Set([ids.pat, ids.sam]));
  });

  it('prints the revenue, appointments and providers reports for a single day with their definitions', async () => {
    const revenue = await pdfText(
      await b.clinic.ok('manager', 'reports.exportPdf', { report: 'revenue', from: MONDAY, to: MONDAY }),
    );
    expect(revenue).toContain('Collected (cash) £85.00');
    expect(revenue).toContain('Invoiced (accrual, net of credit notes) £130.00');
    expect(revenue).toContain(printed(DEFINITIONS.accrual));
    expect(revenue).toContain(printed(DEFINITIONS.cash));
    const appointments = await pdfText(
      await b.clinic.ok('manager', 'reports.exportPdf', { report: 'appointments', from: MONDAY, to: MONDAY }),
    );
    expect(appointments).toMatch(/All providers 3 /);
    expect(appointments).toContain(printed(DEFINITIONS.noShowRate));
    const providers = await pdfText(
      await b.clinic.ok('manager', 'reports.exportPdf', { report: 'providers', from: MONDAY, to: MONDAY }),
    );
    expect(providers).toContain('Providers');
    expect(providers).toContain(printed(DEFINITIONS.utilisation));
    expect(
      refused(await b.clinic.call('desk', 'reports.exportPdf', { report: 'revenue', from: MONDAY, to: MONDAY })).code,
    ).toBe('FORBIDDEN');
  });
});
