import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SnapshotRow } from '../../../src-shared/sync/protocol';

type Handle = Pick<BetterSqlite3.Database, 'prepare' | 'exec'>;

/**
 * The snapshot's pages as they arrive, before they are merged in one transaction (bootstrap.ts). A
 * TEMP table: it lives as long as this connection, so a desk stopped mid-download starts the
 * snapshot again, and nothing of a half-downloaded snapshot is ever merged.
 */
export function startStage(handle: Handle): void {
  handle.exec(`
    CREATE TEMP TABLE IF NOT EXISTS sync_snapshot_stage (
      n INTEGER PRIMARY KEY, table_name TEXT NOT NULL, key_json TEXT NOT NULL, row_json TEXT NOT NULL);
    DELETE FROM temp.sync_snapshot_stage;
  `);
}

export function stageRows(handle: Handle, rows: readonly SnapshotRow[]): void {
  const insert = handle.prepare(
    'INSERT INTO temp.sync_snapshot_stage (table_name, key_json, row_json) VALUES (?, ?, ?)',
  );
  for (const row of rows) insert.run(row.table, JSON.stringify(row.key), JSON.stringify(row));
}

export function stagedCount(handle: Handle): number {
  return (handle.prepare('SELECT count(*) AS n FROM temp.sync_snapshot_stage').get() as { n: number }).n;
}

/** One table's staged rows in arrival order. */
export function stagedRows(handle: Handle, table: string): SnapshotRow[] {
  return (
    handle.prepare('SELECT row_json FROM temp.sync_snapshot_stage WHERE table_name = ? ORDER BY n').all(table) as {
      row_json: string;
    }[]
  ).map((r) => JSON.parse(r.row_json) as SnapshotRow);
}

/** The staged rows of `table` whose `column` holds `value` (a closed parent's children). */
export function stagedChildren(handle: Handle, table: string, column: string, value: unknown): SnapshotRow[] {
  return (
    handle
      .prepare(
        'SELECT row_json FROM temp.sync_snapshot_stage WHERE table_name = ? AND json_extract(row_json, ?) = ? ORDER BY n',
      )
      .all(table, `$.values.${column}`, value) as { row_json: string }[]
  ).map((r) => JSON.parse(r.row_json) as SnapshotRow);
}

export function dropStage(handle: Handle): void {
  handle.exec('DROP TABLE IF EXISTS temp.sync_snapshot_stage');
}

/** After the merge: where this desk pulls from next (the snapshot's cursor). */
export function saveCursor(handle: Handle, cursor: string, now: number): void {
  handle.prepare('UPDATE sync_state SET pull_cursor = ?, updated_at = ? WHERE id = 1').run(cursor, now);
}
