import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../src-main/core/app';
import type {
  AccountView,
  ArAgeing,
  CheckOutView,
  InvoiceView,
  PaymentView,
  ZReport,
} from '../../src-shared/billing/model';
import { localDayBounds } from '../../src-shared/scheduling/time';
import { AgeingFloor, DrawerFloor, floorHandle, IssueFloor, LedgerFloor, PaymentFloor } from './billing-floors';
import { billingOf, exportPlain, invokeAsBench } from './dataset';
import { type BenchmarkResult, floorIdle, hostIdle, runBenchmark } from './harness';
import { openScheduler, workingCopies } from './scheduling';
import { BENCH_TODAY, BENCH_ZONE, benchNow } from './scheduling-data';
import { Mismatch, stopwatch, type Suite } from './suite';

/**
 * Billing at full size (issue 15): issuing a visit's invoice, taking a payment with its allocation,
 * a patient's ledger of 200+ entries, the close summary of a drawer holding 500 payments, and A/R
 * ageing across every patient; ours through the procedures on the encrypted working copy, the floor
 * in hand-written SQL on an unencrypted copy made from the same file after the drafts were built.
 */

const ISSUES_PER_ROUND = 30;
const PAYMENTS_PER_ROUND = 60;

function query<T>(file: string, sql: string, ...args: unknown[]): T[] {
  const handle = new BetterSqlite3(file, { readonly: true });
  try {
    return handle
      .prepare(sql)
      .pluck()
      .all(...args) as T[];
  } finally {
    handle.close();
  }
}

/** Drafts for `count` visits of today: checked-in appointments first, then walk-ins given one line. */
async function drafts(core: Core, plain: string, count: number): Promise<string[]> {
  const day = localDayBounds(BENCH_ZONE, BENCH_TODAY);
  const appointments = query<string>(
    plain,
    "SELECT id FROM appointments WHERE start_at >= ? AND start_at < ? AND status IN ('booked', 'confirmed') AND deleted_at IS NULL ORDER BY start_at, id",
    day.start,
    day.end,
  );
  const ids: string[] = [];
  for (const appointmentId of appointments.slice(0, count)) {
    const visit = await invokeAsBench<{ id: string }>(core, 'visits.checkIn', { appointmentId });
    ids.push((await invokeAsBench<CheckOutView>(core, 'invoices.forVisit', { visitId: visit.id })).invoice.id);
  }
  const serviceId = query<string>(plain, 'SELECT id FROM services ORDER BY code LIMIT 1')[0] ?? '';
  const walkIns = query<string>(
    plain,
    'SELECT id FROM patients WHERE deleted_at IS NULL AND merged_into_id IS NULL AND id NOT IN (SELECT patient_id FROM appointments WHERE start_at >= ? AND start_at < ?) ORDER BY id DESC LIMIT ?',
    day.start,
    day.end,
    Math.max(0, count - ids.length),
  );
  for (const patientId of walkIns) {
    const visit = await invokeAsBench<{ id: string }>(core, 'visits.checkIn', { patientId });
    const view = await invokeAsBench<CheckOutView>(core, 'invoices.forVisit', { visitId: visit.id });
    await invokeAsBench(core, 'invoices.saveDraft', {
      invoiceId: view.invoice.id,
      lines: [{ serviceId, quantity: 1, unitPriceMinor: 6500 }],
    });
    ids.push(view.invoice.id);
  }
  return ids;
}

export const billingSuite: Suite = {
  name: 'billing',
  async run({ dataset, rounds, log }) {
    const took = stopwatch();
    const label = `${dataset.patients / 1000}k patients`;
    const results: BenchmarkResult[] = [];
    const copies = workingCopies(dataset, 'billing');
    const now = benchNow();
    let core = await openScheduler(copies.encrypted);
    try {
      const warmup = 5;
      const draftIds = await drafts(core, copies.plain, ISSUES_PER_ROUND * rounds + warmup + 1);
      await core.close();
      const plain = join(copies.plain, '..', 'billing-plain.db');
      exportPlain(copies.encrypted, plain);
      core = await openScheduler(copies.encrypted);
      const handle = floorHandle(plain);
      log(`billing: ${draftIds.length} visits' drafts built and copied for the floor (${took()})`);

      // The reads first, on the data as seeded; then the writes.
      // accounts.get: the patient whose account holds 200+ entries.
      const ledgerFloor = new LedgerFloor(handle);
      const patientId = billingOf(dataset).ledgerPatientId;
      const account = await invokeAsBench<AccountView>(core, 'accounts.get', { patientId });
      const floorLedger = ledgerFloor.ledger(patientId);
      if (account.entries.length !== floorLedger.entries || account.summary.balanceMinor !== floorLedger.balance)
        throw new Mismatch(`accounts.get: ours ${account.entries.length} entries, floor ${floorLedger.entries}`);
      log(`billing: the long account holds ${account.entries.length} ledger entries`);
      results.push(
        ...(await runBenchmark(
          {
            name: `accounts.get (${account.entries.length} ledger entries)`,
            dataset: label,
            unit: 'ms',
            ours: { run: () => invokeAsBench(core, 'accounts.get', { patientId }) },
            floor: { run: () => ledgerFloor.ledger(patientId) },
            iterations: 30,
            goals: { p95Ms: 10 },
          },
          rounds,
          10,
        )),
      );

      // drawers.zReport: today's open drawer with 500+ payments.
      const drawerFloor = new DrawerFloor(handle);
      const drawerId = billingOf(dataset).drawerId;
      const report = await invokeAsBench<ZReport>(core, 'drawers.zReport', { drawerId });
      const floorDrawer = drawerFloor.summary(drawerId);
      if (report.rows.length !== floorDrawer.rows || report.drawer.expectedCashMinor !== floorDrawer.cash)
        throw new Mismatch(`drawers.zReport: ours ${report.rows.length} rows, floor ${floorDrawer.rows}`);
      results.push(
        ...(await runBenchmark(
          {
            name: `drawers.zReport (${report.rows.length} payments)`,
            dataset: label,
            unit: 'ms',
            ours: { run: () => invokeAsBench(core, 'drawers.zReport', { drawerId }) },
            floor: { run: () => drawerFloor.summary(drawerId) },
            iterations: 20,
            goals: { p95Ms: 10 },
          },
          rounds,
          5,
        )),
      );

      // accounts.ageing: every patient who owes.
      const ageingFloor = new AgeingFloor(handle);
      const ageing = await invokeAsBench<ArAgeing>(core, 'accounts.ageing', {});
      const floorAgeing = ageingFloor.ageing(BENCH_TODAY);
      if (ageing.byPatient.patientCount !== floorAgeing.patients || ageing.byPatient.totalMinor !== floorAgeing.total)
        throw new Mismatch(
          `accounts.ageing: ours ${ageing.byPatient.patientCount} patients, floor ${floorAgeing.patients}`,
        );
      log(
        `billing: A/R ageing over ${ageing.byPatient.patientCount} patients who owe (${billingOf(dataset).invoices} invoices in all)`,
      );
      results.push(
        ...(await runBenchmark(
          {
            name: 'accounts.ageing (all patients)',
            dataset: label,
            unit: 'ms',
            ours: { run: () => invokeAsBench(core, 'accounts.ageing', {}) },
            floor: { run: () => ageingFloor.ageing(BENCH_TODAY) },
            iterations: 5,
            goals: { p95Ms: 250 },
          },
          rounds,
          2,
        )),
      );
      // invoices.issue: each side issues the same drafts in its own copy.
      const issueFloor = new IssueFloor(handle);
      let oursNext = 0;
      let floorNext = 0;
      const first = await invokeAsBench<InvoiceView>(core, 'invoices.issue', { invoiceId: draftIds[oursNext++] });
      const floorFirst = issueFloor.run(draftIds[floorNext++] ?? '', now);
      if (first.number !== floorFirst.number || first.totalMinor !== floorFirst.total)
        throw new Mismatch(
          `invoices.issue: ours ${first.number ?? ''} ${first.totalMinor}, floor ${floorFirst.number} ${floorFirst.total}`,
        );
      results.push(
        ...(await runBenchmark(
          {
            name: 'invoices.issue (a visit’s draft)',
            dataset: label,
            unit: 'ms',
            ours: {
              run: () => invokeAsBench(core, 'invoices.issue', { invoiceId: draftIds[oursNext++] }),
              idle: hostIdle(core),
            },
            floor: { run: () => issueFloor.run(draftIds[floorNext++] ?? '', now), idle: floorIdle(handle) },
            iterations: ISSUES_PER_ROUND,
            goals: { p95Ms: 5, ratioP95: 2 },
          },
          rounds,
          warmup - 1,
        )),
      );

      // payments.take: £1.00 by card from patients who owe, allocated oldest invoice first.
      const owing = query<string>(
        plain,
        'SELECT DISTINCT patient_id FROM invoice_balances WHERE patient_open_minor > 0 ORDER BY patient_id LIMIT 3000',
      );
      const card = query<string>(plain, "SELECT id FROM payment_methods WHERE kind = 'card'")[0] ?? '';
      const paymentFloor = new PaymentFloor(handle);
      const payer = (i: number) => owing[i % owing.length] ?? '';
      const paid = await invokeAsBench<PaymentView>(core, 'payments.take', {
        patientId: payer(0),
        amountMinor: 100,
        methodId: card,
        reference: 'TID',
      });
      const floorPaid = paymentFloor.run(payer(0), 100, card, now);
      if (paid.allocations.map((a) => a.invoiceId).join() !== floorPaid.join())
        throw new Mismatch('payments.take: the floor allocated to other invoices');
      results.push(
        ...(await runBenchmark(
          {
            name: 'payments.take (allocated oldest first)',
            dataset: label,
            unit: 'ms',
            ours: {
              run: (i) =>
                invokeAsBench(core, 'payments.take', {
                  patientId: payer(i + 1),
                  amountMinor: 100,
                  methodId: card,
                  reference: 'TID',
                }),
              idle: hostIdle(core),
            },
            floor: { run: (i) => paymentFloor.run(payer(i + 1), 100, card, now), idle: floorIdle(handle) },
            iterations: PAYMENTS_PER_ROUND,
            goals: { p95Ms: 5, ratioP95: 2 },
          },
          rounds,
          20,
        )),
      );

      handle.close();
    } finally {
      await core.close();
      copies.remove();
    }
    log(`billing: measured in ${took()}`);
    return results;
  },
};
