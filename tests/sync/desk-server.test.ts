import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Input, Output, ProcedureName } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/errors';
import type { PatientRecord } from '../../src-shared/patients/model';
import { createCore, type Core } from '../../src-main/core/app';
import { httpTransport, SyncNetworkError, type SyncTransport } from '../../src-main/core/sync/transport';
import { startHttp, type SyncHttpServer } from '../../src-server/http';
import type { OpenedDb } from '../../src-server/db/open';
import { PushSignal } from '../../src-server/sync/signal';
import { ADMIN, tempFolder, type ManualClock } from '../helpers/temp-core';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { BACKENDS, freshDatabase, newCode } from './server-helpers';

/**
 * Desks syncing through a real server (issue 17): desk A is set up and enrols first (it sends its whole
 * clinic), desk B is a new, not-yet-set-up Front Desk that joins and pulls everything. Each desk is its
 * own core over its own encrypted database; the server runs in this process on 127.0.0.1.
 */

interface Desk {
  core: Core;
  call<N extends ProcedureName>(clientId: string, name: N, input: Input<N>): Promise<Result<Output<N>>>;
  ok<N extends ProcedureName>(clientId: string, name: N, input: Input<N>): Promise<Output<N>>;
  close(): Promise<void>;
}

function deskOver(core: Core, name: string, close: () => Promise<void>): Desk {
  const call = <N extends ProcedureName>(clientId: string, procedure: N, input: Input<N>) =>
    core.invoke(clientId, procedure, input) as Promise<Result<Output<N>>>;
  return {
    core,
    call,
    ok: async (clientId, procedure, input) => {
      const result = await call(clientId, procedure, input);
      if (!result.ok) throw new Error(`${name}: ${procedure} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
    close,
  };
}

/** A Front Desk just installed: an empty encrypted database, not set up, on the shared clock. */
async function freshDesk(
  clock: ManualClock,
  name: string,
  transport?: (url: string, fp: string | null) => SyncTransport,
) {
  const folder = tempFolder();
  const core = await createCore({
    file: folder.file,
    key: folder.key,
    create: true,
    clock: clock.read,
    ...(transport ? { syncTransport: transport } : {}),
  });
  return deskOver(core, name, async () => {
    await core.close();
    folder.remove();
  });
}

async function edit(desk: Desk, patientId: string, changes: Partial<PatientRecord>) {
  const record = await desk.ok('desk', 'patients.get', { patientId });
  return desk.ok('desk', 'patients.update', {
    ...record,
    ...changes,
    patientId,
    expectedUpdatedAt: record.updatedAt,
    nationalId: undefined,
  });
}

for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`desks syncing through the server (${backend})`, () => {
    let database: Awaited<ReturnType<typeof freshDatabase>>;
    let opened: OpenedDb;
    let server: SyncHttpServer;
    let clock: ManualClock;
    let s: SchedulingClinic;
    let a: Desk;
    let b: Desk;
    /** Set by a test to lose the server's answer to A's next push (the push itself reaches the server). */
    let dropNextPushAnswer = false;
    const extra: Desk[] = [];

    beforeAll(async () => {
      database = await freshDatabase(backend);
      opened = database.opened;
      s = await openSchedulingClinic();
      clock = s.clinic.clock;
      // The server reads the same hand-moved clock as the desks, so their clocks agree with it.
      server = await startHttp(
        { db: opened.db, now: clock.read, signal: new PushSignal() },
        { host: '127.0.0.1', port: 0 },
      );
      a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
      a.core.syncClient.useTransport((url, fp) => {
        const real = httpTransport(url, fp);
        return async (req) => {
          const answer = await real(req);
          if (req.path === '/v1/push' && dropNextPushAnswer) {
            dropNextPushAnswer = false;
            throw new SyncNetworkError('connection reset (test)');
          }
          return answer;
        };
      });
      b = await freshDesk(clock, 'B');
    }, 120_000);

    afterAll(async () => {
      await a?.close();
      await b?.close();
      await server?.close();
      // Long polls the loops left waiting on the server end within their wait before its database closes.
      await new Promise((resolve) => setTimeout(resolve, 700));
      await database?.drop();
    });
    afterEach(async () => {
      for (const desk of extra.splice(0)) await desk.close();
    });

    const syncBoth = async () => {
      await a.core.syncClient.syncOnce();
      await b.core.syncClient.syncOnce();
      await a.core.syncClient.syncOnce();
    };

    it('shows "not connected" before enrolment', async () => {
      expect(await a.ok('admin', 'sync.status', {})).toMatchObject({ enrolled: false, state: 'not-connected' });
    });

    it('refuses a set-up desk joining as a new desk, and a fresh desk enrolling as the first', async () => {
      const joined = await a.call('stranger', 'sync.join', {
        serverUrl: server.url,
        code: await newCode(opened, 'Riverside'),
        fingerprint: '',
      });
      expect(joined).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const empty = await b.call('stranger', 'sync.join', {
        serverUrl: server.url,
        code: await newCode(opened, 'Riverside'),
        fingerprint: '',
      });
      expect(empty).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!empty.ok) expect(empty.error.message).toMatch(/no data on the server yet/);
      expect((await b.ok('stranger', 'system.status', {})).setupRequired).toBe(true);
    });

    it('enrols A first (its whole clinic goes up), then B joins and pulls everything; staff sign in on B', async () => {
      const patientId = await s.patient('Marisol', 'Quintero');
      const status = await a.ok('admin', 'sync.enrol', {
        serverUrl: server.url,
        code: await newCode(opened, 'Riverside'),
        fingerprint: '',
      });
      expect(status).toMatchObject({ enrolled: true, state: 'online' });
      expect(status.waiting).toBeGreaterThan(10);
      await a.core.syncClient.syncOnce();
      expect(await a.ok('admin', 'sync.status', {})).toMatchObject({ waiting: 0, rejectedCount: 0, lastError: null });

      // A set-up desk cannot join a clinic that has data: the two would mix.
      const other = await openSchedulingClinic();
      const otherDesk = deskOver(other.clinic.core, 'other', () => other.clinic.close());
      extra.push(otherDesk);
      const refused = await otherDesk.call('admin', 'sync.enrol', {
        serverUrl: server.url,
        code: await newCode(opened, 'Riverside'),
        fingerprint: '',
      });
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!refused.ok) expect(refused.error.message).toMatch(/already has data/);
      expect(await otherDesk.ok('admin', 'sync.status', {})).toMatchObject({ enrolled: false });

      const joined = await b.ok('stranger', 'sync.join', {
        serverUrl: server.url,
        code: await newCode(opened, 'Riverside'),
        fingerprint: '',
      });
      expect(joined.enrolled).toBe(true);
      await b.core.syncClient.syncOnce();
      await b.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      await b.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
      const found = await b.ok('desk', 'patients.search', { query: 'quinte' });
      expect(found.map((row) => row.id)).toEqual([patientId]);
      expect(b.core.sync.problems()).toEqual([]);
      expect(await b.ok('admin', 'sync.status', {})).toMatchObject({ waiting: 0, applyProblems: 0, state: 'online' });
    });

    it('a patient registered on A is found by search on B', async () => {
      const patientId = await s.patient('Tobias', 'Wrenfield');
      await syncBoth();
      const found = await b.ok('desk', 'patients.search', { query: 'wrenfi' });
      expect(found.map((row) => row.id)).toEqual([patientId]);
    });

    it('B books an appointment and A sees it', async () => {
      const patientId = await s.patient('Odile', 'Marchetti');
      await syncBoth();
      const booked = await b.ok('desk', 'appointments.book', {
        patientId,
        providerId: s.drAId,
        typeId: s.consultId,
        start: { date: '2026-11-23', time: '10:00' },
      });
      await b.core.syncClient.syncOnce();
      await a.core.syncClient.syncOnce();
      const seen = await a.ok('desk', 'appointments.get', { appointmentId: booked.id });
      expect(seen).toMatchObject({ id: booked.id, patientId, providerId: s.drAId });
    });

    it('edits of different fields of one patient made on both desks offline both survive', async () => {
      const patientId = await s.patient('Ines', 'Carvalho');
      await syncBoth();
      clock.advance(60_000);
      await edit(a, patientId, { email: 'ines@example.com' });
      await edit(b, patientId, { notes: 'Prefers mornings' });
      await syncBoth();
      await b.core.syncClient.syncOnce();
      for (const desk of [a, b]) {
        expect(await desk.ok('desk', 'patients.get', { patientId })).toMatchObject({
          email: 'ines@example.com',
          notes: 'Prefers mornings',
        });
      }
    });

    it('a push whose answer is lost is sent again and nothing is doubled', async () => {
      const patientId = await s.patient('Lucan', 'Abernethy');
      dropNextPushAnswer = true;
      await expect(a.core.syncClient.syncOnce()).rejects.toThrow(/connection reset/);
      const offline = await a.ok('admin', 'sync.status', {});
      expect(offline.state).toBe('offline');
      expect(offline.waiting).toBeGreaterThan(0);
      expect(offline.lastError).toMatch(/connection reset/);
      await a.core.syncClient.syncOnce();
      expect(await a.ok('admin', 'sync.status', {})).toMatchObject({ state: 'online', waiting: 0, lastError: null });
      await b.core.syncClient.syncOnce();
      expect((await b.ok('desk', 'patients.search', { query: 'aberneth' })).map((row) => row.id)).toEqual([patientId]);
      // The server logged each of A's changes to this patient once, the repeated push answered duplicate.
      const key = JSON.stringify([patientId]);
      const logged = (
        await opened.db
          .selectFrom('changes')
          .select(['row_key', 'change_id'])
          .where('table_name', '=', 'patients')
          .execute()
      ).filter((row) => JSON.stringify(row.row_key) === key);
      const captured = a.core.database.handle
        .prepare("SELECT count(*) AS n FROM sync_changes WHERE table_name = 'patients' AND key_json = ?")
        .get(key) as { n: number };
      expect(logged.length).toBe(captured.n);
      expect(new Set(logged.map((row) => row.change_id)).size).toBe(logged.length);
    });

    it('keeps the loop running: a change on A reaches B without anyone asking', async () => {
      const loopA = a.core.syncClient.startLoop({ waitMs: 500, checkMs: 100 });
      const loopB = b.core.syncClient.startLoop({ waitMs: 500, checkMs: 100 });
      try {
        const patientId = await s.patient('Sunniva', 'Lindqvist');
        const deadline = Date.now() + 15_000;
        let ids: string[] = [];
        while (Date.now() < deadline) {
          ids = (await b.ok('desk', 'patients.search', { query: 'lindqv' })).map((row) => row.id);
          if (ids.length > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(ids).toEqual([patientId]);
      } finally {
        await loopA.stop();
        await loopB.stop();
      }
    });

    it('offline, a change made between tries shows as waiting at once, not at the next try', async () => {
      const heard: number[] = [];
      const unsubscribe = a.core.subscribe('admin', (topic, payload) => {
        if (topic === 'sync.changed') heard.push((payload as { waiting: number }).waiting);
      });
      let tries = 0;
      a.core.syncClient.useTransport(() => () => {
        tries += 1;
        return Promise.reject(new SyncNetworkError('server down (test)'));
      });
      const loop = a.core.syncClient.startLoop({ waitMs: 500, checkMs: 100 });
      try {
        const until = async (done: () => boolean, ms: number) => {
          const deadline = Date.now() + ms;
          while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
          return done();
        };
        // The second try failed: the next is 2 s away.
        expect(await until(() => tries >= 2, 10_000)).toBe(true);
        heard.length = 0;
        await s.patient('Ingrid', 'Solberg');
        expect(await until(() => heard.some((waiting) => waiting > 0), 1_000)).toBe(true);
        expect(tries).toBe(2);
      } finally {
        await loop.stop();
        unsubscribe();
        a.core.syncClient.useTransport(httpTransport);
      }
    });
  });
}

function opensslMissing(): string | null {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'openssl is not installed';
  }
}
const noOpenssl = opensslMissing();
if (noOpenssl) console.warn(`desk TLS pinning test skipped: ${noOpenssl}`);

describe.skipIf(noOpenssl !== null)('a desk pins the server certificate', () => {
  let dir: string;
  let opened: OpenedDb;
  let server: SyncHttpServer;
  let fingerprint: string;
  let drop: () => Promise<void>;
  /** The server's clock: the desk's hand-moved one once a test has a desk. */
  let serverNow: () => number = () => Date.now();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'desk-tls-'));
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'].concat([
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=clinic-server.local',
      ]),
      { stdio: 'ignore' },
    );
    fingerprint = new X509Certificate(readFileSync(cert)).fingerprint256;
    const database = await freshDatabase('pglite');
    opened = database.opened;
    drop = database.drop;
    server = await startHttp(
      { db: opened.db, now: () => serverNow(), signal: new PushSignal() },
      { host: '127.0.0.1', port: 0, tls: { cert: readFileSync(cert), key: readFileSync(key) } },
    );
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a server whose certificate is not the pinned one, before sending anything; the right pin connects', async () => {
    const clinic = await openSchedulingClinic();
    serverNow = clinic.clinic.clock.read;
    const desk = deskOver(clinic.clinic.core, 'A', () => clinic.clinic.close());
    try {
      const code = await newCode(opened, 'Hillside');
      const wrong = fingerprint.replace(/^../, fingerprint.startsWith('00') ? '11' : '00');
      const refused = await desk.call('admin', 'sync.enrol', { serverUrl: server.url, code, fingerprint: wrong });
      expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      if (!refused.ok) {
        expect(refused.error.details?.fields?.fingerprint).toMatch(/not the one this desk pinned/);
      }
      expect(await desk.ok('admin', 'sync.status', {})).toMatchObject({ enrolled: false, state: 'not-connected' });
      // Nothing reached the server: the same one-time code still works with the right pin.
      const status = await desk.ok('admin', 'sync.enrol', { serverUrl: server.url, code, fingerprint });
      expect(status).toMatchObject({ enrolled: true, fingerprint });
      await desk.core.syncClient.syncOnce();
      expect(await desk.ok('admin', 'sync.status', {})).toMatchObject({ state: 'online', waiting: 0, lastError: null });
    } finally {
      await desk.close();
    }
  });

  it('refuses plain http to another computer and a malformed address, naming the field', async () => {
    const clinic = await openSchedulingClinic();
    const desk = deskOver(clinic.clinic.core, 'A', () => clinic.clinic.close());
    try {
      for (const serverUrl of ['http://192.0.2.1:8787', 'https://clinic server']) {
        const result = await desk.call('admin', 'sync.enrol', { serverUrl, code: 'ABCD-EFGH-JKMN-PQRS', fingerprint });
        expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
        if (!result.ok) expect(Object.keys(result.error.details?.fields ?? {})).toEqual(['serverUrl']);
      }
    } finally {
      await desk.close();
    }
  });
});
