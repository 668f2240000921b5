import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openEncryptedHandle, storageSettingProblems } from '../../src-main/core/db/open';
import { keyFileWarnings, loadKey } from '../../src-main/core/keys/key-file';
import { runCli } from '../helpers/run-cli';
import { openTestClinic, tempFolder, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

function folder(): TempFolder {
  const made = tempFolder();
  folders.push(made);
  return made;
}

describe('storage settings checked at open', () => {
  it('keeps temporary tables and sorts in memory, with WAL and full sync, on every connection', async () => {
    const clinic = await openTestClinic();
    try {
      const handle = clinic.core.database.handle;
      expect(handle.pragma('temp_store', { simple: true })).toBe(2);
      expect(handle.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(handle.pragma('synchronous', { simple: true })).toBe(2);
      // A second connection (as backup and restore open) gets the same.
      const reader = openEncryptedHandle({ file: clinic.folder.file, key: clinic.folder.key, readonly: true });
      expect(reader.pragma('temp_store', { simple: true })).toBe(2);
      reader.close();
    } finally {
      await clinic.close();
    }
  });

  it('names each setting that did not take effect (SQLite ignores a pragma it cannot apply)', () => {
    expect(storageSettingProblems({ tempStore: 2, journalMode: 'wal', synchronous: 2 })).toEqual([]);
    expect(storageSettingProblems({ tempStore: 2 })).toEqual([]);
    expect(storageSettingProblems({ tempStore: 0, journalMode: 'delete', synchronous: 1 })).toEqual([
      'temp_store is 0, not MEMORY (2)',
      'journal_mode is delete, not wal',
      'synchronous is 1, not FULL (2)',
    ]);
  });
});

describe('a key file other accounts can read', () => {
  it('is accepted with a warning that says how to fix it; a private one gets none', () => {
    const temp = folder();
    const keyFile = join(temp.dir, 'clinic.key');
    writeFileSync(keyFile, `${temp.key.toString('hex')}\n`, { mode: 0o644 });
    chmodSync(keyFile, 0o644);
    const loaded = loadKey(keyFile, {});
    expect(loaded.key.equals(temp.key)).toBe(true);
    expect(loaded.warnings.map((warning) => warning.code)).toEqual(['KEY_FILE_READABLE_BY_OTHERS']);
    expect(loaded.warnings[0]?.message).toContain(`chmod 600 ${keyFile}`);
    chmodSync(keyFile, 0o600);
    expect(keyFileWarnings(keyFile)).toEqual([]);
  });

  it('is reported by the CLI on standard error', async () => {
    const temp = folder();
    const keyFile = join(temp.dir, 'clinic.key');
    const data = join(temp.dir, 'data');
    expect((await runCli(['init', '--data', data, '--key-file', keyFile])).code).toBe(0);
    chmodSync(keyFile, 0o640);
    const verify = await runCli(['audit', 'verify', '--data', data, '--key-file', keyFile]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stderr).toContain('warning: The key file');
    expect(verify.stderr).toContain('can be read by other accounts');
  });
});

describe('clinic serve on a folder without a clinic', () => {
  it('refuses a mistyped --data instead of starting a new empty clinic (the e2e fixture creates with --create)', async () => {
    const temp = folder();
    const typo = join(temp.dir, 'clinc');
    const env = { CLINIC_DB_KEY: temp.key.toString('hex') };
    const refused = await runCli(['serve', '--data', typo, '--port', '0'], { env });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('No clinic database at');
    expect(existsSync(join(typo, 'clinic.db'))).toBe(false);
  });
});
