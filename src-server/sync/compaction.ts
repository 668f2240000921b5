import { compactAll, type CompactionResult } from '../db/compaction';
import type { ServerDb } from '../db/open';
import { audit } from '../db/repository';
import { dropStaleSeeds } from '../db/seeds';

/** How long a desk may be away and still catch up from the log; longer, and it re-bootstraps. */
export const DEFAULT_RETENTION_DAYS = 30;
/** How often a running server compacts. */
export const COMPACT_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Compacts every clinic's log: changes every active device (not revoked, seen within `retentionDays`)
 * has pulled past are removed; the merged rows keep every column's latest value and every tombstone,
 * which is what a snapshot serves. Audited per clinic when it removed something. Starting copies for new
 * desks the log moved past go too.
 */
export async function runCompaction(db: ServerDb, now: number, retentionDays: number): Promise<CompactionResult[]> {
  const results = await compactAll(db, new Date(now - retentionDays * DAY_MS));
  for (const result of results) {
    // A starting copy below the horizon would send its desk back to the snapshot's pages: it goes.
    const seedsDropped = await dropStaleSeeds(db, result.clinicId, result.horizon);
    if (seedsDropped > 0)
      await audit(db, {
        clinicId: result.clinicId,
        deviceId: null,
        action: 'seed.dropped',
        detail: { horizon: result.horizon, seeds: seedsDropped },
      });
    if (result.removed === 0) continue;
    await audit(db, {
      clinicId: result.clinicId,
      deviceId: null,
      action: 'log.compacted',
      detail: { horizon: result.horizon, removed: result.removed, retentionDays },
    });
  }
  return results;
}

/** Compaction at start and every `everyMs` while the server runs; a failure is logged and tried again next time. */
export function startCompaction(
  db: ServerDb,
  now: () => number,
  retentionDays: number,
  everyMs = COMPACT_EVERY_MS,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() =>
      runCompaction(db, now(), retentionDays).catch((error: unknown) => {
        console.error('sync server: compaction failed', error);
      }),
    );
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

export function retentionProblem(days: number): string | null {
  return Number.isInteger(days) && days >= 1 && days <= 3650
    ? null
    : '--retention-days must be a whole number from 1 to 3650';
}
