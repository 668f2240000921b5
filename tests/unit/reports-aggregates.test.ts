import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtWith, hasDirtyMarks } from '../../src-main/core/reports/aggregate-repository';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';

/**
 * The daily aggregates by hand: what a change marks, what a read recomputes, and a zone change rebuilding
 * them. The clock stands at Monday 2026-11-23 08:00 in London (UTC in November).
 */
let b: BillingClinic;
beforeAll(async () => {
  b = await openBillingClinic();
});
afterAll(async () => {
  await b.clinic.close();
});

describe('the daily report aggregates', () => {
  it('follow an appointment moved across days and a payment dated last month', async () => {
    const { clinic } = b;
    const db = clinic.core.database.db;
    const booked = await b.book({ patientId: await b.patient('Agg'), start: { date: '2026-11-24', time: '09:00' } });
    if (!booked.ok) throw new Error(booked.error.message);
    const week = { from: '2026-11-23', to: '2026-11-27' };
    const before = await clinic.ok('manager', 'reports.appointments', week);
    expect(before.byDay.map((d) => d.booked)).toEqual([0, 1, 0, 0, 0]);
    expect(await hasDirtyMarks(db)).toBe(false);

    await clinic.ok('desk', 'appointments.move', {
      appointmentId: booked.value.id,
      start: { date: '2026-11-26', time: '10:00' },
    });
    expect(await hasDirtyMarks(db)).toBe(true); // marked in the move's own transaction
    const after = await clinic.ok('manager', 'reports.appointments', week);
    expect(after.byDay.map((d) => d.booked)).toEqual([0, 0, 0, 1, 0]);
    expect(await hasDirtyMarks(db)).toBe(false); // the read recomputed the two days

    const october = { from: '2026-10-01', to: '2026-10-31' };
    expect((await clinic.ok('manager', 'reports.revenue', october)).totals.paymentsMinor).toBe(0);
    await clinic.ok('desk', 'payments.take', {
      patientId: await b.patient('Late'),
      amountMinor: 4200,
      methodId: b.methods.card,
      reference: null,
      countsFor: '2026-10-20',
    });
    const revenue = await clinic.ok('manager', 'reports.revenue', october);
    expect(revenue.totals.paymentsMinor).toBe(4200);
    expect(revenue.byDay.find((d) => d.date === '2026-10-20')?.paymentsMinor).toBe(4200);
  });

  it('are rebuilt for the new zone when the clinic changes its time zone', async () => {
    const { clinic } = b;
    const db = clinic.core.database.db;
    expect(await builtWith(db)).toContain('Europe/London');
    await clinic.ok('admin', 'settings.update', { timeZone: 'America/New_York' });
    // 10:00 in London on Thursday is 05:00 in New York: still Thursday.
    const week = await clinic.ok('manager', 'reports.appointments', { from: '2026-11-23', to: '2026-11-27' });
    expect(week.byDay.map((d) => d.booked)).toEqual([0, 0, 0, 1, 0]);
    expect(await builtWith(db)).toContain('America/New_York');
    await clinic.ok('admin', 'settings.update', { timeZone: 'Europe/London' });
  });
});
