/**
 * The way back from a lost keychain, end to end on real encrypted databases: set up (the sheet is
 * shown), add patients, back up from the app, lose the key record, recover with the sheet's key,
 * open the backup on a "new computer", replace the key, and the errors a person meets on the way.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/app';
import { restoreWithRecoveryKey } from '../../src-main/core/backups/restore-with-recovery';
import { databaseKeyFromRecoveryKey } from '../../src-main/core/keys/recovery';
import { envelopeFileFor } from '../../src-main/core/keys/recovery-envelope';
import { RecoveryKeyError, isRecoveryKey, normalizeRecoveryKey } from '../../src-main/core/keys/recovery-key';
import { createRecoveryGate } from '../../src-main/core/recovery-gate';
import { runCli } from '../helpers/run-cli';
import { ADMIN, ManualClock, tempFolder, type TempFolder } from '../helpers/temp-core';
import type { Input, Output, ProcedureName } from '../../src-shared/api/contract';
import type { Core } from '../../src-main/core/app';

const folders: TempFolder[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const folder of folders.splice(0)) folder.remove();
});

function folder(): TempFolder {
  const made = tempFolder();
  folders.push(made);
  return made;
}

async function call<N extends ProcedureName>(core: Core, client: string, name: N, input: Input<N>): Promise<Output<N>> {
  const result = await core.invoke(client, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as Output<N>;
}

async function setUpClinic(data: TempFolder, clock = new ManualClock()) {
  const core = await createCore({ file: data.file, key: data.key, create: true, clock: clock.read });
  cores.push(core);
  const setup = await call(core, 'desk', 'system.setup', {
    clinicName: 'Riverside Clinic',
    timeZone: 'Europe/London',
    currency: 'GBP',
    admin: ADMIN,
  });
  await call(core, 'desk', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  for (const [firstName, lastName] of [
    ['María Luisa', 'Razo'],
    ['Tomás', 'Öberg'],
    ['Ada', 'Lovelace'],
  ] as const) {
    await call(core, 'desk', 'patients.create', { firstName, lastName, dob: '1988-03-14' });
  }
  return { core, sheet: setup.recoverySheet, clock };
}

function patientNames(core: Core): string[] {
  const rows = core.database.handle
    .prepare('SELECT last_name, first_name FROM patients ORDER BY last_name, first_name')
    .raw(true)
    .all() as string[][];
  return rows.map((row) => row.join(', '));
}

describe('recovery key and backups', () => {
  it('set-up shows a recovery key once; after the key record is lost the sheet opens the clinic with every patient', async () => {
    const data = folder();
    const { core, sheet } = await setUpClinic(data);
    expect(sheet.clinicName).toBe('Riverside Clinic');
    expect(sheet.recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    // Only the wrapped database key is kept: the recovery key is nowhere on disk.
    const onDisk = readdirSync(data.dir).map((name) => name);
    expect(onDisk).toContain('clinic.db.recovery.json');
    const status = await call(core, 'desk', 'backups.status', {});
    expect(status.recoveryKeyCreatedAt).toBe(sheet.createdAt);
    const before = patientNames(core);
    await core.close();
    cores.pop();

    // The keychain entry is gone: all that is left is the database, its envelope and the sheet, as typed.
    const typed = sheet.recoveryKey.toLowerCase().replace(/-/g, ' ');
    const key = databaseKeyFromRecoveryKey(data.file, typed);
    expect(key.equals(data.key)).toBe(true);
    const reopened = await createCore({ file: data.file, key });
    cores.push(reopened);
    expect(patientNames(reopened)).toEqual(before);
    expect(before).toHaveLength(3);
  });

  it('backs up from the app into a folder: encrypted, verified, counted, envelope beside it; it opens on a new computer with the recovery key', async () => {
    const data = folder();
    const { core, sheet } = await setUpClinic(data);
    const usb = join(data.dir, 'usb');
    mkdirSync(usb);
    const run = await call(core, 'desk', 'backups.runNow', { folder: usb });
    expect(run).toMatchObject({ kind: 'manual', verified: true, withRecoveryEnvelope: true, patients: 3, error: null });
    expect(run.sizeBytes).toBeGreaterThan(4096);
    expect(readdirSync(usb).sort()).toEqual([run.file, `${run.file}.audit-head`, `${run.file}.recovery.json`]);
    const bytes = readFileSync(join(usb, run.file ?? ''));
    expect(bytes.subarray(0, 15).toString()).not.toBe('SQLite format 3');
    expect(bytes.includes('Lovelace')).toBe(false);
    expect(statSync(join(usb, `${run.file}.recovery.json`)).mode & 0o077).toBe(0);
    const status = await call(core, 'desk', 'backups.status', {});
    expect(status.recentRuns[0]).toEqual(run);
    const audit = await call(core, 'desk', 'audit.list', { action: 'backups.runNow' });
    expect(JSON.stringify(audit)).toContain(run.file);

    // A new computer: an empty folder, no key file, only the backup and the sheet.
    const computer = folder();
    const restoredFile = join(computer.dir, 'clinic.db');
    const { key, replacedFile } = restoreWithRecoveryKey(restoredFile, join(usb, run.file ?? ''), sheet.recoveryKey, 0);
    expect(replacedFile).toBeNull();
    expect(existsSync(envelopeFileFor(restoredFile))).toBe(true);
    const elsewhere = await createCore({ file: restoredFile, key });
    cores.push(elsewhere);
    expect(patientNames(elsewhere)).toEqual(patientNames(core));
    // And the same sheet goes on opening the restored clinic.
    expect(databaseKeyFromRecoveryKey(restoredFile, sheet.recoveryKey).equals(key)).toBe(true);
  });

  it('the CLI restores a backup with the recovery key into a fresh folder, writing a key file for it; makes a new key; backs up with the envelope; opens with the key', async () => {
    const data = folder();
    const { core, sheet } = await setUpClinic(data);
    const usb = join(data.dir, 'usb');
    mkdirSync(usb);
    const run = await call(core, 'desk', 'backups.runNow', { folder: usb });
    const fresh = join(folder().dir, 'clinic-data');
    const keyFile = join(fresh + '-key.hex');
    const restored = await runCli([
      'restore',
      '--data',
      fresh,
      '--from',
      join(usb, run.file ?? ''),
      '--recovery-key',
      sheet.recoveryKey,
      '--key-file',
      keyFile,
    ]);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toContain('Restored');
    expect(restored.code).toBe(0);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(data.key.toString('hex'));
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    const reopened = await createCore({ file: join(fresh, 'clinic.db'), key: data.key });
    cores.push(reopened);
    expect(patientNames(reopened)).toHaveLength(3);

    // A new key from the CLI, a CLI backup with its envelope, and the new sheet opening it.
    const made = await runCli(['recovery-key', 'new', '--data', fresh, '--key-file', keyFile]);
    expect(made.code).toBe(0);
    const newKey = /\s((?:[0-9A-Z]{4}-){7}[0-9A-Z]{4})\s/.exec(made.stdout)?.[1] ?? '';
    expect(newKey).not.toBe('');
    const cliBackup = join(fresh, 'cli-backup.db');
    const backedUp = await runCli(['backup', '--data', fresh, '--key-file', keyFile, '--out', cliBackup]);
    expect(backedUp.stdout).toContain('recovery envelope');
    expect(databaseKeyFromRecoveryKey(cliBackup, newKey).equals(data.key)).toBe(true);
    const reopenedKey = join(fresh, 'again.hex');
    const opened = await runCli([
      'open-with-recovery',
      '--data',
      fresh,
      '--key-file',
      reopenedKey,
      '--recovery-key',
      newKey,
    ]);
    expect(opened.code).toBe(0);
    expect(readFileSync(reopenedKey, 'utf8').trim()).toBe(data.key.toString('hex'));

    const wrong = await runCli([
      'open-with-recovery',
      '--data',
      fresh,
      '--key-file',
      join(fresh, 'other.hex'),
      '--recovery-key',
      'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
    ]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/typing mistake/);
  }, 120_000); // Five CLI processes, each starting tsx: about 3 s apiece here, more on a busy machine.

  it('a new recovery key invalidates the old sheet; a wrong or mistyped key gives a clear typed error', async () => {
    const data = folder();
    const { core, sheet, clock } = await setUpClinic(data);
    clock.advance(86_400_000);
    await call(core, 'desk', 'auth.unlock', { password: ADMIN.password });
    const fresh = await call(core, 'desk', 'backups.newRecoveryKey', {});
    expect(fresh.recoveryKey).not.toBe(sheet.recoveryKey);
    expect(fresh.createdAt).toBe(clock.now);

    const oldSheet = (() => {
      try {
        databaseKeyFromRecoveryKey(data.file, sheet.recoveryKey);
        return null;
      } catch (error) {
        return error;
      }
    })();
    expect(oldSheet).toBeInstanceOf(RecoveryKeyError);
    expect((oldSheet as RecoveryKeyError).kind).toBe('WRONG_RECOVERY_KEY');
    expect((oldSheet as RecoveryKeyError).message).toMatch(/not the recovery key .* use the newest sheet/);
    expect(databaseKeyFromRecoveryKey(data.file, fresh.recoveryKey).equals(data.key)).toBe(true);

    // One character wrong is caught by the check characters, before any key is tried.
    const canonical = normalizeRecoveryKey(fresh.recoveryKey);
    const typo = (canonical[0] === 'A' ? 'B' : 'A') + canonical.slice(1);
    expect(() => databaseKeyFromRecoveryKey(data.file, typo)).toThrow(/typing mistake/);
    expect(() => normalizeRecoveryKey('1234')).toThrow(/32 letters and digits/);
    // The desktop's passphrase window takes either: a passphrase is never read as a recovery key.
    expect(isRecoveryKey(fresh.recoveryKey.toLowerCase())).toBe(true);
    expect(isRecoveryKey('correct horse battery staple 12')).toBe(false);
    expect(isRecoveryKey(typo)).toBe(false);
    expect(() => normalizeRecoveryKey(`${canonical.slice(0, 31)}U`)).toThrow(/"U" is never part/);

    // No envelope (a backup copied without its .recovery.json): said so.
    rmSync(envelopeFileFor(data.file));
    expect(() => databaseKeyFromRecoveryKey(data.file, fresh.recoveryKey)).toThrow(/no recovery envelope/i);
    writeFileSync(envelopeFileFor(data.file), '{"format":"front-desk-recovery-envelope"');
    expect(() => databaseKeyFromRecoveryKey(data.file, fresh.recoveryKey)).toThrow(/damaged/);
    expect((await call(core, 'desk', 'backups.status', {})).recoveryKeyCreatedAt).toBeNull();
  });

  it('runs the daily schedule at its time on the clinic clock, keeps the newest N, and says in plain words when the drive is missing', async () => {
    const data = folder();
    const clock = new ManualClock();
    // 2026-11-22 09:00 UTC is 09:00 in London.
    const { core } = await setUpClinic(data, clock);
    const usb = join(data.dir, 'usb');
    mkdirSync(usb);
    await call(core, 'desk', 'backups.updateSchedule', { enabled: true, folder: usb, timeOfDay: '18:30', keep: 2 });
    expect(await core.sweepBackups()).toBeNull();
    const made: string[] = [];
    for (let day = 0; day < 3; day += 1) {
      clock.advance(10 * 3_600_000); // 19:00
      const run = await core.sweepBackups();
      expect(run).toMatchObject({ kind: 'scheduled', verified: true });
      made.push(run?.file ?? '');
      // Once a day.
      clock.advance(60_000);
      expect(await core.sweepBackups()).toBeNull();
      clock.advance(14 * 3_600_000 - 60_000); // 09:00 next day
    }
    expect(readdirSync(usb).filter((name) => name.endsWith('.db'))).toEqual(made.slice(1));
    // Each kept backup keeps its audit head; a pruned one's goes with it.
    expect(readdirSync(usb).filter((name) => name.endsWith('.audit-head'))).toEqual(
      made.slice(1).map((file) => `${file}.audit-head`),
    );

    rmSync(usb, { recursive: true });
    clock.advance(10 * 3_600_000);
    const missing = await core.sweepBackups();
    expect(missing).toMatchObject({ verified: false, file: null });
    expect(missing?.error).toMatch(/does not exist or is not connected.*plug the drive in/);
    // Tried again an hour later, not every minute.
    clock.advance(60_000);
    expect(await core.sweepBackups()).toBeNull();
    mkdirSync(usb);
    clock.advance(3_600_000);
    expect(await core.sweepBackups()).toMatchObject({ verified: true });
  });

  it('backups are for administrators only, and a folder must be a full path', async () => {
    const data = folder();
    const { core } = await setUpClinic(data);
    const relative = await core.invoke('desk', 'backups.runNow', { folder: 'backups' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(relative)).toContain('must be a full folder path');
    await call(core, 'desk', 'users.create', {
      username: 'mona',
      displayName: 'Mo Manager',
      role: 'manager',
      password: 'manager password 1',
    });
    await call(core, 'other', 'auth.login', { username: 'mona', password: 'manager password 1' });
    for (const name of ['backups.status', 'backups.newRecoveryKey'] as const) {
      expect(await core.invoke('other', name, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('a host without its key serves the recovery gate: other calls refused, a wrong key named on the field, the sheet opens the clinic and the host keeps the key', async () => {
    const data = folder();
    const { core, sheet } = await setUpClinic(data);
    const before = patientNames(core);
    await core.close();
    cores.pop();

    const kept: Buffer[] = [];
    const gate = createRecoveryGate({
      databaseFile: data.file,
      reason: 'The key file is gone.',
      keepKey: (key) => {
        kept.push(key);
      },
      open: (key) => createCore({ file: data.file, key }),
    });
    cores.push(gate);
    expect(await gate.invoke('w', 'system.status', {})).toMatchObject({
      ok: true,
      value: { recoveryRequired: 'The key file is gone.', setupRequired: false },
    });
    expect(await gate.invoke('w', 'auth.login', { username: ADMIN.username, password: ADMIN.password })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    const wrong = await gate.invoke('w', 'system.recover', { recoveryKey: '0000-0000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(wrong.ok ? null : wrong.error.details?.fields?.recoveryKey).toMatch(/32 letters and digits/);
    expect(kept).toHaveLength(0);

    expect(await gate.invoke('w', 'system.recover', { recoveryKey: sheet.recoveryKey })).toMatchObject({
      ok: true,
      value: { recoveryRequired: null, clinicName: 'Riverside Clinic' },
    });
    expect(kept.map((key) => key.equals(data.key))).toEqual([true]);
    await call(gate, 'w', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(patientNames(gate)).toEqual(before);
    const recovered = await call(gate, 'w', 'audit.list', { action: 'system.recover' });
    expect(JSON.stringify(recovered)).toContain('recovery-key');
    // Once open, the clinic answers as usual: there is nothing left to recover.
    expect(await gate.invoke('w', 'system.recover', { recoveryKey: sheet.recoveryKey })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});
