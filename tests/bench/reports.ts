import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { pageCacheKibFor } from '../../src-main/core/db/open';
import type {
  AppointmentsReport,
  Dashboard,
  ProvidersReport,
  RevenueReport,
  WaitingTimesReport,
} from '../../src-shared/reports/model';
import { addDays, localDayBounds } from '../../src-shared/scheduling/time';
import { invokeAsBench } from './dataset';
import { runBenchmark, type BenchmarkResult, type Variant } from './harness';
import { openScheduler, workingCopies } from './scheduling';
import { BENCH_TODAY, BENCH_ZONE } from './scheduling-data';
import { Mismatch, stopwatch, type Suite } from './suite';

/**
 * Reports over long ranges (issue 18): the dashboard for a year and the appointments, revenue, waiting-times,
 * providers and stock reports for a month, and A/R ageing as of today (revenue and waiting times also narrowed to a location), ours through the procedures on the encrypted working copy (read from the daily aggregates),
 * against the floor of hand-written GROUP BY over the raw rows on the unencrypted copy, and MariaDB running
 * the same GROUP BY over the OpenEMR-shaped calendar table (it holds no billing, so its figure is the
 * appointments' part). The first read builds the aggregates (printed); the timed reads find them fresh.
 */

const YEAR_DAYS = 365;
const MONTHS = 12;

interface Range {
  from: string;
  to: string;
}

/** The last 30-day month and the eleven before it, and the year to today. */
function months(): Range[] {
  return Array.from({ length: MONTHS }, (_, k) => ({
    from: addDays(BENCH_TODAY, -30 * (k + 1) + 1),
    to: addDays(BENCH_TODAY, -30 * k),
  }));
}
const year: Range = { from: addDays(BENCH_TODAY, -(YEAR_DAYS - 1)), to: BENCH_TODAY };
const yearBefore: Range = { from: addDays(year.from, -YEAR_DAYS), to: addDays(year.from, -1) };

/** The floor: the same sums in plain GROUP BY over the raw rows, statements prepared once. */
class ReportsFloor {
  readonly #appointments: BetterSqlite3.Statement;
  readonly #issued: BetterSqlite3.Statement;
  readonly #ledger: BetterSqlite3.Statement;
  readonly #patients: BetterSqlite3.Statement;
  readonly #visits: BetterSqlite3.Statement;
  readonly #providerInvoiced: BetterSqlite3.Statement;
  readonly #providerCollected: BetterSqlite3.Statement;
  readonly #ageing: BetterSqlite3.Statement;
  readonly #missed: BetterSqlite3.Statement;
  readonly #stock: BetterSqlite3.Statement[];
  readonly #issuedAt: BetterSqlite3.Statement;
  readonly #appointmentsAt: BetterSqlite3.Statement;
  readonly #collectedAt: BetterSqlite3.Statement;
  readonly #visitsAt: BetterSqlite3.Statement;
  /** The floor's percentiles summed, so the work of finding them is kept. */
  percentiles = 0;

  constructor(handle: BetterSqlite3.Database) {
    // Days by the UTC date: the floor leaves out the clinic-zone arithmetic ours does.
    this.#appointments = handle.prepare(`
      SELECT date(start_at / 1000, 'unixepoch') AS day, provider_id, count(*) AS booked,
        sum(status = 'completed') AS completed, sum(status = 'cancelled') AS cancelled,
        sum(status = 'cancelled' AND start_at - cancelled_at < 86400000) AS late, sum(status = 'no_show') AS no_shows,
        sum(CASE WHEN status <> 'cancelled' THEN (end_at - start_at) / 60000 END) AS minutes
      FROM appointments WHERE deleted_at IS NULL AND start_at >= ? AND start_at < ? GROUP BY 1, 2`);
    this.#issued = handle.prepare(`
      SELECT issued_on, kind, sum(total_minor) AS amount FROM invoices
      WHERE status = 'issued' AND issued_on >= ? AND issued_on <= ? GROUP BY 1, 2`);
    this.#ledger = handle.prepare(`
      SELECT counts_for, method_kind, sum(amount_minor) FROM payments WHERE counts_for >= @from AND counts_for <= @to GROUP BY 1, 2
      UNION ALL SELECT counts_for, method_kind, sum(amount_minor) FROM refunds WHERE counts_for >= @from AND counts_for <= @to GROUP BY 1, 2
      UNION ALL SELECT counts_for, NULL, sum(amount_minor) FROM adjustments WHERE counts_for >= @from AND counts_for <= @to GROUP BY 1`);
    this.#patients = handle.prepare(
      'SELECT count(*) FROM patients WHERE created_at >= ? AND created_at < ? AND deleted_at IS NULL AND merged_into_id IS NULL',
    );
    this.#visits = handle
      .prepare(
        `SELECT arrived_at, roomed_at, seen_at, checked_out_at FROM visits
         WHERE local_date >= ? AND local_date <= ? AND deleted_at IS NULL AND status <> 'cancelled'`,
      )
      .raw();
    // Money per provider by service date (the visit's day), and what was applied to those invoices.
    this.#providerInvoiced = handle.prepare(`
      SELECT coalesce(a.provider_id, v.provider_id), i.kind, sum(i.total_minor) FROM invoices i
      JOIN visits v ON v.id = i.visit_id LEFT JOIN appointments a ON a.id = i.appointment_id
      WHERE i.status = 'issued' AND v.local_date >= ? AND v.local_date <= ? GROUP BY 1, 2`);
    this.#providerCollected = handle.prepare(`
      SELECT coalesce(a.provider_id, v.provider_id), sum(pa.amount_minor) FROM payment_allocations pa
      JOIN payments p ON p.id = pa.payment_id JOIN invoices i ON i.id = pa.invoice_id
      LEFT JOIN visits v ON v.id = i.visit_id LEFT JOIN appointments a ON a.id = i.appointment_id
      WHERE p.counts_for >= ? AND p.counts_for <= ? GROUP BY 1`);
    // Narrowed to a location: the invoices of its appointments and the payments applied to them, and the
    // visits of its appointments (the invoices and visits the bench seeds all name their appointment).
    this.#appointmentsAt = handle.prepare(`
      SELECT date(start_at / 1000, 'unixepoch') AS day, provider_id, count(*) AS booked,
        sum(status = 'completed') AS completed, sum(status = 'cancelled') AS cancelled,
        sum(status = 'cancelled' AND start_at - cancelled_at < 86400000) AS late, sum(status = 'no_show') AS no_shows,
        sum(CASE WHEN status <> 'cancelled' THEN (end_at - start_at) / 60000 END) AS minutes
      FROM appointments WHERE deleted_at IS NULL AND start_at >= ? AND start_at < ? AND location_id = ? GROUP BY 1, 2`);
    this.#issuedAt = handle.prepare(`
      SELECT i.issued_on, i.kind, sum(i.total_minor) AS amount FROM invoices i JOIN appointments a ON a.id = i.appointment_id
      WHERE i.status = 'issued' AND i.issued_on >= ? AND i.issued_on <= ? AND a.location_id = ? GROUP BY 1, 2`);
    this.#collectedAt = handle.prepare(`
      SELECT p.counts_for, p.method_kind, sum(pa.amount_minor) FROM payments p
      JOIN payment_allocations pa ON pa.payment_id = p.id JOIN invoices i ON i.id = pa.invoice_id
      JOIN appointments a ON a.id = i.appointment_id
      WHERE p.counts_for >= ? AND p.counts_for <= ? AND a.location_id = ? GROUP BY 1, 2`);
    this.#visitsAt = handle
      .prepare(
        `SELECT v.arrived_at, v.roomed_at, v.seen_at, v.checked_out_at FROM visits v
         JOIN appointments a ON a.id = v.appointment_id
         WHERE v.local_date >= ? AND v.local_date <= ? AND v.deleted_at IS NULL AND v.status <> 'cancelled'
           AND a.location_id = ?`,
      )
      .raw();
    // The call lists: the range's no-shows and cancellations with the patient, their primary phone and the type.
    this.#missed = handle.prepare(`
      SELECT a.id, a.patient_id, a.provider_id, a.start_at, a.end_at, a.status, a.cancelled_at, p.mrn, p.first_name,
        p.last_name, t.name, (SELECT ph.number FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.is_primary = 1
          AND ph.deleted_at IS NULL LIMIT 1) AS phone
      FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN appointment_types t ON t.id = a.type_id
      WHERE a.deleted_at IS NULL AND a.status IN ('no_show', 'cancelled') AND a.start_at >= ? AND a.start_at < ?
      ORDER BY a.start_at, a.id`);
    // A/R ageing: every open amount grouped by patient and bucket, the largest fifty (the buckets' starts given).
    this.#ageing = handle.prepare(`
      SELECT patient_id, sum(CASE WHEN issued_on >= @d30 THEN patient_open_minor ELSE 0 END) AS b0,
        sum(CASE WHEN issued_on < @d30 AND issued_on >= @d60 THEN patient_open_minor ELSE 0 END) AS b1,
        sum(CASE WHEN issued_on < @d60 AND issued_on >= @d90 THEN patient_open_minor ELSE 0 END) AS b2,
        sum(CASE WHEN issued_on < @d90 AND issued_on >= @d120 THEN patient_open_minor ELSE 0 END) AS b3,
        sum(CASE WHEN issued_on < @d120 THEN patient_open_minor ELSE 0 END) AS b4, sum(patient_open_minor) AS total
      FROM invoice_balances WHERE patient_open_minor <> 0 GROUP BY patient_id HAVING total > 0
      ORDER BY total DESC, patient_id`);
    // The stock report: valuation, the first 101 lots expiring, items below their level, movements by kind.
    this.#stock = [
      handle.prepare(`
        SELECT i.id, i.code, i.name, i.unit_cost_minor, sum(b.quantity) AS on_hand FROM stock_balances b
        JOIN stock_items i ON i.id = b.item_id WHERE i.deleted_at IS NULL AND i.active = 1
        GROUP BY b.item_id HAVING on_hand <> 0 ORDER BY i.name`),
      handle.prepare(`
        SELECT l.item_id, l.lot_number, l.expiry_on, s.name, m.quantity FROM stock_lots l
        JOIN stock_balances m ON m.lot_id = l.id AND m.item_id = l.item_id JOIN stock_locations s ON s.id = m.stock_location_id
        WHERE l.expiry_on <= @lastDay AND m.quantity > 0 ORDER BY l.expiry_on, l.id, m.stock_location_id LIMIT 101`),
      handle.prepare(`
        SELECT i.id, i.name, i.reorder_level, coalesce(sum(b.quantity), 0) AS on_hand FROM stock_items i
        LEFT JOIN stock_balances b ON b.item_id = i.id WHERE i.deleted_at IS NULL AND i.active = 1 AND i.reorder_level > 0
        GROUP BY i.id HAVING on_hand < i.reorder_level`),
      handle.prepare(`
        SELECT kind, count(*), sum(quantity) FROM stock_movements WHERE at >= @start AND at < @end GROUP BY kind`),
    ];
  }

  /** The no-shows and cancellations of a range, as the call lists read them. */
  missed(range: Range): number {
    const start = localDayBounds(BENCH_ZONE, range.from).start;
    const end = localDayBounds(BENCH_ZONE, range.to).end;
    return this.#missed.all(start, end).length;
  }

  /** A/R ageing as of `today`: how many patients owe. */
  ageing(today: string): number {
    const [d30, d60, d90, d120] = [30, 60, 90, 120].map((days) => addDays(today, -days));
    const rows = this.#ageing.all({ d30, d60, d90, d120 });
    return rows.slice(0, 50).length + rows.length;
  }

  /** The stock report for a range with lots expiring within 90 days of `today`: the rows it reads. */
  stock(range: Range, today: string): number {
    const start = localDayBounds(BENCH_ZONE, range.from).start;
    const end = localDayBounds(BENCH_ZONE, range.to).end;
    const [valuation, expiring, below, movements] = this.#stock;
    return (
      (valuation?.all() ?? []).length +
      (expiring?.all({ lastDay: addDays(today, 90) }) ?? []).length +
      (below?.all() ?? []).length +
      (movements?.all({ start, end }) ?? []).length
    );
  }

  /** The four phases' medians and 90th percentiles by nearest rank, sorted in JS; the visits counted. */
  waits(range: Range, locationId?: string): number {
    const rows = (
      locationId === undefined
        ? this.#visits.all(range.from, range.to)
        : this.#visitsAt.all(range.from, range.to, locationId)
    ) as (number | null)[][];
    const phases: number[][] = [[], [], [], []];
    const ends: [number, number][] = [
      [0, 1],
      [1, 2],
      [2, 3],
      [0, 3],
    ];
    for (const row of rows)
      ends.forEach(([a, b], k) => {
        const start = row[a];
        const end = row[b];
        if (start != null && end != null && end >= start) phases[k]?.push(Math.round((end - start) / 60_000));
      });
    for (const values of phases) {
      values.sort((x, y) => x - y);
      this.percentiles += values[Math.max(0, Math.ceil(0.5 * values.length) - 1)] ?? 0;
      this.percentiles += values[Math.max(0, Math.ceil(0.9 * values.length) - 1)] ?? 0;
    }
    return rows.length;
  }

  providers(range: Range): number {
    return (
      this.appointments(range) +
      this.#providerInvoiced.all(range.from, range.to).length +
      this.#providerCollected.all(range.from, range.to).length
    );
  }

  appointments(range: Range): number {
    const start = localDayBounds(BENCH_ZONE, range.from).start;
    const end = localDayBounds(BENCH_ZONE, range.to).end;
    return (this.#appointments.all(start, end) as { booked: number }[]).reduce((sum, row) => sum + row.booked, 0);
  }

  revenue(range: Range): number {
    const issued = this.#issued.all(range.from, range.to) as { amount: number }[];
    return issued.length + this.#ledger.all({ from: range.from, to: range.to }).length;
  }

  /** Narrowed to a location: what its invoices' total was (the rows' sum, for the check), and the money in. */
  revenueAt(range: Range, locationId: string): number {
    const issued = this.#issuedAt.all(range.from, range.to, locationId) as { kind: string; amount: number }[];
    this.#collectedAt.all(range.from, range.to, locationId);
    return issued.reduce((sum, row) => sum + (row.kind === 'invoice' ? row.amount : 0), 0);
  }

  /** The dashboard's floor narrowed to a location: its appointments, its money and its visits' waits. */
  dashboardAt(range: Range, before: Range, locationId: string): number {
    let booked = 0;
    for (const r of [range, before]) {
      const start = localDayBounds(BENCH_ZONE, r.from).start;
      const end = localDayBounds(BENCH_ZONE, r.to).end;
      for (const row of this.#appointmentsAt.all(start, end, locationId) as { booked: number }[]) booked += row.booked;
      this.revenueAt(r, locationId);
      this.waits(r, locationId);
      this.#patients.pluck().get(start, end);
    }
    return booked;
  }

  dashboard(range: Range, before: Range): number {
    let booked = 0;
    for (const r of [range, before]) {
      booked += this.appointments(r) + this.revenue(r);
      const start = localDayBounds(BENCH_ZONE, r.from).start;
      const end = localDayBounds(BENCH_ZONE, r.to).end;
      this.#patients.pluck().get(start, end);
    }
    return booked;
  }
}

export const reportsSuite: Suite = {
  name: 'reports',
  async run({ dataset, rounds, log, peers }) {
    const took = stopwatch();
    const label = `${dataset.appointments / 1000}k appointments`;
    const results: BenchmarkResult[] = [];
    const copies = workingCopies(dataset, 'reports');
    const core = await openScheduler(copies.encrypted);
    const handle = new BetterSqlite3(copies.plain, { readonly: true });
    handle.pragma(`cache_size = -${pageCacheKibFor(copies.plain)}`);
    try {
      const floor = new ReportsFloor(handle);
      const first = await invokeAsBench<Dashboard>(core, 'reports.dashboard', year);
      log(`reports: the first read built the daily aggregates from the raw rows (${took()})`);
      const floorBooked = floor.appointments(year);
      if (first.current.appointments.booked !== floorBooked)
        throw new Mismatch(`reports.dashboard: ours ${first.current.appointments.booked} booked, floor ${floorBooked}`);
      log(`reports: ${first.current.appointments.booked} appointments in the year to ${BENCH_TODAY}`);
      const month = months();
      const monthOf = (i: number): Range => month[i % month.length] ?? year;
      const maria = peers.mariadb;
      const mariaYear: Record<string, Variant> = maria
        ? {
            mariadb: {
              run: async () => [await maria.appointmentCounts(year), await maria.appointmentCounts(yearBefore)],
            },
          }
        : {};
      const mariaMonth: Record<string, Variant> = maria
        ? { mariadb: { run: (i) => maria.appointmentCounts(monthOf(i)) } }
        : {};
      results.push(
        ...(await runBenchmark(
          {
            name: 'reports.dashboard (a year against the year before)',
            dataset: label,
            unit: 'ms',
            ours: { run: () => invokeAsBench(core, 'reports.dashboard', year) },
            floor: { run: () => floor.dashboard(year, yearBefore) },
            peers: mariaYear,
            iterations: 10,
            goals: { p95Ms: 50 },
          },
          rounds,
          2,
        )),
      );
      // The same year right after a stock write: the stock alert counts the dashboard remembers
      // (stock/alert-counts-memo.ts) are read again. The write (one item touched) is not timed.
      const touchItem = core.database.handle.prepare('UPDATE stock_items SET updated_at = updated_at + 1 WHERE id = ?');
      const itemId = core.database.handle.prepare('SELECT id FROM stock_items LIMIT 1').pluck().get();
      if (itemId !== undefined)
        results.push(
          ...(await runBenchmark(
            {
              name: 'reports.dashboard (a year, after a stock write)',
              dataset: label,
              unit: 'ms',
              ours: {
                selfTimed: true,
                run: async () => {
                  touchItem.run(itemId);
                  const started = performance.now();
                  await invokeAsBench(core, 'reports.dashboard', year);
                  return performance.now() - started;
                },
              },
              floor: { run: () => floor.dashboard(year, yearBefore) },
              iterations: 10,
              goals: { p95Ms: 50 },
            },
            rounds,
            2,
          )),
        );
      const oursMonth = await invokeAsBench<AppointmentsReport>(core, 'reports.appointments', monthOf(0));
      if (oursMonth.totals.booked !== floor.appointments(monthOf(0)))
        throw new Mismatch(
          `reports.appointments: ours ${oursMonth.totals.booked}, floor ${floor.appointments(monthOf(0))}`,
        );
      /** One report over each of the twelve months in turn, against its floor (goal 20 ms p95). */
      const aMonth = async (
        name: string,
        procedure: string,
        floorOf: (range: Range) => unknown,
        extra: Record<string, unknown> = {},
        peers: Record<string, Variant> = {},
      ) =>
        results.push(
          ...(await runBenchmark(
            {
              name,
              dataset: label,
              unit: 'ms',
              ours: { run: (i) => invokeAsBench(core, procedure, { ...monthOf(i), ...extra }) },
              floor: { run: (i) => floorOf(monthOf(i)) },
              peers,
              iterations: 24,
              goals: { p95Ms: 20 },
            },
            rounds,
            4,
          )),
        );
      await aMonth(
        'reports.appointments (a month)',
        'reports.appointments',
        (r) => floor.appointments(r),
        {},
        mariaMonth,
      );
      await invokeAsBench<RevenueReport>(core, 'reports.revenue', monthOf(0));
      await aMonth('reports.revenue (a month)', 'reports.revenue', (r) => floor.revenue(r));
      const oursWaits = await invokeAsBench<WaitingTimesReport>(core, 'reports.waitingTimes', monthOf(0));
      if (oursWaits.visits !== floor.waits(monthOf(0)))
        throw new Mismatch(`reports.waitingTimes: ours ${oursWaits.visits} visits, floor ${floor.waits(monthOf(0))}`);
      await aMonth('reports.waitingTimes (a month)', 'reports.waitingTimes', (r) => floor.waits(r));
      await invokeAsBench<ProvidersReport>(core, 'reports.providers', monthOf(0));
      await aMonth('reports.providers (a month)', 'reports.providers', (r) => floor.providers(r));
      await aMonth(
        'reports.stock (a month, lots expiring in 90 days)',
        'reports.stock',
        (r) => floor.stock(r, BENCH_TODAY),
        {
          expiringDays: 90,
        },
      );
      // The patients to call (no-shows and late cancellations), an audited read naming each of them.
      await aMonth('reports.callList (a month)', 'reports.callList', (r) => floor.missed(r));
      // As of today whatever the range (its figures do not depend on it): the fifty owing most and the totals.
      await aMonth('reports.ageing (as of today)', 'reports.ageing', () => floor.ageing(BENCH_TODAY));
      // Narrowed by a location: revenue from the cells kept per location (migration 0044), waiting times from
      // the month's visits of that location's appointments; each against the same narrowing by hand.
      const locationId = (await invokeAsBench<{ id: string }[]>(core, 'schedule.listLocations', {}))[0]?.id;
      if (locationId !== undefined) {
        const narrowed = await invokeAsBench<RevenueReport>(core, 'reports.revenue', { ...monthOf(0), locationId });
        if (narrowed.totals.invoicedMinor !== floor.revenueAt(monthOf(0), locationId))
          throw new Mismatch(
            `reports.revenue at a location: ours ${narrowed.totals.invoicedMinor}, floor ${floor.revenueAt(monthOf(0), locationId)}`,
          );
        await aMonth(
          'reports.revenue (a month, one location)',
          'reports.revenue',
          (r) => floor.revenueAt(r, locationId),
          { locationId },
        );
        const waitsAt = await invokeAsBench<WaitingTimesReport>(core, 'reports.waitingTimes', {
          ...monthOf(0),
          locationId,
        });
        if (waitsAt.visits !== floor.waits(monthOf(0), locationId))
          throw new Mismatch(
            `reports.waitingTimes at a location: ours ${waitsAt.visits}, floor ${floor.waits(monthOf(0), locationId)}`,
          );
        await aMonth(
          'reports.waitingTimes (a month, one location)',
          'reports.waitingTimes',
          (r) => floor.waits(r, locationId),
          { locationId },
        );
        // The manager's home narrowed to the location: every figure of the year and the year before.
        results.push(
          ...(await runBenchmark(
            {
              name: 'reports.dashboard (a year, one location)',
              dataset: label,
              unit: 'ms',
              ours: { run: () => invokeAsBench(core, 'reports.dashboard', { ...year, locationId }) },
              floor: { run: () => floor.dashboardAt(year, yearBefore, locationId) },
              iterations: 10,
              goals: { p95Ms: 50 },
            },
            rounds,
            2,
          )),
        );
      }
    } finally {
      handle.close();
      await core.close();
      copies.remove();
    }
    log(`reports: measured in ${took()}`);
    return results;
  },
};
