import { randomUUID } from 'node:crypto';
import type { EventMap, EventTopic } from '../../../src-shared/api/events';
import type { PushResult, SyncChange } from '../../../src-shared/sync/protocol';
import type { ClinicDatabase } from '../db/open';
import { closeSettledConflicts } from '../conflicts/close';
import { detectConflicts, detectSnapshotDuplicates, duplicateSubjects } from '../conflicts/detect';
import { eventsFor, rebuildCaches } from './after-apply';
import { applyBatch } from './apply';
import { applyProblems } from './apply-repository';
import { queueAuditChain } from './audit-queue-repository';
import { snapshotMerge } from './bootstrap';
import { fillFromSeed } from './seed-file-repository';
import { compareState } from '../../../src-shared/sync/hlc';
import { dropStage, stageDuplicateSubjects, stagedDuplicateSubjects } from './bootstrap-repository';
import {
  foldOutbox,
  pendingChanges,
  recordPushResults,
  rejectedChanges,
  renewDeviceId,
  saveClock,
  saveClockAndCursor,
  saveLastError,
  syncStatus,
} from './repository';

export interface ApplyResult {
  applied: number;
  skipped: number;
  parked: number;
  /** Set when a change was stamped too far ahead of this computer's clock (it waits, the rest go on). */
  skewMessage: string | null;
}

/** The desk's side of sync, for the transport (the server client, or tests handing changes across). */
export interface DeskSync {
  deviceId(): string;
  /** Captured changes not yet accepted, oldest first, in the protocol's shape. */
  pending(limit?: number, afterSeq?: number): (SyncChange & { seq: number })[];
  /**
   * Applies changes pulled from elsewhere in one transaction with capture off: records merge per
   * column by stamp, deletions leave tombstones, ledgers take each row once; the clock and the pull
   * cursor move in the same transaction, so a desk killed mid-apply resumes from the last cursor.
   * `serverTime` (the pull's answer) lets a desk whose clock is slow take stamps the server accepted.
   */
  applyRemote(changes: readonly unknown[], cursor: string | null, serverTime?: number): Promise<ApplyResult>;
  /**
   * Merges the staged snapshot (bootstrap-repository.ts) in one transaction, like `applyRemote`, and
   * moves the pull cursor to the snapshot's: a new desk, or one whose cursor the server compacted away.
   * `stepRows`: staged rows merged a transaction (tests make steps small to cross their edges).
   */
  applySnapshot(cursor: string, serverTime?: number, stepRows?: number): Promise<ApplyResult>;
  /**
   * Takes in a starting copy of the clinic (seed-file-repository.ts) in one transaction with the pull
   * cursor it was made at and a clock past its stamps; throws SeedUnusable when this desk cannot use it
   * (rows of its own, another schema). Answers the synced rows it brought.
   */
  applySeed(file: string, key: Buffer, expected: { clinicId: string; cursor: string }): Promise<{ rows: number }>;
  /** The server's answers to a push: accepted (or already had) leave the queue; rejected keep the reason. */
  recordPushResults(results: readonly PushResult[], pushed: readonly { id: string; seq: number }[]): Promise<void>;
  /** This desk's changes the server refused, with its reasons (the desk shows them; the rest flow on). */
  rejected(): { id: string; table: string; code: string; reason: string }[];
  problems(): { changeId: string; reason: string; attempts: number }[];
  status(): ReturnType<typeof syncStatus>;
  /** A new device id for a copied database (see renewDeviceId). */
  renewDeviceId(): Promise<void>;
  /** Queues this desk's audit entries not yet queued, in chain order (audit-queue-repository.ts); how many. */
  queueAuditChain(): Promise<number>;
}

/**
 * Staged rows merged a transaction (the snapshot merge's step): large enough that the commits cost
 * little, small enough that a step's touched rows (kept for the caches and conflict checks) stay small.
 */
const SNAPSHOT_STEP_ROWS = 20_000;

type Emit = <T extends EventTopic>(topic: T, payload: EventMap[T]) => void;

export function createDeskSync(database: ClinicDatabase, clock: () => number, emit: Emit): DeskSync {
  const { handle, sync: runtime } = database;
  return {
    deviceId: () => runtime.deviceId,
    pending: (limit = 500, afterSeq = 0) => pendingChanges(handle, runtime.deviceId, limit, afterSeq),
    async applyRemote(changes, cursor, serverTime) {
      const now = clock();
      // From the network: a time that is not a number is no reference (the desk's own clock is).
      const trusted = typeof serverTime === 'number' && Number.isFinite(serverTime) ? serverTime : now;
      const clockBefore = runtime.clock;
      const deliveries: (() => void)[] = [];
      try {
        const batch = await database.db.transaction().execute(async (trx) => {
          const applied = runtime.withoutCapture(() => applyBatch(handle, runtime, changes, now, trusted));
          await rebuildCaches(trx, applied.touched, now);
          // Captured (the inbox syncs), as the system's: no one signed in found them.
          const found = await detectConflicts(trx, handle, applied.touched, now, runtime.deviceId);
          // Then those whose cause is gone (moved here or on another desk) close by themselves.
          const closed = await closeSettledConflicts(trx, now);
          if (found > 0 || closed > 0) deliveries.push(() => emit('conflicts.changed', { found }));
          saveClockAndCursor(handle, runtime.clock, cursor, now);
          if (applied.skewMessage) saveLastError(handle, applied.skewMessage, now);
          await eventsFor(trx, applied.touched, (topic, payload) => deliveries.push(() => emit(topic, payload)));
          return applied;
        });
        for (const deliver of deliveries) deliver();
        return { applied: batch.applied, skipped: batch.skipped, parked: batch.parked, skewMessage: batch.skewMessage };
      } catch (error) {
        // Nothing of the batch was kept, so neither is the clock it moved.
        runtime.clock = clockBefore;
        throw error;
      }
    },
    async applySnapshot(cursor, serverTime, stepRows = SNAPSHOT_STEP_ROWS) {
      const now = clock();
      const trusted = typeof serverTime === 'number' && Number.isFinite(serverTime) ? serverTime : now;
      const merge = snapshotMerge(handle, runtime, now, trusted);
      const total = { applied: 0, skipped: 0, parked: 0 };
      let found = 0;
      // A step a transaction: its rows leave the stage, the clock they moved is saved, and the last
      // step saves the cursor and drops the stage; a desk stopped between steps resumes from the stage.
      for (let done = false; !done;) {
        const clockBefore = runtime.clock;
        const deliveries: (() => void)[] = [];
        try {
          done = await database.db.transaction().execute(async (trx) => {
            const step = runtime.withoutCapture(() => merge.step(stepRows));
            await rebuildCaches(trx, step.touched, now);
            // Duplicates once, after the last step: asking about each new patient as it came cost a query
            // per patient (~40 s of a quick bench's 80 s merge), and a later step may bring its phones.
            found += await detectConflicts(trx, handle, step.touched, now, runtime.deviceId, { duplicates: false });
            stageDuplicateSubjects(handle, duplicateSubjects(step.touched));
            await eventsFor(trx, step.touched, (topic, payload) => deliveries.push(() => emit(topic, payload)));
            total.applied += step.applied;
            total.skipped += step.skipped;
            total.parked += step.parked;
            if (!step.done) {
              saveClock(handle, runtime.clock, now);
              return false;
            }
            found += await detectSnapshotDuplicates(trx, stagedDuplicateSubjects(handle), now, runtime.deviceId);
            const closed = await closeSettledConflicts(trx, now);
            if (found > 0 || closed > 0) deliveries.push(() => emit('conflicts.changed', { found }));
            dropStage(handle);
            saveClockAndCursor(handle, runtime.clock, cursor, now);
            return true;
          });
        } catch (error) {
          // Nothing of the step was kept, so neither is the clock it moved.
          runtime.clock = clockBefore;
          throw error;
        }
        for (const deliver of deliveries) deliver();
      }
      return { ...total, skewMessage: null };
    },
    applySeed(file, key, expected) {
      const now = clock();
      const clockBefore = runtime.clock;
      try {
        const { rows } = fillFromSeed(handle, file, key, expected, (meta) => {
          if (compareState(meta.clock, runtime.clock) > 0) runtime.clock = { ...meta.clock };
          saveClockAndCursor(handle, runtime.clock, meta.cursor, now);
        });
        return Promise.resolve({ rows });
      } catch (error) {
        runtime.clock = clockBefore;
        throw error;
      }
    },
    // Through Kysely's transaction, which holds the one connection: a raw transaction here could land
    // inside a procedure's open transaction while its handler awaits.
    recordPushResults: (results, pushed) =>
      database.db.transaction().execute(async () => {
        recordPushResults(handle, results, pushed);
        await Promise.resolve();
      }),
    rejected: () => rejectedChanges(handle),
    problems: () => applyProblems(handle),
    status: () => syncStatus(handle),
    async renewDeviceId() {
      const deviceId = randomUUID();
      await database.db.transaction().execute(async () => {
        foldOutbox(handle);
        renewDeviceId(handle, deviceId, clock());
        await Promise.resolve();
      });
      runtime.deviceId = deviceId;
    },
    queueAuditChain: () =>
      database.db.transaction().execute(async () => {
        const queued = queueAuditChain(handle, runtime.deviceId);
        await Promise.resolve();
        return queued;
      }),
  };
}
