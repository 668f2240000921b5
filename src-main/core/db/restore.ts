import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { installRestoredHead } from '../audit/backup-head';
import type { AuditHead } from '../audit/chain';
import { verifyBackup } from './backup';
import { acquireClinicLock } from './clinic-lock';
import { copyFileDurably, fsyncFolder } from './durable-files';
import { DatabaseOpenError } from './errors';
import { applyKey } from './open';

export interface RestoreOutcome {
  /** Where the database that was replaced is kept (still encrypted), or null when there was none. */
  replacedFile: string | null;
  /** Its -wal and -shm files, kept beside it under the same name, when they existed. */
  replacedCompanions: string[];
  schemaVersion: number;
  /** The restored log's head, which the checkpoint beside the database now records. */
  auditHead: AuditHead | null;
  /** Release the clinic lock once the caller has finished with the restored database (audit entry). */
  release(): void;
}

/**
 * Puts a verified backup in place of the database. Refused while any process has the clinic open:
 * the app or `clinic serve` by their lock file (named in the message), anything else (a CLI command,
 * a SQLite shell) because SQLite's own lock cannot be taken exclusively. The copy is fsynced before
 * it replaces anything, and the database it replaces is kept beside it, never deleted.
 */
export function restoreDatabase(file: string, key: Buffer, backupFile: string, now: number): RestoreOutcome {
  verifyBackup(backupFile, key);
  const lock = acquireClinicLock(file, 'clinic restore', now);
  try {
    if (existsSync(file)) quiesce(file, key);
    const incoming = `${file}.restoring`;
    rmSync(incoming, { force: true });
    copyFileDurably(backupFile, incoming);
    const check = verifyBackup(incoming, key);
    let replacedFile: string | null = null;
    const replacedCompanions: string[] = [];
    if (existsSync(file)) {
      replacedFile = `${file}.replaced-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
      renameSync(file, replacedFile);
      for (const suffix of ['-wal', '-shm']) {
        if (!existsSync(file + suffix)) continue;
        renameSync(file + suffix, replacedFile + suffix);
        replacedCompanions.push(replacedFile + suffix);
      }
    }
    installRestoredHead(file, replacedFile, key, check.auditHead);
    renameSync(incoming, file);
    fsyncFolder(dirname(file));
    return {
      replacedFile,
      replacedCompanions,
      schemaVersion: check.schemaVersion,
      auditHead: check.auditHead,
      release: () => lock.release(),
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

/**
 * Proves no other connection is open and folds the log into the file: in WAL mode every open
 * connection holds a shared lock on the database, so exclusive locking mode cannot be had while one
 * exists (a killed process's locks are gone with it).
 */
function quiesce(file: string, key: Buffer): void {
  const handle = new BetterSqlite3(file, { fileMustExist: true });
  try {
    applyKey(handle, key);
    handle.pragma('busy_timeout = 0');
    handle.pragma('locking_mode = EXCLUSIVE');
    try {
      handle.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (error) {
      throw new DatabaseOpenError(
        'IN_USE',
        `Another process has ${file} open (a Front Desk command, or a SQLite tool). Close it, then restore.`,
        { cause: error },
      );
    }
    handle.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    handle.close();
  }
}
