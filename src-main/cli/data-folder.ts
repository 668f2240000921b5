import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../core/app';
import { loadKey } from '../core/keys/key-file';

export const DATABASE_FILE = 'clinic.db';

export function databaseFile(dataDir: string): string {
  return join(resolve(dataDir), DATABASE_FILE);
}

/** The key for a CLI command; a warning about how it is kept goes to standard error every time. */
export function cliKey(keyFile: string | undefined): Buffer {
  const { key, warnings } = loadKey(keyFile);
  for (const warning of warnings) console.error(`clinic: warning: ${warning.message}`);
  return key;
}

/**
 * Opens the clinic in a data folder. Only `init` and `serve --create` create one: a mistyped
 * `--data` must fail with "no clinic database", never start a new empty clinic beside the real one.
 */
export async function openCore(
  dataDir: string,
  keyFile: string | undefined,
  create = false,
  lock?: string,
): Promise<Core> {
  if (create) mkdirSync(resolve(dataDir), { recursive: true });
  return createCore({ file: databaseFile(dataDir), key: cliKey(keyFile), create, lock });
}
