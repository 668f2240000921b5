import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { createItemWriteTriggers, dataVersion } from './item-watch-repository';

/**
 * The dashboard's stock alert counts, kept item by item between reads and brought up to date item by item.
 * Counting them all joins every lot expiring by the near-expiry date to its balances and sums every item's
 * stock (~20–30 ms on the bench's 5,000 items and 20,000 lots), and the dashboard reads them again on every
 * schedule, billing and stock change. A receipt or a dispense moves one item's figures: temporary triggers
 * on items, lots and balances name the item each write touched (a procedure's, a synced change applied),
 * and the next read counts those items again (key reads of a few rows) before it sums the kept figures.
 * Everything is counted again when the date or near-expiry window moves (the key), after a commit by another
 * connection (`PRAGMA data_version`: which items it touched is unknown), and when many items were touched.
 * Nothing is kept from a read inside a transaction on the connection: its writes may yet roll back.
 */

/** One item's share of the counts. */
export interface ItemAlerts {
  below: boolean;
  expired: number;
  expiringSoon: number;
}

export interface StockAlertTotals {
  belowReorder: number;
  expiringSoon: number;
  expiredOnShelf: number;
}

/** How the counts are read: all items' shares, or some items' (an item with no share is left out of the map). */
export interface AlertCounters {
  all: () => Promise<Map<string, ItemAlerts>>;
  ofItems: (itemIds: readonly string[]) => Promise<Map<string, ItemAlerts>>;
}

interface Kept {
  key: string;
  dataVersion: number;
  perItem: Map<string, ItemAlerts>;
}

interface StockWatch {
  handle: BetterSqlite3.Database;
  /** Items written since their kept shares were read. */
  touched: Set<string>;
  kept: Kept | null;
}

const watches = new WeakMap<object, StockWatch>();
/** Each watched table and the column naming the item its row belongs to. */
const WATCHED = [
  ['stock_items', 'id'],
  ['stock_lots', 'item_id'],
  ['stock_balances', 'item_id'],
] as const;
/** More items touched at once than this (a sync batch, an import): all are counted again in one read. */
const MOST_ITEMS_BY_KEY = 200;

/** On a connection that writes, after migrating: `db` is the root query builder reads are made through. */
export function watchStockWrites(handle: BetterSqlite3.Database, db: object): void {
  const watch: StockWatch = { handle, touched: new Set(), kept: null };
  handle.function('stock_item_written', { deterministic: false }, (itemId: unknown) => {
    if (typeof itemId === 'string') watch.touched.add(itemId);
    return null;
  });
  createItemWriteTriggers(handle, WATCHED, 'stock_item_written');
  watches.set(db, watch);
}

function totalsOf(perItem: Map<string, ItemAlerts>): StockAlertTotals {
  const totals: StockAlertTotals = { belowReorder: 0, expiringSoon: 0, expiredOnShelf: 0 };
  for (const share of perItem.values()) {
    if (share.below) totals.belowReorder += 1;
    totals.expiringSoon += share.expiringSoon;
    totals.expiredOnShelf += share.expired;
  }
  return totals;
}

const dataVersionOf = (watch: StockWatch) => dataVersion(watch.handle);

/**
 * The counts for `key` (the date and the near-expiry date): the kept shares, with the items written since
 * counted again, or all counted afresh. A write landing between this read's statements puts its item back
 * among the touched, so the next read counts it again whatever this one saw.
 */
export async function keptStockAlertCounts(
  db: object,
  key: string,
  counters: AlertCounters,
): Promise<StockAlertTotals> {
  const watch = watches.get(db);
  if (!watch || watch.handle.inTransaction) return totalsOf(await counters.all());
  const dataVersion = dataVersionOf(watch);
  const kept = watch.kept;
  if (!kept || kept.key !== key || kept.dataVersion !== dataVersion || watch.touched.size > MOST_ITEMS_BY_KEY) {
    watch.touched.clear();
    watch.kept = null;
    const perItem = await counters.all();
    if (!watch.handle.inTransaction) watch.kept = { key, dataVersion, perItem };
    return totalsOf(perItem);
  }
  if (watch.touched.size > 0) {
    const itemIds = [...watch.touched];
    watch.touched.clear();
    const fresh = await counters.ofItems(itemIds);
    for (const itemId of itemIds) {
      const share = fresh.get(itemId);
      if (share) kept.perItem.set(itemId, share);
      else kept.perItem.delete(itemId);
    }
  }
  return totalsOf(kept.perItem);
}
