import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { TableColumns } from './schema-columns';

type Handle = Pick<BetterSqlite3.Database, 'prepare'>;

/**
 * The bulk path's page done by SQLite alone, for a table filled with its indexes left out
 * (bulk-load-repository.ts): the staged rows that go in whole (no delete, a whole-row stamp, every
 * column present) are copied from the stage's JSON into the table, and their clocks into `sync_clocks`,
 * by two INSERT … SELECT statements, with no row parsed, decoded and bound in JavaScript (a third of
 * the merge's time per row). The result is what `insertWhole` (bootstrap-bulk.ts) writes for each of
 * them: the row, its `'*'` clock, and a clock for each column stamped after the row. The caches read
 * the rows back afterwards (replayPage), so no touched row is built here. A table with a BLOB column
 * is not filled this way: its values travel as base64 objects only JavaScript decodes.
 */

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const jsonKey = (name: string) => `'$.values."${name.replaceAll("'", "''").replaceAll('"', '\\"')}"'`;

export interface SqlFillPage {
  /** The last place (`n`) of the page: up to `limit` staged rows of the table after `afterN`. */
  toN: number;
  /** Staged rows in the page. */
  rows: number;
  /** Rows inserted whole by SQL. */
  inserted: number;
  /** The greatest stamp those rows carry (the clock sees it), or null. */
  latest: string | null;
  /** The page's other rows (deleted, partial), by place, for the JavaScript path to decide. */
  others: number[];
}

export function sqlFillable(shape: TableColumns): boolean {
  return shape.key.length > 0 && shape.columns.every((c) => c.type !== 'BLOB');
}

/** The condition, over a stage row `s`, of a row that goes in whole at its whole-row stamp. */
function wholeRow(shape: TableColumns): string {
  const present = shape.columns
    .filter((c) => !shape.key.includes(c.name))
    .map((c) => `json_type(s.row_json, ${jsonKey(c.name)}) IS NOT NULL`);
  return [
    "json_extract(s.row_json, '$.deletedHlc') IS NULL",
    "json_extract(s.row_json, '$.fullHlc') IS NOT NULL",
    "(json_extract(s.row_json, '$.columnsAtFull') = 1 OR EXISTS (SELECT 1 FROM json_each(s.row_json, '$.columnHlc')))",
    ...present,
  ].join(' AND ');
}

/**
 * Fills one page of `table` (the staged rows after `afterN`, up to `limit`) in the caller's savepoint.
 * Throws as the insert does (a parent missing, a unique value taken): the caller then takes the page by
 * the JavaScript path. Null when the table has no staged rows after `afterN`.
 */
export function sqlFillPage(
  handle: Handle,
  table: string,
  shape: TableColumns,
  afterN: number,
  limit: number,
): SqlFillPage | null {
  const bounds = handle
    .prepare(
      `SELECT count(*) AS rows, max(n) AS toN FROM (SELECT n FROM sync_snapshot_stage
         WHERE table_name = ? AND n > ? ORDER BY n LIMIT ?)`,
    )
    .get(table, afterN, limit) as { rows: number; toN: number | null };
  if (bounds.toN === null) return null;
  const range = 's.table_name = ? AND s.n > ? AND s.n <= ?';
  const whole = wholeRow(shape);
  const columns = shape.columns.map((c) => c.name);
  const values = columns.map((c) => {
    const keyAt = shape.key.indexOf(c);
    return keyAt >= 0 ? `json_extract(s.key_json, '$[${keyAt}]')` : `json_extract(s.row_json, ${jsonKey(c)})`;
  });
  const inserted = handle
    .prepare(
      `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')})
       SELECT ${values.join(', ')} FROM sync_snapshot_stage s WHERE ${range} AND ${whole} ORDER BY s.n`,
    )
    .run(table, afterN, bounds.toN).changes;
  const stamped = columns.filter((c) => !shape.key.includes(c));
  handle
    .prepare(
      `INSERT INTO sync_clocks (table_name, key_json, column_name, hlc)
       SELECT * FROM (
         SELECT ?, s.key_json, '*', json_extract(s.row_json, '$.fullHlc') FROM sync_snapshot_stage s
           WHERE ${range} AND ${whole}
         UNION ALL
         SELECT ?, s.key_json, j.key, j.value FROM sync_snapshot_stage s, json_each(s.row_json, '$.columnHlc') j
           WHERE ${range} AND ${whole} AND j.value > json_extract(s.row_json, '$.fullHlc')
             AND j.key IN (SELECT value FROM json_each(?))
         ORDER BY 2, 3
       ) WHERE true
       ON CONFLICT (table_name, key_json, column_name) DO UPDATE SET hlc = excluded.hlc
         WHERE excluded.hlc > sync_clocks.hlc`,
    )
    .run(table, table, afterN, bounds.toN, table, table, afterN, bounds.toN, JSON.stringify(stamped));
  const latest = handle
    .prepare(
      `SELECT max(stamp) AS latest FROM (
         SELECT json_extract(s.row_json, '$.fullHlc') AS stamp FROM sync_snapshot_stage s WHERE ${range} AND ${whole}
         UNION ALL
         SELECT j.value FROM sync_snapshot_stage s, json_each(s.row_json, '$.columnHlc') j WHERE ${range} AND ${whole})`,
    )
    .get(table, afterN, bounds.toN, table, afterN, bounds.toN) as { latest: string | null };
  const others = handle
    .prepare(`SELECT s.n FROM sync_snapshot_stage s WHERE ${range} AND NOT (${whole}) ORDER BY s.n`)
    .pluck()
    .all(table, afterN, bounds.toN) as number[];
  return { toN: bounds.toN, rows: bounds.rows, inserted, latest: latest.latest, others };
}
