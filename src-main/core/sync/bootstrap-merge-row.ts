import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SnapshotRow, SyncValue } from '../../../src-shared/sync/protocol';
import type { SyncKind } from '../../../src-shared/sync/tables';
import { decode, maxStamp, type TouchedRow } from './apply';
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
import { known, rowValues, writeInsertedClocks } from './bootstrap-bulk';
import { localClocksOf } from './local-clocks-repository';
import type { TableColumns } from './schema-columns';

/**
 * One server row merged into this desk. `openForm` overrides the closing columns of a closed parent
 * inserted here for the first time (its children go in before it closes).
 */
export function mergeRow(
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
