import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactClinic } from '../../src-server/db/compaction';
import { countFor, revokeDevice } from '../../src-server/db/repository';
import { runCompaction } from '../../src-server/sync/compaction';
import type { SnapshotResponse } from '../../src-shared/sync/protocol';
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
  type Desk,
  type TestServer,
} from './server-helpers';

const DAY = 86_400_000;

/**
 * Compaction on the server (issue 17): history every active desk has pulled past goes; a revoked desk,
 * or one away longer than the retention, holds nothing back; a pull from below the horizon is answered
 * RESYNC_REQUIRED (410), never a page that silently skips what was removed (Electric's "offset out of
 * bounds"); the snapshot still holds every row's latest values and every tombstone.
 */
describe.each(BACKENDS)('sync server on $backend: compaction', ({ backend, skip }) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let a: Desk;
  let b: Desk;
  let c: Desk;
  const start = Date.UTC(2026, 2, 2, 9);

  beforeAll(async () => {
    if (skip) return;
    const db = await freshDatabase(backend);
    drop = db.drop;
    server = await startServer(db.opened);
    server.now.ms = start;
    const clinic = `Compaction ${randomUUID()}`;
    a = await enrolDesk(server.url, await newCode(db.opened, clinic), 'A');
    b = await enrolDesk(server.url, await newCode(db.opened, clinic), 'B');
    c = await enrolDesk(server.url, await newCode(db.opened, clinic), 'C');
  }, 120_000);
  afterAll(async () => {
    if (skip) return;
    await server.close();
    await drop();
  });

  const snapshotAll = async (desk: Desk) => {
    const rows: SnapshotResponse['rows'] = [];
    let from = '';
    let cursor: string | null = null;
    for (;;) {
      const page = await call<SnapshotResponse>(server.url, 'GET', `/v1/snapshot?${from}limit=2`, {
        token: desk.token,
      });
      expect(page.status).toBe(200);
      cursor ??= page.body.cursor;
      rows.push(...page.body.rows);
      if (!page.body.next) return { rows, cursor };
      from = `afterTable=${page.body.next.table}&afterKey=${encodeURIComponent(page.body.next.key)}&`;
    }
  };

  it.skipIf(skip)('removes what every active desk pulled past; a revoked desk holds nothing back', async () => {
    const kept = randomUUID();
    const gone = randomUUID();
    const wall = start - 60_000;
    const pushed = await pushChanges(
      server.url,
      a,
      [
        change(a, 'patients', [kept], fullRow('patients', [kept], { first_name: 'Ada' }), { wall }),
        change(a, 'patients', [gone], fullRow('patients', [gone]), { wall }),
        change(a, 'patients', [kept], { first_name: 'Adele' }, { wall }),
        change(a, 'patients', [gone], {}, { op: 'delete', wall }),
      ],
      start,
    );
    expect(pushed.body.results.every((r) => r.status === 'accepted')).toBe(true);
    const onA = await pullAll(server.url, a);
    const onB = await pullAll(server.url, b);
    // B acknowledges everything by pulling again from the cursor it saved; C has pulled nothing.
    await pullAll(server.url, a, onA.body.cursor);
    await pullAll(server.url, b, onB.body.cursor);
    const held = await compactClinic(server.opened.db, a.clinicId, new Date(start - DAY));
    expect(held).toMatchObject({ horizon: '0', removed: 0, activeDevices: 3 });

    expect(await revokeDevice(server.opened.db, c.deviceId)).toBe(true);
    const compacted = await compactClinic(server.opened.db, a.clinicId, new Date(start - DAY));
    expect(compacted.removed).toBe(4);
    expect(compacted.horizon).toBe(onA.body.cursor.split(':')[1]);
    expect(await countFor(server.opened.db, 'changes', a.clinicId)).toBe(0);

    // The snapshot keeps the latest value and the tombstone; its cursor is the horizon.
    const snap = await snapshotAll(b);
    expect(snap.cursor).toBe(onA.body.cursor);
    const keptRow = snap.rows.find((r) => r.key[0] === kept);
    const goneRow = snap.rows.find((r) => r.key[0] === gone);
    expect(keptRow?.values.first_name).toBe('Adele');
    expect(keptRow?.deletedHlc).toBeNull();
    expect(goneRow?.deletedHlc).not.toBeNull();
    expect(goneRow?.values).toEqual({});

    // Desks at the horizon go on as before.
    const next = await pullAll(server.url, b, onB.body.cursor);
    expect(next.status).toBe(200);
    expect(next.body.changes).toEqual([]);
  });

  it.skipIf(skip)('a cursor below the horizon is answered RESYNC_REQUIRED, never a page that skips', async () => {
    const old = await call<{ error: { code: string; message: string } }>(
      server.url,
      'GET',
      `/v1/pull?after=${encodeURIComponent(`${a.clinicId}:0`)}`,
      { token: a.token },
    );
    expect(old.status).toBe(410);
    expect(old.body.error.code).toBe('RESYNC_REQUIRED');
    expect(old.body.error.message).toMatch(/starts again from the clinic's snapshot/);
    const fresh = await pullAll(server.url, b, '');
    expect(fresh.status).toBe(410);
  });

  it.skipIf(skip)('a desk away longer than the retention holds nothing back; back, it re-bootstraps', async () => {
    // A and B pull up to now; B then goes quiet for 40 days while A keeps working.
    const before = await pullAll(server.url, a, (await snapshotAll(a)).cursor);
    const bCursor = (await pullAll(server.url, b, before.body.cursor)).body.cursor;
    server.now.ms = start + 40 * DAY;
    const id = randomUUID();
    const wall = server.now.ms - 1000;
    await pushChanges(server.url, a, [change(a, 'patients', [id], fullRow('patients', [id]), { wall })], server.now.ms);
    const onA = await pullAll(server.url, a, before.body.cursor);
    await pullAll(server.url, a, onA.body.cursor);
    const [result] = (await runCompaction(server.opened.db, server.now.ms, 30)).filter(
      (r) => r.clinicId === a.clinicId,
    );
    expect(result).toMatchObject({ removed: 1, activeDevices: 1 });
    // B's cursor was valid when it left; now the change after it is gone, and B is told so.
    const back = await pullAll(server.url, b, bCursor);
    expect(back.status).toBe(410);
    const snap = await snapshotAll(b);
    expect(snap.rows.some((r) => r.key[0] === id)).toBe(true);
    expect((await pullAll(server.url, b, snap.cursor)).status).toBe(200);
  });
});
