import {
  MAX_SNAPSHOT_ROWS,
  SNAPSHOT_STAMPS_COMPACT,
  SNAPSHOT_STAMPS_HEADER,
  type SnapshotResponse,
  type SnapshotRow,
} from '../../../src-shared/sync/protocol';
import { snapshotRowOrNull } from '../../../src-shared/sync/snapshot-row-check';
import type { ClinicDatabase } from '../db/open';
import { dropStage, readProgress, stagePage, type SnapshotProgress } from './bootstrap-repository';
import { ask } from './client-requests';
import type { ApplyResult, DeskSync } from './service';
import type { SyncTransport } from './transport';

const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Starts this desk from the clinic's snapshot (issue 17): every page of the server's merged rows is
 * staged, then merged a step of rows a transaction, the last step making the pull cursor the snapshot's
 * (read by the server before its first page, so pulling from it misses nothing); a merge stopped
 * part-way goes on from what is left on the stage. Used by a new desk,
 * and by a desk whose cursor the server compacted away (RESYNC_REQUIRED). The merge keeps this desk's
 * own unsent changes: they are merged by their stamps and stay in the outbox (bootstrap.ts).
 *
 * Each page is staged with the position after it in one transaction (bootstrap-repository.ts), so a
 * download cut by a drop, a stopped server or a closed desk resumes at the next page, never page one.
 * Resuming later is sound: the cursor stays the first page's, and whatever changed on the server since
 * is in the later pages or pulled from that cursor after, merging again as no-ops where already here.
 */
export async function bootstrapFromSnapshot(
  database: ClinicDatabase,
  desk: DeskSync,
  transport: SyncTransport,
  token: string,
  clinicId: string,
  now: () => number,
  onPage: (rows: number) => void,
): Promise<{ cursor: string; rows: number; applied: ApplyResult; resumedAt: number }> {
  const { handle } = database;
  // Through Kysely's transaction, which holds the one connection (a procedure's may be open).
  const write = (work: () => void) =>
    database.db.transaction().execute(async () => {
      work();
      await Promise.resolve();
    });
  let progress: SnapshotProgress | null = readProgress(handle);
  // A download of another clinic (the desk enrolled elsewhere since) is no start for this one.
  if (progress && progress.clinicId !== clinicId) {
    await write(() => dropStage(handle));
    progress = null;
  }
  const resumedAt = progress?.pages ?? 0;
  if (progress) onPage(progress.rows);
  const fetchPage = (after: { table: string; key: string } | null): Promise<SnapshotResponse> => {
    const from = after
      ? `afterTable=${encodeURIComponent(after.table)}&afterKey=${encodeURIComponent(after.key)}&`
      : '';
    return ask<SnapshotResponse>(transport, {
      method: 'GET',
      path: `/v1/snapshot?${from}limit=${MAX_SNAPSHOT_ROWS}`,
      authorization: token,
      headers: { [SNAPSHOT_STAMPS_HEADER]: SNAPSHOT_STAMPS_COMPACT },
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
  };
  // The next page is asked for before this one is staged: the server reads and sends it while the desk
  // checks and writes this one (two processes, so on two cores at once).
  let coming: Promise<SnapshotResponse> | null = progress?.complete ? null : fetchPage(progress?.next ?? null);
  while (coming) {
    const page: SnapshotResponse = await coming;
    coming = null;
    if (typeof page.cursor !== 'string' || !Array.isArray(page.rows))
      throw new Error('The server sent a malformed snapshot page');
    // A desk never trusts the network: a row that is not a row is left out (the log's changes still merge).
    const valid = page.rows.flatMap((row: unknown): SnapshotRow[] => {
      const checked = snapshotRowOrNull(row);
      return checked ? [checked] : [];
    });
    const next =
      page.next && typeof page.next.table === 'string' && typeof page.next.key === 'string' ? page.next : null;
    if (next) {
      coming = fetchPage(next);
      // Staging this page may fail first; the error that stops the download is that one.
      coming.catch(() => undefined);
    }
    const moved: SnapshotProgress = {
      clinicId,
      cursor: progress?.cursor ?? page.cursor,
      next,
      complete: next === null,
      pages: (progress?.pages ?? 0) + 1,
      rows: (progress?.rows ?? 0) + valid.length,
      serverTime: typeof page.serverTime === 'number' ? page.serverTime : (progress?.serverTime ?? null),
    };
    await write(() => stagePage(handle, valid, moved, now()));
    progress = moved;
    onPage(moved.rows);
  }
  if (!progress?.complete) throw new Error('The snapshot download ended before its last page');
  // The file now holds the staged clinic: the cache the empty file was opened with is the smallest.
  database.fitPageCache();
  const applied = await desk.applySnapshot(progress.cursor, progress.serverTime ?? undefined);
  database.fitPageCache();
  return { cursor: progress.cursor, rows: progress.rows, applied, resumedAt };
}
