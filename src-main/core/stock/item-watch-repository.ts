import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/**
 * Temporary triggers (this connection's only) that call `fn` with the item each write to a watched
 * table touched: after an insert the new row's, an update both rows', a delete the old row's.
 */
export function createItemWriteTriggers(
  handle: BetterSqlite3.Database,
  watched: readonly (readonly [table: string, itemColumn: string])[],
  fn: string,
): void {
  for (const [table, itemColumn] of watched)
    for (const [event, rows] of [
      ['INSERT', ['NEW']],
      ['UPDATE', ['OLD', 'NEW']],
      ['DELETE', ['OLD']],
    ] as const)
      handle.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS ${table}_${event.toLowerCase()}_item_seen AFTER ${event} ON main.${table} BEGIN ${rows
          .map((row) => `SELECT ${fn}(${row}.${itemColumn});`)
          .join(' ')} END`,
      );
}

/** Changes when another connection commits (`PRAGMA data_version`). */
export function dataVersion(handle: BetterSqlite3.Database): number {
  return Number(handle.pragma('data_version', { simple: true }));
}
