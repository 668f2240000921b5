import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SnapshotRow } from '../../../src-shared/sync/protocol';

type Handle = Pick<BetterSqlite3.Database, 'prepare' | 'exec'>;

/**
 * The snapshot's pages as they arrive, before they are merged in one transaction (bootstrap.ts), and
 * where the download is (migration 0036). Both live in the database file: a desk stopped mid-download
 * resumes at the page after the last one staged, and nothing of a half-downloaded snapshot is merged.
 */
export interface SnapshotProgress {
  clinicId: string;
  /** The snapshot's cursor: the first page's, read by the server before its rows. */
  cursor: string;
  /** Where the next page starts; null once the last page is staged. */
  next: { table: string; key: string } | null;
  complete: boolean;
  pages: number;
  rows: number;
  serverTime: number | null;
}

export function readProgress(handle: Handle): SnapshotProgress | null {
  const row = handle
    .prepare(
      'SELECT clinic_id, cursor, next_table, next_key, complete, pages, rows, server_time FROM sync_snapshot_progress WHERE id = 1',
    )
    .get() as
    | {
        clinic_id: string;
        cursor: string;
        next_table: string | null;
        next_key: string | null;
        complete: number;
        pages: number;
        rows: number;
        server_time: number | null;
      }
    | undefined;
  if (!row) return null;
  return {
    clinicId: row.clinic_id,
    cursor: row.cursor,
    next: row.next_table !== null && row.next_key !== null ? { table: row.next_table, key: row.next_key } : null,
    complete: row.complete === 1,
    pages: row.pages,
    rows: row.rows,
    serverTime: row.server_time,
  };
}

/** Forgets a download (merged, or of another clinic): the staged rows and the position go together. */
export function dropStage(handle: Handle): void {
  handle.exec('DELETE FROM sync_snapshot_stage; DELETE FROM sync_snapshot_progress;');
}

/**
 * One page staged and the position moved past it, in the caller's transaction: the position is never
 * ahead of what is staged, nor behind it.
 */
export function stagePage(handle: Handle, rows: readonly SnapshotRow[], progress: SnapshotProgress, now: number): void {
  const insert = handle.prepare('INSERT INTO sync_snapshot_stage (table_name, key_json, row_json) VALUES (?, ?, ?)');
  for (const row of rows) insert.run(row.table, JSON.stringify(row.key), JSON.stringify(row));
  handle
    .prepare(
      `INSERT INTO sync_snapshot_progress
         (id, clinic_id, cursor, next_table, next_key, complete, pages, rows, server_time, started_at, updated_at)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET next_table = excluded.next_table, next_key = excluded.next_key,
         complete = excluded.complete, pages = excluded.pages, rows = excluded.rows,
         server_time = excluded.server_time, updated_at = excluded.updated_at`,
    )
    .run(
      progress.clinicId,
      progress.cursor,
      progress.next?.table ?? null,
      progress.next?.key ?? null,
      progress.complete ? 1 : 0,
      progress.pages,
      progress.rows,
      progress.serverTime,
      now,
      now,
    );
}

export function stagedCount(handle: Handle): number {
  return (handle.prepare('SELECT count(*) AS n FROM sync_snapshot_stage').get() as { n: number }).n;
}

/** One table's staged rows in arrival order. */
export function stagedRows(handle: Handle, table: string): SnapshotRow[] {
  return (
    handle.prepare('SELECT row_json FROM sync_snapshot_stage WHERE table_name = ? ORDER BY n').all(table) as {
      row_json: string;
    }[]
  ).map((r) => JSON.parse(r.row_json) as SnapshotRow);
}

/** The staged rows of `table` whose `column` holds `value` (a closed parent's children). */
export function stagedChildren(handle: Handle, table: string, column: string, value: unknown): SnapshotRow[] {
  return (
    handle
      .prepare(
        'SELECT row_json FROM sync_snapshot_stage WHERE table_name = ? AND json_extract(row_json, ?) = ? ORDER BY n',
      )
      .all(table, `$.values.${column}`, value) as { row_json: string }[]
  ).map((r) => JSON.parse(r.row_json) as SnapshotRow);
}

/** After the merge: where this desk pulls from next (the snapshot's cursor). */
export function saveCursor(handle: Handle, cursor: string, now: number): void {
  handle.prepare('UPDATE sync_state SET pull_cursor = ?, updated_at = ? WHERE id = 1').run(cursor, now);
}
