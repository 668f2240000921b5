import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../../src-main/core/reports/csv';
import { DEFINITIONS, SELF_PAY, STOCK_REPORT_ROWS } from '../../src-shared/reports/model';
import { lastAudit, refused } from '../helpers/setup-audit';
import { openStockClinic, swabItem, type StockClinic } from '../helpers/stock-clinic';

/**
 * The providers report, the stock report and the revenue report's payer filter, on a real encrypted
 * database, with every figure worked out by hand here. London is on UTC in November, so a clock time
 * below is the clinic's wall time. Both providers work 09:00–17:00 with lunch 12:30–13:30 (420 minutes).
 */
let s: StockClinic;
const FRI = '2026-11-27';
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour, minute);
const ids = { seen: '', noShow: '', later1: '', later2: '', cancelled: '', seenPatient: '' };

beforeAll(async () => {
  s = await openStockClinic();
  const { clinic } = s;
  // Monday 08:00: Friday's book for Dr Ana Ortiz, four half-hours kept and one cancelled.
  const book = async (time: string, firstName: string) => {
    const patientId = await s.patient(firstName);
    const result = await s.book({ patientId, start: { date: FRI, time }, providerId: s.drAId });
    if (!result.ok) throw new Error(result.error.message);
    return { id: result.value.id, patientId };
  };
  const seen = await book('09:00', 'Sean');
  ids.seen = seen.id;
  ids.seenPatient = seen.patientId;
  ids.noShow = (await book('09:30', 'Nora')).id;
  ids.later1 = (await book('10:00', 'Lou')).id;
  ids.later2 = (await book('10:30', 'Lee')).id;
  ids.cancelled = (await book('11:00', 'Cass')).id;
  await clinic.ok('desk', 'appointments.cancel', { appointmentId: ids.cancelled, reason: 'Away' });
  // Friday afternoon off (13:30–16:30): her hours offer 09:00–12:30 and 16:30–17:00, 240 minutes.
  await clinic.ok('admin', 'schedule.createException', {
    providerId: s.drAId,
    kind: 'time_off',
    date: FRI,
    start: '13:30',
    end: '16:30',
    reason: 'Training',
  });

  await s.advanceDays(4); // Friday 08:00
  await s.openDrawerOnce();
  clinic.clock.now = at(27, 9, 5);
  const visit = await clinic.ok('desk', 'visits.checkIn', { appointmentId: ids.seen });
  const view = await s.checkOut(visit.id);
  await clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id }); // £65.00
  // Two payments of the same amount: both count.
  for (let i = 0; i < 2; i += 1)
    await clinic.ok('desk', 'payments.take', {
      patientId: ids.seenPatient,
      amountMinor: 2000,
      methodId: s.methods.card,
      reference: null,
    });
  clinic.clock.now = at(27, 10, 0);
  await clinic.ok('desk', 'appointments.setStatus', { appointmentId: ids.noShow, status: 'no_show' });
  clinic.clock.now = at(27, 12, 0);
}, 60_000);
afterAll(async () => {
  await s.clinic.close();
});

describe('reports.providers', () => {
  it('a provider with 2 of 4 offered hours booked is 50 % utilised, on a single-day range', async () => {
    const report = await s.clinic.ok('manager', 'reports.providers', { from: FRI, to: FRI });
    const byName = Object.fromEntries(report.providers.map((p) => [p.providerName, p]));
    const ana = byName['Dr Ana Ortiz'];
    expect(ana).toMatchObject({ bookedMinutes: 120, availableMinutes: 240, utilisationPercent: 50 });
    // Five booked, one cancelled (not late: cancelled four days ahead), one no-show; due by 12:00: the four kept.
    expect(ana?.appointments).toMatchObject({ booked: 5, cancelled: 1, lateCancelled: 0, noShows: 1, due: 4 });
    // The £65.00 invoice of her visit, and both £20.00 payments applied to it.
    expect(ana?.money).toEqual({ invoicedMinor: 6500, creditedMinor: 0, netInvoicedMinor: 6500, collectedMinor: 4000 });
    // Dr Ben Lee had the whole day and nothing booked.
    expect(byName['Dr Ben Lee']).toMatchObject({ bookedMinutes: 0, availableMinutes: 420, utilisationPercent: 0 });
    expect(report.unassigned).toEqual({ netInvoicedMinor: 0, collectedMinor: 0 });
  });

  it('uses the dashboard’s utilisation, and the provider filter narrows it to one', async () => {
    const dashboard = await s.clinic.ok('manager', 'reports.dashboard', { from: FRI, to: FRI });
    const report = await s.clinic.ok('manager', 'reports.providers', { from: FRI, to: FRI });
    expect(
      report.providers.map((p) => [p.providerId, p.bookedMinutes, p.availableMinutes, p.utilisationPercent]),
    ).toEqual(dashboard.utilisation.map((u) => [u.providerId, u.bookedMinutes, u.availableMinutes, u.percent]));
    const ben = await s.clinic.ok('manager', 'reports.providers', { from: FRI, to: FRI, providerId: s.drBId });
    expect(ben.providers.map((p) => p.providerName)).toEqual(['Dr Ben Lee']);
    expect(ben.providers[0]?.money).toEqual({
      invoicedMinor: 0,
      creditedMinor: 0,
      netInvoicedMinor: 0,
      collectedMinor: 0,
    });
  });

  it('the dashboard’s appointment figures follow a type; its utilisation stays against all of them', async () => {
    const dressing = await s.clinic.ok('admin', 'schedule.createType', {
      name: 'Dressing',
      durationMinutes: 15,
      colour: '#aa2255',
    });
    const all = await s.clinic.ok('manager', 'reports.dashboard', { from: FRI, to: FRI });
    const narrowed = await s.clinic.ok('manager', 'reports.dashboard', { from: FRI, to: FRI, typeId: dressing.id });
    expect(all.current.appointments.booked).toBe(5);
    expect(narrowed.filters.typeName).toBe('Dressing');
    expect(narrowed.current.appointments.booked).toBe(0);
    expect(narrowed.utilisation).toEqual(all.utilisation);
    const here = await s.clinic.ok('manager', 'reports.dashboard', { from: FRI, to: FRI, locationId: s.mainId });
    expect(here.current.appointments.booked).toBe(5);
  });

  it('counts an invoice by its service date: the day before, nothing', async () => {
    const thursday = await s.clinic.ok('manager', 'reports.providers', { from: '2026-11-26', to: '2026-11-26' });
    expect(thursday.providers.find((p) => p.providerId === s.drAId)?.money).toMatchObject({
      invoicedMinor: 0,
      collectedMinor: 0,
    });
  });

  it('is refused to a receptionist', async () => {
    expect(refused(await s.clinic.call('desk', 'reports.providers', { from: FRI, to: FRI })).code).toBe('FORBIDDEN');
  });

  it('exports as CSV with its definitions, and the export is audited', async () => {
    const csv = await s.clinic.ok('manager', 'reports.exportCsv', { report: 'providers', from: FRI, to: FRI });
    expect(csv.fileName).toBe(`providers-${FRI}-to-${FRI}.csv`);
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines).toContain('Report,Providers');
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.utilisation)}`);
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.providerCollected)}`);
    expect(lines).toContain('Dr Ana Ortiz,120,240,50,5,0,1,1,0,6500,0,6500,4000');
    expect(lines).toContain('Dr Ben Lee,0,420,0,0,0,0,0,0,0,0,0,0');
    expect(await lastAudit(s.clinic)).toMatchObject({ action: 'reports.exportCsv', target_type: 'report' });
  });
});

describe('reports.revenue by payer', () => {
  beforeAll(async () => {
    // An insured visit: £65.00, £45.00 expected from Acme Health and a £20.00 copay paid at the desk.
    const patientId = await s.patient('Ina');
    const booked = await s.book({ patientId, start: { date: FRI, time: '14:00' }, providerId: s.drBId });
    if (!booked.ok) throw new Error(booked.error.message);
    const visitId = (await s.clinic.ok('desk', 'visits.checkIn', { appointmentId: booked.value.id })).id;
    await s.clinic.ok('desk', 'patients.addInsurance', {
      patientId,
      payer: 'Acme Health',
      memberId: 'AC-1',
      priority: 'primary',
    });
    const view = await s.checkOut(visitId);
    const line = view.invoice.lines[0];
    await s.clinic.ok('desk', 'invoices.issue', {
      invoiceId: view.invoice.id,
      lines: [{ id: line?.id, serviceId: s.consId, quantity: 1, unitPriceMinor: 6500, insurerMinor: 4500 }],
    });
    await s.clinic.ok('desk', 'payments.take', {
      patientId,
      amountMinor: 2000,
      methodId: s.methods.cash,
      reference: null,
    });
  });

  it('splits invoiced and collected between self-pay and each insurer, adding up to the clinic’s', async () => {
    const all = await s.clinic.ok('manager', 'reports.revenue', { from: FRI, to: FRI });
    expect(all.payers).toEqual(['Acme Health']);
    expect(all.totals).toMatchObject({ invoicedMinor: 13_000, collectedMinor: 6000 });
    const self = await s.clinic.ok('manager', 'reports.revenue', { from: FRI, to: FRI, payer: SELF_PAY });
    expect(self.filters.payer).toBe(SELF_PAY);
    expect(self.totals).toMatchObject({ invoicedMinor: 6500, collectedMinor: 4000 });
    const acme = await s.clinic.ok('manager', 'reports.revenue', { from: FRI, to: FRI, payer: 'Acme Health' });
    expect(acme.totals).toMatchObject({ invoicedMinor: 6500, collectedMinor: 2000 });
    expect(acme.byMethod).toEqual([
      { methodKind: 'cash', paymentsMinor: 2000, refundsMinor: 0, reversalsMinor: 0, collectedMinor: 2000 },
    ]);
    const csv = await s.clinic.ok('manager', 'reports.exportCsv', {
      report: 'revenue',
      from: FRI,
      to: FRI,
      payer: 'Acme Health',
    });
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines).toContain('Payer,Acme Health');
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.payer)}`);
    expect(lines).toContain(`${FRI},6500,0,6500,2000,0,0,2000,0`);
  });
});

describe('reports.stock', () => {
  let salineId = '';
  beforeAll(async () => {
    const saline = await s.clinic.ok('manager', 'stockroom.saveItem', {
      name: 'Saline 10 ml',
      code: 'SAL10',
      gtin: null,
      category: null,
      dispensingUnit: 'ampoule',
      packSize: 1,
      unitCostMinor: 250,
      billable: false,
      sellingPriceMinor: null,
      taxId: null,
      reorderLevel: 10,
      reorderQuantity: 20,
      maximumLevel: null,
      active: true,
    });
    salineId = saline.id;
    await s.receive({ itemId: salineId, lotNumber: 'S-1', quantity: 7, expiryOn: '2026-12-10' });
    const gauze = await s.receive({ itemId: s.gauzeId, lotNumber: 'G-1', quantity: 25, expiryOn: '2027-06-30' });
    await s.clinic.ok('manager', 'stock.transfer', {
      lotId: gauze,
      fromStockLocationId: s.storeId,
      toStockLocationId: s.fridgeId,
      quantity: 5,
    });
  });

  it('values each item on hand at its unit cost, and lists expiring lots, low items and movements', async () => {
    const report = await s.clinic.ok('manager', 'reports.stock', { from: FRI, to: FRI, expiringDays: 30 });
    // 7 × 250 = 1750; 25 gauze (20 in the store, 5 in the fridge) × 120 = 3000.
    expect(report.valuation.items.map((i) => [i.code, i.onHand, i.unitCostMinor, i.valueMinor])).toEqual([
      ['GAUZE', 25, 120, 3000],
      ['SAL10', 7, 250, 1750],
    ]);
    expect(report.valuation.totalMinor).toBe(4750);
    // Within 30 days of Friday 27 November: the saline lot (10 December), not the gauze (June).
    expect(report.expiring.map((l) => [l.itemName, l.lotNumber, l.expiryOn, l.quantity, l.expired])).toEqual([
      ['Saline 10 ml', 'S-1', '2026-12-10', 7, false],
    ]);
    const wider = await s.clinic.ok('manager', 'reports.stock', { from: FRI, to: FRI, expiringDays: 365 });
    expect(wider.expiring).toHaveLength(3);
    expect(wider.moreExpiring).toBe(false);
    // Below reorder level: flu (0 of 10), saline (7 of 10); gauze has 25 of 20.
    expect(report.belowReorder.map((i) => [i.itemName, i.onHand, i.reorderLevel])).toEqual([
      ['Flu vaccine', 0, 10],
      ['Saline 10 ml', 7, 10],
    ]);
    expect(report.movements).toEqual([
      { kind: 'receive', movements: 2, quantity: 32 },
      { kind: 'transfer_in', movements: 1, quantity: 5 },
      { kind: 'transfer_out', movements: 1, quantity: -5 },
    ]);
    const thursday = await s.clinic.ok('manager', 'reports.stock', { from: '2026-11-26', to: '2026-11-26' });
    expect(thursday.movements).toEqual([]);
    expect(thursday.valuation.totalMinor).toBe(4750);
  });

  it('needs stock:read, and exports as CSV', async () => {
    // A provider has reports:read but not stock:read.
    const user = await s.clinic.ok('admin', 'users.create', {
      username: 'ben',
      displayName: 'Ben Lee',
      password: 'provider room 2',
      role: 'provider',
    });
    await s.clinic.ok('admin', 'schedule.updateProvider', { providerId: s.drBId, userId: user.id });
    await s.clinic.ok('provider', 'auth.login', { username: 'ben', password: 'provider room 2' });
    expect(refused(await s.clinic.call('provider', 'reports.stock', { from: FRI, to: FRI })).code).toBe('FORBIDDEN');
    // Their own providers report: hours and appointments, no money.
    const own = await s.clinic.ok('provider', 'reports.providers', { from: FRI, to: FRI });
    expect(own.providers.map((p) => p.providerName)).toEqual(['Dr Ben Lee']);
    expect(own.money).toBeNull();
    expect(own.providers[0]?.money).toBeNull();
    const csv = await s.clinic.ok('manager', 'reports.exportCsv', {
      report: 'stock',
      from: FRI,
      to: FRI,
      expiringDays: 30,
    });
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.stockValuation)}`);
    expect(lines).toContain('SAL10,Saline 10 ml,7,250,1750');
    expect(lines).toContain('Total,,,,4750');
    expect(lines).toContain('Saline 10 ml,S-1,2026-12-10,Stock room,7,no');
    expect(lines).toContain('receive,2,32');
  });

  it('shows the first hundred expiring lots with "more", and the export lists them all', async () => {
    for (let n = 2; n <= 101; n += 1)
      await s.receive({ itemId: salineId, lotNumber: `S-${n}`, quantity: 1, expiryOn: '2026-12-20' });
    const report = await s.clinic.ok('manager', 'reports.stock', { from: FRI, to: FRI, expiringDays: 30 });
    expect(report.expiring).toHaveLength(STOCK_REPORT_ROWS);
    expect(report.moreExpiring).toBe(true);
    // First-expiring first: S-1 (10 December) leads.
    expect(report.expiring[0]?.lotNumber).toBe('S-1');
    const csv = await s.clinic.ok('manager', 'reports.exportCsv', {
      report: 'stock',
      from: FRI,
      to: FRI,
      expiringDays: 30,
    });
    expect(csv.content.split('\r\n').filter((line) => line.startsWith('Saline 10 ml,S-'))).toHaveLength(101);
  });

  it('values the hundred items of greatest value on screen, with the count and total of all; the export lists all', async () => {
    const before = await s.clinic.ok('manager', 'reports.stock', { from: FRI, to: FRI, expiringDays: 30 });
    // 100 more items of 1 unit at 1p each: 100 + the 2 valued already (saline 108 units now, gauze 25).
    for (let n = 1; n <= 100; n += 1) {
      const item = await s.clinic.ok('manager', 'stockroom.saveItem', swabItem(n, 1));
      await s.receive({ itemId: item.id, lotNumber: `W-${n}`, quantity: 1, expiryOn: '2028-01-31' });
    }
    const report = await s.clinic.ok('manager', 'reports.stock', { from: FRI, to: FRI, expiringDays: 30 });
    expect(report.valuation.itemCount).toBe(before.valuation.itemCount + 100);
    expect(report.valuation.totalMinor).toBe(before.valuation.totalMinor + 100);
    expect(report.valuation.items).toHaveLength(STOCK_REPORT_ROWS);
    // The greatest value first (saline 27,000, gauze 3,000), then equal values by name: Swab 001 … Swab 098.
    expect(report.valuation.items.slice(0, 3).map((i) => i.code)).toEqual(['SAL10', 'GAUZE', 'SW1']);
    expect(report.valuation.items.at(-1)?.code).toBe('SW98');
    const csv = await s.clinic.ok('manager', 'reports.exportCsv', {
      report: 'stock',
      from: FRI,
      to: FRI,
      expiringDays: 30,
    });
    expect(csv.content).toContain('SW100,Swab 100,1,1,1');
  });
});

describe('service date against issue date', () => {
  it('an invoice issued on Monday for Friday’s visit is Friday’s for its provider, Monday’s in the revenue report', async () => {
    const before = await s.clinic.ok('manager', 'reports.providers', { from: FRI, to: FRI, providerId: s.drBId });
    const patientId = await s.patient('Late');
    const booked = await s.book({ patientId, start: { date: FRI, time: '15:00' }, providerId: s.drBId });
    if (!booked.ok) throw new Error(booked.error.message);
    const visit = await s.clinic.ok('desk', 'visits.checkIn', { appointmentId: booked.value.id });
    const draft = await s.checkOut(visit.id);
    await s.advanceDays(3); // Monday 30 November
    await s.clinic.ok('desk', 'invoices.issue', { invoiceId: draft.invoice.id });
    const after = await s.clinic.ok('manager', 'reports.providers', { from: FRI, to: FRI, providerId: s.drBId });
    expect((after.providers[0]?.money?.invoicedMinor ?? 0) - (before.providers[0]?.money?.invoicedMinor ?? 0)).toBe(
      6500,
    );
    const friday = await s.clinic.ok('manager', 'reports.revenue', { from: FRI, to: FRI });
    expect(friday.totals.invoicedMinor).toBe(13_000);
    const monday = await s.clinic.ok('manager', 'reports.revenue', { from: '2026-11-30', to: '2026-11-30' });
    expect(monday.totals.invoicedMinor).toBe(6500);
  });
});
