import { existsSync, renameSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { DatabaseOpenError } from '../db/errors';
import { compareWithCheckpoint } from './anchor';
import { readAuditHead } from './head-repository';
import type { AuditHead } from './chain';
import { checkpointFileOf, readCheckpoint, writeCheckpointSync } from './checkpoint';
import { deriveAuditKeys } from './keys';

/**
 * Every backup carries its audit head in a signed file beside it (`<backup>.audit-head`, the same
 * format as the database's checkpoint), so a backup whose log was cut after it was made is caught
 * at restore, and restore can set the live checkpoint to the head it puts back.
 */
export function recordBackupHead(handle: BetterSqlite3.Database, backupFile: string, key: Buffer): AuditHead | null {
  const head = readAuditHead(handle);
  if (head)
    writeCheckpointSync(deriveAuditKeys(key).checkpoint, checkpointFileOf(backupFile), { ...head, at: Date.now() });
  return head;
}

/** The backup's head, checked against the head recorded with it when there is one. */
export function checkBackupHead(
  handle: BetterSqlite3.Database,
  backupFile: string,
  key: Buffer,
): { head: AuditHead | null; recorded: boolean } {
  const reading = readCheckpoint(deriveAuditKeys(key).checkpoint, checkpointFileOf(backupFile));
  if (reading.status === 'invalid') {
    throw new DatabaseOpenError('CORRUPT', `The head recorded with ${backupFile} was refused: ${reading.reason}.`);
  }
  if (reading.status === 'ok') {
    const mismatch = compareWithCheckpoint(handle, reading.checkpoint);
    if (mismatch)
      throw new DatabaseOpenError('CORRUPT', `The backup ${backupFile} does not match its head: ${mismatch.message}.`);
  }
  return { head: readAuditHead(handle), recorded: reading.status === 'ok' };
}

/** Restore: the live checkpoint becomes the restored head; the one it replaces is kept beside the replaced file. */
export function installRestoredHead(
  databaseFile: string,
  replacedFile: string | null,
  key: Buffer,
  head: AuditHead | null,
): void {
  const live = checkpointFileOf(databaseFile);
  if (existsSync(live)) {
    if (replacedFile) renameSync(live, checkpointFileOf(replacedFile));
  }
  if (head) writeCheckpointSync(deriveAuditKeys(key).checkpoint, live, { ...head, at: Date.now() });
}
