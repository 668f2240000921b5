import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/**
 * The dashboard's stock alert counts, remembered between reads until the stock changes. Counting them
 * joins every lot expiring by the near-expiry date to its balances and sums every item's stock (~30 ms on
 * the bench's 5,000 items and 20,000 lots), and the dashboard reads them again on every schedule and
 * billing change, which never move them. What does move them: a write to the items, lots or balances
 * (temporary triggers on this connection count every writer: a procedure, a synced change applied), a
 * commit by another connection (`PRAGMA data_version`), and the date and near-expiry window (the key).
 * Nothing is remembered while a transaction is open on the connection: its writes may yet roll back.
 */

interface StockWatch {
  handle: BetterSqlite3.Database;
  writes: number;
  remembered: { key: string; value: unknown } | null;
}

const watches = new WeakMap<object, StockWatch>();
const WATCHED = ['stock_items', 'stock_lots', 'stock_balances'] as const;

/** On a connection that writes, after migrating: `db` is the root query builder reads are made through. */
export function watchStockWrites(handle: BetterSqlite3.Database, db: object): void {
  const watch: StockWatch = { handle, writes: 0, remembered: null };
  handle.function('stock_written', { deterministic: false }, () => {
    watch.writes += 1;
    return null;
  });
  for (const table of WATCHED)
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      handle.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS ${table}_${event.toLowerCase()}_seen AFTER ${event} ON main.${table} BEGIN SELECT stock_written(); END`,
      );
  watches.set(db, watch);
}

function stampOf(watch: StockWatch, key: string): string {
  return `${key}|${watch.writes}|${String(watch.handle.pragma('data_version', { simple: true }))}`;
}

/** `compute`'s answer for `key`, from memory when nothing the counts read has changed since. */
export async function rememberedStockCounts<T>(db: object, key: string, compute: () => Promise<T>): Promise<T> {
  const watch = watches.get(db);
  if (!watch || watch.handle.inTransaction) return compute();
  const stamp = stampOf(watch, key);
  if (watch.remembered?.key === stamp) return watch.remembered.value as T;
  const value = await compute();
  // A write that landed while the counts were read (another request between their statements) makes
  // them a guess: they are kept only when none did and no transaction is open.
  if (!watch.handle.inTransaction && stampOf(watch, key) === stamp) watch.remembered = { key: stamp, value };
  return value;
}
