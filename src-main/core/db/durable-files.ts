import { closeSync, copyFileSync, fsyncSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Flushes a file's contents to the disk. */
export function fsyncFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Flushes a folder's entries (a rename or a new file in it) to the disk. Windows cannot open a
 * folder for this and makes renames durable itself, so there it is skipped.
 */
export function fsyncFolder(path: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A copy that is on the disk, not only in the page cache, when this returns. */
export function copyFileDurably(from: string, to: string): void {
  copyFileSync(from, to);
  fsyncFile(to);
  fsyncFolder(dirname(to));
}

function missing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Flushes a file's contents to the disk if it exists (a database's write-ahead log: gone after a clean
 * close, when everything in it is already in the database file), on libuv's thread pool.
 */
export async function fsyncIfPresent(file: string): Promise<void> {
  const handle = await open(file, 'r+').catch((error: unknown) => {
    if (missing(error)) return null;
    throw error;
  });
  if (!handle) return;
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** `fsyncIfPresent`, at once. */
export function fsyncIfPresentSync(file: string): void {
  try {
    fsyncFile(file);
  } catch (error) {
    if (!missing(error)) throw error;
  }
}
