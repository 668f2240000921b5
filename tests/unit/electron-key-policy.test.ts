import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  MIN_PASSPHRASE_LENGTH as CORE_MIN_PASSPHRASE_LENGTH,
  deriveKeyFromPassphrase,
  newSalt,
} from '../../src-main/core/keys/passphrase';
import {
  MIN_PASSPHRASE_LENGTH,
  SALT_BYTES,
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
} from '../../src-main/electron/key-policy';

const gnome: KeyEnvironment = { platform: 'linux', encryptionAvailable: true, linuxBackend: 'gnome_libsecret' };
const kwallet: KeyEnvironment = { platform: 'linux', encryptionAvailable: true, linuxBackend: 'kwallet5' };
const basicText: KeyEnvironment = { platform: 'linux', encryptionAvailable: true, linuxBackend: 'basic_text' };
const noKeychain: KeyEnvironment = { platform: 'linux', encryptionAvailable: false, linuxBackend: 'gnome_libsecret' };
const mac: KeyEnvironment = { platform: 'darwin', encryptionAvailable: true };
const windows: KeyEnvironment = { platform: 'win32', encryptionAvailable: true };

const keychainText = (backend: string): string => JSON.stringify(newKeychainRecord(backend, randomBytes(80)));
const passphraseText = (): string => JSON.stringify(newPassphraseRecord(randomBytes(16), randomBytes(32)));

describe('first run', () => {
  it('uses the keychain where there is a real one, recording which', () => {
    expect(planKey(null, false, gnome)).toEqual({ action: 'create-keychain', backend: 'gnome_libsecret' });
    expect(planKey(null, false, kwallet)).toEqual({ action: 'create-keychain', backend: 'kwallet5' });
    expect(planKey(null, false, mac)).toEqual({ action: 'create-keychain', backend: 'macos-keychain' });
    expect(planKey(null, false, windows)).toEqual({ action: 'create-keychain', backend: 'windows-dpapi' });
  });

  it('never wraps with basic_text, an unknown backend or no encryption: it asks for a clinic passphrase', () => {
    for (const env of [
      basicText,
      noKeychain,
      { ...gnome, linuxBackend: 'unknown' },
      { ...mac, encryptionAvailable: false },
    ]) {
      expect(keychainBackend(env)).toBeNull();
      expect(planKey(null, false, env).action).toBe('create-passphrase');
    }
    const plan = planKey(null, false, basicText);
    expect(plan.action === 'create-passphrase' && plan.reason).toContain('basic_text');
  });

  it('refuses to make a new key when the database exists without its key record', () => {
    const plan = planKey(null, true, gnome);
    expect(plan.action).toBe('refuse');
    expect(plan.action === 'refuse' && plan.message).toMatch(/db-key\.json.*missing/);
    expect(planKey(null, true, basicText).action).toBe('refuse');
  });
});

describe('later runs, keychain mode', () => {
  it('unwraps when the same backend is available', () => {
    const plan = planKey(keychainText('gnome_libsecret'), true, gnome);
    expect(plan.action).toBe('unwrap-keychain');
    expect(planKey(keychainText('macos-keychain'), true, mac).action).toBe('unwrap-keychain');
  });

  it('refuses basic_text, naming the stored backend and leaving the database alone', () => {
    const plan = planKey(keychainText('gnome_libsecret'), true, basicText);
    expect(plan.action).toBe('refuse');
    const message = plan.action === 'refuse' ? plan.message : '';
    expect(message).toContain('gnome_libsecret');
    expect(message).toContain('basic_text');
    expect(message).toContain('--password-store=gnome-libsecret');
    expect(message).toContain('has not been touched');
  });

  it('refuses a changed backend, saying which was stored and which is in use', () => {
    const plan = planKey(keychainText('gnome_libsecret'), true, kwallet);
    expect(plan.action).toBe('refuse');
    const message = plan.action === 'refuse' ? plan.message : '';
    expect(message).toContain('"gnome_libsecret"');
    expect(message).toContain('"kwallet5"');
    expect(message).toContain('has not been touched');
    // A user-data folder copied from a Mac to Windows.
    expect(planKey(keychainText('macos-keychain'), true, windows).action).toBe('refuse');
  });

  it('refuses when the keychain is not available, never falling back', () => {
    const plan = planKey(keychainText('gnome_libsecret'), true, noKeychain);
    expect(plan.action).toBe('refuse');
    expect(plan.action === 'refuse' && plan.message).toContain('not available');
  });
});

describe('later runs, passphrase mode', () => {
  it('asks for the passphrase whatever the keychain now offers', () => {
    for (const env of [gnome, basicText, noKeychain, mac])
      expect(planKey(passphraseText(), true, env).action).toBe('ask-passphrase');
  });

  it('tells the right passphrase from a wrong one', () => {
    const salt = randomBytes(16);
    const key = deriveKeyFromPassphrase('correct horse battery', salt);
    const parsed = parseKeyRecord(JSON.stringify(newPassphraseRecord(salt, key)));
    if (!parsed.ok || parsed.record.mode !== 'passphrase') throw new Error('record did not parse');
    const record = parsed.record;
    expect(passphraseSalt(record).equals(salt)).toBe(true);
    expect(passphraseKeyMatches(record, deriveKeyFromPassphrase('correct horse battery', passphraseSalt(record)))).toBe(
      true,
    );
    expect(passphraseKeyMatches(record, deriveKeyFromPassphrase('correct horse batterY', passphraseSalt(record)))).toBe(
      false,
    );
    // The record holds a check, not the key.
    expect(JSON.stringify(record)).not.toContain(key.toString('base64'));
    expect(JSON.stringify(record)).not.toContain(key.toString('hex'));
  });

  it('checks a new passphrase: long enough, not blank, typed twice alike', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(CORE_MIN_PASSPHRASE_LENGTH);
    expect(newPassphraseProblem('short', 'short')).toContain(`${MIN_PASSPHRASE_LENGTH} characters`);
    expect(newPassphraseProblem(' '.repeat(20), ' '.repeat(20))).toContain('spaces');
    expect(newPassphraseProblem('a clinic passphrase', 'a clinic passphrasE')).toContain('do not match');
    expect(newPassphraseProblem('a clinic passphrase', 'a clinic passphrase')).toBeNull();
  });
});

describe('the stored record', () => {
  it('is refused, not replaced, when damaged or unknown', () => {
    const cases = [
      'not json',
      '[]',
      JSON.stringify({ version: 2, mode: 'keychain', backend: 'x', wrapped: 'AAAA' }),
      JSON.stringify({ version: 1, mode: 'plaintext', key: 'ab'.repeat(32) }),
      JSON.stringify({ version: 1, mode: 'keychain', backend: 'gnome_libsecret' }),
      JSON.stringify({ version: 1, mode: 'keychain', backend: '', wrapped: 'AAAA' }),
      JSON.stringify({ version: 1, mode: 'keychain', backend: 'gnome_libsecret', wrapped: 'not base64!' }),
      JSON.stringify({ version: 1, mode: 'passphrase', salt: 'AAAA', check: randomBytes(32).toString('base64') }),
      JSON.stringify({ version: 1, mode: 'passphrase', salt: randomBytes(16).toString('base64'), check: 'AAAA' }),
    ];
    for (const text of cases) {
      expect(parseKeyRecord(text).ok, text).toBe(false);
      const plan = planKey(text, true, gnome);
      expect(plan.action, text).toBe('refuse');
      expect(plan.action === 'refuse' && plan.message, text).toContain('has not been touched');
    }
    const tooNew = planKey(JSON.stringify({ version: 2 }), true, gnome);
    expect(tooNew.action === 'refuse' && tooNew.message).toContain('newer Front Desk');
  });

  it('accepts the salt core makes', () => {
    const salt = newSalt();
    expect(salt.length).toBe(SALT_BYTES);
    const record = newPassphraseRecord(salt, randomBytes(32));
    expect(parseKeyRecord(JSON.stringify(record)).ok).toBe(true);
  });

  it('round-trips the records we write', () => {
    const keychain = newKeychainRecord('kwallet5', randomBytes(64));
    expect(parseKeyRecord(JSON.stringify(keychain))).toEqual({ ok: true, record: keychain });
    const passphrase = newPassphraseRecord(randomBytes(16), randomBytes(32));
    expect(parseKeyRecord(JSON.stringify(passphrase))).toEqual({ ok: true, record: passphrase });
  });

  it('accepts only a 64-digit hex key from the keychain', () => {
    const key = randomBytes(32);
    expect(keyFromUnwrapped(key.toString('hex'))?.equals(key)).toBe(true);
    expect(keyFromUnwrapped('')).toBeNull();
    expect(keyFromUnwrapped('ab'.repeat(31))).toBeNull();
    expect(keyFromUnwrapped(`${'ab'.repeat(32)}\n`)).toBeNull();
    expect(keyFromUnwrapped('zz'.repeat(32))).toBeNull();
  });
});
