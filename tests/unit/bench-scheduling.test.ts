import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountView, ArAgeing, PaymentView, ZReport } from '../../src-shared/billing/model';
import { DRAWER_PAYMENTS, LEDGER_ENTRIES } from '../bench/billing-data';
import { AgeingFloor, DrawerFloor, floorHandle, LedgerFloor, PaymentFloor } from '../bench/billing-floors';
import { BENCH_CLIENT } from '../bench/dataset';
import { billingOf, ensureDataset, type Dataset } from '../bench/dataset';
import {
  BookFloor,
  bookOurs,
  busyDates,
  DayFloor,
  dayOurs,
  freeSlots,
  NEXT_LIMIT,
  NextFloor,
  nextOurs,
  nextQueries,
  openScheduler,
  workingCopies,
} from '../bench/scheduling';
import { BENCH_TODAY, BENCH_ZONE, benchNow, PROVIDER_COUNT, TYPES } from '../bench/scheduling-data';
import { isoWeekday, localDateOf, localTimeOf } from '../../src-shared/scheduling/time';

// The scheduling bench's own checks, on a small dataset: no timings, only that the appointments
// are consistent and that the floors answer (and write) what our procedures do.

const PATIENTS = 800;
// Enough to reach back past today (the 13 weeks ahead hold about 10k): past statuses too.
const APPOINTMENTS = 16_000;
const SEED = 11;
let root: string;
let dataset: Dataset;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'front-desk-bench-scheduling-'));
  dataset = await ensureDataset(PATIENTS, SEED, { root, appointments: APPOINTMENTS });
}, 60_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const count = (handle: BetterSqlite3.Database, sql: string) => handle.prepare(sql).pluck().get() as number;

describe('bench scheduling data', () => {
  it('configures the clinic through the procedures and seeds consistent appointments', () => {
    const plain = new BetterSqlite3(dataset.plain, { readonly: true });
    try {
      expect(dataset.scheduling.providerIds).toHaveLength(PROVIDER_COUNT);
      expect(count(plain, 'SELECT count(*) FROM providers')).toBe(PROVIDER_COUNT);
      expect(count(plain, 'SELECT count(*) FROM appointment_types')).toBe(TYPES.length);
      expect(count(plain, 'SELECT count(*) FROM availability_templates')).toBe(PROVIDER_COUNT * 5);
      expect(count(plain, 'SELECT count(*) FROM appointments')).toBe(APPOINTMENTS);
      // One 'booked' entry per appointment, one 'cancelled' per cancelled appointment.
      expect(count(plain, "SELECT count(*) FROM appointment_history WHERE action = 'booked'")).toBe(APPOINTMENTS);
      expect(count(plain, "SELECT count(*) FROM appointment_history WHERE action = 'cancelled'")).toBe(
        count(plain, "SELECT count(*) FROM appointments WHERE status = 'cancelled'"),
      );
      const statuses = plain.prepare('SELECT DISTINCT status FROM appointments').pluck().all() as string[];
      for (const status of ['completed', 'cancelled', 'no_show', 'booked', 'confirmed'])
        expect(statuses).toContain(status);
      expect(dataset.scheduling.lastDate > BENCH_TODAY && dataset.scheduling.firstDate < BENCH_TODAY).toBe(true);
      // No live overlaps per provider, nor per patient.
      for (const column of ['provider_id', 'patient_id']) {
        expect(
          count(
            plain,
            `SELECT count(*) FROM appointments a JOIN appointments b ON b.${column} = a.${column} AND b.id > a.id
             AND b.start_at < a.end_at AND a.start_at < b.end_at
             WHERE a.status NOT IN ('cancelled', 'no_show') AND b.status NOT IN ('cancelled', 'no_show')`,
          ),
        ).toBe(0);
      }
      // Appointments lie within the hours: 08:00-12:30 and 13:30-18:00 on weekdays, the clinic's time.
      const rows = plain.prepare('SELECT start_at, end_at FROM appointments').all() as {
        start_at: number;
        end_at: number;
      }[];
      const outside = rows.filter((row) => {
        const date = localDateOf(BENCH_ZONE, row.start_at);
        const from = localTimeOf(BENCH_ZONE, row.start_at);
        const to = localTimeOf(BENCH_ZONE, row.end_at);
        const inBlock = (from >= '08:00' && to <= '12:30') || (from >= '13:30' && to <= '18:00');
        return isoWeekday(date) > 5 || !inBlock || localDateOf(BENCH_ZONE, row.end_at - 1) !== date;
      });
      expect(outside).toEqual([]);
    } finally {
      plain.close();
    }
  });
});

describe('bench scheduling floors', () => {
  it('answers the day view with the same appointments as appointments.day', async () => {
    const dates = busyDates(dataset, 12, SEED);
    const core = await openScheduler(dataset.encrypted);
    const floor = new DayFloor(dataset.plain, dataset.scheduling.providerIds, dates);
    try {
      let seen = 0;
      for (const date of dates) {
        const ours = await dayOurs(core, dataset.scheduling.providerIds, date);
        expect({ date, ids: floor.day(date).flatMap((column) => column.map((row) => row.id)) }).toEqual({
          date,
          ids: ours,
        });
        seen += ours.length;
      }
      expect(seen).toBeGreaterThan(0);
    } finally {
      floor.close();
      await core.close();
    }
  });

  it('finds the same first slots as appointments.nextAvailable', async () => {
    const queries = nextQueries(dataset, 16);
    const core = await openScheduler(dataset.encrypted);
    const floor = new NextFloor(dataset.plain, dataset.scheduling.providerIds, queries, benchNow());
    try {
      for (const query of queries) {
        const ours = await nextOurs(core, dataset.scheduling.providerIds, query);
        expect(ours).toHaveLength(NEXT_LIMIT);
        expect({ query, slots: floor.next(query) }).toEqual({ query, slots: ours });
      }
    } finally {
      floor.close();
      await core.close();
    }
  });

  it('books the same free slots as appointments.book, in working copies', async () => {
    const slots = freeSlots(dataset, 30, SEED);
    const copies = workingCopies(dataset, 'test');
    const core = await openScheduler(copies.encrypted);
    const floor = new BookFloor(copies.plain);
    try {
      const columns =
        'SELECT patient_id, provider_id, location_id, type_id, start_at, end_at, status FROM appointments WHERE created_at = ? ORDER BY start_at, provider_id';
      let now = 0;
      const ours: unknown[] = [];
      for (const slot of slots) {
        const view = await bookOurs(core, slot);
        now = view.createdAt;
        ours.push({
          patient_id: view.patientId,
          provider_id: view.providerId,
          location_id: view.locationId,
          type_id: view.typeId,
          start_at: view.start,
          end_at: view.end,
          status: view.status,
        });
        floor.book(slot, now);
      }
      const byStart = (a: unknown, b: unknown) => {
        const x = a as { start_at: number; provider_id: string };
        const y = b as { start_at: number; provider_id: string };
        return x.start_at - y.start_at || (x.provider_id < y.provider_id ? -1 : x.provider_id > y.provider_id ? 1 : 0);
      };
      expect(floor.handle.prepare(columns).all(now)).toEqual(ours.sort(byStart));
      // Booking the same slot again is refused by both.
      const again = slots[0];
      if (!again) throw new Error('no slot');
      expect(() => floor.book(again, now)).toThrow();
      await expect(bookOurs(core, again)).rejects.toThrow(/CONFLICT/);
    } finally {
      floor.close();
      await core.close();
      copies.remove();
    }
  });
});

// The billing bench's own checks on the same data: the seeded rows keep the rules (the balance cache
// equal to the raw sums), and each floor answers what our procedure does.
describe('bench billing data', () => {
  it('invoices every completed appointment, keeps the balance cache equal to the raw rows, grows one long account and a full drawer', () => {
    const plain = new BetterSqlite3(dataset.plain, { readonly: true });
    try {
      const one = (sql: string) => plain.prepare(sql).pluck().get() as number;
      expect(billingOf(dataset).invoices).toBeGreaterThanOrEqual(
        one("SELECT count(*) FROM appointments WHERE status = 'completed'"),
      );
      expect(billingOf(dataset).ledgerEntries).toBeGreaterThanOrEqual(LEDGER_ENTRIES);
      expect(one(`SELECT count(*) FROM payments WHERE drawer_id = '${billingOf(dataset).drawerId}'`)).toBe(
        DRAWER_PAYMENTS,
      );
      expect(one('SELECT count(*) FROM invoice_balances WHERE patient_open_minor > 0')).toBe(
        billingOf(dataset).openInvoices,
      );
      const mismatched = plain
        .prepare(
          `SELECT b.invoice_id FROM invoice_balances b JOIN invoices i ON i.id = b.invoice_id
           WHERE b.patient_due_minor <> i.patient_minor OR b.insurer_due_minor <> i.insurer_minor
              OR b.patient_settled_minor <> coalesce((SELECT sum(amount_minor) FROM payment_allocations a WHERE a.invoice_id = i.id), 0)`,
        )
        .all();
      expect(mismatched).toEqual([]);
    } finally {
      plain.close();
    }
  });

  it('has floors that answer like our procedures: a payment’s allocation, the ledger, the drawer, the ageing', async () => {
    const copies = workingCopies(dataset, 'billing-check');
    const core = await openScheduler(copies.encrypted);
    const handle = floorHandle(copies.plain);
    const call = async <T>(name: string, input: unknown) => {
      const result = await core.invoke(BENCH_CLIENT, name, input);
      if (!result.ok) throw new Error(result.error.message);
      return result.value as T;
    };
    try {
      const patientId = handle
        .prepare('SELECT patient_id FROM invoice_balances WHERE patient_open_minor > 0 ORDER BY patient_id')
        .pluck()
        .get() as string;
      const card = handle.prepare("SELECT id FROM payment_methods WHERE kind = 'card'").pluck().get() as string;
      const paid = await call<PaymentView>('payments.take', {
        patientId,
        amountMinor: 100,
        methodId: card,
        reference: 'TID',
      });
      expect(new PaymentFloor(handle).run(patientId, 100, card, benchNow())).toEqual(
        paid.allocations.map((a) => a.invoiceId),
      );
      const account = await call<AccountView>('accounts.get', { patientId: billingOf(dataset).ledgerPatientId });
      expect(new LedgerFloor(handle).ledger(billingOf(dataset).ledgerPatientId)).toEqual({
        entries: account.entries.length,
        balance: account.summary.balanceMinor,
      });
      const report = await call<ZReport>('drawers.zReport', { drawerId: billingOf(dataset).drawerId });
      expect(new DrawerFloor(handle).summary(billingOf(dataset).drawerId)).toEqual({
        rows: report.rows.length,
        cash: report.drawer.expectedCashMinor,
      });
      const ageing = await call<ArAgeing>('accounts.ageing', {});
      expect(new AgeingFloor(handle).ageing(BENCH_TODAY)).toEqual({
        patients: ageing.byPatient.patientCount,
        total: ageing.byPatient.totalMinor,
      });
    } finally {
      handle.close();
      await core.close();
      copies.remove();
    }
  });
});
