import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFor } from '../../src-server/db/repository';
import { MAX_PUSH_CHANGES } from '../../src-shared/sync/protocol';
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

// One server hosting two clinics; a device of the second attacks the first, and itself.
describe.each(BACKENDS)('sync server on $backend: hostile devices', ({ backend, skip }) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let north: Desk;
  let south: Desk;
  let northCursor: string;
  const northUser = randomUUID();
  const northPatient = randomUUID();

  /** What clinic North holds and what the server recorded, to prove an attack changed nothing but the records. */
  async function counts() {
    const db = server.opened.db;
    return {
      northChanges: await countFor(db, 'changes', north.clinicId),
      northRows: await countFor(db, 'rows', north.clinicId),
      southChanges: await countFor(db, 'changes', south.clinicId),
      southRows: await countFor(db, 'rows', south.clinicId),
      rejections: await countFor(db, 'rejections', null),
      audit: await countFor(db, 'server_audit', null),
    };
  }

  /** Pushes as South, expects each change refused with `code`, recorded, and nothing applied. */
  async function expectRefused(changes: ReturnType<typeof change>[], code: string) {
    const before = await counts();
    const answer = await pushChanges(server.url, south, changes);
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((r) => r.code)).toEqual(changes.map(() => code));
    const after = await counts();
    expect(after).toEqual({ ...before, rejections: before.rejections + changes.length });
    return answer;
  }

  beforeAll(async () => {
    if (skip) return;
    const db = await freshDatabase(backend);
    drop = db.drop;
    server = await startServer(db.opened);
    north = await enrolDesk(server.url, await newCode(db.opened, 'North Clinic'), 'North desk');
    south = await enrolDesk(server.url, await newCode(db.opened, 'South Clinic'), 'South desk');
    const pushed = await pushChanges(server.url, north, [
      change(north, 'users', [northUser], userRow(northUser)),
      change(north, 'patients', [northPatient], fullRow('patients', [northPatient], { last_name: 'Secret' }), {
        userId: northUser,
      }),
    ]);
    expect(pushed.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    northCursor = (await pullAll(server.url, north)).body.cursor;
  }, 120_000);
  afterAll(async () => {
    if (skip) return;
    await server.close();
    await drop();
  });

  it.skipIf(skip)("another clinic's changes are never pulled, and its cursor is refused and audited", async () => {
    const own = await pullAll(server.url, south);
    expect(own.status).toBe(200);
    expect(own.body.changes).toEqual([]);
    const before = await counts();
    const stolen = await pullAll(server.url, south, northCursor.replace(/:\d+$/, ':0'));
    expect(stolen.status).toBe(403);
    expect(JSON.stringify(stolen.body)).not.toContain('Secret');
    expect((await counts()).audit).toBe(before.audit + 1);
  });

  it.skipIf(skip)("a change naming another clinic's user, or an unknown user, is refused", async () => {
    const p = randomUUID();
    await expectRefused(
      [
        change(south, 'patients', [p], fullRow('patients', [p]), { userId: northUser }),
        change(south, 'patients', [p], fullRow('patients', [p]), { userId: 'admin' }),
      ],
      'UNKNOWN_USER',
    );
  });

  it.skipIf(skip)("a change claiming another device, or another clinic's row, changes nothing there", async () => {
    const forged = change(south, 'patients', [northPatient], { last_name: 'Hacked' });
    await expectRefused([{ ...forged, deviceId: north.deviceId }], 'WRONG_DEVICE');
    const stampForged = change(south, 'patients', [northPatient], { last_name: 'Hacked' });
    await expectRefused(
      [{ ...stampForged, hlc: stampForged.hlc.replace(south.deviceId, north.deviceId) }],
      'WRONG_DEVICE',
    );
    // South may write a row with North's key in its own clinic: it lands in South's data, never in North's.
    const own = await pushChanges(server.url, south, [
      change(south, 'patients', [northPatient], { last_name: 'Mine' }),
    ]);
    expect(own.body.results[0]?.status).toBe('accepted');
    const northView = await pullAll(server.url, north);
    expect(JSON.stringify(northView.body)).not.toContain('Mine');
  });

  it.skipIf(skip)('a table or column that does not replicate is refused', async () => {
    await expectRefused(
      [
        change(south, 'audit_log', [1], { id: 1 }),
        change(south, 'sessions', ['x'], {}),
        change(south, 'schema_migrations', [1], {}),
      ],
      'UNKNOWN_TABLE',
    );
    const p = randomUUID();
    await expectRefused(
      [change(south, 'patients', [p], { ...fullRow('patients', [p]), is_admin: 1 })],
      'UNKNOWN_COLUMN',
    );
  });

  it.skipIf(skip)('a malformed value or key is refused, change by change', async () => {
    const p = randomUUID();
    await expectRefused(
      [
        change(south, 'patients', [p], { first_name: 7 }),
        change(south, 'patients', [p], { active: 'yes' }),
        change(south, 'patients', [p], { active: 1.5 }),
        change(south, 'patients', [p], { first_name: null }),
        change(south, 'patients', [p], { first_name: { b64: 'not base64!' } }),
      ],
      'BAD_VALUE',
    );
    await expectRefused(
      [change(south, 'patients', [p, 'extra'], {}), change(south, 'patients', [p], { id: 'other' })],
      'BAD_KEY',
    );
    const before = await counts();
    const answer = await pushChanges(server.url, south, [
      { ...change(south, 'patients', [p], {}), values: { first_name: ['array'] } } as unknown as ReturnType<
        typeof change
      >,
      { ...change(south, 'patients', [p], {}), table: 'patients; drop table changes' },
      change(south, 'patients', [p], fullRow('patients', [p])),
    ]);
    expect(answer.body.results.map((r) => r.code ?? r.status)).toEqual(['MALFORMED', 'MALFORMED', 'accepted']);
    expect((await counts()).rejections).toBe(before.rejections + 2);
  });

  it.skipIf(skip)(
    'text PostgreSQL cannot hold (NUL, half a surrogate pair) is refused per change, not a failed push',
    async () => {
      const p = randomUUID();
      await expectRefused(
        [
          change(south, 'patients', [p], fullRow('patients', [p], { first_name: 'a\u0000b' })),
          change(south, 'patients', [p], { notes: 'x\ud800y' }),
          change(south, 'patients', [p], { notes: '\udc00' }),
        ],
        'BAD_VALUE',
      );
      await expectRefused([change(south, 'patients', ['k\u0000'], { notes: 'a' })], 'BAD_KEY');
      await expectRefused([change(south, 'patients', [p], { notes: 'a' }, { userId: 'u\u0000' })], 'UNKNOWN_USER');
      const malformed = await pushChanges(server.url, south, [
        { ...change(south, 'patients', [p], {}), table: 'bad\u0000name', values: { ['k\u0000']: 'v\ud800' } },
      ]);
      expect(malformed.body.results[0]?.code).toBe('MALFORMED');
      const enrol = await call(server.url, 'POST', '/v1/enrol', {
        body: { code: 'AAAA-BBBB-CCCC-DDDD', deviceName: 'a\u0000' },
      });
      expect(enrol.status).toBe(400);
    },
  );

  it.skipIf(skip)('a replayed batch of another clinic is refused; replaying its own is a no-op', async () => {
    const northBatch = (await pullAll(server.url, north)).body.changes.map(({ seq: _seq, ...c }) => c);
    await expectRefused(northBatch, 'WRONG_DEVICE');
    const mine = (await pullAll(server.url, south)).body.changes.map(({ seq: _seq, ...c }) => c);
    const before = await counts();
    const replay = await pushChanges(server.url, south, mine);
    expect(new Set(replay.body.results.map((r) => r.status))).toEqual(new Set(['duplicate']));
    expect(await counts()).toEqual(before);
  });

  it.skipIf(skip)('no token, a garbled one or a wrong secret: 401, audited, nothing applied', async () => {
    const p = randomUUID();
    const body = { changes: [change(south, 'patients', [p], fullRow('patients', [p]))], deskTime: Date.now() };
    const wrongSecret = `Bearer ${south.deviceId}.${'A'.repeat(43)}`;
    for (const token of [
      undefined,
      'Bearer nonsense',
      `Bearer ${south.deviceId}`,
      wrongSecret,
      `Bearer ${randomUUID()}.${'A'.repeat(43)}`,
    ]) {
      const before = await counts();
      const answer = await call<{ error: { code: string } }>(server.url, 'POST', '/v1/push', {
        ...(token === undefined ? {} : { token }),
        body,
      });
      expect(answer.status).toBe(401);
      expect(answer.body.error.code).toBe('UNAUTHORISED');
      expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
    }
    expect(
      (await call(server.url, 'POST', '/v1/enrol', { body: { code: 'AAAA-BBBB-CCCC-DDDD', deviceName: 'x' } })).status,
    ).toBe(401);
  });

  it.skipIf(skip)('garbage bodies and oversized batches are refused whole', async () => {
    const before = await counts();
    const notJson = await call(server.url, 'POST', '/v1/push', { token: south.token, rawBody: '{"changes": [' });
    expect(notJson.status).toBe(400);
    const p = randomUUID();
    const many = Array.from({ length: MAX_PUSH_CHANGES + 1 }, () => change(south, 'patients', [p], { notes: 'x' }));
    expect((await pushChanges(server.url, south, many)).status).toBe(413);
    expect(
      (await call(server.url, 'POST', '/v1/push', { token: south.token, body: { changes: [], deskTime: 1 } })).status,
    ).toBe(400);
    const after = await counts();
    expect({ ...after, audit: before.audit }).toEqual(before);
  });

  it.skipIf(skip)("a desk cannot revoke another clinic's device, nor without users:manage", async () => {
    const southUser = randomUUID();
    await pushChanges(server.url, south, [change(south, 'users', [southUser], userRow(southUser))]);
    const cross = await call(server.url, 'POST', '/v1/revoke', {
      token: south.token,
      body: { deviceId: north.deviceId, userId: southUser },
    });
    expect(cross.status).toBe(403);
    const noGrant = await call(server.url, 'POST', '/v1/revoke', {
      token: south.token,
      body: { deviceId: south.deviceId, userId: southUser },
    });
    expect(noGrant.status).toBe(403);
    expect((await call(server.url, 'GET', '/v1/status', { token: north.token })).status).toBe(200);
    expect((await call(server.url, 'GET', '/v1/status', { token: south.token })).status).toBe(200);
  });

  it.skipIf(skip)('a revoked device is refused everywhere, and what it sends is not applied', async () => {
    const admin = randomUUID();
    const spare = await enrolDesk(server.url, await newCode(server.opened, 'South Clinic'), 'Old laptop');
    await pushChanges(server.url, south, [
      change(south, 'users', [admin], userRow(admin, { role_id: 'admin' })),
      change(
        south,
        'role_permissions',
        ['admin', 'users:manage'],
        fullRow('role_permissions', ['admin', 'users:manage']),
      ),
    ]);
    const revoke = await call(server.url, 'POST', '/v1/revoke', {
      token: south.token,
      body: { deviceId: spare.deviceId, userId: admin },
    });
    expect(revoke).toMatchObject({ status: 200, body: { revoked: true } });
    const before = await counts();
    const p = randomUUID();
    expect(
      (await pushChanges(server.url, spare, [change(spare, 'patients', [p], fullRow('patients', [p]))])).status,
    ).toBe(401);
    expect((await pullAll(server.url, spare)).status).toBe(401);
    expect((await call(server.url, 'GET', '/v1/status', { token: spare.token })).status).toBe(401);
    expect(await counts()).toEqual({ ...before, audit: before.audit + 3 });
  });
});
