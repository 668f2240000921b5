import { existsSync, statSync } from 'node:fs';
import { totalmem } from 'node:os';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { Kysely } from 'kysely';
import { ImmediateSqliteDialect } from './dialect';
import { DatabaseOpenError } from './errors';
import { storageError } from './storage-errors';
import { type AnchorFinding, openAuditAnchor } from '../audit/anchor';
import type { CheckpointWriter } from '../audit/checkpoint';
import { deriveAuditKeys } from '../audit/keys';
import { reconcileAuditLookup } from '../audit/lookup-repository';
import { registerAuditLink, registerAuditMac } from '../audit/sql-function';
import { migrate, versionIfRecorded } from './migrate';
import type { Database } from './schema';
import { withStatementCache } from './statement-cache';
import { registerSyncFunctions, syncRuntimeOf, type SyncRuntime } from '../sync/runtime';
import { watchSettingsWrites } from '../settings/repository';
import { watchStockWrites } from '../stock/alert-counts-memo';
import { startCapture } from '../sync/capture';
import { totalChanges } from './idle-checkpoint';

export const KEY_BYTES = 32;
const MIB_IN_KIB = 1024;
const MIN_PAGE_CACHE_KIB = 64 * MIB_IN_KIB;
const MAX_PAGE_CACHE_KIB = 1024 * MIB_IN_KIB;

/**
 * SQLite's page cache for a clinic file of this size, in KiB: an eighth of the file, at least 64 MiB and
 * at most 1 GiB, nor more than a sixteenth of the computer's memory. It is a limit, filled only as pages
 * are read. Every page that misses it is read and decrypted again: with 64 MiB, a million-patient
 * clinic's searches took 2–2.6× the unencrypted floor's and 5–10× the 100k clinic's; with 1 GiB
 * 1.03–1.23× and 1.25–3.8× (README, Sizes). The memory cap is for the clinic PC with 4 GiB, where the
 * desk's main process filling an eighth of a large clinic's file (459 MiB at the bench's full size) would
 * push the operating system and the window out to swap; there it is 256 MiB.
 */
export function pageCacheKib(fileBytes: number, memoryBytes: number = totalmem()): number {
  const eighth = Math.floor(fileBytes / 8 / 1024);
  const sixteenthOfMemory = Math.floor(memoryBytes / 16 / 1024);
  return Math.max(MIN_PAGE_CACHE_KIB, Math.min(MAX_PAGE_CACHE_KIB, sixteenthOfMemory, eighth));
}

/** The page cache for this file as it is now (the bench's floors open theirs with the same). */
export function pageCacheKibFor(file: string): number {
  return pageCacheKib(fileSize(file));
}

/** Bytes of the file as it is opened; an in-memory database counts as empty. */
function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

const BUSY_TIMEOUT_MS = 5000;
const TEMP_STORE_MEMORY = 2;
const SYNCHRONOUS_FULL = 2;

export interface OpenOptions {
  file: string;
  key: Buffer;
  /** Create the file when missing (first run, `clinic init`); otherwise a missing file is an error. */
  create?: boolean;
  now?: number;
}

export interface ClinicDatabase {
  db: Kysely<Database>;
  handle: BetterSqlite3.Database;
  schemaVersion: number;
  /** What opening found wrong between the audit log and its checkpoint file (recorded by createCore). */
  auditFinding: AnchorFinding | null;
  /** The clock, actor and capture switch the sync triggers read (src-main/core/sync). */
  sync: SyncRuntime;
  /** Brings the planner's statistics up to date between requests: the first call, then at most hourly. */
  refreshStatistics(): void;
  /**
   * Sizes the page cache again by the file as it is now: a desk that joins a clinic opens an empty
   * file (the smallest cache) and then takes in the whole clinic (sync/client-bootstrap.ts).
   */
  fitPageCache(): void;
  close(): Promise<void>;
}

/**
 * Opens (and migrates) the encrypted clinic database. A wrong key is a typed error raised before
 * anything is written, so the existing file is never replaced by an empty new database.
 */
export function openDatabase(options: OpenOptions): ClinicDatabase {
  const keys = deriveAuditKeys(options.key);
  let writer: CheckpointWriter | null = null;
  const isNew = !existsSync(options.file);
  const handle = openEncryptedHandle({ ...options, auditChainKey: keys.chain, onAuditMac: () => writer?.schedule() });
  try {
    const versionBefore = schemaVersionOf(handle);
    const schemaVersion = migrate(handle, options.now ?? Date.now());
    const sync = syncRuntimeOf(handle);
    startCapture(handle, sync);
    // Settings read once per transaction need to hear of every write to them (settings/repository.ts).
    if (!handle.readonly) watchSettingsWrites(handle);
    // The query planner's statistics, refreshed where tables changed a lot since the last run (a
    // bounded sample per index): without them SQLite guesses, and a guess can pick the wrong index for
    // a day's appointments or a name search. The check itself takes a few ms even when nothing needs
    // analysing, so it is kept off opening and closing: at open only when a migration just changed
    // the schema (new indexes need statistics before the first query); otherwise between requests, at
    // the hosts' first checkpoint and then hourly, as SQLite advises for long-lived connections; and at
    // close only after bulk writes (a seed, an import) by a connection that never refreshed them.
    handle.pragma('analysis_limit = 1000');
    let statisticsAt: number | null = null;
    const refreshStatistics = () => {
      const now = Date.now();
      if (statisticsAt !== null && now - statisticsAt < STATISTICS_EVERY_MS) return;
      if (handle.inTransaction || !handle.open || handle.readonly) return;
      statisticsAt = now;
      handle.pragma('optimize = 0x10002');
    };
    if (schemaVersion !== versionBefore) refreshStatistics();
    const changesAtOpen = totalChanges(handle);
    const anchor = openAuditAnchor({
      handle,
      databaseFile: options.file,
      key: keys.checkpoint,
      expectMissing: isNew || versionBefore < KEYED_AUDIT_CHAIN_VERSION,
      clock: Date.now,
    });
    if (schemaVersion >= AUDIT_LOOKUP_VERSION) reconcileAuditLookup(handle, { rebuild: anchor.finding !== null });
    const anchorWriter = anchor.writer;
    writer = anchorWriter;
    const db = new Kysely<Database>({
      dialect: new ImmediateSqliteDialect(
        { database: withStatementCache(handle) },
        { inTransaction: () => handle.inTransaction, onRelaxedTransaction: () => anchorWriter.logUnsynced() },
      ),
    });
    // The dashboard's stock counts are remembered until the stock changes (stock/alert-counts-memo.ts).
    if (!handle.readonly) watchStockWrites(handle, db);
    return {
      db,
      handle,
      schemaVersion,
      auditFinding: anchor.finding,
      sync,
      refreshStatistics,
      fitPageCache: () => {
        handle.pragma(`cache_size = -${pageCacheKibFor(options.file)}`);
      },
      close: async () => {
        try {
          await anchorWriter.close();
          // Best effort: on a damaged file it reads the damage, and the database must still close.
          if (statisticsAt === null && totalChanges(handle) - changesAtOpen > BULK_CHANGES) handle.pragma('optimize');
        } catch (error) {
          console.error('[front-desk] closing: the checkpoint or optimize failed:', error);
        }
        await db.destroy();
      },
    };
  } catch (error) {
    handle.close();
    throw storageError(error, options.file) ?? error;
  }
}

/** How often a long-lived connection brings the planner's statistics up to date (between requests). */
const STATISTICS_EVERY_MS = 60 * 60_000;
/** Rows written by one connection past which closing refreshes the statistics it never refreshed. */
const BULK_CHANGES = 1000;

/** The migration that made `audit_lookup`, checked against the log at every open. */
const AUDIT_LOOKUP_VERSION = 40;

/** The migration that keyed the audit chain; before it there was no checkpoint file to find. */
const KEYED_AUDIT_CHAIN_VERSION = 16;

function schemaVersionOf(handle: BetterSqlite3.Database): number {
  return versionIfRecorded(handle) ?? 0;
}

/**
 * A connection to an encrypted file, its cipher chosen, keyed and read once: the first read is where a
 * wrong key shows (SQLite reports the file as "not a database"), so it throws WRONG_KEY here and closes.
 */
export function openKeyedFile(
  file: string,
  key: Buffer,
  options: { create?: boolean; readonly?: boolean; useCipher: (handle: BetterSqlite3.Database) => void },
): BetterSqlite3.Database {
  const handle = new BetterSqlite3(file, { fileMustExist: !options.create, readonly: options.readonly ?? false });
  try {
    applyKey(handle, key, options.useCipher);
    handle.prepare('SELECT count(*) FROM sqlite_master').get();
    return handle;
  } catch (error) {
    handle.close();
    throw new DatabaseOpenError(
      'WRONG_KEY',
      `The key does not open ${file}: wrong key, or not a Front Desk database.`,
      {
        cause: error,
      },
    );
  }
}

/** The keyed, tuned better-sqlite3 handle without migrations: for backup checks and tests. */
export function openEncryptedHandle(
  options: Pick<OpenOptions, 'file' | 'key' | 'create'> & {
    readonly?: boolean;
    onAuditMac?: () => void;
    /** The chain key when the caller has derived the audit keys already (openDatabase): derived once. */
    auditChainKey?: Buffer;
  },
): BetterSqlite3.Database {
  if (options.key.length !== KEY_BYTES) {
    throw new DatabaseOpenError(
      'BAD_KEY',
      `The database key must be ${KEY_BYTES} bytes; this one is ${options.key.length}.`,
    );
  }
  if (!options.create) requireDatabaseFile(options.file);
  const handle = openKeyedFile(options.file, options.key, {
    create: options.create,
    readonly: options.readonly,
    useCipher: useDatabaseCipher,
  });
  try {
    applyStorageSettings(handle, options.readonly ?? false, options.file);
    registerAuditMac(handle, options.auditChainKey ?? deriveAuditKeys(options.key).chain, options.onAuditMac);
    registerAuditLink(handle);
    registerSyncFunctions(handle);
  } catch (error) {
    handle.close();
    throw error;
  }
  return handle;
}

/**
 * The pragmas durability and privacy depend on, each read back: SQLite ignores a pragma it cannot
 * apply (WAL on a file system without shared memory, say) without an error, and running on anyway
 * would quietly lose acknowledged writes or spill plaintext to temporary files.
 */
function applyStorageSettings(handle: BetterSqlite3.Database, readonly: boolean, file: string): void {
  // Sorts and temporary tables that spill go to unencrypted temporary files unless kept in memory.
  handle.pragma('temp_store = MEMORY');
  const readings: StorageReadings = { tempStore: handle.pragma('temp_store', { simple: true }) as number };
  if (!readonly) {
    readings.journalMode = String(storagePragma(handle, 'journal_mode = WAL', file));
    handle.pragma('synchronous = FULL');
    readings.synchronous = handle.pragma('synchronous', { simple: true }) as number;
  }
  const problems = storageSettingProblems(readings);
  if (problems.length > 0) {
    throw new DatabaseOpenError(
      'UNSAFE_SETTINGS',
      `Front Desk will not run on ${file}: ${problems.join('; ')}. Move the data folder to a local disk.`,
    );
  }
  handle.pragma('foreign_keys = ON');
  handle.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  handle.pragma(`cache_size = -${pageCacheKibFor(file)}`);
}

/** What SQLite says it applied; journal mode and sync are absent for a read-only connection. */
export interface StorageReadings {
  tempStore: number;
  journalMode?: string;
  synchronous?: number;
}

/** Each setting that did not take effect, worded for the error; empty when all did. */
export function storageSettingProblems(readings: StorageReadings): string[] {
  const problems: string[] = [];
  if (readings.tempStore !== TEMP_STORE_MEMORY) problems.push(`temp_store is ${readings.tempStore}, not MEMORY (2)`);
  if (readings.journalMode !== undefined && readings.journalMode.toLowerCase() !== 'wal') {
    problems.push(`journal_mode is ${readings.journalMode}, not wal`);
  }
  if (readings.synchronous !== undefined && readings.synchronous !== SYNCHRONOUS_FULL) {
    problems.push(`synchronous is ${readings.synchronous}, not FULL (2)`);
  }
  return problems;
}

function storagePragma(handle: BetterSqlite3.Database, pragma: string, file: string): unknown {
  try {
    return handle.pragma(pragma, { simple: true });
  } catch (error) {
    throw storageError(error, file) ?? error;
  }
}

/** A missing file is an error unless creating: a new empty clinic never stands in for a missing one. */
export function requireDatabaseFile(file: string): void {
  if (!existsSync(file)) {
    throw new DatabaseOpenError('NOT_FOUND', `No clinic database at ${file}. Run \`clinic init\` to create one.`);
  }
}

/** The cipher, then a raw 32-byte key: no passphrase KDF on every open. */
export function applyKey(
  handle: BetterSqlite3.Database,
  key: Buffer,
  useCipher: (handle: BetterSqlite3.Database) => void = useDatabaseCipher,
): void {
  useCipher(handle);
  handle.pragma(`key = "x'${key.toString('hex')}'"`);
}

/**
 * The connection's cipher for what is keyed next: SQLCipher 4's (AES-256 with an HMAC on every page),
 * the desk's own file's. Whoever chooses another for a file they attach (a starting copy) comes back
 * to this right after.
 */
export function useDatabaseCipher(handle: BetterSqlite3.Database): void {
  handle.pragma(`cipher = 'sqlcipher'`);
  handle.pragma(`legacy = 4`);
}
