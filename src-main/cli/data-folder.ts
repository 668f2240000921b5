import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createCore, type Core } from '../core/app';
import { keyFromOptions } from '../core/keys/key-file';

export const DATABASE_FILE = 'clinic.db';

export function databaseFile(dataDir: string): string {
  return join(resolve(dataDir), DATABASE_FILE);
}

export async function openCore(dataDir: string, keyFile: string | undefined, create = false): Promise<Core> {
  if (create) mkdirSync(resolve(dataDir), { recursive: true });
  return createCore({ file: databaseFile(dataDir), key: keyFromOptions(keyFile), create });
}
