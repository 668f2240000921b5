import { existsSync, renameSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { GENESIS_HASH, type AuditHead } from './chain';
import { auditHashAt, readAuditHead } from './head-repository';
import { fsyncIfPresent, fsyncIfPresentSync } from '../db/durable-files';
import {
  CheckpointWriter,
  checkpointFileOf,
  readCheckpoint,
  writeCheckpointSync,
  type AuditCheckpoint,
  type CheckpointReading,
} from './checkpoint';

/** What opening found wrong between the log and its checkpoint; recorded in the log as `audit.checkpoint`. */
export interface AnchorFinding {
  problem: 'missing' | 'invalid' | 'behind' | 'differs';
  message: string;
  head: AuditHead;
  checkpoint: AuditCheckpoint | null;
  /** Where the checkpoint that did not match was kept, as evidence. */
  keptAs: string | null;
}

/** How the log compares with a checkpoint: at or ahead of it with the same hash there is fine. */
export function compareWithCheckpoint(
  handle: BetterSqlite3.Database,
  checkpoint: AuditCheckpoint,
): { problem: 'behind' | 'differs'; message: string } | null {
  const when = new Date(checkpoint.at).toISOString();
  const head = readAuditHead(handle);
  if (head.seq < checkpoint.seq) {
    const last = head.seq;
    return {
      problem: 'behind',
      message:
        `the log ends at entry ${last} but its checkpoint recorded entry ${checkpoint.seq} on ${when}: ` +
        `entries ${last + 1} to ${checkpoint.seq} were removed, or the database was replaced by an older copy`,
    };
  }
  const atCheckpoint = checkpoint.seq === 0 ? GENESIS_HASH : auditHashAt(handle, checkpoint.seq);
  if (atCheckpoint !== checkpoint.hash) {
    return {
      problem: 'differs',
      message: `entry ${checkpoint.seq} is not the entry its checkpoint recorded on ${when}: the log was rebuilt`,
    };
  }
  return null;
}

/**
 * At open: checks the log against the checkpoint beside the database, keeps a checkpoint that does
 * not match (renamed, as evidence) and starts the writer that keeps it current from now on.
 * `expectMissing` is for a new clinic or the first open after migration 0016, which have none yet.
 */
export function openAuditAnchor(options: {
  handle: BetterSqlite3.Database;
  databaseFile: string;
  key: Buffer;
  expectMissing: boolean;
  clock: () => number;
}): { writer: CheckpointWriter; finding: AnchorFinding | null } {
  const { handle, key, clock } = options;
  const file = checkpointFileOf(options.databaseFile);
  const reading: CheckpointReading = readCheckpoint(key, file);
  const head = readAuditHead(handle);
  let finding: AnchorFinding | null = null;
  if (reading.status === 'missing') {
    if (!options.expectMissing && head.seq > 0) {
      finding = {
        problem: 'missing',
        message: `the audit checkpoint ${file} was missing, so entries removed before this open could not be detected`,
        head,
        checkpoint: null,
        keptAs: null,
      };
    }
  } else if (reading.status === 'invalid') {
    finding = {
      problem: 'invalid',
      message: `the audit checkpoint ${file} was refused: ${reading.reason}`,
      head,
      checkpoint: null,
      keptAs: keepAside(file, 'invalid', clock()),
    };
  } else {
    const mismatch = compareWithCheckpoint(handle, reading.checkpoint);
    if (mismatch) {
      finding = {
        ...mismatch,
        head,
        checkpoint: reading.checkpoint,
        keptAs: keepAside(file, mismatch.problem, clock()),
      };
    }
  }
  const consistent = reading.status === 'ok' && finding === null ? reading.checkpoint : null;
  if (!consistent) writeCheckpointSync(key, file, { ...head, at: clock() });
  const writer = new CheckpointWriter({
    key,
    file,
    readHead: () => readAuditHead(handle),
    inTransaction: () => handle.inTransaction,
    clock,
    written: consistent ?? head,
    log: {
      sync: () => fsyncIfPresent(`${options.databaseFile}-wal`),
      syncNow: () => fsyncIfPresentSync(`${options.databaseFile}-wal`),
    },
  });
  if (consistent && head.seq !== consistent.seq) writer.schedule();
  return { writer, finding };
}

function keepAside(file: string, why: string, now: number): string | null {
  if (!existsSync(file)) return null;
  const aside = `${file}.${why}-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, aside);
  return aside;
}
