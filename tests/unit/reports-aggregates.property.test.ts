import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../src-shared/patients/dates';
import { addDays, localDateOf } from '../../src-shared/scheduling/time';
import { allAggregates } from '../../src-main/core/reports/aggregate-repository';
import { rebuildAggregates } from '../../src-main/core/reports/aggregates';
import { appointmentsReport } from '../../src-main/core/reports/appointments';
import { allAvailableDays, type AvailableDay } from '../../src-main/core/reports/available-repository';
import { revenueReport } from '../../src-main/core/reports/revenue';
import { SELF_PAY } from '../../src-shared/reports/model';
import { datesOf, type ReportScope } from '../../src-main/core/reports/scope';
import { expandAvailable } from '../../src-main/core/reports/utilisation';
import { waitingTimesReport } from '../../src-main/core/reports/waiting-times';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { op, type Op } from '../helpers/report-aggregate-ops';
import { expectAgeingFromAggregates, expectProviderMoneyFromAggregates } from '../helpers/report-money-checks';

/**
 * Random days of a clinic through the real procedures on a real encrypted database (book, move across days,
 * cancel, no-show, check-in and the flow board, invoices, credit notes, write-offs, payments dated back,
 * refunds, reversals, invoices for an appointment or blank, bookings given to the other provider, the clock
 * moving on), then: every daily aggregate equals a rebuild from the raw rows, and the reports read from the
 * aggregates equal the same reports read from the raw rows (the providers' money and A/R ageing included). The providers
 * work every day, so bookings land on 2026-10-25 (London's clocks go back: a 25-hour day).
 */
let b: BillingClinic;
/** A second location and type, so that the revenue narrowed by either has something to tell apart. */
let riversideId = '';
let dressingId = '';
const SLOTS = ['09:00', '09:30', '10:00', '11:00', '14:00', '15:30', '16:30'];
const DST_END = '2026-10-25';

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

const byKey = (a: AvailableDay, b: AvailableDay) =>
  a.provider_id === b.provider_id ? a.day.localeCompare(b.day) : a.provider_id.localeCompare(b.provider_id);
function daysByProvider(days: readonly AvailableDay[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const d of days) map.set(d.provider_id, [...(map.get(d.provider_id) ?? []), d.day]);
  return map;
}

async function isToday(appointmentId: string): Promise<boolean> {
  const found = await b.clinic.call('desk', 'appointments.get', { appointmentId });
  return found.ok && localDateOf(b.timeZone, found.value.start) === todayIn(b.timeZone, b.clinic.clock.now);
}

/** Rooms, sees and checks out a visit, a few minutes and seconds between the steps (the histogram rounds). */
async function flow(visitId: string, pick: number): Promise<void> {
  const { clinic } = b;
  const wait = () => clinic.clock.advance(((pick % 13) * 60 + (pick % 7) * 10) * 1000);
  wait();
  await clinic.call('desk', 'visits.move', { visitId, to: 'roomed', roomId: b.room1Id });
  wait();
  await clinic.call('desk', 'visits.move', { visitId, to: 'with_provider' });
  await clinic.call('desk', 'visits.move', { visitId, to: 'ready_for_checkout' });
  wait();
  count('flow', await clinic.call('desk', 'visits.checkOut', { visitId }));
}

async function run(step: Op): Promise<void> {
  const { clinic } = b;
  const today = todayIn(b.timeZone, clinic.clock.now);
  switch (step.kind) {
    case 'book': {
      const patientId = await b.patient('Prop');
      patients.push(patientId);
      const start = { date: step.day === -29 ? DST_END : addDays(today, step.day), time: SLOTS[step.slot] ?? '09:00' };
      const typeId = step.dressing ? dressingId : b.consultId;
      const result = await b.book({ patientId, start, providerId: step.other ? b.drBId : b.drAId, typeId });
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
        // Two visits in three go through the flow board at once (before the day can end under them).
        if (visit.ok && step.pick % 3 !== 0) await flow(visit.value.id, step.pick);
      }
      return;
    }
    case 'flow': {
      const visitId = of(made.visits, step.pick);
      if (visitId) await flow(visitId, step.pick);
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
    case 'bill': {
      // An invoice from the account: for an appointment (dated by its start) or blank (by its issue date).
      const appointmentId = step.appointment ? of(made.appointments, step.pick) : undefined;
      const found = appointmentId ? await clinic.call('desk', 'appointments.get', { appointmentId }) : null;
      const patientId = found?.ok ? found.value.patientId : of(patients, step.pick);
      if (!patientId) return;
      const draft = await clinic.call('desk', 'invoices.create', { patientId, ...(found?.ok && { appointmentId }) });
      if (!draft.ok || draft.value.status !== 'draft') return;
      const lines = [{ serviceId: b.dressId, quantity: 1, unitPriceMinor: 1000 + (step.pick % 7) * 250 }];
      const issued = await clinic.call('desk', 'invoices.issue', { invoiceId: draft.value.id, lines });
      count(step.kind, issued);
      if (issued.ok) made.invoices.push(issued.value.id);
      return;
    }
    case 'reassign': {
      const appointmentId = of(made.appointments, step.pick);
      if (!appointmentId) return;
      const found = await clinic.call('desk', 'appointments.get', { appointmentId });
      if (!found.ok) return;
      const providerId = found.value.providerId === b.drAId ? b.drBId : b.drAId;
      count(step.kind, await clinic.call('desk', 'appointments.move', { appointmentId, providerId }));
      return;
    }
    case 'relocate': {
      const appointmentId = of(made.appointments, step.pick);
      if (!appointmentId) return;
      const found = await clinic.call('desk', 'appointments.get', { appointmentId });
      if (!found.ok) return;
      const locationId = found.value.locationId === riversideId ? b.mainId : riversideId;
      const override = { reason: 'Seen at the other site' };
      count(step.kind, await clinic.call('desk', 'appointments.move', { appointmentId, locationId, override }));
      return;
    }
    case 'tick':
      clinic.clock.advance(step.minutes * 60_000);
      await b.advanceDays(0); // signs everyone in again
      return;
    case 'nextDay':
      await b.advanceDays(1);
      return;
    case 'timeOff': {
      const date = step.day === -29 ? DST_END : addDays(today, step.day);
      const times = step.hours ? { start: '10:00', end: '11:30' } : {};
      const input = { providerId: step.other ? b.drBId : b.drAId, kind: 'time_off' as const, date, ...times };
      count(
        step.kind,
        await clinic.call('admin', 'schedule.createException', { ...input, endDate: addDays(date, step.span) }),
      );
      return;
    }
    case 'holiday': {
      const date = step.day === -29 ? DST_END : addDays(today, step.day);
      count(step.kind, await clinic.call('admin', 'schedule.createHoliday', { date, name: 'Bank holiday' }));
      return;
    }
    case 'hours': {
      // One weekday's hours of one provider end at another time from a date on (or for all time).
      const templates = await clinic.ok('admin', 'schedule.listTemplates', {
        providerId: step.other ? b.drBId : b.drAId,
      });
      const template = templates[step.pick % templates.length];
      if (!template) return;
      const validFrom = step.pick % 3 === 0 ? null : addDays(today, step.day);
      const end = `${step.end}:00`;
      count(
        step.kind,
        await clinic.call('admin', 'schedule.updateTemplate', { templateId: template.id, end, validFrom }),
      );
      return;
    }
  }
}

beforeAll(async () => {
  b = await openBillingClinic({ weekdays: [1, 2, 3, 4, 5, 6, 7] });
  const { clinic } = b;
  riversideId = (await clinic.ok('admin', 'schedule.createLocation', { name: 'Riverside' })).id;
  dressingId = (
    await clinic.ok('admin', 'schedule.createType', { name: 'Dressing', durationMinutes: 30, colour: '#aa2255' })
  ).id;
  await clinic.ok('manager', 'fees.setTypeServices', {
    typeId: dressingId,
    services: [{ serviceId: b.dressId, quantity: 1 }],
  });
});
afterAll(async () => {
  await b.clinic.close();
});

/** Every aggregate equals a rebuild from the raw rows; every report read from them equals the raw one. */
async function check(): Promise<void> {
  const db = b.clinic.core.database.db;
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
  expect(await appointmentsReport(db, ben, 24, now, true)).toEqual(await appointmentsReport(db, ben, 24, now, false));
  // Without the series by day (the dashboard, the providers report): the aggregates summed per provider, whole
  // months but today's from the monthly rows (a longer range, so that some are whole).
  const long = { ...scope, filters: { ...scope.filters, from: addDays(today, -100), to: addDays(today, 70) } };
  for (const range of [scope, long, { ...long, filters: { ...long.filters, providerId: b.drBId } }]) {
    expect(await appointmentsReport(db, range, 24, now, true, false)).toEqual(
      await appointmentsReport(db, range, 24, now, false, false),
    );
    expect(await waitingTimesReport(db, range, now, true)).toEqual(await waitingTimesReport(db, range, now, false));
  }
  expect(await revenueReport(db, scope, money, now, true)).toEqual(await revenueReport(db, scope, money, now, false));
  expect(await revenueReport(db, ben, money, now, true)).toEqual(await revenueReport(db, ben, money, now, false));
  // Narrowed by location, type or payer (and with a provider): the cells of migration 0044 against the raw rows.
  for (const narrowing of [
    { locationId: riversideId },
    { locationId: b.mainId },
    { typeId: dressingId },
    { typeId: b.consultId, locationId: b.mainId },
    { typeId: dressingId, locationId: riversideId },
    { payer: SELF_PAY },
    { payer: 'Acme Health' },
    { locationId: b.mainId, providerId: b.drBId },
  ]) {
    const narrowed = { ...scope, filters: { ...scope.filters, ...narrowing } };
    const fromCells = await revenueReport(db, narrowed, money, now, true);
    expect(fromCells, JSON.stringify(narrowing)).toEqual(await revenueReport(db, narrowed, money, now, false));
    // Without the series by day (the dashboard): whole months from the monthly cells.
    const longNarrowed = { ...long, filters: { ...long.filters, ...narrowing } };
    expect(await revenueReport(db, longNarrowed, money, now, true, false), JSON.stringify(narrowing)).toEqual(
      await revenueReport(db, longNarrowed, money, now, false, false),
    );
    // Waits by location and type from their rows by place (payer does not narrow them), days and months.
    if ('payer' in narrowing) continue;
    for (const range of [narrowed, { ...long, filters: { ...long.filters, ...narrowing } }])
      expect(await waitingTimesReport(db, range, now, true), JSON.stringify(narrowing)).toEqual(
        await waitingTimesReport(db, range, now, false),
      );
  }
  expect(dashboard.current.appointments).toEqual((await appointmentsReport(db, scope, 24, now, false)).totals);
  expect(await waitingTimesReport(db, scope, now, true)).toEqual(await waitingTimesReport(db, scope, now, false));
  expect(await waitingTimesReport(db, ben, now, true)).toEqual(await waitingTimesReport(db, ben, now, false));
  expect(dashboard.current.wait).toEqual((await waitingTimesReport(db, scope, now, false)).phases[3]);
  // Every cached day of available minutes is what the rules give now, and the dashboard's
  // utilisation adds up the range's days as expanded from the rules.
  const cached = await allAvailableDays(db);
  const fresh = await expandAvailable(db, b.timeZone, daysByProvider(cached));
  expect(cached.sort(byKey)).toEqual(fresh.sort(byKey));
  const dates = datesOf(from, to, addDays);
  const expanded = await expandAvailable(db, b.timeZone, new Map([...scope.providers.keys()].map((id) => [id, dates])));
  for (const row of dashboard.utilisation) {
    const minutes = expanded.filter((d) => d.provider_id === row.providerId).reduce((sum, d) => sum + d.minutes, 0);
    expect(row.availableMinutes, row.providerName).toBe(minutes);
  }

  await expectProviderMoneyFromAggregates(db, b.timeZone, today, [b.drAId, b.drBId]);
  expect(dashboard.outstandingMinor).toBe(await expectAgeingFromAggregates(db, today));

  // The rebuild is rolled back: it would empty the cache of available minutes the next check must find.
  const rollback = new Error('rolled back');
  await db
    .transaction()
    .execute(async (trx) => {
      await rebuildAggregates(trx, b.timeZone);
      expect(await allAggregates(trx)).toEqual(kept);
      throw rollback;
    })
    .catch((error: unknown) => {
      if (error !== rollback) throw error;
    });
}

describe('the daily report aggregates', () => {
  it('equal a recomputation from the raw rows after any sequence of changes', { timeout: 120_000 }, async () => {
    // A fixed start, so every run has a visit through the flow board and each kind of rule change on days
    // the reads have cached, then the random sequences on top.
    await run({ kind: 'checkIn', pick: 1 });
    await check();
    for (const step of [
      { kind: 'timeOff', day: 1, other: false, span: 1, hours: true },
      { kind: 'holiday', day: 5 },
      { kind: 'hours', pick: 1, other: true, day: -3, end: 16 },
      // A booking billed and paid three days back (the random sequences may pick only bookings, moves
      // and payments the rules refuse: the check at the end asks for each).
      { kind: 'book', day: 2, slot: 5, other: false, dressing: false },
      { kind: 'bill', pick: 0, appointment: true },
      { kind: 'pay', pick: 0, amount: 700, back: 3 },
    ] as const)
      await run(step);
    await check();
    // The billed booking (paid for three days back) given to the other provider, then moved: aggregates
    // built before must follow it.
    await run({ kind: 'reassign', pick: 0, appointment: true });
    await run({ kind: 'move', pick: 0, day: 3, slot: 2 });
    await check();
    // And moved to the other location: its invoice and payment with it.
    await run({ kind: 'relocate', pick: 0 });
    await check();
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), async (steps) => {
        for (const step of steps) await run(step);
        await check();
      }),
      {
        numRuns: Number(process.env.AGGREGATES_RUNS ?? 25),
        seed: Number(process.env.AGGREGATES_SEED ?? Date.now() % 2_147_483_647),
      },
    );
    if (process.env.AGGREGATES_VERBOSE) console.log(Object.fromEntries(done));
    // The sequences did reach the rows: bookings, moves and backdated payments went through.
    for (const kind of ['book', 'move', 'pay', 'flow', 'timeOff', 'holiday', 'hours', 'bill', 'reassign', 'relocate'])
      expect(done.get(kind) ?? 0, kind).toBeGreaterThan(0);
  });
});
