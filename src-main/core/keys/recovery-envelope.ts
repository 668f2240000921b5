import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { KEY_BYTES } from '../db/open';
import { RecoveryKeyError, normalizeRecoveryKey } from './recovery-key';

/**
 * The recovery envelope: the database key wrapped (AES-256-GCM) under a key derived (scrypt) from the
 * recovery key, kept in `<database>.recovery.json` beside the database and beside every backup. The
 * keychain- or passphrase-wrapped copy stays as it is; this is the second way in, for when that one is lost.
 */

export const ENVELOPE_SUFFIX = '.recovery.json';
/**
 * 16 MiB, ~30 ms on a desktop: the recovery key has 150 random bits, so no KDF cost is needed against
 * guessing; scrypt only makes each guess dearer still. It runs at set-up, so every new clinic pays it.
 */
const SCRYPT = { N: 2 ** 14, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const FORMAT = 'front-desk-recovery-envelope';

export interface RecoveryEnvelope {
  format: typeof FORMAT;
  version: 1;
  /** When this recovery key was made (epoch ms): printed on the sheet, so a sheet can be matched to its envelope. */
  createdAt: number;
  kdf: { name: 'scrypt'; N: number; r: number; p: number; salt: string };
  cipher: 'aes-256-gcm';
  iv: string;
  wrappedKey: string;
  tag: string;
}

export function envelopeFileFor(databaseFile: string): string {
  return databaseFile + ENVELOPE_SUFFIX;
}

function additionalData(createdAt: number): Buffer {
  return Buffer.from(`${FORMAT}|1|${createdAt}`);
}

function wrappingKey(recoveryKey: string, salt: Buffer, kdf: RecoveryEnvelope['kdf']): Buffer {
  return scryptSync(normalizeRecoveryKey(recoveryKey), salt, 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: SCRYPT.maxmem,
  });
}

export function sealEnvelope(databaseKey: Buffer, recoveryKey: string, createdAt: number): RecoveryEnvelope {
  const salt = randomBytes(16);
  const kdf = { name: 'scrypt' as const, N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64') };
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', wrappingKey(recoveryKey, salt, kdf), iv);
  cipher.setAAD(additionalData(createdAt));
  const wrapped = Buffer.concat([cipher.update(databaseKey), cipher.final()]);
  return {
    format: FORMAT,
    version: 1,
    createdAt,
    kdf,
    cipher: 'aes-256-gcm',
    iv: iv.toString('base64'),
    wrappedKey: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The database key, or WRONG_RECOVERY_KEY when the key typed is well formed but not this envelope's. */
export function openEnvelope(envelope: RecoveryEnvelope, recoveryKey: string): Buffer {
  const decipher = createDecipheriv(
    'aes-256-gcm',
    wrappingKey(recoveryKey, Buffer.from(envelope.kdf.salt, 'base64'), envelope.kdf),
    Buffer.from(envelope.iv, 'base64'),
  );
  decipher.setAAD(additionalData(envelope.createdAt));
  decipher.setAuthTag(Buffer.from(envelope.tag, 'base64'));
  try {
    const key = Buffer.concat([decipher.update(Buffer.from(envelope.wrappedKey, 'base64')), decipher.final()]);
    if (key.length !== KEY_BYTES) throw new Error('wrong length');
    return key;
  } catch {
    throw new RecoveryKeyError(
      'WRONG_RECOVERY_KEY',
      `This is not the recovery key of this clinic's recovery envelope (made ${new Date(envelope.createdAt).toISOString().slice(0, 10)}). ` +
        'An administrator who made a new key invalidated older sheets; use the newest sheet. Nothing was changed.',
    );
  }
}

function isBase64(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length < 1000 && /^[A-Za-z0-9+/]+={0,2}$/.test(value);
}

export function parseEnvelope(text: string, file: string): RecoveryEnvelope {
  const damaged = (why: string) =>
    new RecoveryKeyError('DAMAGED_RECOVERY_ENVELOPE', `The recovery envelope ${file} is damaged (${why}).`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw damaged('not JSON');
  }
  if (typeof value !== 'object' || value === null) throw damaged('not an object');
  const record = value as Partial<Record<keyof RecoveryEnvelope, unknown>>;
  if (record.format !== FORMAT || record.version !== 1) throw damaged('not a recovery envelope this version knows');
  if (typeof record.createdAt !== 'number' || !Number.isSafeInteger(record.createdAt)) throw damaged('no date');
  const kdf = record.kdf as Partial<RecoveryEnvelope['kdf']> | undefined;
  if (
    kdf?.name !== 'scrypt' ||
    !isBase64(kdf.salt) ||
    !Number.isInteger(kdf.N) ||
    !Number.isInteger(kdf.r) ||
    !Number.isInteger(kdf.p) ||
    (kdf.N ?? 0) > 2 ** 20 ||
    (kdf.r ?? 0) > 32 ||
    (kdf.p ?? 0) > 4
  ) {
    throw damaged('bad key derivation');
  }
  if (
    record.cipher !== 'aes-256-gcm' ||
    !isBase64(record.iv) ||
    !isBase64(record.wrappedKey) ||
    !isBase64(record.tag)
  ) {
    throw damaged('bad wrapped key');
  }
  return record as RecoveryEnvelope;
}

export function readEnvelope(file: string): RecoveryEnvelope {
  if (!existsSync(file)) {
    throw new RecoveryKeyError(
      'NO_RECOVERY_ENVELOPE',
      `There is no recovery envelope at ${file}, so a recovery key cannot open this database. ` +
        `Backups made by Front Desk have one beside them with the same name and "${ENVELOPE_SUFFIX}" added.`,
    );
  }
  return parseEnvelope(readFileSync(file, 'utf8'), file);
}

/** Owner-only, written to a temporary file, flushed, then renamed over any older envelope. */
export function writeEnvelope(file: string, envelope: RecoveryEnvelope): void {
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(envelope, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}
