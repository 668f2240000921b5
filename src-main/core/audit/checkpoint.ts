import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncFolder } from '../db/durable-files';
import type { AuditHead } from './chain';

/**
 * The audit chain's head kept outside the database: a deleted tail, or a whole database file put
 * back from an older copy, leaves the log behind this, and the HMAC (a key derived from the
 * database key) means it cannot be rewritten to match without the key.
 */
export interface AuditCheckpoint extends AuditHead {
  /** When it was written (epoch ms). */
  at: number;
}

export type CheckpointReading =
  { status: 'missing' } | { status: 'invalid'; reason: string } | { status: 'ok'; checkpoint: AuditCheckpoint };

const FORMAT = 1;

export function checkpointFileOf(databaseFile: string): string {
  return `${databaseFile}.audit-head`;
}

function mac(key: Buffer, checkpoint: AuditCheckpoint): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([FORMAT, checkpoint.seq, checkpoint.hash, checkpoint.at]))
    .digest('hex');
}

export function checkpointText(key: Buffer, checkpoint: AuditCheckpoint): string {
  return `${JSON.stringify({ format: FORMAT, seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at, mac: mac(key, checkpoint) })}\n`;
}

export function parseCheckpoint(key: Buffer, text: string): CheckpointReading {
  let parsed: { format?: unknown; seq?: unknown; hash?: unknown; at?: unknown; mac?: unknown };
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch {
    return { status: 'invalid', reason: 'it is not a checkpoint file' };
  }
  const { format, seq, hash, at, mac: signature } = parsed;
  if (
    format !== FORMAT ||
    typeof seq !== 'number' ||
    typeof hash !== 'string' ||
    typeof at !== 'number' ||
    typeof signature !== 'string'
  ) {
    return { status: 'invalid', reason: 'it is not a checkpoint file' };
  }
  const checkpoint = { seq, hash, at };
  const expected = Buffer.from(mac(key, checkpoint), 'hex');
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { status: 'invalid', reason: 'its signature does not match (edited, or made with another key)' };
  }
  return { status: 'ok', checkpoint };
}

export function readCheckpoint(key: Buffer, file: string): CheckpointReading {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'missing' };
    throw error;
  }
  return parseCheckpoint(key, text);
}

/** Written beside, fsynced, renamed over, folder fsynced: a crash leaves the old file or the new one. */
export function writeCheckpointSync(key: Buffer, file: string, checkpoint: AuditCheckpoint): void {
  const temporary = `${file}.${process.pid}.tmp`; // per process: a CLI command may write beside the app
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, checkpointText(key, checkpoint));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
  fsyncFolder(dirname(file));
}

async function writeCheckpointAsync(key: Buffer, file: string, checkpoint: AuditCheckpoint): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`; // per process: a CLI command may write beside the app
  const handle = await open(temporary, 'w', 0o600);
  try {
    await handle.writeFile(checkpointText(key, checkpoint));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, file);
  const folder = await open(dirname(file), 'r').catch(() => null);
  if (folder) {
    await folder.sync().catch(() => undefined);
    await folder.close();
  }
}

/**
 * How long a scheduled head write waits, gathering the audit writes behind it. Each head write costs
 * three fsyncs (file, rename, folder); at one per request they contended with the request's own commit
 * fsync and tripled a check-in's time (10 ms p50 against 2.6 ms, measured on the bench's data), while a
 * second's lag leaves only that second's entries deletable unnoticed, by someone holding the key.
 */
export const HEAD_WRITE_DELAY_MS = 1000;

/**
 * Keeps the checkpoint file at the chain's committed head. Each audit write schedules it; the head
 * is read once the connection is outside any transaction (so never an uncommitted entry), and the
 * file is written off the request's path (libuv's thread pool), one write at a time, the writes of
 * the next second coalesced into one. After a crash the file lags the log by at most the entries of
 * the last second or so — a log ahead of its checkpoint is normal; one behind it, or differing at its
 * sequence number, is what `audit verify` reports.
 */
export class CheckpointWriter {
  readonly #key: Buffer;
  readonly #delayMs: number;
  readonly #file: string;
  readonly #readHead: () => AuditHead | null;
  readonly #inTransaction: () => boolean;
  readonly #clock: () => number;
  readonly #log: { sync: () => Promise<void>; syncNow: () => void } | null;
  #written: AuditHead | null;
  /** A commit that did not wait for the disk happened since the log was last fsynced by this writer. */
  #logUnsynced = false;
  #timer: NodeJS.Timeout | null = null;
  #writing: Promise<void> | null = null;
  #closed = false;
  /** The last failure to write, for the log; the next write tries again. */
  lastError: unknown = null;

  constructor(options: {
    key: Buffer;
    file: string;
    readHead: () => AuditHead | null;
    inTransaction: () => boolean;
    clock: () => number;
    written: AuditHead | null;
    /** Fsyncs the database's log (an audited read commits without waiting for the disk). */
    log?: { sync: () => Promise<void>; syncNow: () => void };
    /** `HEAD_WRITE_DELAY_MS` unless a test needs the file sooner. */
    delayMs?: number;
  }) {
    this.#key = options.key;
    this.#delayMs = options.delayMs ?? HEAD_WRITE_DELAY_MS;
    this.#file = options.file;
    this.#readHead = options.readHead;
    this.#inTransaction = options.inTransaction;
    this.#clock = options.clock;
    this.#written = options.written;
    this.#log = options.log ?? null;
  }

  /**
   * An audited read's transaction commits without an fsync: until the log is fsynced its entry may
   * be only in the OS's cache, so the next head written waits for an fsync of the log first — a
   * checkpoint must never name an entry a power cut could take back.
   */
  logUnsynced(): void {
    this.#logUnsynced = true;
  }

  schedule(): void {
    if (this.#closed || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#run();
    }, this.#delayMs);
  }

  #run(): void {
    if (this.#closed) return;
    if (this.#writing || this.#inTransaction()) {
      this.schedule();
      return;
    }
    const head = this.#readHead();
    if (!head || sameHead(head, this.#written)) return;
    const checkpoint = { ...head, at: this.#clock() };
    const log = this.#logUnsynced ? this.#log : null;
    this.#logUnsynced = false;
    // The head was read above, so an fsync of the log from here on covers it.
    this.#writing = (log ? log.sync() : Promise.resolve())
      .catch((error: unknown) => {
        this.#logUnsynced = true;
        throw error;
      })
      .then(() => writeCheckpointAsync(this.#key, this.#file, checkpoint))
      .then(() => {
        this.#written = head;
        this.lastError = null;
      })
      .catch((error: unknown) => {
        this.lastError = error;
        console.error('[front-desk] writing the audit checkpoint failed:', error);
      })
      .finally(() => {
        this.#writing = null;
      });
  }

  /** Waits for a write in flight, then writes the committed head if it moved; the writer stops. */
  async close(): Promise<void> {
    this.#closed = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#writing;
    if (this.#inTransaction()) return;
    const head = this.#readHead();
    if (head && !sameHead(head, this.#written)) {
      if (this.#logUnsynced) this.#log?.syncNow();
      this.#logUnsynced = false;
      writeCheckpointSync(this.#key, this.#file, { ...head, at: this.#clock() });
      this.#written = head;
    }
  }
}

function sameHead(a: AuditHead, b: AuditHead | null): boolean {
  return b !== null && a.seq === b.seq && a.hash === b.hash;
}
