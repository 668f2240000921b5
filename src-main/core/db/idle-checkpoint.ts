import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

/**
 * Copying the write-ahead log into the database between requests, once enough is in it.
 *
 * Hosts call the core's checkpoint every few seconds so that no booking waits for SQLite's own
 * checkpoint inside its commit (it runs once the log passes 1000 pages). Copying the log at every call
 * had a price of its own: a log copied to its end is started again by the next write, and SQLite
 * writes and fsyncs the new log's header before that write's pages — two fsyncs for every write made
 * after a pause, instead of one. Measured on a copy of the full-size clinic: a vitals save's commit 560
 * µs against 330 when the log is copied every 50 saves instead (README, Performance).
 *
 * So the log is copied once this connection has changed `CHECKPOINT_AFTER_CHANGES` rows since the last
 * copy: a few hundred pages (a vitals save changes three rows and writes six pages; a check-in seven and
 * sixteen), well under SQLite's 1000, and every write in between appends to the log it finds.
 * Frames left in the log are as durable as the database (`synchronous=FULL`): a crash replays them.
 */

/** Rows changed (triggers' rows included) after which the idle checkpoint copies the log. */
export const CHECKPOINT_AFTER_CHANGES = 200;

export interface WalCheckpoint {
  /** Pages in the log, and how many of them are now in the database (all, unless a reader holds older ones). */
  logPages: number;
  checkpointedPages: number;
  /**
   * Skipped: this connection was inside a transaction (a handler awaiting something), or it has not
   * changed enough rows since the last copy for one to be worth the next write's extra fsync.
   */
  skipped: boolean;
}

const SKIPPED: WalCheckpoint = { logPages: 0, checkpointedPages: 0, skipped: true };

/** Rows changed by this connection since it opened (`total_changes()`: triggers' changes included). */
export function totalChanges(handle: BetterSqlite3.Database): number {
  return handle.prepare('SELECT total_changes()').pluck().get() as number;
}

/** A passive checkpoint: never waits for other connections, copies what no reader still needs. */
export function checkpointWal(handle: BetterSqlite3.Database): WalCheckpoint {
  if (handle.inTransaction || !handle.open) return SKIPPED;
  const [row] = handle.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
  return {
    logPages: Math.max(0, row?.log ?? 0),
    checkpointedPages: Math.max(0, row?.checkpointed ?? 0),
    skipped: false,
  };
}

/**
 * The between-requests step for one connection: `beforeCopy` (work kept off the requests' path, in a
 * transaction of its own) and the checkpoint run only once `afterChanges` rows were changed since the
 * last time they ran.
 */
export function idleCheckpointer(
  handle: BetterSqlite3.Database,
  options: { afterChanges?: number; beforeCopy?: () => void } = {},
): () => WalCheckpoint {
  const afterChanges = options.afterChanges ?? CHECKPOINT_AFTER_CHANGES;
  let changesAtCopy = 0;
  return () => {
    if (handle.inTransaction || !handle.open) return SKIPPED;
    if (totalChanges(handle) - changesAtCopy < afterChanges) return SKIPPED;
    options.beforeCopy?.();
    const done = checkpointWal(handle);
    if (!done.skipped) changesAtCopy = totalChanges(handle);
    return done;
  };
}
