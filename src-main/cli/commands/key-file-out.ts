import { existsSync, writeFileSync } from 'node:fs';
import { readKeyFile } from '../../core/keys/key-file';

/**
 * Writes a recovered database key to a key file readable by its owner only. A key file that already
 * holds this key is left as it is; one holding another key is never overwritten.
 */
export function writeKeyFileOnce(path: string, key: Buffer): void {
  if (existsSync(path)) {
    if (readKeyFile(path).equals(key)) return;
    throw new Error(`${path} already holds a different key; name a new file for the recovered key.`);
  }
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
}
