import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { checkChange } from '../../../src-shared/sync/change-check';
import { localClocksOf } from './local-clocks-repository';
import type { SyncChange, SyncValue } from '../../../src-shared/sync/protocol';
import { parse, receive } from '../../../src-shared/sync/hlc';
import { SYNCED_TABLES, isSyncedTable, type SyncKind } from '../../../src-shared/sync/tables';
import {
  clearColumnClocks,
  columnClocks,
  deleteRow,
  dropTombstone,
  insertRow,
  parkChange,
  parkedChanges,
  readRow,
  setColumnClocks,
  setTombstone,
  tombstoneOf,
  unparkChange,
  updateRow,
  type Cell,
} from './apply-repository';
import type { SyncRuntime } from './runtime';
import { shapesOf, type TableShape } from './shape-cache';

/** A row a remote change touched (as it is after, or as it was before a delete), for caches and events. */
export interface TouchedRow {
  table: string;
  row: Record<string, Cell>;
}

export interface BatchOutcome {
  applied: number;
  /** Already here, older than what is here, a deleted row's late edit, or this desk's own. */
  skipped: number;
  /** Could not be applied now; kept in sync_apply_problems (waiting ones are retried on every apply). */
  parked: number;
  /** The clock refused the stamp: too far ahead of this computer's (the message says how far). */
  skewMessage: string | null;
  touched: TouchedRow[];
}

type Verdict = 'applied' | 'skipped' | { park: string };

export const WAITING = 'waiting: ';
const SKEW = 'skew: ';
/** SQLite's refusals that mean "not yet" (what the row depends on has not arrived), not "never". */
export const NOT_YET = new Set(['SQLITE_CONSTRAINT_FOREIGNKEY', 'SQLITE_CONSTRAINT_NOTNULL']);

/**
 * Applies remote changes on the raw connection, inside a transaction the caller holds, with capture
 * already off. Each change runs in its own savepoint: one a table refuses (an issued invoice is
 * frozen, a unique number taken) is parked with the reason and the rest go on, never stalling the
 * queue behind it (the PowerSync and Bahmni failures). Parked changes that were only waiting for a
 * row are retried after the batch, until no more of them go in.
 */
export function applyBatch(
  handle: BetterSqlite3.Database,
  runtime: SyncRuntime,
  incoming: readonly unknown[],
  now: number,
  /** The server's time as it answered (see `receive`): stamps are measured from the later of the two. */
  serverNow: number = now,
): BatchOutcome {
  const shapeOf = shapesOf(handle);
  const outcome: BatchOutcome = { applied: 0, skipped: 0, parked: 0, skewMessage: null, touched: [] };
  const changes: SyncChange[] = [];
  for (const raw of incoming) {
    const parsed = checkChange(raw);
    if (!parsed.success) {
      const id = typeof raw === 'object' && raw !== null && 'id' in raw ? String(raw.id).slice(0, 64) : 'unknown';
      parkChange(handle, { id, hlc: '', json: JSON.stringify(raw) }, `malformed: ${parsed.error.message}`, now);
      outcome.parked += 1;
      continue;
    }
    changes.push(parsed.data);
  }
  // Stamp order is causal order: a row's insert comes before its edits, a parent before its children.
  changes.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));

  // One savepoint function for the batch (nested in the caller's transaction, so each call is a savepoint).
  const inSavepoint = handle.transaction((change: SyncChange) => applyOne(handle, change, shapeOf, outcome.touched));
  const attempt = (change: SyncChange): Verdict => {
    if (change.deviceId === runtime.deviceId) return 'skipped';
    const stamp = parse(change.hlc);
    const clock = receive(runtime.clock, stamp, now, serverNow);
    if (!clock.ok) {
      outcome.skewMessage = clock.message;
      return { park: SKEW + clock.message };
    }
    runtime.clock = clock.state;
    try {
      return inSavepoint(change);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      return { park: `${typeof code === 'string' && NOT_YET.has(code) ? WAITING : 'refused: '}${message}` };
    }
  };
  const record = (change: SyncChange, verdict: Verdict, wasParked: boolean) => {
    if (verdict === 'applied' || verdict === 'skipped') {
      if (verdict === 'applied') outcome.applied += 1;
      else outcome.skipped += 1;
      if (wasParked) unparkChange(handle, change.id);
      return;
    }
    parkChange(handle, { id: change.id, hlc: change.hlc, json: JSON.stringify(change) }, verdict.park, now);
    if (!wasParked) outcome.parked += 1;
  };

  for (const change of changes) record(change, attempt(change), false);
  // Retry what waited (for a parent row, or for the clock to catch up), while any of it goes in.
  for (let pass = 0; pass < 10; pass += 1) {
    const parked = [...parkedChanges(handle, WAITING), ...parkedChanges(handle, SKEW)];
    let progress = 0;
    for (const row of parked) {
      const parsed = checkChange(JSON.parse(row.change_json));
      if (!parsed.success) throw parsed.error;
      const change = parsed.data;
      const verdict = attempt(change);
      record(change, verdict, true);
      if (verdict === 'applied' || verdict === 'skipped') {
        progress += 1;
        outcome.parked = Math.max(0, outcome.parked - 1);
      }
    }
    if (progress === 0) break;
  }
  return outcome;
}

function applyOne(
  handle: BetterSqlite3.Database,
  change: SyncChange,
  shapeOf: (table: string) => TableShape,
  touched: TouchedRow[],
): Verdict {
  if (!isSyncedTable(change.table)) return { park: `refused: ${change.table} is not a synced table` };
  const kind: SyncKind = SYNCED_TABLES[change.table];
  const shape = shapeOf(change.table);
  if (change.key.length !== shape.key.length)
    return { park: `refused: the key of ${change.table} has ${shape.key.length} parts` };
  const unknown = Object.keys(change.values).filter((c) => !shape.names.has(c));
  if (unknown.length > 0) return { park: `refused: ${change.table} has no column ${unknown.join(', ')}` };

  const key = change.key as Cell[];
  const keyJson = JSON.stringify(change.key);
  const values = decode(change.values);
  const full = shape.columns.every((c) => Object.hasOwn(values, c.name));
  const existing = readRow(handle, change.table, shape.key, key);
  const local = localClocksOf(handle, change.table, keyJson);

  if (change.op === 'delete') {
    if (kind === 'ledger') return { park: `refused: ${change.table} is a ledger; its rows are never deleted` };
    setTombstone(handle, change.table, keyJson, change.hlc);
    if (!existing) return 'skipped';
    // A row made again (a full insert) after this delete was stamped is a new row, not an old edit.
    const birth = maxStamp(columnClocks(handle, change.table, keyJson).get('*') ?? null, local.birth);
    if (birth !== null && birth > change.hlc) return 'skipped';
    deleteRow(handle, change.table, shape.key, key);
    clearColumnClocks(handle, change.table, keyJson);
    touched.push({ table: change.table, row: existing });
    return 'applied';
  }

  if (!existing) {
    const tombstone = tombstoneOf(handle, change.table, keyJson);
    const deletedAt = maxStamp(tombstone, local.deleted);
    // Never resurrect: an edit of a deleted row stays deleted; only a whole new row (newer) comes back.
    if (deletedAt !== null && (change.hlc <= deletedAt || !full)) return 'skipped';
    if (!full) return { park: `${WAITING}the ${change.table} row it edits has not arrived` };
    insertRow(handle, change.table, values, kind === 'ledger');
    clearColumnClocks(handle, change.table, keyJson);
    setColumnClocks(handle, change.table, keyJson, ['*'], change.hlc);
    if (tombstone !== null) dropTombstone(handle, change.table, keyJson);
    // The row is what was inserted, every column given (full): no need to read it back.
    touched.push({ table: change.table, row: values });
    return 'applied';
  }

  // Ledgers are never overwritten: the row with this key is already here.
  if (kind === 'ledger') return 'skipped';
  const clocks = columnClocks(handle, change.table, keyJson);
  // A whole row is a birth even when a row of this key is already here (a link another desk deleted
  // and inserted again, or inserted without knowing of ours): a delete stamped before it must not take
  // the row away later, whichever columns it won. '*' only ever rises, and every column it could lower
  // is compared below against the clocks read before.
  if (full) setColumnClocks(handle, change.table, keyJson, ['*'], change.hlc);
  const winners: Record<string, Cell> = {};
  for (const [column, value] of Object.entries(values)) {
    if (shape.key.includes(column)) continue;
    const current = maxStamp(
      maxStamp(clocks.get(column) ?? null, clocks.get('*') ?? null),
      local.columns.get(column) ?? null,
    );
    if (current === null || change.hlc > current) winners[column] = value;
  }
  const won = Object.keys(winners);
  if (won.length === 0) return 'skipped';
  updateRow(handle, change.table, shape.key, key, winners);
  setColumnClocks(handle, change.table, keyJson, won, change.hlc);
  // The row as it is now: what was here, with the columns this change won.
  touched.push({ table: change.table, row: { ...existing, ...winners } });
  return 'applied';
}

export function maxStamp(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}

export function decode(values: Record<string, SyncValue>): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  for (const [name, value] of Object.entries(values)) {
    out[name] = value !== null && typeof value === 'object' ? Buffer.from(value.b64, 'base64') : value;
  }
  return out;
}
