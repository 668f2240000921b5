import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_STAMPS_COMPACT, SNAPSHOT_STAMPS_HEADER, type SnapshotResponse } from '../../src-shared/sync/protocol';
import { snapshotRowOrNull } from '../../src-shared/sync/snapshot-row-check';
import { expandStamps } from '../../src-shared/sync/snapshot-stamps';
import {
  BACKENDS,
  call,
  change,
  enrolDesk,
  freshDatabase,
  fullRow,
  newCode,
  pushChanges,
  startServer,
  type Desk,
  type TestServer,
} from './server-helpers';

/**
 * The snapshot's stamps sent once per row (issue 17, bootstrap): only to a desk that asks for them so,
 * and what that desk rebuilds is the row every other desk is sent.
 */
describe.each(BACKENDS)('sync server on $backend: snapshot stamps', ({ backend, skip }) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let desk: Desk;
  const whole = randomUUID();
  const edited = randomUUID();

  beforeAll(async () => {
    if (skip) return;
    const db = await freshDatabase(backend);
    drop = db.drop;
    server = await startServer(db.opened);
    desk = await enrolDesk(server.url, await newCode(db.opened, `Stamps ${randomUUID()}`), 'A');
    const wall = Date.now() - 60_000;
    const pushed = await pushChanges(server.url, desk, [
      change(desk, 'patients', [whole], fullRow('patients', [whole], { first_name: 'Ada' }), { wall }),
      change(desk, 'patients', [edited], fullRow('patients', [edited], { first_name: 'Bea' }), { wall }),
      change(desk, 'patients', [edited], { first_name: 'Beatrice' }, { wall: wall + 1000 }),
    ]);
    expect(pushed.body.results.every((r) => r.status === 'accepted')).toBe(true);
  }, 120_000);
  afterAll(async () => {
    if (skip) return;
    await server.close();
    await drop();
  });

  const snapshot = async (headers: Record<string, string>) => {
    const page = await call<SnapshotResponse>(server.url, 'GET', '/v1/snapshot', { token: desk.token, headers });
    expect(page.status).toBe(200);
    const patients = page.body.rows.filter((row) => row.table === 'patients');
    return { patients, bytes: JSON.stringify(page.body.rows).length };
  };

  it.skipIf(skip)('a desk that does not ask gets every column with its stamp', async () => {
    const { patients } = await snapshot({});
    expect(patients).toHaveLength(2);
    for (const row of patients) {
      expect(row.columnsAtFull).toBeUndefined();
      expect(Object.keys(row.columnHlc).sort()).toEqual(Object.keys(row.values).sort());
    }
  });

  it.skipIf(skip)('a desk that asks gets each row stamped once, and rebuilds exactly the full rows', async () => {
    const full = await snapshot({});
    const compact = await snapshot({ [SNAPSHOT_STAMPS_HEADER]: SNAPSHOT_STAMPS_COMPACT });
    const byKey = (rows: SnapshotResponse['rows']) => new Map(rows.map((row) => [String(row.key[0]), row]));
    const wholeRow = byKey(compact.patients).get(whole);
    const editedRow = byKey(compact.patients).get(edited);
    expect(wholeRow?.columnsAtFull).toBe(true);
    expect(wholeRow?.columnHlc).toEqual({});
    // The column edited after the insert keeps a stamp of its own, newer than the row's.
    expect(Object.keys(editedRow?.columnHlc ?? {})).toEqual(['first_name']);
    expect(editedRow?.values.first_name).toBe('Beatrice');
    for (const row of compact.patients) {
      expect(snapshotRowOrNull(row)).not.toBeNull();
      expect(expandStamps(row)).toEqual(byKey(full.patients).get(String(row.key[0])));
    }
    expect(compact.bytes).toBeLessThan(full.bytes / 2);
  });
});
