import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Every decision about the database key, with no Electron in sight: which custody mode a first run
 * uses, whether a stored record is sound, when to refuse (Linux `basic_text`, a changed keychain
 * backend, a missing record beside an existing database), and whether a passphrase is the right one.
 * `key-store.ts` does the I/O (safeStorage, files, the passphrase window) and asks this module what to do.
 */

export const KEY_RECORD_FILE = 'db-key.json';
/** Same size as `newSalt()` in core/keys/passphrase.ts (a test keeps them equal). */
export const SALT_BYTES = 16;
/** Same rule as `MIN_PASSPHRASE_LENGTH` in core/keys/passphrase.ts (which derives the key). */
export const MIN_PASSPHRASE_LENGTH = 12;

const CHECK_LABEL = 'front-desk passphrase check v1';

export interface KeychainRecord {
  version: 1;
  mode: 'keychain';
  /** Which store wrapped the key: the Linux backend safeStorage chose, else `macos-keychain` / `windows-dpapi`. */
  backend: string;
  /** `safeStorage.encryptStringAsync(hex key)`, base64. */
  wrapped: string;
}

export interface PassphraseRecord {
  version: 1;
  mode: 'passphrase';
  /** scrypt salt, base64. */
  salt: string;
  /** HMAC-SHA256 of a constant under the derived key, base64: tells a wrong passphrase apart. */
  check: string;
}

export type KeyRecord = KeychainRecord | PassphraseRecord;

/** What this computer offers, read by key-store.ts after the app is ready. */
export interface KeyEnvironment {
  platform: NodeJS.Platform;
  /** `safeStorage.isAsyncEncryptionAvailable()`. */
  encryptionAvailable: boolean;
  /** `safeStorage.getSelectedStorageBackend()` on Linux; ignored elsewhere. */
  linuxBackend?: string;
}

export type KeyPlan =
  /** First run with a real keychain: make a key, wrap it, write the record, read it back. */
  | { action: 'create-keychain'; backend: string }
  /** First run without a usable keychain: the staff choose a clinic passphrase. */
  | { action: 'create-passphrase'; reason: string }
  | { action: 'unwrap-keychain'; record: KeychainRecord }
  | { action: 'ask-passphrase'; record: PassphraseRecord }
  | { action: 'refuse'; message: string };

const UNTOUCHED = 'The clinic database has not been touched.';

/** The name recorded for the store that wraps the key, or null when there is no real keychain. */
export function keychainBackend(env: KeyEnvironment): string | null {
  if (!env.encryptionAvailable) return null;
  if (env.platform === 'darwin') return 'macos-keychain';
  if (env.platform === 'win32') return 'windows-dpapi';
  const backend = env.linuxBackend ?? 'unknown';
  // basic_text "encrypts" with a constant key baked into Chromium: as good as plaintext.
  if (backend === 'basic_text' || backend === 'unknown') return null;
  return backend;
}

function isBase64(value: unknown, bytes?: number): value is string {
  if (typeof value !== 'string' || value.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64');
  return bytes === undefined ? decoded.length > 0 : decoded.length === bytes;
}

/** Parses `db-key.json`; a message a person can act on when it is not a record we wrote. */
export function parseKeyRecord(text: string): { ok: true; record: KeyRecord } | { ok: false; message: string } {
  const damaged = (why: string) => ({
    ok: false as const,
    message: `The key record ${KEY_RECORD_FILE} is damaged (${why}). Restore it from a backup of this computer's user-data folder. ${UNTOUCHED}`,
  });
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return damaged('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return damaged('not an object');
  const record = value as Record<string, unknown>;
  if (record.version !== 1) {
    return {
      ok: false,
      message: `The key record ${KEY_RECORD_FILE} has version ${JSON.stringify(record.version)}, which this version of Front Desk does not know. Install the newer Front Desk that wrote it. ${UNTOUCHED}`,
    };
  }
  if (record.mode === 'keychain') {
    if (typeof record.backend !== 'string' || record.backend.length === 0) return damaged('no keychain backend');
    if (!isBase64(record.wrapped)) return damaged('no wrapped key');
    return { ok: true, record: { version: 1, mode: 'keychain', backend: record.backend, wrapped: record.wrapped } };
  }
  if (record.mode === 'passphrase') {
    if (!isBase64(record.salt, SALT_BYTES)) return damaged('bad passphrase salt');
    if (!isBase64(record.check, 32)) return damaged('bad passphrase check');
    return { ok: true, record: { version: 1, mode: 'passphrase', salt: record.salt, check: record.check } };
  }
  return damaged(`unknown mode ${JSON.stringify(record.mode)}`);
}

/**
 * What to do at start-up, from the stored record (null when `db-key.json` does not exist), whether the
 * database file exists, and what the computer offers.
 */
export function planKey(storedText: string | null, databaseExists: boolean, env: KeyEnvironment): KeyPlan {
  const backend = keychainBackend(env);

  if (storedText === null) {
    if (databaseExists) {
      return {
        action: 'refuse',
        message:
          `The clinic database exists but its key record ${KEY_RECORD_FILE} is missing, so it cannot be opened. ` +
          `Restore ${KEY_RECORD_FILE} from a backup of this computer's user-data folder; Front Desk will not replace the database with an empty one. ${UNTOUCHED}`,
      };
    }
    if (backend !== null) return { action: 'create-keychain', backend };
    const reason = !env.encryptionAvailable
      ? 'no system keychain is available'
      : `the only key store is Chromium's "${env.linuxBackend ?? 'unknown'}" store, which does not protect secrets`;
    return { action: 'create-passphrase', reason };
  }

  const parsed = parseKeyRecord(storedText);
  if (!parsed.ok) return { action: 'refuse', message: parsed.message };
  const record = parsed.record;

  if (record.mode === 'passphrase') return { action: 'ask-passphrase', record };

  if (env.platform === 'linux' && env.linuxBackend === 'basic_text') {
    return {
      action: 'refuse',
      message:
        `The database key was stored with the "${record.backend}" keychain, but this session only offers "basic_text", which does not protect secrets. ` +
        `Start Front Desk from a desktop session where "${record.backend}" is available (or with --password-store=${passwordStoreFlag(record.backend)}). ${UNTOUCHED}`,
    };
  }
  if (!env.encryptionAvailable) {
    return {
      action: 'refuse',
      message: `The system keychain ("${record.backend}") that holds the database key is not available. Unlock it or sign in to the desktop session that has it, then start Front Desk again. ${UNTOUCHED}`,
    };
  }
  if (backend !== record.backend) {
    return {
      action: 'refuse',
      message:
        `The keychain changed: the database key was stored with "${record.backend}" but this session uses "${backend ?? env.linuxBackend ?? 'none'}". ` +
        `Start Front Desk where "${record.backend}" is available. ${UNTOUCHED}`,
    };
  }
  return { action: 'unwrap-keychain', record };
}

function passwordStoreFlag(backend: string): string {
  return backend === 'gnome_libsecret' ? 'gnome-libsecret' : backend;
}

/** The unwrapped key text must be the 64 hex digits we wrapped. */
export function keyFromUnwrapped(text: string): Buffer | null {
  return /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : null;
}

export function newKeychainRecord(backend: string, wrapped: Buffer): KeychainRecord {
  return { version: 1, mode: 'keychain', backend, wrapped: wrapped.toString('base64') };
}

function passphraseCheck(key: Buffer): Buffer {
  return createHmac('sha256', key).update(CHECK_LABEL).digest();
}

export function newPassphraseRecord(salt: Buffer, key: Buffer): PassphraseRecord {
  return {
    version: 1,
    mode: 'passphrase',
    salt: salt.toString('base64'),
    check: passphraseCheck(key).toString('base64'),
  };
}

export function passphraseSalt(record: PassphraseRecord): Buffer {
  return Buffer.from(record.salt, 'base64');
}

/** Whether a key derived from a typed passphrase is the clinic's key. */
export function passphraseKeyMatches(record: PassphraseRecord, key: Buffer): boolean {
  const expected = Buffer.from(record.check, 'base64');
  const actual = passphraseCheck(key);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** First run: a message for the form, or null when the new passphrase is acceptable. */
export function newPassphraseProblem(passphrase: string, confirmation: string): string | null {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    return `The clinic passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`;
  }
  if (passphrase.trim().length === 0) return 'The clinic passphrase cannot be only spaces.';
  if (passphrase !== confirmation) return 'The two passphrases do not match.';
  return null;
}

export const WRONG_PASSPHRASE_MESSAGE = 'That is not the clinic passphrase. Check Caps Lock and try again.';

export const PASSPHRASE_WINDOW_EXPLANATION =
  'This computer has no system keychain; Front Desk protects the clinic database with a clinic passphrase.';
