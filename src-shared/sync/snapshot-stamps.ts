import type { SnapshotRow } from './protocol';

/**
 * A snapshot row's stamps, sent once per row where they can be. A row the server holds whole (inserted
 * by one change, most columns never edited since) carries the same 60-character stamp for every column
 * and as its `fullHlc`: in the quick bench clinic two thirds of a page's JSON (a page of 2,000
 * appointments was 5.3 MB), parsed, checked, staged, read back and deleted again by the new desk. The
 * server leaves out each column stamp equal to `fullHlc` and marks the row `columnsAtFull`; the desk
 * puts them back before merging, so the merge sees exactly the row the server holds.
 *
 * Only for a desk that asks (SNAPSHOT_STAMPS_HEADER): a desk from before this change would take a
 * compacted row for a malformed one and leave it out.
 */

/** What the server sends: the same row, or the row without the column stamps its `fullHlc` gives. */
export function compactStamps(row: SnapshotRow): SnapshotRow {
  const full = row.fullHlc;
  if (full === null || row.columnsAtFull) return row;
  const columns = Object.keys(row.values);
  // A value without a stamp of its own would be given one when expanded: leave such a row whole.
  if (!columns.every((column) => Object.hasOwn(row.columnHlc, column))) return row;
  const columnHlc: Record<string, string> = {};
  let dropped = 0;
  for (const [column, stamp] of Object.entries(row.columnHlc)) {
    if (stamp === full && Object.hasOwn(row.values, column)) dropped += 1;
    else columnHlc[column] = stamp;
  }
  if (dropped === 0) return row;
  return { ...row, columnHlc, columnsAtFull: true };
}

/** What the desk merges: every column of `values` with its stamp again, the mark gone. */
export function expandStamps(row: SnapshotRow): SnapshotRow {
  if (!row.columnsAtFull) return row;
  const { table, key, values, deletedHlc, fullHlc } = row;
  const columnHlc: Record<string, string> = { ...row.columnHlc };
  if (fullHlc !== null)
    for (const column of Object.keys(values)) if (!Object.hasOwn(columnHlc, column)) columnHlc[column] = fullHlc;
  return { table, key, values, columnHlc, deletedHlc, fullHlc };
}
