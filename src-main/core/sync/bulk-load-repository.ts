import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { TouchedRow } from './apply';
import type { Cell } from './apply-repository';

type Handle = Pick<BetterSqlite3.Database, 'prepare' | 'exec'>;

/**
 * A table filled by a snapshot merge with its secondary indexes made once, after its rows (migration
 * 0048, bootstrap.ts). Inserting 20,000 rows a step into a table whose indexes are ordered otherwise than
 * its rows rewrote most of those indexes' leaf pages at every step; CREATE INDEX sorts once and writes
 * each page once. Unique indexes stay (they refuse a row, which then takes the careful path), and so do
 * the indexes the table's own insert triggers search by (found by asking SQLite for each trigger
 * statement's plan, so a trigger added later keeps what it needs without anyone listing it here).
 */

interface IndexDefinition {
  name: string;
  sql: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The statements of a trigger (its WHEN as a SELECT), with NEW/OLD columns as parameters. */
function triggerStatements(sql: string): string[] {
  const begin = sql.search(/\bBEGIN\b/i);
  const end = sql.search(/\bEND\s*;?\s*$/i);
  if (begin < 0 || end < begin) return [];
  const header = sql.slice(0, begin);
  const when = /\bWHEN\b([\s\S]*)$/i.exec(header)?.[1];
  const body = sql
    .slice(begin + 'BEGIN'.length, end)
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const statements = when ? [`SELECT (${when})`, ...body] : body;
  // RAISE() plans only inside a trigger; what it stops on is in the WHEN, planned on its own.
  return statements.map((s) =>
    s.replace(/\b(?:new|old)\s*\.\s*("[^"]+"|\w+)/gi, '?').replace(/\bRAISE\s*\([^)]*\)/gi, 'NULL'),
  );
}

/**
 * The indexes of `table` its insert triggers search by; null when a trigger statement cannot be planned
 * here (the table is then filled with every index in place, as before).
 */
function indexesInsertTriggersUse(handle: Handle, table: string): Set<string> | null {
  const triggers = handle
    .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?")
    .all(table) as { sql: string }[];
  const used = new Set<string>();
  for (const { sql } of triggers) {
    const header = sql.slice(0, Math.max(0, sql.search(/\bBEGIN\b/i)));
    if (!/\bINSERT\b/i.test(header)) continue;
    for (const statement of triggerStatements(sql)) {
      try {
        const parameters = new Array<null>(statement.split('?').length - 1).fill(null);
        const plan = handle.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...parameters) as { detail: string }[];
        for (const { detail } of plan) {
          const index = /USING (?:COVERING )?INDEX (\S+)/.exec(detail)?.[1];
          if (index) used.add(index);
        }
      } catch {
        return null;
      }
    }
  }
  return used;
}

/** The indexes a bulk fill of `table` may leave out until its rows are in. */
export function deferrableIndexes(handle: Handle, table: string): IndexDefinition[] {
  const rowid = handle.prepare('SELECT wr FROM pragma_table_list WHERE name = ? AND schema = ?').get(table, 'main') as
    { wr: number } | undefined;
  if (!rowid || rowid.wr !== 0) return [];
  const used = indexesInsertTriggersUse(handle, table);
  if (!used) return [];
  const indexes = handle
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
    .all(table) as IndexDefinition[];
  return indexes.filter((index) => !/^\s*CREATE\s+UNIQUE\b/i.test(index.sql) && !used.has(index.name));
}

/**
 * Drops `table`'s deferrable indexes and records them, in the caller's transaction (a stop leaves them
 * recorded, and the next open makes them again). Answers whether any went.
 */
export function deferIndexes(handle: Handle, table: string): boolean {
  const indexes = deferrableIndexes(handle, table);
  if (indexes.length === 0) return false;
  handle
    .prepare('INSERT INTO sync_bulk_loads (table_name, index_sql, replayed_rowid) VALUES (?, ?, NULL)')
    .run(table, JSON.stringify(indexes));
  for (const index of indexes) handle.exec(`DROP INDEX ${quote(index.name)}`);
  return true;
}

/**
 * `table`'s rows are in: its indexes are made again, and its rows are owed to the caches and conflict
 * checks from the first (replayPage).
 */
export function restoreIndexes(handle: Handle, table: string): void {
  const record = handle.prepare('SELECT index_sql FROM sync_bulk_loads WHERE table_name = ?').get(table) as
    { index_sql: string } | undefined;
  if (!record) return;
  const exists = handle.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?");
  for (const index of JSON.parse(record.index_sql) as IndexDefinition[]) {
    if (exists.get(index.name) === undefined) handle.exec(index.sql);
  }
  handle.prepare('UPDATE sync_bulk_loads SET replayed_rowid = 0 WHERE table_name = ?').run(table);
}

/** At open: the indexes a merge stopped mid-table left out are made again before anything reads. */
export function restoreAllDeferredIndexes(handle: BetterSqlite3.Database): void {
  if (handle.readonly) return;
  const table = handle.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'sync_bulk_loads'").get();
  if (table === undefined) return;
  const waiting = handle.prepare('SELECT table_name FROM sync_bulk_loads WHERE replayed_rowid IS NULL').all() as {
    table_name: string;
  }[];
  if (waiting.length === 0) return;
  handle.transaction(() => {
    for (const { table_name } of waiting) restoreIndexes(handle, table_name);
  })();
}

/** A table whose rows the caches and conflict checks are still owed, if any. */
export function replayingTable(handle: Handle): string | null {
  const row = handle
    .prepare('SELECT table_name FROM sync_bulk_loads WHERE replayed_rowid IS NOT NULL ORDER BY table_name LIMIT 1')
    .get() as { table_name: string } | undefined;
  return row?.table_name ?? null;
}

/**
 * The next `limit` rows of a bulk-filled table, as the merge's touched rows, in the caller's transaction;
 * the record goes with the last page.
 */
export function replayPage(handle: Handle, table: string, columns: readonly string[], limit: number): TouchedRow[] {
  const record = handle.prepare('SELECT replayed_rowid FROM sync_bulk_loads WHERE table_name = ?').get(table) as
    { replayed_rowid: number | null } | undefined;
  if (record === undefined || record.replayed_rowid === null) return [];
  const lines = handle
    .prepare(
      `SELECT _rowid_, ${columns.map(quote).join(', ')} FROM ${quote(table)} WHERE _rowid_ > ? ORDER BY _rowid_ LIMIT ?`,
    )
    .raw()
    .all(record.replayed_rowid, limit) as Cell[][];
  const touched = lines.map((line): TouchedRow => {
    const row: Record<string, Cell> = {};
    columns.forEach((column, i) => (row[column] = line[i + 1] ?? null));
    return { table, row };
  });
  const last = lines[lines.length - 1]?.[0];
  if (lines.length < limit || typeof last !== 'number') {
    handle.prepare('DELETE FROM sync_bulk_loads WHERE table_name = ?').run(table);
  } else {
    handle.prepare('UPDATE sync_bulk_loads SET replayed_rowid = ? WHERE table_name = ?').run(last, table);
  }
  return touched;
}
