import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN } from '../helpers/temp-core';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { deskOver, freshDesk, type Desk } from './desk-helpers';
import {
  codeFrom,
  runServerCli,
  startServerProcess,
  stopAllServers,
  type ServerProcess,
} from './server-process-helpers';
import { PG_URL, pgSkipReason } from './server-helpers';

/**
 * Two server processes on one PostgreSQL (issue 17: the server keeps nothing between requests, so a
 * clinic may run several behind a load balancer). Desk A talks to server one only, desk B to server two
 * only; both are real desks (their own encrypted databases). What either writes reaches the other, and
 * B's long poll on server two wakes for A's push through server one.
 */
if (pgSkipReason !== null) console.warn(`desk-two-servers: skipped, ${pgSkipReason}`);

function patientNames(desk: Desk): string[] {
  return (
    desk.core.database.handle.prepare('SELECT last_name FROM patients ORDER BY last_name').all() as {
      last_name: string;
    }[]
  ).map((row) => row.last_name);
}

describe.skipIf(pgSkipReason !== null)('two server processes on one PostgreSQL, a desk on each', () => {
  const database = `sync_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  let s: SchedulingClinic;
  let a: Desk;
  let b: Desk;
  let one: ServerProcess;
  let two: ServerProcess;

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create database ${database}`);
    const url = new URL(PG_URL);
    url.pathname = `/${database}`;
    const env = { DATABASE_URL: url.toString() };
    [one, two] = await Promise.all([startServerProcess([], env), startServerProcess([], env)]);
    // The servers run on real time: so do the desks here.
    s = await openSchedulingClinic({ now: Date.now() });
    a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
    const code = async () => codeFrom((await runServerCli(['enrol-code', '--clinic', 'Lake Clinic'], env)).out);
    await a.ok('admin', 'sync.enrol', { serverUrl: one.url, code: await code(), fingerprint: '' });
    await a.core.syncClient.syncOnce();
    b = await freshDesk(s.clinic.clock, 'B');
    await b.ok('stranger', 'sync.join', { serverUrl: two.url, code: await code(), fingerprint: '' });
    await b.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
  }, 240_000);

  afterAll(async () => {
    await b?.close();
    await a?.close();
    await stopAllServers();
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
    await admin.end();
  });

  it('writes made on both desks, each through its own server, converge', async () => {
    s.clinic.clock.now = Date.now();
    await a.ok('desk', 'patients.create', { firstName: 'Ana', lastName: 'FromOne', dob: '1980-01-01' });
    await b.ok('desk', 'patients.create', { firstName: 'Bo', lastName: 'FromTwo', dob: '1981-02-02' });
    await a.core.syncClient.syncOnce();
    await b.core.syncClient.syncOnce();
    await a.core.syncClient.syncOnce();
    expect(patientNames(a)).toContain('FromTwo');
    expect(patientNames(b)).toContain('FromOne');
    expect(patientNames(a)).toEqual(patientNames(b));
    expect(a.core.sync.pending(10)).toEqual([]);
    expect(b.core.sync.pending(10)).toEqual([]);
  }, 60_000);

  it("B's long poll on server two wakes for A's push through server one, within a second or two", async () => {
    b.core.startSyncLoop();
    // Let B's loop finish its round and settle into the long poll on server two.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    s.clinic.clock.now = Date.now();
    await a.ok('desk', 'patients.create', { firstName: 'Cy', lastName: 'LivePush', dob: '1982-03-03' });
    const pushedAt = Date.now();
    await a.core.syncClient.syncOnce();
    while (!patientNames(b).includes('LivePush')) {
      if (Date.now() - pushedAt > 10_000) throw new Error('B never saw the patient pushed through server one');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Server two learns of the push by reading the database every 250 ms (signal.ts), not from server one.
    expect(Date.now() - pushedAt).toBeLessThan(2_000);
  }, 60_000);
});
