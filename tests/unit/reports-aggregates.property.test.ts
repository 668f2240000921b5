import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src-shared/patients/dates';
import { addDays, localDateOf } from '../../src-shared/scheduling/time';
import { allAggregates } from '../../src-main/core/reports/aggregate-repository';
import { rebuildAggregates } from '../../src-main/core/reports/aggregates';
import { appointmentsReport } from '../../src-main/core/reports/appointments';
import { revenueReport } from '../../src-main/core/reports/revenue';
import type { ReportScope } from '../../src-main/core/reports/scope';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';

/**
 * Random days of a clinic through the real procedures on a real encrypted database (book, move across days,
 * cancel, no-show, check-in and the flow board, invoices, credit notes, write-offs, payments dated back,
 * refunds, reversals, the clock moving on), then: every daily aggregate equals a rebuild from the raw rows,
 * and the reports read from the aggregates equal the same reports read from the raw rows. The providers
 * work every day, so bookings land on 2026-10-25 (London's clocks go back: a 25-hour day).
 */
let b: BillingClinic;
const SLOTS = ['09:00', '09:30', '10:00', '11:00', '14:00', '15:30', '16:30'];
const DST_END = '2026-10-25';

type Op =
  | { kind: 'book'; day: number; slot: number; other: boolean }
  | { kind: 'move'; pick: number; day: number; slot: number }
  | { kind: 'cancel' | 'noShow' | 'checkIn' | 'flow' | 'invoice' | 'creditNote' | 'reverse'; pick: number }
  | { kind: 'writeOff' | 'refund'; pick: number; amount: number }
  | { kind: 'pay'; pick: number; amount: number; back: number }
  | { kind: 'tick'; minutes: number }
  | { kind: 'nextDay' };

const pick = fc.nat();
// Today most often (check-in needs it), the DST day, and any day a month back to ten days ahead.
const day = fc.oneof(fc.integer({ min: -30, max: 10 }), fc.constant(-29), fc.constant(0), fc.constant(0));
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('book' as const), day, slot: fc.nat(6), other: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), pick, day, slot: fc.nat(6) }) },
  ...(['cancel', 'noShow', 'checkIn', 'flow', 'invoice', 'creditNote', 'reverse'] as const).map((kind) => ({
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant(kind), pick }),
  })),
  ...(['writeOff', 'refund'] as const).map((kind) => ({
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant(kind), pick, amount: fc.integer({ min: 1, max: 4000 }) }),
  })),
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('pay' as const),
      pick,
      amount: fc.integer({ min: 1, max: 9000 }),
      back: fc.integer({ min: 0, max: 40 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('tick' as const), minutes: fc.integer({ min: 1, max: 200 }) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'nextDay' as const }) },
);

const made = {
  appointments: [] as string[],
  visits: [] as string[],
  invoices: [] as string[],
  payments: [] as string[],
};
const patients: string[] = [];
/** How many of each change went through (the rest were refused, as a person would be): checked at the end. */
const done = new Map<string, number>();
const count = (kind: string, result: { ok: true } | { ok: false; error: { message: string } }) => {
  if (result.ok) done.set(kind, (done.get(kind) ?? 0) + 1);
  else if (process.env.AGGREGATES_VERBOSE) console.log(kind, result.error.message);
};
/** One of the last few made, so that changes pile onto the same rows (a booking moved, checked in, billed). */
const of = <T>(list: T[], index: number): T | undefined =>
  list[list.length - 1 - (index % Math.min(4, Math.max(1, list.length)))];

async function isToday(appointmentId: string): Promise<boolean> {
  const found = await b.clinic.call('desk', 'appointments.get', { appointmentId });
  return found.ok && localDateOf(b.timeZone, found.value.start) === todayIn(b.timeZone, b.clinic.clock.now);
}

async function run(step: Op): Promise<void> {
  const { clinic } = b;
  const today = todayIn(b.timeZone, clinic.clock.now);
  switch (step.kind) {
    case 'book': {
      const patientId = await b.patient('Prop');
      patients.push(patientId);
      const start = { date: step.day === -29 ? DST_END : addDays(today, step.day), time: SLOTS[step.slot] ?? '09:00' };
      const result = await b.book({ patientId, start, providerId: step.other ? b.drBId : b.drAId });
      count(step.kind, result);
      if (result.ok) made.appointments.push(result.value.id);
      return;
    }
    case 'move': {
      const appointmentId = of(made.appointments, step.pick);
      const start = { date: addDays(today, step.day), time: SLOTS[step.slot] ?? '09:00' };
      if (appointmentId) count(step.kind, await clinic.call('desk', 'appointments.move', { appointmentId, start }));
      return;
    }
    case 'cancel': {
      const appointmentId = of(made.appointments, step.pick);
      if (appointmentId)
        count(step.kind, await clinic.call('desk', 'appointments.cancel', { appointmentId, reason: 'Rang' }));
      return;
    }
    case 'noShow':
    case 'checkIn': {
      // Both happen only on the appointment's day: today's, booked now if the one picked is not today's.
      let appointmentId = of(made.appointments, step.pick);
      if (!appointmentId || !(await isToday(appointmentId))) {
        const patientId = await b.patient('Today');
        patients.push(patientId);
        const start = { date: today, time: SLOTS[step.pick % SLOTS.length] ?? '09:00' };
        const booked = await b.book({ patientId, start, providerId: step.pick % 2 ? b.drBId : b.drAId });
        if (!booked.ok) return;
        made.appointments.push((appointmentId = booked.value.id));
      }
      if (step.kind === 'noShow')
        count(step.kind, await clinic.call('desk', 'appointments.setStatus', { appointmentId, status: 'no_show' }));
      else {
        const visit = await clinic.call('desk', 'visits.checkIn', { appointmentId });
        count(step.kind, visit);
        if (visit.ok) made.visits.push(visit.value.id);
      }
      return;
    }
    case 'flow': {
      const visitId = of(made.visits, step.pick);
      if (!visitId) return;
      await clinic.call('desk', 'visits.move', { visitId, to: 'roomed', roomId: b.room1Id });
      await clinic.call('desk', 'visits.move', { visitId, to: 'with_provider' });
      await clinic.call('desk', 'visits.move', { visitId, to: 'ready_for_checkout' });
      count(step.kind, await clinic.call('desk', 'visits.checkOut', { visitId }));
      return;
    }
    case 'invoice': {
      const visitId = of(made.visits, step.pick);
      if (!visitId) return;
      const view = await clinic.call('desk', 'invoices.forVisit', { visitId });
      if (!view.ok || view.value.invoice.status !== 'draft') return;
      const issued = await clinic.call('desk', 'invoices.issue', { invoiceId: view.value.invoice.id });
      count(step.kind, issued);
      if (!issued.ok) return;
      made.invoices.push(issued.value.id);
      // Half the time part of it is written off at once, before any payment takes what is owed.
      if (step.pick % 2 === 0)
        count(
          'writeOff',
          await clinic.call('manager', 'accounts.adjust', {
            invoiceId: issued.value.id,
            amountMinor: 500,
            reasonCode: 'courtesy',
            note: null,
          }),
        );
      return;
    }
    case 'creditNote': {
      const invoiceId = of(made.invoices, step.pick);
      if (invoiceId)
        count(step.kind, await clinic.call('manager', 'invoices.creditNote', { invoiceId, reason: 'Billed in error' }));
      return;
    }
    case 'writeOff': {
      const invoiceId = of(made.invoices, step.pick);
      if (invoiceId)
        count(
          step.kind,
          await clinic.call('manager', 'accounts.adjust', {
            invoiceId,
            amountMinor: step.amount,
            reasonCode: 'courtesy',
            note: null,
          }),
        );
      return;
    }
    case 'pay': {
      const patientId = of(patients, step.pick);
      if (!patientId) return;
      const paid = await clinic.call('desk', 'payments.take', {
        patientId,
        amountMinor: step.amount,
        methodId: b.methods.card,
        reference: null,
        countsFor: addDays(today, -step.back),
      });
      count(step.kind, paid);
      if (paid.ok) made.payments.push(paid.value.id);
      return;
    }
    case 'refund': {
      const paymentId = of(made.payments, step.pick);
      if (paymentId)
        count(
          step.kind,
          await clinic.call('manager', 'payments.refund', { paymentId, amountMinor: step.amount, reason: 'Overpaid' }),
        );
      return;
    }
    case 'reverse': {
      const paymentId = of(made.payments, step.pick);
      if (paymentId)
        count(step.kind, await clinic.call('manager', 'payments.reverse', { paymentId, reason: 'Wrong patient' }));
      return;
    }
    case 'tick':
      clinic.clock.advance(step.minutes * 60_000);
      await b.advanceDays(0); // signs everyone in again
      return;
    case 'nextDay':
      await b.advanceDays(1);
      return;
  }
}

beforeAll(async () => {
  b = await openBillingClinic({ weekdays: [1, 2, 3, 4, 5, 6, 7] });
});
afterAll(async () => {
  await b.clinic.close();
});

describe('the daily report aggregates', () => {
  it('equal a recomputation from the raw rows after any sequence of changes', { timeout: 120_000 }, async () => {
    const db = b.clinic.core.database.db;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (steps) => {
        for (const step of steps) await run(step);
        const { clinic } = b;
        const today = todayIn(b.timeZone, clinic.clock.now);
        const from = addDays(today, -45);
        const to = addDays(today, 15);
        // A plain read refreshes the marked days first.
        const dashboard = await clinic.ok('manager', 'reports.dashboard', { from, to });
        const kept = await allAggregates(db);

        const scope: ReportScope = {
          filters: {
            from,
            to,
            providerId: null,
            providerName: null,
            locationId: null,
            locationName: null,
            typeId: null,
            typeName: null,
            payer: null,
          },
          timeZone: b.timeZone,
          currency: 'GBP',
          phoneRegion: null,
          providers: new Map([
            [b.drAId, 'Dr Ana Ortiz'],
            [b.drBId, 'Dr Ben Lee'],
          ]),
        };
        const now = clinic.clock.now;
        const money = { currency: 'GBP', locale: 'en-GB' } as unknown as Parameters<typeof revenueReport>[2];
        expect(await appointmentsReport(db, scope, 24, now, true)).toEqual(
          await appointmentsReport(db, scope, 24, now, false),
        );
        const ben = { ...scope, filters: { ...scope.filters, providerId: b.drBId } };
        expect(await appointmentsReport(db, ben, 24, now, true)).toEqual(
          await appointmentsReport(db, ben, 24, now, false),
        );
        expect(await revenueReport(db, scope, money, now, true)).toEqual(
          await revenueReport(db, scope, money, now, false),
        );
        expect(await revenueReport(db, ben, money, now, true)).toEqual(await revenueReport(db, ben, money, now, false));
        expect(dashboard.current.appointments).toEqual((await appointmentsReport(db, scope, 24, now, false)).totals);

        await db.transaction().execute((trx) => rebuildAggregates(trx, b.timeZone));
        expect(await allAggregates(db)).toEqual(kept);
      }),
      {
        numRuns: Number(process.env.AGGREGATES_RUNS ?? 25),
        seed: Number(process.env.AGGREGATES_SEED ?? Date.now() % 2_147_483_647),
      },
    );
    if (process.env.AGGREGATES_VERBOSE) console.log(Object.fromEntries(done));
    // The sequences did reach the rows: bookings, moves and backdated payments went through.
    for (const kind of ['book', 'move', 'pay']) expect(done.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });
});
