import { randomBytes, scryptSync } from 'node:crypto';
import { KEY_BYTES } from '../db/open';

/** scrypt at N=2^17, r=8: ~0.3 s and 128 MiB once per start, which is the point. */
const SCRYPT = { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 } as const;
export const MIN_PASSPHRASE_LENGTH = 12;

export function newSalt(): Buffer {
  return randomBytes(16);
}

/**
 * The clinic passphrase mode, for computers with no system keychain: the database key is derived
 * from a passphrase the staff know, once per start.
 */
export function deriveKeyFromPassphrase(passphrase: string, salt: Buffer): Buffer {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new Error(`The clinic passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`);
  }
  return scryptSync(passphrase.normalize('NFC'), salt, KEY_BYTES, SCRYPT);
}
