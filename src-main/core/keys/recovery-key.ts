import { createHash, randomInt } from 'node:crypto';

/**
 * The recovery key a clinic prints on its recovery sheet: 30 random Crockford base32 characters
 * (150 bits) and 2 check characters, shown as eight groups of four (`7KQ2-…`). The check characters
 * tell a mistyped sheet apart from a key that is simply not the clinic's (an older sheet).
 */

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const RANDOM_CHARS = 30;
export const RECOVERY_KEY_CHARS = 32;
const GROUP = 4;

export class RecoveryKeyError extends Error {
  readonly kind: 'MALFORMED_RECOVERY_KEY' | 'WRONG_RECOVERY_KEY' | 'NO_RECOVERY_ENVELOPE' | 'DAMAGED_RECOVERY_ENVELOPE';

  constructor(kind: RecoveryKeyError['kind'], message: string) {
    super(message);
    this.name = 'RecoveryKeyError';
    this.kind = kind;
  }
}

function checkChars(body: string): string {
  const digest = createHash('sha256').update(`front-desk recovery key|${body}`).digest();
  // Two 5-bit symbols from the digest's first two bytes.
  return ALPHABET.charAt((digest.readUInt8(0) >> 3) & 31) + ALPHABET.charAt((digest.readUInt8(1) >> 3) & 31);
}

export function newRecoveryKey(): string {
  let body = '';
  for (let i = 0; i < RANDOM_CHARS; i += 1) body += ALPHABET.charAt(randomInt(ALPHABET.length));
  return body + checkChars(body);
}

/** `ABCD-EFGH-…` as printed on the sheet. */
export function groupRecoveryKey(key: string): string {
  const groups: string[] = [];
  for (let i = 0; i < key.length; i += GROUP) groups.push(key.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * What a person typed, as the 32 canonical characters: case, spaces and dashes ignored, and the
 * letters people confuse with digits (O, I, L) read as the digits. Throws MALFORMED_RECOVERY_KEY.
 */
export function normalizeRecoveryKey(typed: string): string {
  const canonical = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (canonical.length !== RECOVERY_KEY_CHARS) {
    throw new RecoveryKeyError(
      'MALFORMED_RECOVERY_KEY',
      `A recovery key has ${RECOVERY_KEY_CHARS} letters and digits (eight groups of four); this one has ${canonical.length}.`,
    );
  }
  for (const char of canonical) {
    if (!ALPHABET.includes(char)) {
      throw new RecoveryKeyError(
        'MALFORMED_RECOVERY_KEY',
        `"${char}" is never part of a recovery key; check that group on the sheet.`,
      );
    }
  }
  const body = canonical.slice(0, RANDOM_CHARS);
  if (checkChars(body) !== canonical.slice(RANDOM_CHARS)) {
    throw new RecoveryKeyError(
      'MALFORMED_RECOVERY_KEY',
      'This recovery key has a typing mistake (its last two characters do not match the rest). Check each group against the sheet.',
    );
  }
  return canonical;
}

/** Whether typed text is a well-formed recovery key (the passphrase window accepts either). */
export function isRecoveryKey(typed: string): boolean {
  try {
    normalizeRecoveryKey(typed);
    return true;
  } catch {
    return false;
  }
}
