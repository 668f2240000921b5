import { DatabaseOpenError } from './errors';

/** SQLite's primary result codes that mean the storage itself is the problem, not the request. */
const STORAGE_CODES: Record<string, { kind: 'READ_ONLY' | 'DISK_FULL' | 'CORRUPT'; say: string }> = {
  SQLITE_READONLY: { kind: 'READ_ONLY', say: 'cannot be written: the folder or file is read-only' },
  SQLITE_CANTOPEN: { kind: 'READ_ONLY', say: 'cannot be opened for writing (check the folder’s permissions)' },
  SQLITE_FULL: { kind: 'DISK_FULL', say: 'cannot grow: the disk is full' },
  SQLITE_IOERR: { kind: 'DISK_FULL', say: 'could not be written (the disk refused: full or failing)' },
  SQLITE_CORRUPT: { kind: 'CORRUPT', say: 'is damaged: a page fails its check. Restore it from a backup' },
  SQLITE_NOTADB: { kind: 'CORRUPT', say: 'is damaged: a page fails its check. Restore it from a backup' },
};

/** The SQLite error code of a better-sqlite3 error (`SQLITE_FULL`, `SQLITE_IOERR_WRITE`, …), if any. */
export function sqliteCode(error: unknown): string | null {
  if (!(error instanceof Error)) return null;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * A typed error for a storage failure (read-only folder, full disk, damaged page), or null when
 * the error is something else. Extended codes (`SQLITE_IOERR_WRITE`) map by their primary code.
 */
export function storageError(error: unknown, file?: string): DatabaseOpenError | null {
  const code = sqliteCode(error);
  if (!code) return null;
  const primary = Object.keys(STORAGE_CODES).find((name) => code === name || code.startsWith(`${name}_`));
  const known = primary ? STORAGE_CODES[primary] : undefined;
  if (!known) return null;
  const what = file ? `The clinic database ${file}` : 'The clinic database';
  return new DatabaseOpenError(known.kind, `${what} ${known.say}. Nothing was saved.`, {
    cause: error,
  });
}
