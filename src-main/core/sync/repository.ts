import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { PushResult, SyncChange, SyncValue } from '../../../src-shared/sync/protocol';
import { compareState, parse, type HlcState } from '../../../src-shared/sync/hlc';

type Handle = Pick<BetterSqlite3.Database, 'prepare'>;

export interface StoredSyncState {
  deviceId: string;
  clock: HlcState;
  pullCursor: string | null;
}

/**
 * This desk's identity and clock as stored: the clock is the later of the one saved with the last
 * applied batch and the stamp of the last captured change, so a restart never issues a stamp at or
 * below one already written.
 */
export function readSyncState(handle: Handle): StoredSyncState {
  const row = handle
    .prepare('SELECT device_id, hlc_wall, hlc_counter, pull_cursor FROM sync_state WHERE id = 1')
    .get() as { device_id: string; hlc_wall: number; hlc_counter: number; pull_cursor: string | null };
  const last = handle.prepare('SELECT hlc FROM sync_changes ORDER BY seq DESC LIMIT 1').get() as
    { hlc: string } | undefined;
  let clock: HlcState = { wall: row.hlc_wall, counter: row.hlc_counter };
  if (last) {
    const stamp = parse(last.hlc);
    if (compareState(stamp, clock) > 0) clock = { wall: stamp.wall, counter: stamp.counter };
  }
  return { deviceId: row.device_id, clock, pullCursor: row.pull_cursor };
}

export function saveClockAndCursor(handle: Handle, clock: HlcState, cursor: string | null, now: number): void {
  handle
    .prepare(
      'UPDATE sync_state SET hlc_wall = ?, hlc_counter = ?, pull_cursor = coalesce(?, pull_cursor), last_synced_at = ?, last_error = NULL, updated_at = ? WHERE id = 1',
    )
    .run(clock.wall, clock.counter, cursor, now, now);
}

/** The clock alone, between the steps of a snapshot merge (the cursor and "last synced" wait for its end). */
export function saveClock(handle: Handle, clock: HlcState, now: number): void {
  handle
    .prepare('UPDATE sync_state SET hlc_wall = ?, hlc_counter = ?, updated_at = ? WHERE id = 1')
    .run(clock.wall, clock.counter, now);
}

export function saveLastError(handle: Handle, message: string, now: number): void {
  handle.prepare('UPDATE sync_state SET last_error = ?, updated_at = ? WHERE id = 1').run(message, now);
}

interface ChangeRow {
  seq: number;
  change_id: string;
  table_name: string;
  key_json: string;
  op: 'upsert' | 'delete';
  values_json: string;
  hlc: string;
  user_id: string | null;
}

/**
 * Where the changes still waiting start: every change up to `sync_state.outbox_settled_seq` is answered
 * (migration 0050), so the waiting ones are read as a range of the outbox's rowid past it, not by an
 * index the write path would have to keep.
 */
export const WAITING =
  "seq > (SELECT outbox_settled_seq FROM sync_state WHERE id = 1) AND status IN ('pending', 'pushed')";

/** Captured changes not yet accepted by the server, oldest first (the order they must be pushed in). */
export function pendingChanges(
  handle: Handle,
  deviceId: string,
  limit: number,
  afterSeq = 0,
): (SyncChange & { seq: number })[] {
  const rows = handle
    .prepare(
      `SELECT seq, change_id, table_name, key_json, op, values_json, hlc, user_id FROM sync_changes WHERE ${WAITING} AND seq > ? ORDER BY seq LIMIT ?`,
    )
    .all(afterSeq, limit) as ChangeRow[];
  return rows.map((row) => ({
    seq: row.seq,
    id: row.change_id,
    table: row.table_name,
    key: JSON.parse(row.key_json) as (string | number)[],
    op: row.op,
    values: JSON.parse(row.values_json) as Record<string, SyncValue>,
    hlc: row.hlc,
    deviceId,
    userId: row.user_id,
  }));
}

/** How many captured changes wait to be pushed, per table (for tests and the status line). */
export function countChanges(handle: Handle): { table: string; count: number }[] {
  return handle
    .prepare(
      'SELECT table_name AS "table", count(*) AS count FROM sync_changes GROUP BY table_name ORDER BY table_name',
    )
    .all() as { table: string; count: number }[];
}

/**
 * A new identity for a database that was copied (a snapshot bootstrap, a test's cloned desk): two desks
 * sharing a device id would each skip the other's changes as their own.
 */
export function renewDeviceId(handle: Handle, deviceId: string, now: number): void {
  handle
    .prepare(
      'UPDATE sync_state SET device_id = ?, clinic_id = NULL, device_secret = NULL, pull_cursor = NULL, desk_code = NULL, updated_at = ? WHERE id = 1',
    )
    .run(deviceId, now);
}

export function syncStatus(handle: Handle): {
  pending: number;
  problems: number;
  lastSyncedAt: number | null;
  lastError: string | null;
  pullCursor: string | null;
} {
  const state = handle.prepare('SELECT last_synced_at, last_error, pull_cursor FROM sync_state WHERE id = 1').get() as {
    last_synced_at: number | null;
    last_error: string | null;
    pull_cursor: string | null;
  };
  const pending = handle.prepare(`SELECT count(*) AS n FROM sync_changes WHERE ${WAITING}`).get() as { n: number };
  const problems = handle.prepare('SELECT count(*) AS n FROM sync_apply_problems').get() as { n: number };
  return {
    pending: pending.n,
    problems: problems.n,
    lastSyncedAt: state.last_synced_at,
    lastError: state.last_error,
    pullCursor: state.pull_cursor,
  };
}

/**
 * Folds this database's outbox into its clocks and tombstones and empties it: what a copy of another
 * desk's database must do, since those writes are the other desk's to send, while their stamps still
 * decide which later edits win here. The folded copy of the outbox's stamps goes with it, and the marks
 * go back to the start with the outbox (`clampOutboxMarks`).
 */
export function foldOutbox(handle: Pick<BetterSqlite3.Database, 'exec'>): void {
  handle.exec(`
    INSERT INTO sync_clocks (table_name, key_json, column_name, hlc)
      SELECT c.table_name, c.key_json, j.key, max(c.hlc) FROM sync_changes c, json_each(c.values_json) j
      WHERE c.op = 'upsert' GROUP BY c.table_name, c.key_json, j.key
      ON CONFLICT (table_name, key_json, column_name) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > sync_clocks.hlc;
    INSERT INTO sync_tombstones (table_name, key_json, hlc)
      SELECT table_name, key_json, max(hlc) FROM sync_changes WHERE op = 'delete' GROUP BY table_name, key_json
      ON CONFLICT (table_name, key_json) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > sync_tombstones.hlc;
    DELETE FROM sync_changes;
    DELETE FROM sync_local_clocks;
  `);
  clampOutboxMarks(handle);
}

/**
 * After changes were deleted from the outbox: its marks come back to the largest `seq` left. A new
 * change takes that `seq` plus one (the outbox has no AUTOINCREMENT, migration 0050), so it lands past
 * `outbox_settled_seq` (it waits to be pushed) and past `local_clocks_seq` (it is folded into this desk's
 * clocks) even when the deleted changes were the newest.
 */
export function clampOutboxMarks(handle: Pick<BetterSqlite3.Database, 'exec'>): void {
  handle.exec(`
    UPDATE sync_state SET
      outbox_settled_seq = min(outbox_settled_seq, coalesce((SELECT max(seq) FROM sync_changes), 0)),
      local_clocks_seq = min(local_clocks_seq, coalesce((SELECT max(seq) FROM sync_changes), 0))
    WHERE id = 1`);
}

/**
 * What the server answered for pushed changes: accepted ones leave the queue, rejected ones keep why.
 * Recorded by `seq`, found from the pushed changes (the outbox has no index on `change_id`, migration
 * 0046); an answer about a change that was not pushed is ignored.
 */
export function recordPushResults(
  handle: Handle,
  results: readonly PushResult[],
  pushed: readonly { id: string; seq: number }[],
): void {
  const seqOf = new Map(pushed.map((change) => [change.id, change.seq]));
  const accept = handle.prepare(
    "UPDATE sync_changes SET status = 'accepted', reject_code = NULL, reject_reason = NULL WHERE seq = ? AND change_id = ?",
  );
  const reject = handle.prepare(
    "UPDATE sync_changes SET status = 'rejected', reject_code = ?, reject_reason = ? WHERE seq = ? AND change_id = ?",
  );
  for (const result of results) {
    const seq = seqOf.get(result.id);
    if (seq === undefined) continue;
    if (result.status === 'rejected') reject.run(result.code, result.reason, seq, result.id);
    else accept.run(seq, result.id);
  }
  settleOutbox(handle);
}

/**
 * Moves `outbox_settled_seq` past the answered changes: to just before the first change still waiting,
 * or to the last change when none waits. It only moves forward (a fold may have emptied the outbox).
 */
export function settleOutbox(handle: Handle): void {
  handle
    .prepare(
      `UPDATE sync_state SET outbox_settled_seq = max(outbox_settled_seq, coalesce(
         (SELECT min(seq) - 1 FROM sync_changes WHERE ${WAITING}),
         (SELECT max(seq) FROM sync_changes),
         0))
       WHERE id = 1`,
    )
    .run();
}

export function rejectedChanges(handle: Handle): { id: string; table: string; code: string; reason: string }[] {
  return handle
    .prepare(
      'SELECT change_id AS id, table_name AS "table", reject_code AS code, reject_reason AS reason FROM sync_changes WHERE status = \'rejected\' ORDER BY seq',
    )
    .all() as { id: string; table: string; code: string; reason: string }[];
}
