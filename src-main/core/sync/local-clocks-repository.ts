import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { SYNCED_COLUMNS } from '../../../src-shared/sync/columns.generated';
import { SYNCED_TABLES, type SyncedTableName } from '../../../src-shared/sync/tables';
import { statement } from './apply-repository';

type Handle = BetterSqlite3.Database;

/** This desk's own stamps for a row: per column, when it was last (re)made, when deleted. */
export interface LocalClocks {
  columns: Map<string, string>;
  birth: string | null;
  deleted: string | null;
}

/** Pseudo-columns of `sync_local_clocks`: no column name can be either (names are `[a-z_][a-z0-9_]*`). */
const BIRTH = '+';
const DELETED = '-';

/**
 * Folds the outbox rows written since the last fold into `sync_local_clocks` (migration 0046), the
 * greatest stamp per row and column: what the merge reads instead of every captured change of the row,
 * so the outbox needs no (table, key) index on the write's path. A whole row written (every column of
 * the table: an insert, a re-key) stamps '+', a delete '-'. Cheap when nothing is new (two key reads).
 * The caller holds the write transaction.
 */
export function foldLocalWrites(handle: Handle): number {
  const after = statement(handle, 'SELECT local_clocks_seq FROM sync_state WHERE id = 1').pluck().get() as number;
  const last = statement(handle, 'SELECT max(seq) FROM sync_changes').pluck().get() as number | null;
  if (last === null || last <= after) return 0;
  const rows = statement(
    handle,
    'SELECT table_name, key_json, op, values_json, hlc FROM sync_changes WHERE seq > ? ORDER BY seq',
  ).all(after) as {
    table_name: string;
    key_json: string;
    op: 'upsert' | 'delete';
    values_json: string;
    hlc: string;
  }[];
  const stamp = statement(
    handle,
    `INSERT INTO sync_local_clocks (table_name, key_json, column_name, hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT (table_name, key_json, column_name) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > sync_local_clocks.hlc`,
  );
  for (const row of rows) {
    if (row.op === 'delete') {
      stamp.run(row.table_name, row.key_json, DELETED, row.hlc);
      continue;
    }
    const names = Object.keys(JSON.parse(row.values_json) as Record<string, unknown>);
    const table = row.table_name in SYNCED_TABLES ? SYNCED_COLUMNS[row.table_name as SyncedTableName] : null;
    if (table && names.length === table.columns.length) stamp.run(row.table_name, row.key_json, BIRTH, row.hlc);
    for (const name of names) stamp.run(row.table_name, row.key_json, name, row.hlc);
  }
  statement(handle, 'UPDATE sync_state SET local_clocks_seq = ? WHERE id = 1').run(last);
  return rows.length;
}

/** This desk's own stamps for one row, its outbox folded first. */
export function localClocksOf(handle: Handle, table: string, keyJson: string): LocalClocks {
  foldLocalWrites(handle);
  const rows = statement(
    handle,
    'SELECT column_name, hlc FROM sync_local_clocks WHERE table_name = ? AND key_json = ?',
  ).all(table, keyJson) as { column_name: string; hlc: string }[];
  const clocks: LocalClocks = { columns: new Map(), birth: null, deleted: null };
  for (const row of rows) {
    if (row.column_name === BIRTH) clocks.birth = row.hlc;
    else if (row.column_name === DELETED) clocks.deleted = row.hlc;
    else clocks.columns.set(row.column_name, row.hlc);
  }
  return clocks;
}

/** Whether this desk has written to the table at all (a snapshot may then load it without merging). */
export function wroteTo(handle: Handle, table: string): boolean {
  foldLocalWrites(handle);
  return statement(handle, 'SELECT 1 FROM sync_local_clocks WHERE table_name = ? LIMIT 1').get(table) !== undefined;
}
