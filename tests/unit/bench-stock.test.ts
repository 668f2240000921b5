import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDataset, stockOf, type Dataset } from '../bench/dataset';
import { BENCH_TODAY } from '../bench/scheduling-data';
import { stockSize } from '../bench/stock-data';

// The stock bench's seed, at a tiny size: no timings, only that what it wrote is a ledger the
// product would have written — the counts asked for, no lot × place ever below zero, nothing
// dispensed after its expiry or without a visit, and the alerts and the recall have something to show.

const PATIENTS = 800;
const APPOINTMENTS = 16_000;
const SEED = 12;
let root: string;
let dataset: Dataset;
let plain: BetterSqlite3.Database;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'front-desk-bench-stock-'));
  dataset = await ensureDataset(PATIENTS, SEED, { root, appointments: APPOINTMENTS });
  plain = new BetterSqlite3(dataset.plain, { readonly: true });
}, 90_000);

afterAll(() => {
  plain.close();
  rmSync(root, { recursive: true, force: true });
});

const count = (sql: string, ...args: unknown[]) =>
  plain
    .prepare(sql)
    .pluck()
    .get(...args) as number;

describe('bench stock data', () => {
  it('seeds the items, lots and movements asked for, scaled with the dataset', () => {
    const size = stockSize(PATIENTS);
    expect(stockSize(100_000)).toEqual({ items: 5_000, lots: 20_000, movements: 1_000_000 });
    expect(dataset.stock).toMatchObject(size);
    expect(count('SELECT count(*) FROM stock_items')).toBe(size.items);
    expect(count('SELECT count(*) FROM stock_lots')).toBe(size.lots);
    expect(count('SELECT count(*) FROM stock_movements')).toBe(size.movements);
    expect(count('SELECT count(*) FROM stock_locations')).toBe(3);
    for (const kind of ['receive', 'dispense', 'transfer_out', 'transfer_in', 'adjust', 'expire'])
      expect(count('SELECT count(*) FROM stock_movements WHERE kind = ?', kind), kind).toBeGreaterThan(0);
  });

  it('never takes a lot below zero at a place, replayed in the order things happened', () => {
    const rows = plain
      .prepare(
        'SELECT lot_id, stock_location_id, quantity FROM stock_movements ORDER BY lot_id, stock_location_id, at, id',
      )
      .raw()
      .iterate() as IterableIterator<[string, string, number]>;
    let key = '';
    let balance = 0;
    let lowest = 0;
    for (const [lot, place, quantity] of rows) {
      if (`${lot}|${place}` !== key) {
        key = `${lot}|${place}`;
        balance = 0;
      }
      balance += quantity;
      lowest = Math.min(lowest, balance);
    }
    expect(lowest).toBe(0);
  });

  it('dispenses only unexpired lots, against past visits, and leaves alerts and recalls to show', () => {
    expect(
      count(`SELECT count(*) FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id JOIN visits v ON v.id = m.visit_id
        WHERE m.kind = 'dispense' AND l.expiry_on < v.local_date`),
    ).toBe(0);
    expect(
      count("SELECT count(*) FROM stock_movements WHERE kind = 'dispense' AND visit_id NOT IN (SELECT id FROM visits)"),
    ).toBe(0);
    expect(count('SELECT count(*) FROM visits WHERE local_date >= ?', BENCH_TODAY)).toBe(0);
    const onShelf = (sql: string, ...args: string[]) =>
      count(
        `SELECT count(*) FROM (SELECT l.id FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id WHERE ${sql}
          GROUP BY m.lot_id HAVING sum(m.quantity) > 0)`,
        ...args,
      );
    expect(onShelf('l.expiry_on < ?', BENCH_TODAY)).toBeGreaterThan(0);
    expect(
      onShelf("l.expiry_on >= ? AND l.expiry_on <= date(?, '+30 days')", BENCH_TODAY, BENCH_TODAY),
    ).toBeGreaterThan(0);
    expect(stockOf(dataset).belowReorder).toBeGreaterThan(0);
    expect(stockOf(dataset).recallLotIds.length).toBeGreaterThan(0);
    expect(
      count(
        "SELECT count(*) FROM stock_movements WHERE kind = 'dispense' AND lot_id = ?",
        stockOf(dataset).recallLotIds[0],
      ),
    ).toBeGreaterThan(1);
    // Every past visit has the events the desk writes (its arrival, its check-out as its last event), and
    // the planner's statistics know the events are there: the flow board's lookup of a visit's undo
    // event must be a key read, not a scan of every event per visit.
    expect(count('SELECT count(*) FROM visits')).toBeGreaterThan(0);
    expect(
      count(`SELECT count(*) FROM visits v WHERE NOT EXISTS (SELECT 1 FROM visit_events e WHERE e.id = v.last_event_id
        AND e.visit_id = v.id AND e.action = 'check_out')
        OR NOT EXISTS (SELECT 1 FROM visit_events e WHERE e.visit_id = v.id AND e.action = 'arrive')`),
    ).toBe(0);
    const plan = plain
      .prepare(
        'EXPLAIN QUERY PLAN SELECT v.id, ue.action FROM visits v LEFT JOIN visit_events ue ON ue.id = v.undo_event_id WHERE v.local_date = ?',
      )
      .all(BENCH_TODAY) as { detail: string }[];
    expect(plan.map((step) => step.detail).join('; ')).not.toMatch(/SCAN ue/);
    // Seeding does not fill the sync outbox.
    expect(count("SELECT count(*) FROM sync_changes WHERE table_name = 'stock_movements'")).toBe(0);
  });
});
