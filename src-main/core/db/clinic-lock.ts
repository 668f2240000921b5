import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { DatabaseOpenError } from './errors';

/** Who holds a clinic open, as written in its lock file. */
export interface LockHolder {
  pid: number;
  host: string;
  /** What it is, for the message another process shows: "the Front Desk app", "clinic serve". */
  what: string;
  since: number;
}

export interface ClinicLock {
  file: string;
  holder: LockHolder;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/** A lock file half-written by a process that died at that instant is taken over after this long. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

export function lockFileOf(databaseFile: string): string {
  return `${databaseFile}.lock`;
}

/**
 * Takes the clinic's lock: a file beside the database made with O_EXCL, holding the pid, host and
 * what holds it. A lock whose process is gone (killed, crashed) is taken over; a live one is refused
 * with IN_USE naming its holder. Liveness is checked by pid on the same host; a lock from another
 * host (a shared folder) is always treated as held, since its process cannot be seen from here.
 */
export function acquireClinicLock(databaseFile: string, what: string, now = Date.now()): ClinicLock {
  const file = lockFileOf(databaseFile);
  const holder: LockHolder = { pid: process.pid, host: hostname(), what, since: now };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (tryCreate(file, holder)) return lockOf(file, holder);
    const existing = readHolder(file);
    if (existing === 'gone') continue;
    if (existing === 'unreadable') {
      if (ageOf(file) < UNREADABLE_LOCK_STALE_MS) throw inUse(file, null);
    } else if (isAlive(existing)) {
      throw inUse(file, existing);
    }
    // Stale: moved aside (atomic, so two processes cannot both remove a fresh lock), then removed.
    const aside = `${file}.stale-${process.pid}`;
    try {
      renameSync(file, aside);
      rmSync(aside, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw lockError(error, file);
    }
  }
  throw inUse(file, null);
}

/** The live process holding the clinic open, or null when none does (no lock file, or a stale one). */
export function clinicLockHolder(databaseFile: string): LockHolder | null {
  const existing = readHolder(lockFileOf(databaseFile));
  return typeof existing === 'object' && isAlive(existing) ? existing : null;
}

export function describeHolder(holder: LockHolder): string {
  const where = holder.host === hostname() ? '' : ` on ${holder.host}`;
  return `${holder.what} (process ${holder.pid}${where}, since ${new Date(holder.since).toISOString()})`;
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw lockError(error, file);
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function lockOf(file: string, holder: LockHolder): ClinicLock {
  let released = false;
  return {
    file,
    holder,
    release() {
      if (released) return;
      released = true;
      const current = readHolder(file);
      if (typeof current === 'object' && current.pid === holder.pid && current.since === holder.since) {
        rmSync(file, { force: true });
      }
    },
  };
}

function readHolder(file: string): LockHolder | 'gone' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw lockError(error, file);
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (
      typeof parsed.pid === 'number' &&
      typeof parsed.host === 'string' &&
      typeof parsed.what === 'string' &&
      typeof parsed.since === 'number'
    ) {
      return { pid: parsed.pid, host: parsed.host, what: parsed.what, since: parsed.since };
    }
  } catch {
    // Half-written: judged by its age.
  }
  return 'unreadable';
}

function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ageOf(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

function inUse(file: string, holder: LockHolder | null): DatabaseOpenError {
  const who = holder ? describeHolder(holder) : 'another process that is starting or stopping';
  return new DatabaseOpenError('IN_USE', `The clinic is open in ${who}. Close it first (its lock is ${file}).`);
}

function lockError(error: unknown, file: string): DatabaseOpenError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
    return new DatabaseOpenError(
      'READ_ONLY',
      `Front Desk cannot write its lock file ${file}: the folder is read-only.`,
      {
        cause: error,
      },
    );
  }
  if (code === 'ENOSPC') {
    return new DatabaseOpenError('DISK_FULL', `Front Desk cannot write its lock file ${file}: the disk is full.`, {
      cause: error,
    });
  }
  return new DatabaseOpenError(
    'NOT_FOUND',
    `Front Desk cannot use its lock file ${file}: ${(error as Error).message}`,
    {
      cause: error,
    },
  );
}
