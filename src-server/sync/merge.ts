import type { SyncValue } from '../../src-shared/sync/protocol';

/**
 * The merged state of one record row on the server (issue 17, "Merge by the kind of data").
 *
 * - Per column, the value with the greatest HLC wins (stamps compare as text).
 * - A delete is a tombstone: `deletedHlc` is the greatest delete seen, and every column value stamped
 *   at or before it is dropped. An edit that arrives later but was stamped before the delete is ignored,
 *   and so is a later *partial* edit: an edit of a deleted row never brings it back (PouchDB's
 *   resurrection). Only an upsert that carries every column — a fresh insert, as when a permission
 *   removed from a role is granted again — stamped after the delete makes the row visible again.
 *
 * Every rule is a maximum over the set of changes, so the state does not depend on the order in which
 * changes arrive: two servers (or a server and a desk) that saw the same changes hold the same row.
 */
export interface RowState {
  values: Record<string, SyncValue>;
  columnHlc: Record<string, string>;
  deletedHlc: string | null;
  /** The greatest HLC of an upsert that set every column. */
  fullHlc: string | null;
}

export interface MergeChange {
  op: 'upsert' | 'delete';
  values: Record<string, SyncValue>;
  hlc: string;
}

export function emptyRow(): RowState {
  return { values: {}, columnHlc: {}, deletedHlc: null, fullHlc: null };
}

export function isVisible(row: RowState): boolean {
  if (row.deletedHlc === null) return row.fullHlc !== null || Object.keys(row.columnHlc).length > 0;
  return row.fullHlc !== null && row.fullHlc > row.deletedHlc;
}

/** `columns` are the table's non-key columns: an upsert naming all of them is a full row. */
export function mergeRecord(current: RowState, change: MergeChange, columns: readonly string[]): RowState {
  const next: RowState = {
    values: { ...current.values },
    columnHlc: { ...current.columnHlc },
    deletedHlc: current.deletedHlc,
    fullHlc: current.fullHlc,
  };
  if (change.op === 'delete') {
    if (next.deletedHlc !== null && next.deletedHlc >= change.hlc) return next;
    const kept = Object.entries(next.columnHlc).filter(([, stamp]) => stamp > change.hlc);
    return {
      values: Object.fromEntries(kept.map(([column]) => [column, next.values[column] ?? null])),
      columnHlc: Object.fromEntries(kept),
      deletedHlc: change.hlc,
      fullHlc: next.fullHlc,
    };
  }
  if (next.deletedHlc !== null && change.hlc <= next.deletedHlc) return next;
  for (const [column, value] of Object.entries(change.values)) {
    const stamp = next.columnHlc[column];
    if (stamp === undefined || change.hlc > stamp) {
      next.values[column] = value;
      next.columnHlc[column] = change.hlc;
    }
  }
  const full = columns.every((column) => Object.hasOwn(change.values, column));
  if (full && (next.fullHlc === null || change.hlc > next.fullHlc)) next.fullHlc = change.hlc;
  return next;
}
