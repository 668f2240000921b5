import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFor, getRow } from '../../src-server/db/repository';
import { isVisible } from '../../src-server/sync/merge';
import { MAX_CLOCK_SKEW_MS } from '../../src-shared/sync/protocol';
import {
  BACKENDS,
  call,
  change,
  enrolDesk,
  freshDatabase,
  fullRow,
  newCode,
  pullAll,
  pushChanges,
  startServer,
  userRow,
  type Desk,
  type TestServer,
} from './server-helpers';

// Two desks of one clinic through one server, on PGlite and (when reachable) on PostgreSQL.
describe.each(BACKENDS)('sync server on $backend: two desks of one clinic', ({ backend, skip }) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let front: Desk;
  let office: Desk;
  const userId = randomUUID();

  beforeAll(async () => {
    if (skip) return;
    const db = await freshDatabase(backend);
    drop = db.drop;
    server = await startServer(db.opened);
    front = await enrolDesk(server.url, await newCode(db.opened, 'Riverside Clinic'), 'Front desk');
    office = await enrolDesk(server.url, await newCode(db.opened, 'Riverside Clinic'), "Manager's office");
  }, 120_000);
  afterAll(async () => {
    if (skip) return;
    await server.close();
    await drop();
  });

  it.skipIf(skip)('an enrolment code works once; the desk sees its clinic in status', async () => {
    expect(front.clinicId).toBe(office.clinicId);
    const status = await call<{ clinicName: string; deviceName: string }>(server.url, 'GET', '/v1/status', {
      token: front.token,
    });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ clinicName: 'Riverside Clinic', deviceName: 'Front desk' });
    const code = await newCode(server.opened, 'Riverside Clinic');
    expect((await call(server.url, 'POST', '/v1/enrol', { body: { code, deviceName: 'A' } })).status).toBe(200);
    const again = await call(server.url, 'POST', '/v1/enrol', { body: { code, deviceName: 'B' } });
    expect(again.status).toBe(401);
  });

  it.skipIf(skip)(
    'a user and a patient pushed by one desk reach the other; the same batch twice changes nothing',
    async () => {
      const patientId = randomUUID();
      const batch = [
        change(front, 'users', [userId], userRow(userId)),
        change(front, 'patients', [patientId], fullRow('patients', [patientId], { first_name: 'Ada' }), { userId }),
      ];
      const first = await pushChanges(server.url, front, batch);
      expect(first.status).toBe(200);
      expect(first.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

      const pulled = await pullAll(server.url, office);
      expect(pulled.status).toBe(200);
      expect(pulled.body.changes.map((c) => c.id)).toEqual(batch.map((c) => c.id));
      expect(pulled.body.changes[1]).toMatchObject({ table: 'patients', userId, deviceId: front.deviceId });
      expect(pulled.body.changes[1]?.values.first_name).toBe('Ada');

      const changesBefore = await countFor(server.opened.db, 'changes', front.clinicId);
      const replay = await pushChanges(server.url, front, batch);
      expect(replay.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
      expect(await countFor(server.opened.db, 'changes', front.clinicId)).toBe(changesBefore);
      const after = await pullAll(server.url, office, pulled.body.cursor);
      expect(after.body.changes).toEqual([]);
      expect(after.body.cursor).toBe(pulled.body.cursor);
    },
  );

  it.skipIf(skip)('a rejected change does not block the ones behind it', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const batch = [
      change(front, 'patients', [a], fullRow('patients', [a])),
      change(front, 'patients', [randomUUID()], { first_name: 42 }),
      change(front, 'patients', [b], fullRow('patients', [b])),
    ];
    const answer = await pushChanges(server.url, front, batch);
    expect(answer.body.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(answer.body.results[1]).toMatchObject({ code: 'BAD_VALUE' });
  });

  it.skipIf(skip)(
    'a row created, edited and deleted in one batch stays deleted when another desk edits it later',
    async () => {
      const p = randomUUID();
      const batch = [
        change(front, 'patients', [p], fullRow('patients', [p], { first_name: 'Bo' })),
        change(front, 'patients', [p], { first_name: 'Bob' }),
        change(front, 'patients', [p], {}, { op: 'delete' }),
      ];
      expect((await pushChanges(server.url, front, batch)).body.results.map((r) => r.status)).toEqual([
        'accepted',
        'accepted',
        'accepted',
      ]);
      const edit = await pushChanges(server.url, office, [change(office, 'patients', [p], { notes: 'still here?' })]);
      expect(edit.body.results[0]?.status).toBe('accepted');
      const row = await getRow(server.opened.db, front.clinicId, 'patients', JSON.stringify([p]));
      expect(row && isVisible(row)).toBe(false);
    },
  );

  it.skipIf(skip)('a ledger row is inserted once: the same key with other values is refused', async () => {
    const id = randomUUID();
    const movement = fullRow('stock_movements', [id]);
    const first = await pushChanges(server.url, front, [change(front, 'stock_movements', [id], movement)]);
    expect(first.body.results[0]?.status).toBe('accepted');
    const again = await pushChanges(server.url, office, [change(office, 'stock_movements', [id], movement)]);
    expect(again.body.results[0]?.status).toBe('duplicate');
    const other = { ...movement, quantity: 999 };
    const clash = await pushChanges(server.url, office, [change(office, 'stock_movements', [id], other)]);
    expect(clash.body.results[0]).toMatchObject({ status: 'rejected', code: 'LEDGER_KEY_TAKEN' });
    const erase = await pushChanges(server.url, office, [
      change(office, 'stock_movements', [id], {}, { op: 'delete' }),
    ]);
    expect(erase.body.results[0]).toMatchObject({ status: 'rejected', code: 'LEDGER_IMMUTABLE' });
  });

  it.skipIf(skip)(
    'a change by a user disabled before it was made is refused; one made before still counts',
    async () => {
      const nurse = randomUUID();
      const now = Date.now();
      await pushChanges(server.url, front, [change(front, 'users', [nurse], userRow(nurse), { wall: now - 60_000 })]);
      const disable = change(office, 'users', [nurse], { disabled_at: now - 10_000 }, { wall: now - 10_000 });
      expect((await pushChanges(server.url, office, [disable])).body.results[0]?.status).toBe('accepted');
      const p = randomUUID();
      const before = change(front, 'patients', [p], fullRow('patients', [p]), { userId: nurse, wall: now - 20_000 });
      const afterDisable = change(front, 'patients', [p], { notes: 'late' }, { userId: nurse, wall: now });
      const answer = await pushChanges(server.url, front, [before, afterDisable]);
      expect(answer.body.results.map((r) => r.code ?? r.status)).toEqual(['accepted', 'DISABLED_USER']);
    },
  );

  it.skipIf(skip)('a desk whose clock is far ahead is told so, and nothing of its batch is applied', async () => {
    const p = randomUUID();
    const ahead = Date.now() + MAX_CLOCK_SKEW_MS + 3_600_000;
    const before = await countFor(server.opened.db, 'changes', front.clinicId);
    const answer = await call<{ error: { code: string; message: string } }>(server.url, 'POST', '/v1/push', {
      token: front.token,
      body: { changes: [change(front, 'patients', [p], fullRow('patients', [p]), { wall: ahead })], deskTime: ahead },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe('SKEW_TOO_LARGE');
    expect(answer.body.error.message).toMatch(/clock is about 37 hours ahead of the server's/);
    expect(await countFor(server.opened.db, 'changes', front.clinicId)).toBe(before);
    // A desk offline for days pushes honest old stamps: accepted.
    const old = Date.now() - 5 * 24 * 3_600_000;
    const q = randomUUID();
    const late = await pushChanges(server.url, front, [
      change(front, 'patients', [q], fullRow('patients', [q]), { wall: old }),
    ]);
    expect(late.body.results[0]?.status).toBe('accepted');
  });

  it.skipIf(skip)('a long poll returns as soon as the other desk pushes', async () => {
    const { body } = await pullAll(server.url, office);
    const started = Date.now();
    const waiting = pullAll(server.url, office, body.cursor, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const p = randomUUID();
    await pushChanges(server.url, front, [change(front, 'patients', [p], fullRow('patients', [p]))]);
    const answer = await waiting;
    expect(answer.body.changes.map((c) => c.key)).toEqual([[p]]);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it.skipIf(skip)('pull pages with limit and hasMore, and the cursor resumes exactly', async () => {
    const all = await pullAll(server.url, office);
    const ids = all.body.changes.map((c) => c.id);
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 100; page++) {
      const answer = await call<{ changes: { id: string }[]; cursor: string; hasMore: boolean }>(
        server.url,
        'GET',
        `/v1/pull?after=${encodeURIComponent(after)}&limit=2`,
        { token: office.token },
      );
      seen.push(...answer.body.changes.map((c) => c.id));
      after = answer.body.cursor;
      if (!answer.body.hasMore) break;
    }
    expect(seen).toEqual(ids);
  });
});
