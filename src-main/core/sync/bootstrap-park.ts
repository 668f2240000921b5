import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import type { SnapshotRow, SyncChange } from '../../../src-shared/sync/protocol';
import { maxStamp } from './apply';
import { parkChange } from './apply-repository';

/**
 * A row that could not go in is kept as the change that would make it (every column at its row's
 * stamp), so the retries of later pulls (apply.ts) try it again like any pulled change.
 */
export function park(handle: BetterSqlite3.Database, row: SnapshotRow, reason: string, now: number): void {
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
