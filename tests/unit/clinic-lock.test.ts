import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/app';
import { backupDatabase } from '../../src-main/core/db/backup';
import { acquireClinicLock, clinicLockHolder, lockFileOf } from '../../src-main/core/db/clinic-lock';
import { DatabaseOpenError } from '../../src-main/core/db/errors';
import { openDatabase } from '../../src-main/core/db/open';
import { REPO_ROOT, runCli } from '../helpers/run-cli';
import { startServeChild, type ServeChild } from '../helpers/serve-child';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
const children: ServeChild[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) await child.stop('SIGKILL');
  folders.splice(0).forEach((f) => f.remove());
});

/** A clinic made in-process (no CLI start-up to wait for) and a verified backup of it. */
async function clinicWithBackup() {
  const folder = tempFolder();
  folders.push(folder);
  const data = join(folder.dir, 'data');
  mkdirSync(data);
  const file = join(data, 'clinic.db');
  await (await createCore({ file, key: folder.key, create: true })).close();
  const backup = join(folder.dir, 'backup.db');
  backupDatabase(file, folder.key, backup);
  return { folder, data, env: { CLINIC_DB_KEY: folder.key.toString('hex') }, backup, file };
}

function expectOpenError(attempt: () => unknown, kind: string): DatabaseOpenError {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    expect((error as DatabaseOpenError).kind).toBe(kind);
    return error as DatabaseOpenError;
  }
  throw new Error(`expected ${kind}`);
}

describe('the clinic lock', () => {
  it('is held by a host while it runs, refused to a second one naming the first, released on close', async () => {
    const { folder, file } = await clinicWithBackup();
    const core = await createCore({ file, key: folder.key, lock: 'the Front Desk app' });
    expect(clinicLockHolder(file)).toMatchObject({ pid: process.pid, what: 'the Front Desk app' });
    const refused = expectOpenError(() => acquireClinicLock(file, 'clinic serve'), 'IN_USE');
    expect(refused.message).toContain(`the Front Desk app (process ${process.pid}`);
    await core.close();
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('is taken over from a process that was killed without releasing it', async () => {
    const { folder, data, file } = await clinicWithBackup();
    const serve = await startServeChild(data, folder.key);
    children.push(serve);
    expect(clinicLockHolder(file)?.what).toBe('clinic serve (browser mode)');
    await serve.stop('SIGKILL');
    expect(existsSync(lockFileOf(file))).toBe(true);
    expect(clinicLockHolder(file)).toBeNull();
    const core = await createCore({ file, key: folder.key, lock: 'the Front Desk app' });
    expect(clinicLockHolder(file)?.pid).toBe(process.pid);
    await core.close();
  });
});

describe('clinic restore', () => {
  it('refuses while clinic serve has the clinic open, naming it, and changes nothing', async () => {
    const { folder, data, env, backup, file } = await clinicWithBackup();
    const serve = await startServeChild(data, folder.key);
    children.push(serve);
    const before = readFileSync(file);
    const restore = await runCli(['restore', '--data', data, '--from', backup], { env });
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain(`The clinic is open in clinic serve (browser mode) (process ${serve.child.pid}`);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.restoring`)).toBe(false);

    await serve.stop('SIGTERM');
    const after = await runCli(['restore', '--data', data, '--from', backup], { env });
    expect(after.code, after.stderr).toBe(0);
    const replaced = /kept as (\S+)\.$/m.exec(after.stdout)?.[1] ?? '';
    expect(statSync(replaced).size).toBeGreaterThan(0);
    expect(after.stdout).toContain(`Restored ${backup}`);
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('refuses while any other process has the database open, lock or not', async () => {
    const { folder, data, env, backup, file } = await clinicWithBackup();
    // A process that opens the database without taking the lock, as `clinic seed` or a SQLite tool would.
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('./src-main/core/db/open.ts').then(({ openDatabase }) => {
          openDatabase({ file: ${JSON.stringify(file)}, key: Buffer.from(${JSON.stringify(folder.key.toString('hex'))}, 'hex') });
          console.log('open');
          setInterval(() => {}, 1000);
        });`,
      ],
      { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const restore = await runCli(['restore', '--data', data, '--from', backup], { env });
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('Another process has');
      expect(existsSync(lockFileOf(file))).toBe(false);
    } finally {
      const exited = new Promise((resolve) => holder.once('exit', resolve));
      holder.kill('SIGKILL');
      await exited;
    }
    const database = openDatabase({ file, key: folder.key });
    await database.close();
  });
});
