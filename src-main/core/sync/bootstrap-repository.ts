import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SnapshotRow } from '../../../src-shared/sync/protocol';
import { expandStamps } from '../../../src-shared/sync/snapshot-stamps';
import { wroteTo } from './local-clocks-repository';

type Handle = Pick<BetterSqlite3.Database, 'prepare' | 'exec'>;

/**
 * The snapshot's pages as they arrive, before they are merged page by page (bootstrap.ts), and
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

/** A staged row with its place in the stage (`n`, arrival order). */
export interface StagedRow {
  n: number;
  row: SnapshotRow;
  keyJson: string;
  rowJson: string;
}

/** Staged as the server sent it (its stamps compacted, snapshot-stamps.ts); merged with every stamp. */
const staged = (r: { n: number; key_json: string; row_json: string }): StagedRow => ({
  n: r.n,
  row: expandStamps(JSON.parse(r.row_json) as SnapshotRow),
  keyJson: r.key_json,
  rowJson: r.row_json,
});

/** Up to `limit` of one table's staged rows after place `afterN`, in arrival order (the merge's page). */
export function stagedPage(handle: Handle, table: string, afterN: number, limit: number): StagedRow[] {
  return (
    handle
      .prepare(
        'SELECT n, key_json, row_json FROM sync_snapshot_stage WHERE table_name = ? AND n > ? ORDER BY n LIMIT ?',
      )
      .all(table, afterN, limit) as { n: number; key_json: string; row_json: string }[]
  ).map(staged);
}

/** One table's staged rows from place `afterN` (excluded) to `lastN` (included), in arrival order. */
export function stagedRange(handle: Handle, table: string, afterN: number, lastN: number): StagedRow[] {
  return (
    handle
      .prepare(
        'SELECT n, key_json, row_json FROM sync_snapshot_stage WHERE table_name = ? AND n > ? AND n <= ? ORDER BY n',
      )
      .all(table, afterN, lastN) as { n: number; key_json: string; row_json: string }[]
  ).map(staged);
}

/**
 * A merged page leaves the stage in the transaction that merged it, so a merge stopped part-way
 * resumes with what is left. Rows still waiting for a parent go back in at their own place.
 */
export function unstagePage(handle: Handle, table: string, fromN: number, toN: number, waiting: StagedRow[]): void {
  handle.prepare('DELETE FROM sync_snapshot_stage WHERE table_name = ? AND n BETWEEN ? AND ?').run(table, fromN, toN);
  const back = handle.prepare(
    'INSERT INTO sync_snapshot_stage (n, table_name, key_json, row_json) VALUES (?, ?, ?, ?)',
  );
  for (const row of waiting) back.run(row.n, table, row.keyJson, row.rowJson);
}

/** One staged row merged on its own (a closed parent's child, merged with its parent). */
export function unstageRow(handle: Handle, n: number): void {
  handle.prepare('DELETE FROM sync_snapshot_stage WHERE n = ?').run(n);
}

/**
 * Where each staged child of a closed parent is, by its parent's key, in a TEMP table of this
 * connection: looking children up by scanning every staged line's JSON for each issued invoice was
 * quadratic (78k invoices × 78k lines at the quick bench size).
 */
export function indexStagedChildren(handle: Handle, table: string, column: string): void {
  handle.exec(
    'CREATE TEMP TABLE IF NOT EXISTS sync_stage_children (child_table TEXT NOT NULL, parent, n INTEGER NOT NULL); ' +
      'CREATE INDEX IF NOT EXISTS temp.sync_stage_children_parent ON sync_stage_children (child_table, parent, n);',
  );
  handle.prepare('DELETE FROM temp.sync_stage_children WHERE child_table = ?').run(table);
  handle
    .prepare(
      'INSERT INTO temp.sync_stage_children (child_table, parent, n) SELECT table_name, json_extract(row_json, ?), n FROM sync_snapshot_stage WHERE table_name = ?',
    )
    .run(`$.values.${column}`, table);
}

/** The staged rows of `table` whose parent is `value` (indexed first by indexStagedChildren). */
export function stagedChildren(handle: Handle, table: string, value: unknown): StagedRow[] {
  return (
    handle
      .prepare(
        `SELECT s.n, s.key_json, s.row_json FROM temp.sync_stage_children c JOIN sync_snapshot_stage s ON s.n = c.n
         WHERE c.child_table = ? AND c.parent = ? ORDER BY c.n`,
      )
      .all(table, value) as { n: number; key_json: string; row_json: string }[]
  ).map(staged);
}

/**
 * Whether a table's snapshot rows may go in by the bulk path: nothing of it on this desk yet — no row,
 * no clock, no tombstone — and nothing written here to it (its outbox, whatever the status).
 */
export function tableUntouched(handle: BetterSqlite3.Database, table: string): boolean {
  const any = handle.prepare(`SELECT 1 FROM "${table}" LIMIT 1`).get();
  return (
    any === undefined &&
    handle.prepare('SELECT 1 FROM sync_clocks WHERE table_name = ? LIMIT 1').get(table) === undefined &&
    handle.prepare('SELECT 1 FROM sync_tombstones WHERE table_name = ? LIMIT 1').get(table) === undefined &&
    tableQuiet(handle, table)
  );
}

/**
 * Nothing written here to the table: checked again before every page, since someone may work at the
 * desk between pages (the merge's own tombstones are of keys it has already passed).
 */
export function tableQuiet(handle: BetterSqlite3.Database, table: string): boolean {
  return !wroteTo(handle, table);
}

/** After the merge: where this desk pulls from next (the snapshot's cursor). */
export function saveCursor(handle: Handle, cursor: string, now: number): void {
  handle.prepare('UPDATE sync_state SET pull_cursor = ?, updated_at = ? WHERE id = 1').run(cursor, now);
}

/**
 * Stage rows under this name are patients the merge brought or changed, kept for the duplicate pass at
 * the end of the merge (service.ts). They live on the stage because they must outlive a step (a desk
 * stopped mid-merge still checks the patients its earlier steps merged) and go when the stage goes; no
 * merge pass reads them, as it reads only synced tables' names.
 */
const DUPLICATE_SUBJECT = '~duplicate_subject';

export function stageDuplicateSubjects(handle: Handle, patientIds: readonly string[]): void {
  const insert = handle.prepare("INSERT INTO sync_snapshot_stage (table_name, key_json, row_json) VALUES (?, ?, '')");
  for (const id of patientIds) insert.run(DUPLICATE_SUBJECT, JSON.stringify(id));
}

export function stagedDuplicateSubjects(handle: Handle): string[] {
  const rows = handle
    .prepare('SELECT DISTINCT key_json FROM sync_snapshot_stage WHERE table_name = ?')
    .all(DUPLICATE_SUBJECT) as { key_json: string }[];
  return rows.map((row) => JSON.parse(row.key_json) as string);
}
