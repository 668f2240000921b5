import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { Core } from '../../src-main/core/app';
import type { Recall } from '../../src-shared/api/areas/stock';
import type { DispenseResult, ItemView, StockAlerts } from '../../src-shared/stock/model';
import { localDayBounds } from '../../src-shared/scheduling/time';
import { floorHandle } from './billing-floors';
import { BENCH_USER, exportPlain, stockOf, type Dataset, invokeAsBench } from './dataset';
import { type BenchmarkResult, floorIdle, hostIdle, runBenchmark, STOCK_GOALS } from './harness';
import { openScheduler, workingCopies } from './scheduling';
import { BENCH_TODAY, BENCH_ZONE, benchNow } from './scheduling-data';
import { AlertsFloor, DispenseFloor, ItemFloor, RecallFloor } from './stock-floors';
import { addDays } from '../../src-shared/scheduling/time';
import { Mismatch, stopwatch, type Suite } from './suite';

/**
 * The stock room at full size (issue 16): a FEFO dispense against today's visit, an item's page
 * (stock on hand per lot and place, its last movements, its FIFO value), the stock home's alert lists
 * and a lot's recall; ours through the procedures on the encrypted working copy, the floor in
 * hand-written SQL on an unencrypted copy made from the same file after today's visits were checked in.
 */

const DISPENSES_PER_ROUND = 40;
const VISITS = 60;
/** Two units a dispense: now and then more than the first lot holds, so one dispense takes two lots. */
const DISPENSE_UNITS = 2;

function query<T>(file: string, sql: string, ...args: unknown[]): T[] {
  const handle = new BetterSqlite3(file, { readonly: true });
  try {
    return handle.prepare(sql).all(...args) as T[];
  } finally {
    handle.close();
  }
}

function sizeLabel(dataset: Dataset): string {
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));
  return `${k(stockOf(dataset).items)} items, ${k(stockOf(dataset).lots)} lots, ${k(stockOf(dataset).movements)} movements`;
}

/** Today's visits: today's booked appointments checked in through the procedure, as the desk does. */
async function todaysVisits(core: Core, plain: string, count: number): Promise<string[]> {
  const day = localDayBounds(BENCH_ZONE, BENCH_TODAY);
  const appointments = query<{ id: string }>(
    plain,
    "SELECT id FROM appointments WHERE start_at >= ? AND start_at < ? AND status IN ('booked', 'confirmed') AND deleted_at IS NULL ORDER BY start_at, id LIMIT ?",
    day.start,
    day.end,
    count,
  );
  const ids: string[] = [];
  for (const { id } of appointments)
    ids.push((await invokeAsBench<{ id: string }>(core, 'visits.checkIn', { appointmentId: id })).id);
  if (ids.length === 0) throw new Error('stock bench: no appointments today to check in');
  return ids;
}

export const stockSuite: Suite = {
  name: 'stock',
  async run({ dataset, rounds, log }) {
    const took = stopwatch();
    const label = sizeLabel(dataset);
    const results: BenchmarkResult[] = [];
    const copies = workingCopies(dataset, 'stock');
    const now = benchNow();
    let core = await openScheduler(copies.encrypted);
    try {
      const visitIds = await todaysVisits(core, copies.plain, VISITS);
      await core.close();
      const plain = join(copies.plain, '..', 'stock-plain.db');
      exportPlain(copies.encrypted, plain);
      core = await openScheduler(copies.encrypted);
      const handle = floorHandle(plain);
      log(`stock: ${visitIds.length} of today's visits checked in and copied for the floor (${took()})`);

      // The reads first, on the data as seeded; then the dispenses.
      // stock.item: items in turn, each with its lots (about four) and their movements.
      const itemFloor = new ItemFloor(handle);
      const itemIds = query<{ id: string }>(plain, 'SELECT id FROM stock_items ORDER BY code LIMIT 200').map(
        (row) => row.id,
      );
      const itemOf = (i: number) => itemIds[i % itemIds.length] ?? '';
      for (const itemId of itemIds.slice(0, 20)) {
        const view = await invokeAsBench<ItemView>(core, 'stock.item', { itemId });
        const floor = itemFloor.item(itemId);
        if (view.onHand !== floor.onHand || view.lots.length !== floor.lots || view.valueMinor !== floor.valueMinor)
          throw new Mismatch(
            `stock.item: ours ${view.onHand} on hand in ${view.lots.length} lots worth ${view.valueMinor}, floor ${floor.onHand} in ${floor.lots} worth ${floor.valueMinor}`,
          );
      }
      const perItem = Math.round(stockOf(dataset).movements / stockOf(dataset).items);
      results.push(
        ...(await runBenchmark(
          {
            name: `stock.item (stock on hand, ~${perItem} movements an item)`,
            dataset: label,
            unit: 'ms',
            ours: { run: (i) => invokeAsBench(core, 'stock.item', { itemId: itemOf(i) }) },
            floor: { run: (i) => itemFloor.item(itemOf(i)) },
            iterations: 40,
            goals: STOCK_GOALS.item,
          },
          rounds,
          20,
        )),
      );

      // stock.alerts: below reorder level, expiring within the window, expired still on the shelf.
      const alertsFloor = new AlertsFloor(handle);
      const nearBy = addDays(BENCH_TODAY, 30);
      const alerts = await invokeAsBench<StockAlerts>(core, 'stock.alerts', {});
      const floorAlerts = alertsFloor.alerts(BENCH_TODAY, nearBy);
      if (
        alerts.belowReorder.length !== floorAlerts.below ||
        alerts.expiringSoon.length !== floorAlerts.expiring ||
        alerts.expiredOnShelf.length !== floorAlerts.expired
      )
        throw new Mismatch(
          `stock.alerts: ours ${alerts.belowReorder.length}/${alerts.expiringSoon.length}/${alerts.expiredOnShelf.length}, floor ${floorAlerts.below}/${floorAlerts.expiring}/${floorAlerts.expired}`,
        );
      log(
        `stock: alerts list ${alerts.belowReorder.length} items below reorder level, ${alerts.expiringSoon.length} lots expiring within 30 days, ${alerts.expiredOnShelf.length} expired on the shelf`,
      );
      results.push(
        ...(await runBenchmark(
          {
            name: 'stock.alerts (the stock home’s lists)',
            dataset: label,
            unit: 'ms',
            ours: { run: () => invokeAsBench(core, 'stock.alerts', {}) },
            floor: { run: () => alertsFloor.alerts(BENCH_TODAY, nearBy) },
            iterations: 10,
            goals: STOCK_GOALS.alerts,
          },
          rounds,
          3,
        )),
      );

      // stock.recall: the most dispensed lots, in turn.
      const recallFloor = new RecallFloor(handle);
      const lots = stockOf(dataset).recallLotIds;
      const lotOf = (i: number) => lots[i % lots.length] ?? '';
      const recall = await invokeAsBench<Recall>(core, 'stock.recall', { lotId: lotOf(0) });
      const floorRecall = recallFloor.recall(lotOf(0));
      const units = recall.patients.reduce((sum, entry) => sum + entry.quantity, 0);
      if (recall.patients.length !== floorRecall.patients || units !== floorRecall.units)
        throw new Mismatch(`stock.recall: ours ${recall.patients.length} patients, floor ${floorRecall.patients}`);
      log(`stock: the most dispensed lot went to ${recall.patients.length} patients`);
      results.push(
        ...(await runBenchmark(
          {
            name: `stock.recall (a lot’s patients, up to ${recall.patients.length})`,
            dataset: label,
            unit: 'ms',
            ours: { run: (i) => invokeAsBench(core, 'stock.recall', { lotId: lotOf(i) }) },
            floor: { run: (i) => recallFloor.recall(lotOf(i)) },
            iterations: 40,
            goals: STOCK_GOALS.recall,
          },
          rounds,
          10,
        )),
      );

      // stock.dispense: each side dispenses the same (visit, item, place) in its own copy, FEFO.
      const targets = query<{ item_id: string; stock_location_id: string }>(
        plain,
        `SELECT m.item_id, m.stock_location_id FROM stock_movements m JOIN stock_lots l ON l.id = m.lot_id
           JOIN stock_items i ON i.id = m.item_id
         WHERE i.billable = 0 AND i.active = 1 AND (l.expiry_on IS NULL OR l.expiry_on >= ?)
         GROUP BY m.item_id, m.stock_location_id HAVING sum(m.quantity) >= 10 ORDER BY m.item_id, m.stock_location_id`,
        BENCH_TODAY,
      );
      const warmup = 10;
      const needed = DISPENSES_PER_ROUND * rounds + warmup + 1;
      if (targets.length === 0) throw new Error('stock bench: no item with stock to dispense');
      const userId = query<{ id: string }>(plain, 'SELECT id FROM users WHERE username = ?', BENCH_USER.username)[0]
        ?.id;
      const dispenseFloor = new DispenseFloor(handle, userId ?? '');
      const target = (n: number) => {
        const t = targets[n % targets.length] ?? { item_id: '', stock_location_id: '' };
        return {
          visitId: visitIds[n % visitIds.length] ?? '',
          itemId: t.item_id,
          stockLocationId: t.stock_location_id,
        };
      };
      log(`stock: ${needed} dispenses over ${Math.min(needed, targets.length)} items × places with stock`);
      let oursNext = 0;
      let floorNext = 0;
      const oursDispense = () =>
        invokeAsBench<DispenseResult>(core, 'stock.dispense', { ...target(oursNext++), quantity: DISPENSE_UNITS });
      const floorDispense = () => {
        const t = target(floorNext++);
        return dispenseFloor.run(t.visitId, t.itemId, t.stockLocationId, DISPENSE_UNITS, now, BENCH_TODAY);
      };
      const first = await oursDispense();
      const floorFirst = floorDispense();
      const picks = (list: { lotId: string; quantity: number }[]) =>
        list.map((pick) => `${pick.lotId}×${pick.quantity}`).join();
      if (picks(first.picks) !== picks(floorFirst))
        throw new Mismatch(`stock.dispense: ours took ${picks(first.picks)}, floor ${picks(floorFirst)}`);
      results.push(
        ...(await runBenchmark(
          {
            name: 'stock.dispense (FEFO, against today’s visit)',
            dataset: label,
            unit: 'ms',
            ours: { run: () => oursDispense(), idle: hostIdle(core) },
            floor: { run: () => floorDispense(), idle: floorIdle(handle) },
            iterations: DISPENSES_PER_ROUND,
            goals: STOCK_GOALS.dispense,
          },
          rounds,
          warmup - 1,
        )),
      );
      handle.close();
    } finally {
      await core.close();
      copies.remove();
    }
    log(`stock: measured in ${took()}`);
    return results;
  },
};
