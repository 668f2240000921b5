import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointWriter } from '../../src-main/core/audit/checkpoint';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

/**
 * An audited (`phi`) read commits its audit entry without waiting for the disk; every write still
 * commits with synchronous=FULL, and the audit head is never recorded before the log is on the disk.
 * (That a killed desk keeps every acknowledged view: tests/reliability/crash-durability.test.ts.)
 */

const clinics: TestClinic[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const clinic of clinics.splice(0)) await clinic.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const SYNCHRONOUS = { NORMAL: 1, FULL: 2 } as const;

describe('audited reads', () => {
  it('commit at NORMAL only for the read itself, never for a write running beside it', async () => {
    const clinic = await openTestClinic();
    clinics.push(clinic);
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const patient = await clinic.ok('admin', 'patients.create', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      dob: '1985-12-10',
    });
    const handle = clinic.core.database.handle;
    // Which level each commit ran at, beside the audit entry (action) its transaction wrote.
    const commits: { action: string; level: number }[] = [];
    const proto = Object.getPrototypeOf(handle.prepare('SELECT 1')) as {
      run: (this: { source: string }, ...args: unknown[]) => unknown;
    };
    const run = proto.run;
    let lastAction = '';
    proto.run = function (this: { source: string }, ...args: unknown[]) {
      const parameters = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
      if (this.source.startsWith('insert into "audit_log"')) lastAction = String(parameters[4]); // id, created_at, actor id, actor name, action
      if (this.source === 'commit')
        commits.push({ action: lastAction, level: handle.pragma('synchronous', { simple: true }) as number });
      return run.apply(this, args);
    };
    try {
      const calls = [];
      for (let i = 0; i < 4; i += 1) {
        calls.push(clinic.ok('admin', 'patients.get', { patientId: patient.id }));
        calls.push(
          clinic.ok('admin', 'patients.create', {
            firstName: 'Grace',
            lastName: `Hopper${'x'.repeat(i)}`,
            dob: `194${i}-01-02`,
          }),
        );
        calls.push(clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 10 + i }));
      }
      await Promise.all(calls);
    } finally {
      proto.run = run;
    }
    const levels = (action: string) => commits.filter((c) => c.action === action).map((c) => c.level);
    expect(levels('patients.get')).toEqual([1, 1, 1, 1].map(() => SYNCHRONOUS.NORMAL));
    expect(levels('patients.create')).toEqual([1, 1, 1, 1].map(() => SYNCHRONOUS.FULL));
    expect(levels('settings.update')).toEqual([1, 1, 1, 1].map(() => SYNCHRONOUS.FULL));
    expect(handle.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.FULL);
    // Every view is in the chain.
    const views = handle
      .prepare("SELECT count(*) FROM audit_log WHERE action = 'patients.get' AND target_id = ?")
      .pluck()
      .get(patient.id);
    expect(views).toBe(4);
  });

  it('leave the connection at FULL when the read fails', async () => {
    const clinic = await openTestClinic();
    clinics.push(clinic);
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const missing = await clinic.call('admin', 'patients.get', { patientId: '0190a000-0000-7000-8000-000000000000' });
    expect(missing.ok).toBe(false);
    expect(clinic.core.database.handle.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.FULL);
  });
});

describe('the audit head after an audited read', () => {
  function writer(log: { sync: () => Promise<void>; syncNow: () => void }) {
    const dir = mkdtempSync(join(tmpdir(), 'front-desk-head-'));
    dirs.push(dir);
    const file = join(dir, 'clinic.db.audit-head');
    let seq = 1;
    const made = new CheckpointWriter({
      key: Buffer.alloc(32, 1),
      file,
      readHead: () => ({ seq, hash: `h${seq}` }),
      inTransaction: () => false,
      clock: () => 1,
      written: null,
      log,
    });
    return { made, file, next: () => (seq += 1) };
  }

  async function until(condition: () => boolean): Promise<void> {
    for (let waited = 0; !condition(); waited += 10) {
      if (waited > 5000) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('is written only after the log was fsynced, and without an fsync when every commit waited for the disk', async () => {
    const order: string[] = [];
    const seqInFile = () => (JSON.parse(readFileSync(file, 'utf8')) as { seq: number }).seq;
    let seqWhenSynced = 0;
    const { made, file, next } = writer({
      sync: () => {
        order.push('sync');
        seqWhenSynced = seqInFile();
        return Promise.resolve();
      },
      syncNow: () => order.push('syncNow'),
    });
    made.schedule();
    await until(() => existsSync(file));
    expect(order).toEqual([]);

    next();
    made.logUnsynced();
    made.schedule();
    await until(() => existsSync(file) && seqInFile() === 2);
    expect(order).toEqual(['sync']);
    expect(seqWhenSynced).toBe(1); // head 2 was recorded only after the fsync
    expect(seqInFile()).toBe(2);

    next();
    made.logUnsynced();
    await made.close();
    expect(order).toEqual(['sync', 'syncNow']);
    expect(seqInFile()).toBe(3);
  });
});

describe('the audit head during a run of writes', () => {
  it('is written once for the writes of the next second, not once per write (each write costs three fsyncs)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'front-desk-head-'));
    dirs.push(dir);
    const file = join(dir, 'clinic.db.audit-head');
    let seq = 1;
    let reads = 0;
    const made = new CheckpointWriter({
      key: Buffer.alloc(32, 1),
      file,
      readHead: () => {
        reads += 1;
        return { seq, hash: `h${seq}` };
      },
      inTransaction: () => false,
      clock: () => 1,
      written: null,
    });
    // Twenty requests a few milliseconds apart, as a busy desk makes them.
    for (let request = 0; request < 20; request += 1) {
      seq += 1;
      made.schedule();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(existsSync(file)).toBe(false);
    for (let waited = 0; !existsSync(file) && waited < 3000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(reads).toBe(1);
    expect((JSON.parse(readFileSync(file, 'utf8')) as { seq: number }).seq).toBe(21);
    await made.close();
  });
});
