import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/**
 * The SQL of applying remote changes, on the raw connection inside the transaction apply.ts opened.
 * Table and column names reach here only after apply.ts checked them against the live schema, and are
 * quoted; values are always bound.
 */
type Handle = BetterSqlite3.Database;
export type Cell = string | number | bigint | Buffer | null;

const cache = new WeakMap<Handle, Map<string, BetterSqlite3.Statement>>();

/** The statement for this text on this connection, prepared once (the merge runs each per change). */
export function statement(handle: Handle, text: string): BetterSqlite3.Statement {
  let statements = cache.get(handle);
  if (!statements) {
    statements = new Map();
    cache.set(handle, statements);
  }
  let prepared = statements.get(text);
  if (!prepared) {
    prepared = handle.prepare(text);
    statements.set(text, prepared);
  }
  return prepared;
}

const q = (name: string) => `"${name}"`;
const whereKey = (keyColumns: readonly string[]) => keyColumns.map((k) => `${q(k)} = ?`).join(' AND ');

export function readRow(
  handle: Handle,
  table: string,
  keyColumns: readonly string[],
  key: readonly Cell[],
): Record<string, Cell> | undefined {
  return statement(handle, `SELECT * FROM ${q(table)} WHERE ${whereKey(keyColumns)}`).get(...key) as
    Record<string, Cell> | undefined;
}

export function insertRow(handle: Handle, table: string, values: Record<string, Cell>, orIgnore: boolean): number {
  const columns = Object.keys(values);
  const text = `INSERT ${orIgnore ? 'OR IGNORE ' : ''}INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
  return statement(handle, text).run(...columns.map((c) => values[c] ?? null)).changes;
}

export function updateRow(
  handle: Handle,
  table: string,
  keyColumns: readonly string[],
  key: readonly Cell[],
  values: Record<string, Cell>,
): void {
  const columns = Object.keys(values);
  if (columns.length === 0) return;
  const text = `UPDATE ${q(table)} SET ${columns.map((c) => `${q(c)} = ?`).join(', ')} WHERE ${whereKey(keyColumns)}`;
  statement(handle, text).run(...columns.map((c) => values[c] ?? null), ...key);
}

export function deleteRow(handle: Handle, table: string, keyColumns: readonly string[], key: readonly Cell[]): void {
  statement(handle, `DELETE FROM ${q(table)} WHERE ${whereKey(keyColumns)}`).run(...key);
}

/** Stamps of the remote writes that last won each column ('*': the whole row, when it was inserted). */
export function columnClocks(handle: Handle, table: string, keyJson: string): Map<string, string> {
  const rows = statement(handle, 'SELECT column_name, hlc FROM sync_clocks WHERE table_name = ? AND key_json = ?').all(
    table,
    keyJson,
  ) as { column_name: string; hlc: string }[];
  return new Map(rows.map((row) => [row.column_name, row.hlc]));
}

export function setColumnClocks(handle: Handle, table: string, keyJson: string, columns: string[], hlc: string): void {
  const upsert = statement(
    handle,
    'INSERT INTO sync_clocks (table_name, key_json, column_name, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (table_name, key_json, column_name) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > sync_clocks.hlc',
  );
  for (const column of columns) upsert.run(table, keyJson, column, hlc);
}

export function clearColumnClocks(handle: Handle, table: string, keyJson: string): void {
  statement(handle, 'DELETE FROM sync_clocks WHERE table_name = ? AND key_json = ?').run(table, keyJson);
}

export function tombstoneOf(handle: Handle, table: string, keyJson: string): string | null {
  const row = statement(handle, 'SELECT hlc FROM sync_tombstones WHERE table_name = ? AND key_json = ?').get(
    table,
    keyJson,
  ) as { hlc: string } | undefined;
  return row?.hlc ?? null;
}

export function setTombstone(handle: Handle, table: string, keyJson: string, hlc: string): void {
  statement(
    handle,
    'INSERT INTO sync_tombstones (table_name, key_json, hlc) VALUES (?, ?, ?) ON CONFLICT (table_name, key_json) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > sync_tombstones.hlc',
  ).run(table, keyJson, hlc);
}

export function dropTombstone(handle: Handle, table: string, keyJson: string): void {
  statement(handle, 'DELETE FROM sync_tombstones WHERE table_name = ? AND key_json = ?').run(table, keyJson);
}

export interface ParkedChange {
  change_id: string;
  change_json: string;
  reason: string;
}

export function parkChange(
  handle: Handle,
  change: { id: string; hlc: string; json: string },
  reason: string,
  now: number,
): void {
  statement(
    handle,
    `INSERT INTO sync_apply_problems (change_id, change_json, hlc, reason, attempts, first_at, last_at) VALUES (?, ?, ?, ?, 1, ?, ?)
     ON CONFLICT (change_id) DO UPDATE SET reason = excluded.reason, attempts = attempts + 1, last_at = excluded.last_at`,
  ).run(change.id, change.json, change.hlc, reason, now, now);
}

export function unparkChange(handle: Handle, changeId: string): void {
  statement(handle, 'DELETE FROM sync_apply_problems WHERE change_id = ?').run(changeId);
}

/** Parked changes still worth retrying (waiting for what they depend on), oldest stamp first. */
export function parkedChanges(handle: Handle, reasonPrefix: string): ParkedChange[] {
  return statement(
    handle,
    "SELECT change_id, change_json, reason FROM sync_apply_problems WHERE reason LIKE ? || '%' ORDER BY hlc",
  ).all(reasonPrefix) as ParkedChange[];
}

export function applyProblems(handle: Handle): { changeId: string; reason: string; attempts: number }[] {
  return statement(
    handle,
    'SELECT change_id AS changeId, reason, attempts FROM sync_apply_problems ORDER BY hlc',
  ).all() as { changeId: string; reason: string; attempts: number }[];
}
