import type { SnapshotRow, SyncValue } from '../../../src-shared/sync/protocol';
import type { SyncKind } from '../../../src-shared/sync/tables';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { decode, type TouchedRow } from './apply';
import { insertRow, setColumnClocks, setTombstone, type Cell } from './apply-repository';
import type { TableColumns } from './schema-repository';

const knownColumns = new WeakMap<TableColumns, Set<string>>();

/** The columns of a table's live shape, by name (once per shape, not once per row). */
export function known(shape: TableColumns): Set<string> {
  let names = knownColumns.get(shape);
  if (!names) {
    names = new Set(shape.columns.map((c) => c.name));
    knownColumns.set(shape, names);
  }
  return names;
}

/** A snapshot row's values of the columns this desk has, its key columns taken from its key. */
export function rowValues(row: SnapshotRow, shape: TableColumns): Record<string, Cell> {
  const names = known(shape);
  const values: Record<string, Cell> = {};
  for (const [column, value] of Object.entries(decode(row.values))) if (names.has(column)) values[column] = value;
  const key = row.key as Cell[];
  shape.key.forEach((column, i) => (values[column] = key[i] ?? null));
  return values;
}

/**
 * The clocks of a row just inserted whole from the snapshot. Its `'*'` clock is the whole row's stamp,
 * and every reader takes the later of a column's clock and `'*'` (apply.ts, bootstrap.ts), so a column
 * whose stamp is not after the row's needs no row of its own: most rows write one clock, not ~30.
 */
export function writeInsertedClocks(
  handle: BetterSqlite3.Database,
  row: SnapshotRow,
  shape: TableColumns,
  keyJson: string,
): void {
  const names = known(shape);
  for (const [column, stamp] of Object.entries(row.columnHlc)) {
    if (!names.has(column) || shape.key.includes(column)) continue;
    if (row.fullHlc !== null && stamp <= row.fullHlc) continue;
    setColumnClocks(handle, row.table, keyJson, [column], stamp);
  }
  if (row.fullHlc !== null) setColumnClocks(handle, row.table, keyJson, ['*'], row.fullHlc);
}

/**
 * The bulk path: one snapshot row into a table that had nothing of this desk's when the merge began
 * (no row, clock or tombstone) and still has no write of its own (bootstrap-repository.ts,
 * tableUntouched and tableQuiet). Every check the careful path makes (mergeRow in bootstrap.ts) then
 * answers the same without reading anything: no row here, no local clock, no tombstone. So this is
 * that path's outcome written straight: a deleted or partial row leaves its tombstone and is skipped,
 * a whole one is inserted with its clocks. A refused insert throws, and the caller hands the row to
 * the careful path, which decides it as before (waits for its parent, or is parked).
 */
export function insertWhole(
  handle: BetterSqlite3.Database,
  row: SnapshotRow,
  shape: TableColumns,
  kind: SyncKind,
  touched: TouchedRow[],
  openForm: Record<string, SyncValue> | null,
): 'applied' | 'skipped' {
  const values = rowValues(row, shape);
  const full = shape.columns.every((c) => Object.hasOwn(values, c.name));
  const visible =
    row.deletedHlc === null
      ? Object.keys(row.columnHlc).length > 0
      : row.fullHlc !== null && row.fullHlc > row.deletedHlc;
  const keyJson = JSON.stringify(row.key);
  if (!visible || !full) {
    if (row.deletedHlc !== null && kind === 'record') setTombstone(handle, row.table, keyJson, row.deletedHlc);
    return 'skipped';
  }
  const inserted = openForm ? { ...values, ...decode(openForm) } : values;
  insertRow(handle, row.table, inserted, false);
  writeInsertedClocks(handle, row, shape, keyJson);
  touched.push({ table: row.table, row: inserted });
  return 'applied';
}
