import { spawn } from 'node:child_process';
import { chmodSync, closeSync, openSync, readFileSync, readdirSync, statSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/app';
import { verifyAuditChain } from '../../src-main/core/audit/repository';
import type { Result } from '../../src-shared/api/errors';
import { DatabaseOpenError } from '../../src-main/core/db/errors';
import { openEncryptedHandle } from '../../src-main/core/db/open';
import { REPO_ROOT, runCli } from '../helpers/run-cli';
import { ADMIN, openTestClinic, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

/** A set-up clinic with a few patients, closed; its folder stays for the fault. */
async function closedClinic(patients = 3): Promise<TempFolder> {
  const clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  for (let i = 0; i < patients; i += 1) {
    await clinic.ok('admin', 'patients.create', { firstName: 'Fay', lastName: `Fault${i}`, dob: dobOf(i) });
  }
  await clinic.core.close();
  folders.push(clinic.folder);
  return clinic.folder;
}

/** A date of birth of its own for each patient, so no two are taken for the same person. */
function dobOf(i: number): string {
  return new Date(Date.UTC(1940, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

async function openError(attempt: Promise<unknown>): Promise<DatabaseOpenError> {
  try {
    await attempt;
  } catch (error) {
    expect(error).toBeInstanceOf(DatabaseOpenError);
    return error as DatabaseOpenError;
  }
  throw new Error('expected the clinic not to open');
}

function patientCount(folder: TempFolder): number {
  const handle = openEncryptedHandle({ file: folder.file, key: folder.key, readonly: true });
  try {
    return handle.prepare('SELECT count(*) FROM patients').pluck().get() as number;
  } finally {
    handle.close();
  }
}

const cli = (folder: TempFolder, key = folder.key) =>
  runCli(['audit', 'verify', '--data', folder.dir], { env: { CLINIC_DB_KEY: key.toString('hex') } });

describe('storage faults', () => {
  it('disk full: the write is refused with STORAGE (DISK_FULL), nothing of it is kept, and the clinic works on', async () => {
    const clinic = await openTestClinic();
    folders.push(clinic.folder);
    try {
      await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      const { handle } = clinic.core.database;
      const before = handle.prepare('SELECT count(*) FROM patients').pluck().get() as number;
      const auditBefore = handle.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
      // SQLite's own limit stands in for the disk: the database may not grow by a single page.
      handle.pragma(`max_page_count = ${handle.pragma('page_count', { simple: true }) as number}`);
      let refused: Result<unknown> | null = null;
      for (let i = 0; i < 200 && !refused; i += 1) {
        const result = await clinic.call('admin', 'patients.create', {
          firstName: `Full${i}`,
          lastName: `Disk${i}`,
          dob: dobOf(5000 + i),
          notes: 'x'.repeat(2000),
        });
        if (!result.ok) refused = result;
      }
      expect(refused?.ok).toBe(false);
      if (refused && !refused.ok) {
        expect(refused.error.code).toBe('STORAGE');
        expect(refused.error.details).toEqual({ kind: 'DISK_FULL' });
        expect(refused.error.message).toContain('the disk is full');
      }
      const after = handle.prepare('SELECT count(*) FROM patients').pluck().get() as number;
      const auditAfter = handle.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
      // Every patient kept has its audit entry: the refused one left neither.
      expect(auditAfter - auditBefore).toBe(after - before);
      expect(handle.pragma('integrity_check', { simple: true })).toBe('ok');
      handle.pragma('max_page_count = 1073741823');
      await clinic.ok('admin', 'patients.create', { firstName: 'Room', lastName: 'Again', dob: dobOf(9000) });
      expect(await verifyAuditChain(clinic.core.database.db)).toMatchObject({ ok: true });
    } finally {
      await clinic.close();
    }
  });

  it('wrong key: WRONG_KEY on screen and in the CLI, the file untouched, no new database', async () => {
    const folder = await closedClinic();
    const before = readFileSync(folder.file);
    const wrong = Buffer.alloc(32, 7);
    expect((await openError(createCore({ file: folder.file, key: wrong }))).kind).toBe('WRONG_KEY');
    const run = await cli(folder, wrong);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The key does not open .*clinic\.db.*\[WRONG_KEY\]/);
    expect(readFileSync(folder.file).equals(before)).toBe(true);
  });

  it('a database from a newer Front Desk: TOO_NEW, nothing migrated or written', async () => {
    const folder = await closedClinic();
    const handle = openEncryptedHandle({ file: folder.file, key: folder.key });
    handle.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 1)").run();
    handle.close();
    const before = readFileSync(folder.file);
    const error = await openError(createCore({ file: folder.file, key: folder.key }));
    expect(error.kind).toBe('TOO_NEW');
    expect(error.message).toContain('schema version 999');
    const run = await cli(folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[TOO_NEW]');
    expect(readFileSync(folder.file).equals(before)).toBe(true);
  });

  it('a corrupted page: CORRUPT at open (or STORAGE on the call that reads it), [CORRUPT] in the CLI, never a new empty database', async () => {
    const folder = await closedClinic(300);
    // The first leaf page of the audit log (not its last, which opening reads for the head).
    const handle = openEncryptedHandle({ file: folder.file, key: folder.key });
    const pageSize = handle.pragma('page_size', { simple: true }) as number;
    const leaf = handle
      .prepare("SELECT min(pageno) FROM dbstat WHERE name = 'audit_log' AND pagetype = 'leaf'")
      .pluck()
      .get() as number;
    handle.close();
    const fd = openSync(folder.file, 'r+');
    writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (leaf - 1) * pageSize);
    closeSync(fd);
    const size = statSync(folder.file).size;

    // Opening refreshes the planner's statistics, which reads the table: the damage shows there as a
    // typed CORRUPT; were it not read at open, the call that reads it answers STORAGE with kind CORRUPT.
    let opened: Awaited<ReturnType<typeof createCore>> | null = null;
    try {
      opened = await createCore({ file: folder.file, key: folder.key });
    } catch (error) {
      expect(error).toBeInstanceOf(DatabaseOpenError);
      expect((error as DatabaseOpenError).kind).toBe('CORRUPT');
      expect((error as Error).message).toContain('Restore it from a backup');
    }
    if (opened) {
      await opened.invoke('x', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      const verify = await opened.invoke('x', 'audit.verify', {});
      await opened.close();
      expect(verify.ok).toBe(false);
      if (!verify.ok) expect([verify.error.code, verify.error.details]).toEqual(['STORAGE', { kind: 'CORRUPT' }]);
    }
    const run = await cli(folder);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[CORRUPT]');
    expect(statSync(folder.file).size).toBe(size);
  });

  it('a read-only folder: READ_ONLY, and nothing created in it', async () => {
    const folder = await closedClinic();
    const names = readdirSync(folder.dir).sort();
    chmodSync(folder.dir, 0o555);
    chmodSync(folder.file, 0o444);
    try {
      // root writes anywhere, so as root the attempt runs as "nobody" to meet the permissions.
      const asNobody = process.getuid?.() === 0;
      const result = await openInChild(folder, asNobody);
      expect(result).toMatchObject({ kind: 'READ_ONLY' });
      expect(readdirSync(folder.dir).sort()).toEqual(names);
    } finally {
      chmodSync(folder.dir, 0o755);
      chmodSync(folder.file, 0o644);
    }
    expect(patientCount(folder)).toBe(3);
  });
});

/** Opens the clinic as a host would, in a child process (as another user when asked); answers the error. */
function openInChild(folder: TempFolder, asNobody: boolean): Promise<{ kind: string; message: string } | null> {
  const script = `
    const { createCore } = await import('./src-main/core/app.ts');
    try {
      const core = await createCore({ file: ${JSON.stringify(folder.file)}, key: Buffer.from('${folder.key.toString('hex')}', 'hex'), lock: 'the fault test' });
      await core.close();
      console.log(JSON.stringify(null));
    } catch (error) {
      console.log(JSON.stringify({ kind: error.kind ?? error.code ?? 'unknown', message: error.message }));
    }`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      ...(asNobody ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } } : {}),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1) ?? 'null') as { kind: string; message: string } | null);
      } catch {
        reject(new Error(`the child answered nothing:\n${err}`));
      }
    });
  });
}
