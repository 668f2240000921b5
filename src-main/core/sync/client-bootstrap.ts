import {
  MAX_SNAPSHOT_ROWS,
  snapshotRowSchema,
  type SnapshotResponse,
  type SnapshotRow,
} from '../../../src-shared/sync/protocol';
import type { ClinicDatabase } from '../db/open';
import { startStage, stageRows } from './bootstrap-repository';
import { ask } from './client-requests';
import type { ApplyResult, DeskSync } from './service';
import type { SyncTransport } from './transport';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Starts this desk from the clinic's snapshot (issue 17): every page of the server's merged rows is
 * staged, then all of it is merged in one transaction and the pull cursor becomes the snapshot's
 * (read by the server before its first page, so pulling from it misses nothing). Used by a new desk,
 * and by a desk whose cursor the server compacted away (RESYNC_REQUIRED). The merge keeps this desk's
 * own unsent changes: they are merged by their stamps and stay in the outbox (bootstrap.ts).
 */
export async function bootstrapFromSnapshot(
  database: ClinicDatabase,
  desk: DeskSync,
  transport: SyncTransport,
  token: string,
  onPage: (rows: number) => void,
): Promise<{ cursor: string; rows: number; applied: ApplyResult }> {
  const { handle } = database;
  // Through Kysely's transaction, which holds the one connection (a procedure's may be open).
  const write = (work: () => void) =>
    database.db.transaction().execute(async () => {
      work();
      await Promise.resolve();
    });
  await write(() => startStage(handle));
  let after: { table: string; key: string } | null = null;
  let cursor: string | null = null;
  let serverTime: number | undefined;
  let rows = 0;
  for (;;) {
    const from: string = after
      ? `afterTable=${encodeURIComponent(after.table)}&afterKey=${encodeURIComponent(after.key)}&`
      : '';
    const page: SnapshotResponse = await ask<SnapshotResponse>(transport, {
      method: 'GET',
      path: `/v1/snapshot?${from}limit=${MAX_SNAPSHOT_ROWS}`,
      authorization: token,
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
    if (typeof page.cursor !== 'string' || !Array.isArray(page.rows))
      throw new Error('The server sent a malformed snapshot page');
    cursor ??= page.cursor;
    serverTime = typeof page.serverTime === 'number' ? page.serverTime : serverTime;
    // A desk never trusts the network: a row that is not a row is left out (the log's changes still merge).
    const valid = page.rows.flatMap((row: unknown): SnapshotRow[] => {
      const parsed = snapshotRowSchema.safeParse(row);
      return parsed.success ? [parsed.data] : [];
    });
    await write(() => stageRows(handle, valid));
    rows += valid.length;
    onPage(rows);
    if (!page.next) break;
    after = page.next;
  }
  if (cursor === null) throw new Error('The server sent no snapshot page');
  const applied = await desk.applySnapshot(cursor, serverTime);
  return { cursor, rows, applied };
}
