import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../../src-shared/reports/model';
import { csvCell } from '../../src-main/core/reports/csv';
import { nearestRank } from '../../src-main/core/reports/waiting-times';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { lastAudit, refused } from '../helpers/setup-audit';

/**
 * Every figure is worked out by hand from rows this file makes. London is on UTC in November, so a
 * clock time below is the clinic's wall time.
 */
let b: BillingClinic;
const at = (day: number, hour: number, minute = 0) => Date.UTC(2026, 10, day, hour, minute);
const TUE = '2026-11-24';
const WED = '2026-11-25';
const THU = '2026-11-26';
const PROVIDER = { username: 'ana', displayName: 'Ana Ortiz', password: 'provider room 1' };

const appointments = { p1: '', p2: '', p3: '', p4: '', p5: '', p6: '' };

beforeAll(async () => {
  b = await openBillingClinic();
  const { clinic } = b;
  // Monday 08:00: the week's book.
  const book = async (date: string, time: string, providerId: string) => {
    const result = await b.book({ patientId: await b.patient('Rep'), start: { date, time }, providerId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.id;
  };
  appointments.p1 = await book(TUE, '09:00', b.drAId); // no-show
  appointments.p2 = await book(TUE, '09:30', b.drAId); // seen and checked out
  appointments.p3 = await book(TUE, '10:00', b.drBId); // cancelled 26 h ahead: early
  appointments.p4 = await book(TUE, '10:30', b.drBId); // cancelled 2.5 h ahead: late
  appointments.p5 = await book(WED, '09:00', b.drAId); // still ahead when the report runs
  appointments.p6 = await book(TUE, '11:00', b.drBId); // seen and checked out
  await clinic.ok('desk', 'appointments.cancel', { appointmentId: appointments.p3, reason: 'Rang to cancel' });

  await b.advanceDays(1); // Tuesday 08:00
  await clinic.ok('desk', 'appointments.cancel', { appointmentId: appointments.p4, reason: 'Unwell' });

  const flow = async (appointmentId: string, times: [number, number, number, number]) => {
    clinic.clock.now = times[0];
    const visit = await clinic.ok('desk', 'visits.checkIn', { appointmentId });
    clinic.clock.now = times[1];
    await clinic.ok('desk', 'visits.move', { visitId: visit.id, to: 'roomed', roomId: b.room1Id });
    clinic.clock.now = times[2];
    await clinic.ok('desk', 'visits.move', { visitId: visit.id, to: 'with_provider' });
    clinic.clock.now = times[3];
    await clinic.ok('desk', 'visits.move', { visitId: visit.id, to: 'ready_for_checkout' });
    await clinic.ok('desk', 'visits.checkOut', { visitId: visit.id });
  };
  // p2: arrival 09:05, room 09:10 (5 min), seen 09:20 (10 min), out 09:50 (30 min): 45 min in all.
  await flow(appointments.p2, [at(24, 9, 5), at(24, 9, 10), at(24, 9, 20), at(24, 9, 50)]);
  clinic.clock.now = at(24, 10, 0);
  await clinic.ok('desk', 'appointments.setStatus', { appointmentId: appointments.p1, status: 'no_show' });
  // p6: arrival 10:50, room 11:10 (20 min), seen 11:15 (5 min), out 11:25 (10 min): 35 min in all.
  await flow(appointments.p6, [at(24, 10, 50), at(24, 11, 10), at(24, 11, 15), at(24, 11, 25)]);
  clinic.clock.now = at(24, 12, 0);
});
afterAll(async () => {
  await b.clinic.close();
});

describe('reports.appointments', () => {
  it('counts by status, late and early cancellations and the no-show rate over what was due', async () => {
    const report = await b.clinic.ok('manager', 'reports.appointments', { from: TUE, to: WED });
    // Six booked; p3 early and p4 late cancelled; p1 a no-show; p2 and p6 completed; p5 on Wednesday is
    // not yet due at Tuesday 12:00, so due = p1, p2, p6 and the rate is 1 ÷ 3.
    expect(report.totals).toEqual({
      booked: 6,
      completed: 2,
      cancelled: 2,
      lateCancelled: 1,
      earlyCancelled: 1,
      noShows: 1,
      due: 3,
      noShowRatePercent: 33.3,
      bookedMinutes: 4 * 30,
    });
    const byName = Object.fromEntries(report.byProvider.map((p) => [p.providerName, p]));
    expect(byName['Dr Ana Ortiz']).toMatchObject({ booked: 3, noShows: 1, due: 2, noShowRatePercent: 50 });
    expect(byName['Dr Ben Lee']).toMatchObject({ booked: 3, cancelled: 2, completed: 1, due: 1, noShowRatePercent: 0 });
    expect(report.byDay.map((d) => [d.date, d.booked, d.due])).toEqual([
      [TUE, 5, 3],
      [WED, 1, 0],
    ]);
  });

  it('works for a single day, with a wider late-cancel window, and filtered by provider', async () => {
    const wide = await b.clinic.ok('manager', 'reports.appointments', { from: TUE, to: TUE, lateCancelHours: 48 });
    expect(wide.totals).toMatchObject({ booked: 5, lateCancelled: 2, earlyCancelled: 0 });
    const ben = await b.clinic.ok('manager', 'reports.appointments', { from: TUE, to: WED, providerId: b.drBId });
    expect(ben.filters.providerName).toBe('Dr Ben Lee');
    expect(ben.totals).toMatchObject({ booked: 3, cancelled: 2, due: 1, noShows: 0, noShowRatePercent: 0 });
    const nothing = await b.clinic.ok('manager', 'reports.appointments', { from: '2026-12-24', to: '2026-12-24' });
    expect(nothing.totals).toMatchObject({ booked: 0, due: 0, noShowRatePercent: null });
  });

  it('refuses a range that ends before it starts, or is longer than a year', async () => {
    const backwards = refused(await b.clinic.call('manager', 'reports.appointments', { from: WED, to: TUE }));
    expect(backwards.details).toMatchObject({ fields: { to: 'must be on or after the start date' } });
    const long = refused(await b.clinic.call('manager', 'reports.appointments', { from: '2025-01-01', to: WED }));
    expect(long.code).toBe('VALIDATION');
  });
});

describe('reports.waitingTimes', () => {
  it('gives the median and 90th percentile of each step by nearest rank', async () => {
    const report = await b.clinic.ok('manager', 'reports.waitingTimes', { from: TUE, to: TUE });
    expect(report.visits).toBe(2);
    // Two values each: the median is the first (rank ⌈0.5 × 2⌉ = 1), the 90th the second (⌈1.8⌉ = 2).
    expect(report.phases).toEqual([
      { phase: 'arrivalToRoom', visits: 2, medianSeconds: 5 * 60, p90Seconds: 20 * 60 },
      { phase: 'roomToSeen', visits: 2, medianSeconds: 5 * 60, p90Seconds: 10 * 60 },
      { phase: 'seenToOut', visits: 2, medianSeconds: 10 * 60, p90Seconds: 30 * 60 },
      { phase: 'arrivalToOut', visits: 2, medianSeconds: 35 * 60, p90Seconds: 45 * 60 },
    ]);
    // By the clinic hour of arrival (the chart): 09:05 → 09:50 in the 09 hour, 10:50 → 11:25 in the 10 hour.
    expect(report.byHour).toEqual([
      { hour: 9, visits: 1, medianSeconds: 45 * 60, p90Seconds: 45 * 60 },
      { hour: 10, visits: 1, medianSeconds: 35 * 60, p90Seconds: 35 * 60 },
    ]);
    // The CSV export carries the same figures by hour, with their definition.
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', { report: 'waitingTimes', from: TUE, to: TUE });
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.waitsByHour)}`);
    expect(lines).toContain('arrivalToOut,2,2100,2700');
    const byHour = lines.indexOf('By hour of arrival');
    expect(byHour).toBeGreaterThan(lines.indexOf('arrivalToOut,2,2100,2700'));
    expect(lines.slice(byHour + 1, byHour + 4)).toEqual([
      'Hour,Visits,Median (seconds),90th percentile (seconds)',
      '09:00,1,2700,2700',
      '10:00,1,2100,2100',
    ]);
    const ana = await b.clinic.ok('manager', 'reports.waitingTimes', { from: TUE, to: TUE, providerId: b.drAId });
    expect(ana.phases[0]).toEqual({ phase: 'arrivalToRoom', visits: 1, medianSeconds: 300, p90Seconds: 300 });
  });

  it('nearest rank: ten values, the 90th percentile is the ninth', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(nearestRank(values, 0.9)).toBe(9);
    expect(nearestRank(values, 0.5)).toBe(5);
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([], 0.5)).toBeNull();
  });
});

describe('reports.revenue', () => {
  const thursday = { paymentIds: { card: '', cash: '', mistake: '' } };

  beforeAll(async () => {
    const { clinic } = b;
    clinic.clock.now = at(26, 8, 0);
    await b.advanceDays(0);
    await b.openDrawerOnce();
    const issue = async () => {
      const { visitId, patientId } = await b.visit();
      const view = await b.checkOut(visitId);
      const invoice = await clinic.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
      return { patientId, invoiceId: invoice.id };
    };
    const first = await issue(); // £65.00
    const second = await issue(); // £65.00, credited in full
    const third = await issue(); // £65.00, £15.00 written off
    await clinic.ok('manager', 'invoices.creditNote', { invoiceId: second.invoiceId, reason: 'Billed in error' });
    await clinic.ok('manager', 'accounts.adjust', {
      invoiceId: third.invoiceId,
      amountMinor: 1500,
      reasonCode: 'courtesy',
      note: null,
    });
    const take = (patientId: string, amountMinor: number, methodId: string) =>
      clinic.ok('desk', 'payments.take', { patientId, amountMinor, methodId, reference: null });
    // Cash £25.00 then card £55.00 on a £65.00 invoice: £15.00 of the card payment is left to refund.
    thursday.paymentIds.cash = (await take(first.patientId, 2500, b.methods.cash)).id;
    thursday.paymentIds.card = (await take(first.patientId, 5500, b.methods.card)).id;
    thursday.paymentIds.mistake = (await take(third.patientId, 500, b.methods.card)).id;
    await clinic.ok('manager', 'payments.refund', {
      paymentId: thursday.paymentIds.card,
      amountMinor: 1000,
      reason: 'Overpaid',
    });
    await clinic.ok('manager', 'payments.reverse', { paymentId: thursday.paymentIds.mistake, reason: 'Wrong patient' });
  });

  it('states invoiced (accrual) and collected (cash) for the day, by method', async () => {
    const report = await b.clinic.ok('manager', 'reports.revenue', { from: THU, to: THU });
    expect(report.totals).toEqual({
      invoicedMinor: 3 * 6500,
      creditedMinor: 6500,
      netInvoicedMinor: 2 * 6500,
      paymentsMinor: 2500 + 5500 + 500,
      refundsMinor: 1000,
      reversalsMinor: 500,
      collectedMinor: 8500 - 1000 - 500,
      writeOffsMinor: 1500,
    });
    expect(report.byMethod).toEqual([
      { methodKind: 'card', paymentsMinor: 6000, refundsMinor: 1000, reversalsMinor: 500, collectedMinor: 4500 },
      { methodKind: 'cash', paymentsMinor: 2500, refundsMinor: 0, reversalsMinor: 0, collectedMinor: 2500 },
    ]);
    // Per provider the invoices add up to the clinic's.
    const ana = await b.clinic.ok('manager', 'reports.revenue', { from: THU, to: THU, providerId: b.drAId });
    const ben = await b.clinic.ok('manager', 'reports.revenue', { from: THU, to: THU, providerId: b.drBId });
    expect(ana.totals.invoicedMinor + ben.totals.invoicedMinor).toBe(3 * 6500);
  });

  it('a refund in a later month counts then, and leaves the month of the payment as it was', async () => {
    b.clinic.clock.now = at(26, 8, 0) + 6 * 86_400_000; // Wednesday 2 December
    await b.advanceDays(0);
    await b.clinic.ok('manager', 'payments.refund', {
      paymentId: thursday.paymentIds.card,
      amountMinor: 500,
      reason: 'Goodwill',
    });
    const november = await b.clinic.ok('manager', 'reports.revenue', { from: '2026-11-01', to: '2026-11-30' });
    expect(november.totals).toMatchObject({ refundsMinor: 1000, collectedMinor: 7000 });
    expect(november.byDay).toHaveLength(30);
    const december = await b.clinic.ok('manager', 'reports.revenue', { from: '2026-12-01', to: '2026-12-02' });
    expect(december.totals).toMatchObject({ paymentsMinor: 0, refundsMinor: 500, collectedMinor: -500 });
  });
});

describe('reports.dashboard', () => {
  it('sets the range against the days just before it, and its figures agree with the reports they open', async () => {
    const thursday = await b.clinic.ok('manager', 'reports.dashboard', { from: THU, to: THU });
    expect(thursday.previous).toEqual({ from: WED, to: WED });
    // Thursday's three visits were three new patients; Thursday's invoices and takings as above.
    expect(thursday.current.newPatients).toBe(3);
    expect(thursday.before.newPatients).toBe(0);
    expect(thursday.current.revenue).toEqual({ netInvoicedMinor: 2 * 6500, collectedMinor: 7000 });
    expect(thursday.before.revenue).toEqual({ netInvoicedMinor: 0, collectedMinor: 0 });
    const ageing = await b.clinic.ok('manager', 'accounts.ageing', { limit: 10 });
    expect(thursday.outstandingMinor).toBe(ageing.byPatient.totalMinor + ageing.byPayer.totalMinor);
    expect(thursday.outstandingMinor).toBeGreaterThan(0);
    expect(thursday.stock).toEqual({ belowReorder: 0, expiringSoon: 0, expiredOnShelf: 0 });

    const week = await b.clinic.ok('manager', 'reports.dashboard', { from: TUE, to: WED });
    expect(week.previous).toEqual({ from: '2026-11-22', to: '2026-11-23' });
    const appointmentsReport = await b.clinic.ok('manager', 'reports.appointments', { from: TUE, to: WED });
    expect(week.current.appointments).toEqual(appointmentsReport.totals);
    // The six patients were registered on Monday, the day before the range.
    expect(week.before.newPatients).toBe(6);
    expect(week.before.appointments.booked).toBe(0);
    // Arrival → out: 45 and 35 minutes; the median of two is the lower, 35.
    expect(week.current.wait).toMatchObject({ visits: 2, medianSeconds: 35 * 60 });
    // Hours 09:00–17:00 less an hour's lunch: 420 minutes a day, 840 over Tuesday and Wednesday. Dr A
    // holds three 30-minute appointments not cancelled (p1, p2, p5); Dr B one (p6; p3 and p4 cancelled).
    expect(
      week.utilisation.map(({ bookedMinutes, availableMinutes, percent }) => ({
        bookedMinutes,
        availableMinutes,
        percent,
      })),
    ).toEqual([
      { bookedMinutes: 90, availableMinutes: 840, percent: 10.7 },
      { bookedMinutes: 30, availableMinutes: 840, percent: 3.6 },
    ]);
  });
});

describe('who may see what', () => {
  it('a receptionist may not; a provider sees their own figures and no money', async () => {
    expect(refused(await b.clinic.call('desk', 'reports.appointments', { from: TUE, to: WED })).code).toBe('FORBIDDEN');
    const user = await b.clinic.ok('admin', 'users.create', { ...PROVIDER, role: 'provider' });
    await b.clinic.ok('provider', 'auth.login', { username: PROVIDER.username, password: PROVIDER.password });
    const unlinked = refused(await b.clinic.call('provider', 'reports.appointments', { from: TUE, to: WED }));
    expect(unlinked.code).toBe('FORBIDDEN');
    await b.clinic.ok('admin', 'schedule.updateProvider', { providerId: b.drAId, userId: user.id });
    const own = await b.clinic.ok('provider', 'reports.appointments', { from: TUE, to: WED });
    expect(own.filters.providerName).toBe('Dr Ana Ortiz');
    expect(own.totals.booked).toBe(3);
    const other = refused(
      await b.clinic.call('provider', 'reports.appointments', { from: TUE, to: WED, providerId: b.drBId }),
    );
    expect(other.details).toMatchObject({ fields: { providerId: "a provider sees their own figures, not another's" } });
    expect(refused(await b.clinic.call('provider', 'reports.revenue', { from: THU, to: THU })).code).toBe('FORBIDDEN');
  });
});

describe('reports.exportCsv', () => {
  it('writes the figures with their definitions, filters, who ran it and when, and audits the export', async () => {
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', { report: 'appointments', from: TUE, to: WED });
    expect(csv.fileName).toBe(`appointments-${TUE}-to-${WED}.csv`);
    expect(csv.content.startsWith('\uFEFF')).toBe(true);
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines).toContain(`From,${TUE}`);
    expect(lines).toContain('Provider,All providers');
    expect(lines).toContain('Ran by,Mona Manager');
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.noShowRate)}`);
    // Run on 2 December: Wednesday's appointment is due by now, so due is 4 and the rate 1 ÷ 4.
    expect(lines).toContain('Total,,,6,2,2,1,1,1,4,25,120');
    expect(lines).toContain(`Day,${WED},,1,0,0,0,0,0,1,0,30`);
    const audit = await lastAudit(b.clinic);
    expect(audit).toMatchObject({ action: 'reports.exportCsv', target_type: 'report', outcome: 'ok' });
    expect(audit.details).toMatchObject({ report: 'appointments', from: TUE, to: WED });

    const money = await b.clinic.ok('manager', 'reports.exportCsv', { report: 'revenue', from: THU, to: THU });
    expect(money.content).toContain(`\r\n${THU},19500,6500,13000,8500,1000,500,7000,1500\r\n`);
  });

  it('quotes what needs quoting and disarms cells a spreadsheet would run as formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}SUM(A1)`)).toBe(`'${start}SUM(A1)`);
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
    expect(csvCell(-500)).toBe('-500');
    expect(csvCell(null)).toBe('');
  });
});
