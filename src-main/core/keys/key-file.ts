import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DatabaseOpenError } from '../db/errors';
import { KEY_BYTES } from '../db/open';

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** A key written as 64 hexadecimal digits (surrounding whitespace ignored). */
export function parseHexKey(text: string, source: string): Buffer {
  const hex = text.trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new DatabaseOpenError('BAD_KEY', `${source} must hold the database key as 64 hexadecimal digits (32 bytes).`);
  }
  return Buffer.from(hex, 'hex');
}

export function readKeyFile(path: string): Buffer {
  if (!existsSync(path)) throw new DatabaseOpenError('MISSING_KEY', `The key file ${path} does not exist.`);
  return parseHexKey(readFileSync(path, 'utf8'), `The key file ${path}`);
}

/** Writes a new key file readable by its owner only; refuses to overwrite an existing one. */
export function writeNewKeyFile(path: string): Buffer {
  const key = newKey();
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/** Node hosts (CLI, browser mode, tests): `--key-file`, else `CLINIC_DB_KEY`. Never a default key. */
export function keyFromOptions(keyFile: string | undefined, env: NodeJS.ProcessEnv = process.env): Buffer {
  if (keyFile) return readKeyFile(keyFile);
  const fromEnv = env.CLINIC_DB_KEY;
  if (fromEnv) return parseHexKey(fromEnv, 'CLINIC_DB_KEY');
  throw new DatabaseOpenError(
    'MISSING_KEY',
    'No database key given: pass --key-file FILE or set CLINIC_DB_KEY to the key in hexadecimal.',
  );
}
