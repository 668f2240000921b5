import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { newKey } from '../core/keys/key-file';
import { deriveKeyFromPassphrase, newSalt } from '../core/keys/passphrase';
import { databaseKeyFromRecoveryKey } from '../core/keys/recovery';
import { envelopeFileFor } from '../core/keys/recovery-envelope';
import { RecoveryKeyError, isRecoveryKey } from '../core/keys/recovery-key';
import {
  KEY_RECORD_FILE,
  MIN_PASSPHRASE_LENGTH,
  WRONG_PASSPHRASE_MESSAGE,
  keyFromUnwrapped,
  keychainBackend,
  newKeychainRecord,
  newPassphraseProblem,
  newPassphraseRecord,
  parseKeyRecord,
  passphraseKeyMatches,
  passphraseSalt,
  planKey,
  type KeyEnvironment,
  type KeyRecord,
  type KeychainRecord,
  type PassphraseRecord,
} from './key-policy';
import { askForPassphrase } from './passphrase-window';

/** Front Desk will not start, and says why; the database was not opened. */
export class KeyRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyRefusedError';
  }
}

/** The person closed the passphrase window: quit quietly. */
export class KeyEntryCancelled extends Error {
  constructor() {
    super('The clinic passphrase was not entered.');
    this.name = 'KeyEntryCancelled';
  }
}

/**
 * The database key for this computer. The only code that touches safeStorage. Call after `app` is ready
 * (safeStorage picks its Linux backend then). Never stores, and never falls back to, a plaintext key.
 */
export async function loadDatabaseKey(options: {
  userDataDir: string;
  databaseFile: string;
}): Promise<{ key: Buffer; created: boolean }> {
  const recordFile = join(options.userDataDir, KEY_RECORD_FILE);
  const stored = existsSync(recordFile) ? readFileSync(recordFile, 'utf8') : null;
  const env: KeyEnvironment = {
    platform: process.platform,
    encryptionAvailable: await safeStorage.isAsyncEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  };
  const plan = planKey(stored, existsSync(options.databaseFile), env);

  switch (plan.action) {
    case 'refuse':
      throw new KeyRefusedError(plan.message);
    case 'create-keychain': {
      const key = newKey();
      const record = newKeychainRecord(plan.backend, await safeStorage.encryptStringAsync(key.toString('hex')));
      writeRecord(recordFile, record);
      await confirmRoundTrip(recordFile, key);
      return { key, created: true };
    }
    case 'unwrap-keychain':
      return { key: await unwrapKeychain(recordFile, plan.record), created: false };
    case 'create-passphrase':
      return { key: await createPassphraseKey(recordFile), created: true };
    case 'ask-passphrase':
      return { key: await unlockWithPassphrase(plan.record, options.databaseFile), created: false };
  }
}

async function unwrap(record: KeychainRecord): Promise<{ key: Buffer; shouldReEncrypt: boolean }> {
  let text: string;
  let shouldReEncrypt: boolean;
  try {
    const decrypted = await safeStorage.decryptStringAsync(Buffer.from(record.wrapped, 'base64'));
    text = decrypted.result;
    shouldReEncrypt = decrypted.shouldReEncrypt;
  } catch (error) {
    throw new KeyRefusedError(
      `The system keychain ("${record.backend}") could not unwrap the database key (${error instanceof Error ? error.message : String(error)}). ` +
        'The keychain entry may have been reset or this user-data folder copied from another account. The clinic database has not been touched.',
    );
  }
  const key = keyFromUnwrapped(text);
  if (key === null) {
    throw new KeyRefusedError(
      'The system keychain returned something that is not a database key. The clinic database has not been touched.',
    );
  }
  return { key, shouldReEncrypt };
}

async function unwrapKeychain(recordFile: string, record: KeychainRecord): Promise<Buffer> {
  const { key, shouldReEncrypt } = await unwrap(record);
  if (shouldReEncrypt) {
    // The keychain rotated its key: wrap again, but replace the old record only once the new one reads back.
    try {
      const fresh = newKeychainRecord(record.backend, await safeStorage.encryptStringAsync(key.toString('hex')));
      const check = await unwrap(fresh);
      if (check.key.equals(key)) writeRecord(recordFile, fresh, { replace: true });
    } catch (error) {
      console.warn('[front-desk] could not re-wrap the database key; keeping the old record:', error);
    }
  }
  return key;
}

/** First run: read what we wrote back from disk and unwrap it before the key is used for anything. */
async function confirmRoundTrip(recordFile: string, key: Buffer): Promise<void> {
  const parsed = parseKeyRecord(readFileSync(recordFile, 'utf8'));
  if (!parsed.ok || parsed.record.mode !== 'keychain')
    throw new KeyRefusedError(`The new key record ${recordFile} did not read back.`);
  const { key: back } = await unwrap(parsed.record);
  if (!back.equals(key))
    throw new KeyRefusedError(
      'The system keychain did not give back the key it was given. Front Desk will not start with it.',
    );
}

async function createPassphraseKey(recordFile: string): Promise<Buffer> {
  const key = await askForPassphrase('create', (passphrase, confirmation) => {
    const problem = newPassphraseProblem(passphrase, confirmation);
    if (problem !== null) return { ok: false, message: problem };
    const salt = newSalt();
    const derived = deriveKeyFromPassphrase(passphrase, salt);
    const record = newPassphraseRecord(salt, derived);
    writeRecord(recordFile, record);
    const back = parseKeyRecord(readFileSync(recordFile, 'utf8'));
    if (!back.ok || back.record.mode !== 'passphrase' || !passphraseKeyMatches(back.record, derived)) {
      return { ok: false, message: `The key record ${recordFile} did not read back; check the disk and try again.` };
    }
    return { ok: true, key: derived };
  });
  if (key === null) throw new KeyEntryCancelled();
  return key;
}

async function unlockWithPassphrase(record: PassphraseRecord, databaseFile: string): Promise<Buffer> {
  const key = await askForPassphrase('unlock', (passphrase) => {
    // The passphrase is forgotten: the recovery sheet's key, typed in its place, opens the clinic too.
    if (isRecoveryKey(passphrase) && existsSync(envelopeFileFor(databaseFile))) {
      try {
        return { ok: true, key: databaseKeyFromRecoveryKey(databaseFile, passphrase) };
      } catch (error) {
        if (error instanceof RecoveryKeyError) return { ok: false, message: error.message };
        throw error;
      }
    }
    if (passphrase.length < MIN_PASSPHRASE_LENGTH) return { ok: false, message: WRONG_PASSPHRASE_MESSAGE };
    const derived = deriveKeyFromPassphrase(passphrase, passphraseSalt(record));
    return passphraseKeyMatches(record, derived)
      ? { ok: true, key: derived }
      : { ok: false, message: WRONG_PASSPHRASE_MESSAGE };
  });
  if (key === null) throw new KeyEntryCancelled();
  return key;
}

/** Owner-only, written to a temporary file, flushed, then renamed into place. */
function writeRecord(recordFile: string, record: KeyRecord, options: { replace?: boolean } = {}): void {
  if (!options.replace && existsSync(recordFile))
    throw new KeyRefusedError(`${recordFile} already exists; Front Desk will not overwrite a key record.`);
  const temporary = `${recordFile}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${JSON.stringify(record, null, 2)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, recordFile);
}

/**
 * After the recovery key opened the clinic: wrap the key with this session's keychain again, so the next
 * start needs no sheet. The record that could not be used is kept beside, renamed, not deleted. With no
 * usable keychain the key serves this session only and the next start asks for the sheet again.
 */
export async function keepRecoveredKey(userDataDir: string, key: Buffer): Promise<void> {
  const backend = keychainBackend({
    platform: process.platform,
    encryptionAvailable: await safeStorage.isAsyncEncryptionAvailable(),
    linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
  });
  if (backend === null) {
    console.warn('[front-desk] no usable keychain: the recovered key is kept for this session only.');
    return;
  }
  const recordFile = join(userDataDir, KEY_RECORD_FILE);
  if (existsSync(recordFile)) renameSync(recordFile, `${recordFile}.unusable-${Date.now()}`);
  writeRecord(recordFile, newKeychainRecord(backend, await safeStorage.encryptStringAsync(key.toString('hex'))));
  await confirmRoundTrip(recordFile, key);
}
