import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SnapshotRow, SyncValue } from '../../../src-shared/sync/protocol';
import { parse, receive } from '../../../src-shared/sync/hlc';
import { SYNCED_TABLES, isSyncedTable, type SyncKind, type SyncedTableName } from '../../../src-shared/sync/tables';
import { decode, maxStamp, NOT_YET, WAITING, type TouchedRow } from './apply';
import { park } from './bootstrap-park';
import { localClocksOf } from './local-clocks-repository';
import {
  clearColumnClocks,
  columnClocks,
  deleteRow,
  dropTombstone,
  insertRow,
  readRow,
  setColumnClocks,
  setTombstone,
  tombstoneOf,
  updateRow,
  type Cell,
} from './apply-repository';
import { insertWhole, known, rowValues, writeInsertedClocks } from './bootstrap-bulk';
import { fillStagedPage, type ClosingFill } from './bootstrap-fill-repository';
import {
  indexStagedChildren,
  stagedChildren,
  stagedPage,
  stagedRange,
  tableQuiet,
  tableUntouched,
  unstagePage,
  unstageRow,
  type StagedRow,
} from './bootstrap-repository';
import type { SyncRuntime } from './runtime';
import { tableColumns, type TableColumns } from './schema-repository';
import { CLOSED_PARENTS, snapshotTableOrder, type ClosedParent } from './snapshot-repository';

export interface SnapshotOutcome {
  applied: number;
  skipped: number;
  /** Rows that could not go in (kept in sync_apply_problems, as a change waiting or refused). */
  parked: number;
  /** What this step touched (the caller rebuilds caches and looks for conflicts, then lets it go). */
  touched: TouchedRow[];
  /** Of `applied`, the rows put in by SQL straight from the stage (bootstrap-fill-repository.ts). */
  filled: number;
}

export interface SnapshotMerge {
  /**
   * Merges up to about `limit` staged rows inside a transaction the caller holds, with capture off,
   * and takes them off the stage. `done` once the stage holds nothing left to try: the caller then
   * saves the cursor and drops the stage in the same transaction.
   */
  step(limit: number): SnapshotOutcome & { done: boolean };
}

/**
 * Merges the staged snapshot (the server's merged rows) into this desk, a page of rows per step, each
 * step in a transaction of the caller's (service.ts commits each and saves the cursor with the last),
 * so a desk stopped mid-merge resumes with what is left on the stage, and what is kept in memory for
 * the caches and conflict checks is one step's rows, not the whole snapshot's. A row is merged column
 * by column with the stamp the server holds for each column, against this desk's own clocks and its
 * outbox: the same rules as applying the changes one by one (apply.ts), so the result is what
 * replaying the whole log would have given. Nothing is cleared first: a desk's own writes not yet on
 * the server keep their values where their stamps win, and stay in the outbox to be pushed. Tables go
 * parents first; a parent closed to new children (an issued invoice) goes in as it was while open,
 * then its children, then closes (snapshot-repository.ts). A row whose parent is not here yet is tried
 * again after the rest; one that still cannot go in is parked as a change (waiting or refused), as a
 * pulled change would be.
 *
 * A table this desk has nothing of (tableUntouched when the merge began, tableQuiet before each page)
 * takes the bulk path (bootstrap-bulk.ts): no savepoint and no read per row. Any other table, or a row
 * the bulk path's insert refused, takes the careful path, a savepoint per row.
 */
export function snapshotMerge(
  handle: BetterSqlite3.Database,
  runtime: SyncRuntime,
  now: number,
  serverNow: number,
  /** `fill: false` merges every row in JavaScript (the tests compare the two ways). */
  options: { fill?: boolean } = {},
): SnapshotMerge {
  const shapes = new Map<string, TableColumns>();
  const shapeOf = (table: string) => {
    let shape = shapes.get(table);
    if (!shape) {
      shape = tableColumns(handle, table);
      shapes.set(table, shape);
    }
    return shape;
  };
  const order = snapshotTableOrder(handle);
  let untouched: Set<string> | null = null;
  const indexed = new Set<string>();
  let tableIndex = 0;
  let afterN = 0;
  let outcome: SnapshotOutcome = { applied: 0, skipped: 0, parked: 0, touched: [], filled: 0 };
  /** Rows merged with their closed parent in the last passes (the first pass takes them off the stage). */
  const done = new Set<number>();
  let latestSeen: string | null = null;

  const clockSees = (row: SnapshotRow) => {
    const stamps = [...Object.values(row.columnHlc), row.deletedHlc, row.fullHlc].filter(
      (s): s is string => typeof s === 'string',
    );
    clockTakes(stamps.reduce<string | null>((a, b) => maxStamp(a, b), null));
  };
  const clockTakes = (latest: string | null) => {
    // A stamp not after one the clock already took moves it no further.
    if (latest === null || (latestSeen !== null && latest <= latestSeen)) return;
    const clock = receive(runtime.clock, parse(latest), now, serverNow);
    if (clock.ok) {
      runtime.clock = clock.state;
      latestSeen = latest;
    }
  };

  /** One unit in its own savepoint; a row whose parent is missing waits for the last passes. */
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

  const childrenOf = (closing: ClosedParent, parentKey: string) =>
    closing.children.flatMap((child) => {
      if (!indexed.has(child.table)) {
        indexStagedChildren(handle, child.table, child.column);
        indexed.add(child.table);
      }
      return stagedChildren(handle, child.table, parentKey).map((line) => ({ ...line, table: child.table }));
    });

  /** Decides one row (true), or leaves it waiting for its parent (false). */
  const unit = (row: SnapshotRow, final: boolean, bulk: boolean): boolean => {
    if (!isSyncedTable(row.table)) return true;
    // This desk's own chain is its audit_log; the server's copy of it is not another device's chain.
    if (row.table === 'audit_chains' && row.key[0] === runtime.deviceId) return true;
    const table: SyncedTableName = row.table;
    const shape = shapeOf(table);
    const kind = SYNCED_TABLES[table];
    clockSees(row);
    const closing = CLOSED_PARENTS[table];
    const values = decode(row.values);
    const isClosed = closing !== undefined && closing.closed(values);
    if (bulk && (!isClosed || closing.children.every((c) => untouched?.has(c.table) && tableQuiet(handle, c.table)))) {
      try {
        const verdict = isClosed
          ? handle.transaction(() => closedWhole(row, shape, kind, closing))()
          : insertWhole(handle, row, shape, kind, outcome.touched, null);
        if (verdict === 'applied') outcome.applied += 1;
        else outcome.skipped += 1;
        return true;
      } catch {
        // Refused (a parent not here yet, a unique number taken): the careful path decides it.
      }
    }
    if (!isClosed) {
      return attempt(row, () => mergeRow(handle, row, shape, kind, outcome.touched, null), final);
    }
    const parentKey = String(values[shape.key[0] ?? 'id']);
    return attempt(
      row,
      () => {
        const existed = readRow(handle, table, shape.key, row.key) !== undefined;
        const opened = !existed && mergeRow(handle, row, shape, kind, outcome.touched, closing.open) === 'applied';
        for (const line of childrenOf(closing, parentKey)) {
          done.add(line.n);
          unstageRow(handle, line.n);
          clockSees(line.row);
          mergeRow(handle, line.row, shapeOf(line.table), SYNCED_TABLES[line.table], outcome.touched, null);
        }
        if (!opened) return mergeRow(handle, row, shape, kind, outcome.touched, null);
        const closed = Object.fromEntries(Object.keys(closing.open).map((c) => [c, values[c] ?? null]));
        updateRow(handle, table, shape.key, row.key, closed);
        return 'applied';
      },
      final,
    );
  };

  /** A closed parent by the bulk path: open, its children, closed; in the caller's savepoint. */
  const closedWhole = (row: SnapshotRow, shape: TableColumns, kind: SyncKind, closing: ClosedParent) => {
    const values = decode(row.values);
    const verdict = insertWhole(handle, row, shape, kind, outcome.touched, closing.open);
    for (const line of childrenOf(closing, String(values[shape.key[0] ?? 'id']))) {
      unstageRow(handle, line.n);
      clockSees(line.row);
      insertWhole(handle, line.row, shapeOf(line.table), SYNCED_TABLES[line.table], outcome.touched, null);
    }
    if (verdict === 'applied') {
      const closed = Object.fromEntries(Object.keys(closing.open).map((c) => [c, values[c] ?? null]));
      updateRow(handle, row.table, shape.key, row.key, closed);
    }
    return verdict;
  };

  /** The first pass: a page of the current table; rows whose parent is missing stay on the stage. */
  const firstPass = (limit: number): number => {
    const table = order[tableIndex];
    if (table === undefined) return 0;
    const bulk = (untouched?.has(table) ?? false) && tableQuiet(handle, table);
    const page = bulk && fillable(table) ? null : stagedPage(handle, table, afterN, limit);
    const merged = page ? page.length : fillPass(table, limit);
    if (merged === 0) {
      tableIndex += 1;
      afterN = 0;
      return 0;
    }
    if (!page) return merged;
    const waiting: StagedRow[] = [];
    for (const staged of page) if (!unit(staged.row, false, bulk)) waiting.push(staged);
    const first = page[0]?.n ?? 0;
    afterN = page[page.length - 1]?.n ?? afterN;
    unstagePage(handle, table, first, afterN, waiting);
    return page.length;
  };

  /** A closed parent's table as the fill takes it, its children's stage indexed by parent. */
  const closingFill = (table: SyncedTableName): ClosingFill | undefined => {
    const closing = CLOSED_PARENTS[table];
    const child = closing?.children[0];
    if (!closing || !child) return undefined;
    if (!indexed.has(child.table)) {
      indexStagedChildren(handle, child.table, child.column);
      indexed.add(child.table);
    }
    return {
      closedWhen: closing.closedWhen,
      open: closing.open,
      child: { table: child.table, shape: shapeOf(child.table), column: child.column },
    };
  };

  /** Whether a bulk table's pages may go in by SQL (see filledBySql), its closed children untouched too. */
  const fillable = (table: SyncedTableName) =>
    options.fill !== false &&
    filledBySql(table) &&
    (CLOSED_PARENTS[table]?.children ?? []).every((c) => untouched?.has(c.table) && tableQuiet(handle, c.table));

  /**
   * The bulk path's page by SQL (bootstrap-fill-repository.ts); the rows it leaves (deleted, partial,
   * with a blob) or a page it could not put in go row by row as before.
   */
  const fillPass = (table: SyncedTableName, limit: number): number => {
    const filled = fillStagedPage(handle, table, shapeOf(table), afterN, limit, closingFill(table));
    if (!filled) return 0;
    if (filled.rows) {
      clockTakes(filled.latest);
      const parents = filled.rows.filter((r) => r.table === table).length;
      outcome.applied += parents;
      outcome.filled += parents;
      for (const touched of filled.rows) outcome.touched.push(touched);
    }
    const left = stagedRange(handle, table, afterN, filled.lastN);
    const waiting: StagedRow[] = [];
    for (const staged of left) if (!unit(staged.row, false, true)) waiting.push(staged);
    unstagePage(handle, table, afterN + 1, filled.lastN, waiting);
    afterN = filled.lastN;
    return (filled.rows?.length ?? 0) + left.length;
  };

  /** What waited for its parent (a credit note before its invoice): again while any goes in, then parked. */
  const lastPasses = () => {
    let waiting = order.flatMap((table) => stagedPage(handle, table, 0, Number.MAX_SAFE_INTEGER));
    for (let pass = 0; pass < 10 && waiting.length > 0; pass += 1) {
      const next = waiting.filter((s) => !done.has(s.n) && !unit(s.row, false, false));
      if (next.length === waiting.length) break;
      waiting = next;
    }
    for (const staged of waiting) if (!done.has(staged.n)) unit(staged.row, true, false);
  };

  return {
    step(limit) {
      outcome = { applied: 0, skipped: 0, parked: 0, touched: [], filled: 0 };
      untouched ??= new Set(order.filter((table) => tableUntouched(handle, table)));
      let merged = 0;
      while (merged < limit && tableIndex < order.length) merged += firstPass(limit - merged);
      const finished = tableIndex >= order.length;
      if (finished) lastPasses();
      return { ...outcome, done: finished };
    },
  };
}

/**
 * Tables whose bulk rows may go in by SQL: all but the audit chains (this desk's own chain on the server
 * is skipped, row by row) and a closed parent with more than one child table (the fill takes one).
 */
function filledBySql(table: SyncedTableName): boolean {
  return table !== 'audit_chains' && (CLOSED_PARENTS[table]?.children.length ?? 1) === 1;
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
  const names = known(shape);
  const values = rowValues(row, shape);
  const existing = readRow(handle, table, shape.key, key);
  const local = localClocksOf(handle, table, keyJson);
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
    writeInsertedClocks(handle, row, shape, keyJson);
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
    if (!names.has(column) || shape.key.includes(column) || !Object.hasOwn(values, column)) continue;
    const current = maxStamp(
      maxStamp(clocks.get(column) ?? null, clocks.get('*') ?? null),
      local.columns.get(column) ?? null,
    );
    if (current === null || stamp > current) {
      winners[column] = values[column] ?? null;
      stamps.push([column, stamp]);
    }
  }
  // The server's whole row is a birth here too (as in apply.ts): a delete stamped before it, pulled later,
  // must not take the row away.
  if (row.fullHlc !== null) setColumnClocks(handle, table, keyJson, ['*'], row.fullHlc);
  if (stamps.length === 0) return 'skipped';
  updateRow(handle, table, shape.key, key, winners);
  for (const [column, stamp] of stamps) setColumnClocks(handle, table, keyJson, [column], stamp);
  touched.push({ table, row: readRow(handle, table, shape.key, key) ?? existing });
  return 'applied';
}
