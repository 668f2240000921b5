import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeEntry } from '../helpers/node-entry';
import { REPO_ROOT } from '../helpers/run-cli';
import { change, enrolDesk, fullRow, PG_URL, pgSkipReason, pullAll, pushChanges, userRow } from './server-helpers';

// `npm run server` as an administrator runs it: real processes, the CLI, PGlite in a folder or PostgreSQL.

function runServerCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return new Promise<{ code: number | null; out: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeEntry('src-server/index.ts'), ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DATABASE_URL: '', ...env },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

const running = new Set<ServerProcess>();

async function startServerProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeEntry('src-server/index.ts'), '--port', '0', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    stop: async () => {
      running.delete(server);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
  running.add(server);
  return server;
}

function codeFrom(out: string): string {
  const match = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(out);
  if (!match?.[1]) throw new Error(`no code in:\n${out}`);
  return match[1];
}

afterAll(async () => {
  for (const server of [...running]) await server.stop();
});

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
