import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
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

/**
 * Writes a new key file readable by its owner only; refuses to overwrite an existing one. A folder it
 * names that does not exist yet is made, for its owner only (`clinic demo --data D --key-file D/demo.key`
 * on a new folder failed with ENOENT before the command had made D).
 */
export function writeNewKeyFile(path: string): Buffer {
  const key = newKey();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
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

/** Something about the key a person should fix, though the clinic still opens. */
export interface KeyWarning {
  code: 'KEY_FILE_READABLE_BY_OTHERS';
  message: string;
}

/**
 * A key file other accounts on the computer can read gives the database away to them. Not refused
 * (a clinic must not be locked out of its data by a permission), but said every time it is used.
 */
export function keyFileWarnings(path: string, platform: NodeJS.Platform = process.platform): KeyWarning[] {
  if (platform === 'win32') return []; // Windows has ACLs, not mode bits; Node reports 0o666 for every file.
  const mode = statSync(path).mode & 0o777;
  if ((mode & 0o077) === 0) return [];
  return [
    {
      code: 'KEY_FILE_READABLE_BY_OTHERS',
      message:
        `The key file ${path} can be read by other accounts on this computer (mode ${mode.toString(8).padStart(3, '0')}). ` +
        `Anyone who can read it can open the clinic database: run \`chmod 600 ${path}\`.`,
    },
  ];
}

/** The key and what is wrong with how it is kept: `--key-file`, else `CLINIC_DB_KEY`. */
export function loadKey(
  keyFile: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { key: Buffer; warnings: KeyWarning[] } {
  const key = keyFromOptions(keyFile, env);
  return { key, warnings: keyFile ? keyFileWarnings(keyFile) : [] };
}
