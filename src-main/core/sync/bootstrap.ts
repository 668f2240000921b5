import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SnapshotRow, SyncChange, SyncValue } from '../../../src-shared/sync/protocol';
import { parse, receive } from '../../../src-shared/sync/hlc';
import { SYNCED_TABLES, isSyncedTable, type SyncKind, type SyncedTableName } from '../../../src-shared/sync/tables';
import { decode, localClocks, maxStamp, NOT_YET, WAITING, type TouchedRow } from './apply';
import {
  clearColumnClocks,
  columnClocks,
  deleteRow,
  dropTombstone,
  insertRow,
  localWrites,
  parkChange,
  readRow,
  setColumnClocks,
  setTombstone,
  tombstoneOf,
  updateRow,
  type Cell,
} from './apply-repository';
import { stagedChildren, stagedRows } from './bootstrap-repository';
import type { SyncRuntime } from './runtime';
import { tableColumns, type TableColumns } from './schema-columns';
import { CLOSED_PARENTS, snapshotTableOrder } from './snapshot-repository';

export interface SnapshotOutcome {
  applied: number;
  skipped: number;
  /** Rows that could not go in (kept in sync_apply_problems, as a change waiting or refused). */
  parked: number;
  touched: TouchedRow[];
}

/**
 * Merges the staged snapshot (the server's merged rows) into this desk, inside a transaction the
 * caller holds, with capture off. A row is merged column by column with the stamp the server holds for
 * each column, against this desk's own clocks and its outbox: the same rules as applying the changes
 * one by one (apply.ts), so the result is what replaying the whole log would have given. Nothing is
 * cleared first: a desk's own writes not yet on the server keep their values where their stamps win,
 * and stay in the outbox to be pushed. Tables go parents first; a parent closed to new children (an
 * issued invoice) goes in as it was while open, then its children, then closes (snapshot-repository.ts).
 * A row whose parent is not here yet is tried again after the rest; one that still cannot go in is
 * parked as a change (waiting or refused), as a pulled change would be.
 */
export function mergeSnapshot(
  handle: BetterSqlite3.Database,
  runtime: SyncRuntime,
  now: number,
  serverNow: number,
): SnapshotOutcome {
  const outcome: SnapshotOutcome = { applied: 0, skipped: 0, parked: 0, touched: [] };
  const shapes = new Map<string, TableColumns>();
  const shapeOf = (table: string) => {
    let shape = shapes.get(table);
    if (!shape) {
      shape = tableColumns(handle, table);
      shapes.set(table, shape);
    }
    return shape;
  };
  const done = new Set<string>();
  const later: SnapshotRow[] = [];
  const idOf = (row: SnapshotRow) => `${row.table}\u0000${JSON.stringify(row.key)}`;

  const clockSees = (row: SnapshotRow) => {
    const stamps = [...Object.values(row.columnHlc), row.deletedHlc, row.fullHlc].filter(
      (s): s is string => typeof s === 'string',
    );
    const latest = stamps.reduce<string | null>((a, b) => maxStamp(a, b), null);
    if (latest === null) return;
    const clock = receive(runtime.clock, parse(latest), now, serverNow);
    if (clock.ok) runtime.clock = clock.state;
  };

  /** One unit in its own savepoint; a row whose parent is missing waits for the second pass. */
  const attempt = (row: SnapshotRow, work: () => 'applied' | 'skipped', final: boolean): boolean => {
    try {
      const verdict = handle.transaction(work)();
      if (verdict === 'applied') outcome.applied += 1;
      else outcome.skipped += 1;
      return true;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      const message = error instanceof Error ? error.message : String(error);
      const waiting = typeof code === 'string' && NOT_YET.has(code);
      if (waiting && !final) return false;
      park(handle, row, `${waiting ? WAITING : 'refused: '}${message}`, now);
      outcome.parked += 1;
      return true;
    }
  };

  const unit = (row: SnapshotRow, final: boolean): boolean => {
    if (!isSyncedTable(row.table)) return true;
    // This desk's own chain is its audit_log; the server's copy of it is not another device's chain.
    if (row.table === 'audit_chains' && row.key[0] === runtime.deviceId) return true;
    const table: SyncedTableName = row.table;
    const shape = shapeOf(table);
    const kind = SYNCED_TABLES[table];
    clockSees(row);
    const closing = CLOSED_PARENTS[table];
    const values = decode(row.values);
    if (!closing || !closing.closed(values)) {
      return attempt(row, () => mergeRow(handle, row, shape, kind, outcome.touched, null), final);
    }
    const parentKey = String(values[shape.key[0] ?? 'id']);
    return attempt(
      row,
      () => {
        const existed = readRow(handle, table, shape.key, row.key) !== undefined;
        const opened = !existed && mergeRow(handle, row, shape, kind, outcome.touched, closing.open) === 'applied';
        for (const child of closing.children) {
          for (const line of stagedChildren(handle, child.table, child.column, parentKey)) {
            done.add(idOf(line));
            clockSees(line);
            mergeRow(handle, line, shapeOf(child.table), SYNCED_TABLES[child.table], outcome.touched, null);
          }
        }
        if (!opened) return mergeRow(handle, row, shape, kind, outcome.touched, null);
        const closed = Object.fromEntries(Object.keys(closing.open).map((c) => [c, values[c] ?? null]));
        updateRow(handle, table, shape.key, row.key, closed);
        return 'applied';
      },
      final,
    );
  };

  for (const table of snapshotTableOrder(handle)) {
    for (const row of stagedRows(handle, table)) {
      if (done.has(idOf(row))) continue;
      done.add(idOf(row));
      if (!unit(row, false)) later.push(row);
    }
  }
  // Rows that came before their parent (a credit note before its invoice): again while any goes in.
  let waiting = later;
  for (let pass = 0; pass < 10 && waiting.length > 0; pass += 1) {
    const next = waiting.filter((row) => !unit(row, false));
    if (next.length === waiting.length) break;
    waiting = next;
  }
  for (const row of waiting) unit(row, true);
  return outcome;
}

/**
 * One server row merged into this desk. `openForm` overrides the closing columns of a closed parent
 * inserted here for the first time (its children go in before it closes).
 */
function mergeRow(
  handle: BetterSqlite3.Database,
  row: SnapshotRow,
  shape: TableColumns,
  kind: SyncKind,
  touched: TouchedRow[],
  openForm: Record<string, SyncValue> | null,
): 'applied' | 'skipped' {
  const { table } = row;
  const keyJson = JSON.stringify(row.key);
  const key = row.key as Cell[];
  const known = new Set(shape.columns.map((c) => c.name));
  const values: Record<string, Cell> = {};
  for (const [column, value] of Object.entries(decode(row.values))) if (known.has(column)) values[column] = value;
  shape.key.forEach((column, i) => (values[column] = key[i] ?? null));
  const existing = readRow(handle, table, shape.key, key);
  const local = localClocks(localWrites(handle, table, keyJson), shape.columns.length);
  const visible =
    row.deletedHlc === null
      ? Object.keys(row.columnHlc).length > 0
      : row.fullHlc !== null && row.fullHlc > row.deletedHlc;
  if (row.deletedHlc !== null && kind === 'record') setTombstone(handle, table, keyJson, row.deletedHlc);

  if (!visible) {
    if (row.deletedHlc === null || !existing || kind === 'ledger') return 'skipped';
    const birth = maxStamp(columnClocks(handle, table, keyJson).get('*') ?? null, local.birth);
    if (birth !== null && birth > row.deletedHlc) return 'skipped';
    deleteRow(handle, table, shape.key, key);
    clearColumnClocks(handle, table, keyJson);
    touched.push({ table, row: existing });
    return 'applied';
  }

  if (!existing) {
    const full = shape.columns.every((c) => Object.hasOwn(values, c.name));
    const deletedAt = maxStamp(tombstoneOf(handle, table, keyJson), local.deleted);
    // Never resurrect: gone here after the server's whole row was made (this desk's unsent delete).
    if (!full || (deletedAt !== null && (row.fullHlc === null || row.fullHlc <= deletedAt))) return 'skipped';
    const inserted = openForm ? { ...values, ...decode(openForm) } : values;
    insertRow(handle, table, inserted, kind === 'ledger');
    clearColumnClocks(handle, table, keyJson);
    for (const [column, stamp] of Object.entries(row.columnHlc)) {
      if (known.has(column) && !shape.key.includes(column)) setColumnClocks(handle, table, keyJson, [column], stamp);
    }
    if (row.fullHlc !== null) setColumnClocks(handle, table, keyJson, ['*'], row.fullHlc);
    dropTombstone(handle, table, keyJson);
    touched.push({ table, row: readRow(handle, table, shape.key, key) ?? values });
    return 'applied';
  }

  // Ledgers are never overwritten; records merge per column, the later stamp winning.
  if (kind === 'ledger') return 'skipped';
  const clocks = columnClocks(handle, table, keyJson);
  const winners: Record<string, Cell> = {};
  const stamps: [string, string][] = [];
  for (const [column, stamp] of Object.entries(row.columnHlc)) {
    if (!known.has(column) || shape.key.includes(column) || !Object.hasOwn(values, column)) continue;
    const current = maxStamp(
      maxStamp(clocks.get(column) ?? null, clocks.get('*') ?? null),
      local.columns.get(column) ?? null,
    );
    if (current === null || stamp > current) {
      winners[column] = values[column] ?? null;
      stamps.push([column, stamp]);
    }
  }
  if (stamps.length === 0) return 'skipped';
  updateRow(handle, table, shape.key, key, winners);
  for (const [column, stamp] of stamps) setColumnClocks(handle, table, keyJson, [column], stamp);
  touched.push({ table, row: readRow(handle, table, shape.key, key) ?? existing });
  return 'applied';
}

/**
 * A row that could not go in is kept as the change that would make it (every column at its row's
 * stamp), so the retries of later pulls (apply.ts) try it again like any pulled change.
 */
function park(handle: BetterSqlite3.Database, row: SnapshotRow, reason: string, now: number): void {
  const hlc =
    row.fullHlc ??
    Object.values(row.columnHlc).reduce<string | null>((a, b) => maxStamp(a, b), null) ??
    row.deletedHlc ??
    '';
  const visible = row.deletedHlc === null || (row.fullHlc !== null && row.fullHlc > row.deletedHlc);
  const change: SyncChange = {
    id: derivedId(row),
    table: row.table,
    key: row.key,
    op: visible ? 'upsert' : 'delete',
    values: visible ? row.values : {},
    hlc,
    deviceId: hlc.slice(23),
    userId: null,
  };
  parkChange(handle, { id: change.id, hlc, json: JSON.stringify(change) }, reason, now);
}

/** A stable uuid-shaped id for a parked snapshot row, so parking it again updates the same problem. */
function derivedId(row: SnapshotRow): string {
  const hex = createHash('sha256')
    .update(`snapshot\u0000${row.table}\u0000${JSON.stringify(row.key)}`)
    .digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
