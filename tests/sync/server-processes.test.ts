import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { codeFrom, runServerCli, startServerProcess, stopAllServers } from './server-process-helpers';
import type { ReminderClaimResponse } from '../../src-shared/sync/protocol';
import {
  call,
  change,
  enrolDesk,
  fullRow,
  PG_URL,
  pgSkipReason,
  pullAll,
  pushChanges,
  userRow,
} from './server-helpers';

// `npm run server` as an administrator runs it: real processes, the CLI, PGlite in a folder or PostgreSQL.

afterAll(stopAllServers);

describe('sync server processes', () => {
  it('on PGlite in a data folder: a code from the CLI, a push, a restart, and the data is still there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sync-server-'));
    try {
      const data = join(dir, 'server-data');
      const made = await runServerCli(['enrol-code', '--clinic', 'Hill Clinic', '--data', data]);
      expect(made.code).toBe(0);
      expect(made.out).toContain('Created clinic "Hill Clinic"');
      let server = await startServerProcess(['--data', data]);
      expect(server.output()).toContain('PGlite in');
      // The folder is one process's: the CLI refuses it while the server runs.
      const busy = await runServerCli(['devices', '--data', data]);
      expect(busy.code).toBe(1);
      expect(busy.out).toMatch(/is in use by process \d+/);

      const desk = await enrolDesk(server.url, codeFrom(made.out), 'Front desk');
      const user = randomUUID();
      const pushed = await pushChanges(server.url, desk, [change(desk, 'users', [user], userRow(user))]);
      expect(pushed.body.results[0]?.status).toBe('accepted');
      await server.stop();
      expect(existsSync(join(data, 'server.lock'))).toBe(false);

      const listed = await runServerCli(['devices', '--data', data]);
      expect(listed.out).toContain(`${desk.deviceId}  Hill Clinic  "Front desk"  active`);
      server = await startServerProcess(['--data', data]);
      const pulled = await pullAll(server.url, desk);
      expect(pulled.body.changes.map((c) => c.key)).toEqual([[user]]);
      await server.stop();

      const revoked = await runServerCli(['revoke', desk.deviceId, '--data', data]);
      expect(revoked.out).toContain('Revoked "Front desk" of Hill Clinic.');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);

  it.skipIf(pgSkipReason !== null)(
    'two server processes on one PostgreSQL: desks on either see each other within a second',
    async () => {
      const database = `sync_test_${randomBytes(6).toString('hex')}`;
      const admin = new pg.Client({ connectionString: PG_URL });
      await admin.connect();
      await admin.query(`create database ${database}`);
      const url = new URL(PG_URL);
      url.pathname = `/${database}`;
      const env = { DATABASE_URL: url.toString() };
      try {
        const [one, two] = await Promise.all([startServerProcess([], env), startServerProcess([], env)]);
        if (!one || !two) throw new Error('servers did not start');
        expect(one.output()).toContain('(PostgreSQL)');
        const codes = [
          await runServerCli(['enrol-code', '--clinic', 'Lake Clinic'], env),
          await runServerCli(['enrol-code', '--clinic', 'Lake Clinic'], env),
        ];
        const front = await enrolDesk(one.url, codeFrom(codes[0]?.out ?? ''), 'Front desk');
        const nurse = await enrolDesk(two.url, codeFrom(codes[1]?.out ?? ''), 'Nurse station');
        expect(front.clinicId).toBe(nurse.clinicId);

        // The nurse's desk waits on server two; the front desk pushes to server one.
        const cursor = (await pullAll(two.url, nurse)).body.cursor;
        const waiting = pullAll(two.url, nurse, cursor, 10_000);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const patient = randomUUID();
        const pushedAt = Date.now();
        await pushChanges(one.url, front, [change(front, 'patients', [patient], fullRow('patients', [patient]))]);
        const seen = await waiting;
        expect(seen.body.changes.map((c) => c.key)).toEqual([[patient]]);
        expect(Date.now() - pushedAt).toBeLessThan(1_000);

        // And back: the nurse edits through server two, the front desk reads it from server one.
        await pushChanges(two.url, nurse, [change(nurse, 'patients', [patient], { notes: 'allergic to latex' })]);
        const back = await pullAll(one.url, front, seen.body.cursor);
        expect(back.body.changes.map((c) => c.values)).toEqual([{ notes: 'allergic to latex' }]);

        // Both push the same batch at once through different servers: each change lands once.
        const shared = [change(front, 'patients', [randomUUID()], { notes: 'x' })];
        const answers = await Promise.all([pushChanges(one.url, front, shared), pushChanges(two.url, front, shared)]);
        expect(answers.map((a) => a.body.results[0]?.status).sort()).toEqual(['accepted', 'duplicate']);

        // A reminder both desks claim at the same moment through different servers: one grant (the claim
        // is one statement on the shared database), and the other desk is told who holds it.
        for (let round = 0; round < 5; round += 1) {
          const reminder = randomUUID();
          const claim = (server: { url: string }, desk: { token: string }) =>
            call<ReminderClaimResponse>(server.url, 'POST', '/v1/reminders/claim', {
              token: desk.token,
              body: { ids: [reminder], leaseMs: 60_000 },
            });
          const claims = await Promise.all([claim(one, front), claim(two, nurse)]);
          expect(claims.map((c) => c.body.claims[0]?.granted).sort()).toEqual([false, true]);
          const refused = claims.find((c) => c.body.claims[0]?.granted === false)?.body.claims[0];
          expect(refused?.by).toMatch(/^[A-Z]+$/);
        }

        // The operator sees what was refused, beside the running servers.
        await pushChanges(two.url, nurse, [change(nurse, 'audit_log', [1], {})]);
        const refused = await runServerCli(['rejections'], env);
        expect(refused.out).toContain(
          'Lake Clinic / "Nurse station"  audit_log  UNKNOWN_TABLE: table audit_log does not replicate',
        );
        await Promise.all([one.stop(), two.stop()]);
      } finally {
        await admin.query(`drop database if exists ${database} with (force)`);
        await admin.end();
      }
    },
    240_000,
  );
});
