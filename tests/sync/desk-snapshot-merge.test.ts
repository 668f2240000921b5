import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/app';
import { snapshotMerge } from '../../src-main/core/sync/bootstrap';
import { readProgress, stagePage, stagedCount } from '../../src-main/core/sync/bootstrap-repository';
import type { SnapshotRow, SyncChange, SyncValue } from '../../src-shared/sync/protocol';
import { compactStamps } from '../../src-shared/sync/snapshot-stamps';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

/**
 * The snapshot merge's two shortcuts (issue 17) change nothing a user could notice:
 * - a row inserted whole keeps only its whole-row clock ('*'), and a later edit of one column still
 *   wins over it while an older one still loses, as when every column had its own clock;
 * - a table this desk has written to (an unsent insert, edit or delete) is merged row by row, so the
 *   desk keeps its own unsent changes, while an untouched table goes in by the bulk path.
 * The snapshot is staged as the download stages it, then merged as `sync.join` merges it.
 */

const other = randomUUID();
const stamp = (wall: number, counter = 0, device = other) =>
  `${String(wall).padStart(15, '0')}:${String(counter).padStart(6, '0')}:${device}`;

const supplier = (id: string, name: string, contact: string | null): Record<string, SyncValue> => ({
  id,
  name,
  contact,
  phone: null,
  email: null,
  lead_time_days: 3,
  active: 1,
  created_at: 1,
  updated_at: 1,
  deleted_at: null,
});

/** A row as the server keeps it: every column at the row's stamp, unless `later` says otherwise. */
function snapshotRow(values: Record<string, SyncValue>, at: string, later: Record<string, string> = {}): SnapshotRow {
  const columnHlc = Object.fromEntries(Object.keys(values).map((c) => [c, later[c] ?? at]));
  const id = typeof values.id === 'string' ? values.id : '';
  return { table: 'stock_suppliers', key: [id], values, columnHlc, deletedHlc: null, fullHlc: at };
}

function change(id: string, values: Record<string, SyncValue>, hlc: string, op: 'upsert' | 'delete' = 'upsert') {
  const made: SyncChange = {
    id: randomUUID(),
    table: 'stock_suppliers',
    key: [id],
    op,
    values,
    hlc,
    deviceId: other,
    userId: null,
  };
  return made;
}

describe('merging a snapshot', () => {
  let folder: TempFolder;
  let core: Core;
  const T = Date.now() - 600_000;

  beforeEach(async () => {
    folder = tempFolder();
    core = await createCore({ file: folder.file, key: folder.key, create: true });
  });
  afterEach(async () => {
    await core.close();
    folder.remove();
  });

  const stage = async (rows: SnapshotRow[]) => {
    const { handle } = core.database;
    await core.database.db.transaction().execute(async () => {
      stagePage(
        handle,
        rows,
        { clinicId: 'c', cursor: 'c:1', next: null, complete: true, pages: 1, rows: rows.length, serverTime: null },
        Date.now(),
      );
      await Promise.resolve();
    });
  };
  const stageAndMerge = async (rows: SnapshotRow[]) => {
    const { handle } = core.database;
    await stage(rows);
    const result = await core.sync.applySnapshot('c:1');
    expect(readProgress(handle)).toBeNull();
    expect(core.sync.status().pullCursor).toBe('c:1');
    return result;
  };
  const row = (id: string) =>
    core.database.handle.prepare('SELECT name, contact, phone FROM stock_suppliers WHERE id = ?').get(id) as
      { name: string; contact: string | null; phone: string | null } | undefined;
  const clocks = (id: string) =>
    core.database.handle
      .prepare('SELECT column_name, hlc FROM sync_clocks WHERE table_name = ? AND key_json = ? ORDER BY column_name')
      .all('stock_suppliers', JSON.stringify([id])) as { column_name: string; hlc: string }[];
  const local = (sql: string, ...args: (string | number | null)[]) => core.database.handle.prepare(sql).run(...args);

  it('keeps one whole-row clock, and later column edits still win over it while older ones lose', async () => {
    const id = randomUUID();
    // The name was edited on the server after the row was made: it keeps a clock of its own.
    await stageAndMerge([
      snapshotRow(supplier(id, 'Late name', 'Snapshot contact'), stamp(T + 1000), { name: stamp(T + 3000) }),
    ]);
    expect(clocks(id)).toEqual([
      { column_name: '*', hlc: stamp(T + 1000) },
      { column_name: 'name', hlc: stamp(T + 3000) },
    ]);

    const applied = await core.sync.applyRemote(
      [
        // Before the row was made: loses to the whole-row clock (a desk that wrote the row late).
        change(id, { contact: 'Older contact' }, stamp(T + 500)),
        // After the row, before the name's own edit: the phone wins, the name loses.
        change(id, { phone: '555-0101', name: 'Older name' }, stamp(T + 2000)),
        // A delete made before the row was: the row stays.
        change(id, {}, stamp(T + 400), 'delete'),
      ],
      'c:2',
    );
    expect(row(id)).toEqual({ name: 'Late name', contact: 'Snapshot contact', phone: '555-0101' });
    expect(applied.applied).toBe(1);

    // A later edit of the contact wins, and a delete after everything removes the row.
    await core.sync.applyRemote([change(id, { contact: 'New contact' }, stamp(T + 4000))], 'c:3');
    expect(row(id)?.contact).toBe('New contact');
    await core.sync.applyRemote([change(id, {}, stamp(T + 5000), 'delete')], 'c:4');
    expect(row(id)).toBeUndefined();
  });

  it('takes the whole-row stamp of a row already here as its birth: an older delete pulled later leaves it', async () => {
    const id = randomUUID();
    await stageAndMerge([snapshotRow(supplier(id, 'Kept', null), stamp(T))]);
    // A later snapshot holds the row again, inserted whole at T + 1000 (a link set anew on another
    // desk); its columns' own stamps are no newer than what is here, so only the whole-row stamp moves.
    await stageAndMerge([{ ...snapshotRow(supplier(id, 'Kept', null), stamp(T)), fullHlc: stamp(T + 1000) }]);
    expect(clocks(id)).toContainEqual({ column_name: '*', hlc: stamp(T + 1000) });
    // A delete stamped between the two inserts arrives late: the newer insert keeps the row.
    await core.sync.applyRemote([change(id, {}, stamp(T + 500), 'delete')], 'c:2');
    expect(row(id)?.name).toBe('Kept');
  });

  it("takes the careful path for a table with this desk's unsent writes, and keeps them", async () => {
    const gone = randomUUID();
    const mine = randomUUID();
    const theirs = randomUUID();
    // Made and deleted here (the table is empty again, its delete unsent), and one made here unsent:
    // both after the server's rows were stamped.
    local(
      'INSERT INTO stock_suppliers (id, name, lead_time_days, active, created_at, updated_at) VALUES (?, ?, 3, 1, 1, 1)',
      gone,
      'Deleted here',
    );
    local('DELETE FROM stock_suppliers WHERE id = ?', gone);
    const pendingBefore = core.sync.status().pending;
    expect(pendingBefore).toBe(2);
    await stageAndMerge([
      snapshotRow(supplier(gone, 'Deleted here', 'Server contact'), stamp(T)),
      snapshotRow(supplier(theirs, 'From the server', null), stamp(T)),
    ]);
    // Never resurrected by an older whole row; the other row arrives; the delete still waits to go.
    expect(row(gone)).toBeUndefined();
    expect(row(theirs)?.name).toBe('From the server');
    expect(core.sync.status().pending).toBe(pendingBefore);

    local(
      'INSERT INTO stock_suppliers (id, name, contact, lead_time_days, active, created_at, updated_at) VALUES (?, ?, ?, 3, 1, 1, 1)',
      mine,
      'Mine',
      'My contact',
    );
    await stageAndMerge([snapshotRow(supplier(mine, 'Older server name', 'Older contact'), stamp(T + 10))]);
    expect(row(mine)).toEqual({ name: 'Mine', contact: 'My contact', phone: null });
    expect(core.sync.problems()).toEqual([]);
  });

  it('puts an untouched table in by the bulk path with the same rows and clocks', async () => {
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const deletedId = randomUUID();
    const deleted: SnapshotRow = {
      ...snapshotRow(supplier(deletedId, 'Deleted on the server', null), stamp(T)),
      deletedHlc: stamp(T + 50),
    };
    const result = await stageAndMerge([
      ...ids.map((id, i) => snapshotRow(supplier(id, `Supplier ${i}`, null), stamp(T, i))),
      deleted,
    ]);
    expect(result).toMatchObject({ applied: 30, skipped: 1, parked: 0 });
    expect(row(deletedId)).toBeUndefined();
    expect(clocks(ids[7] ?? '')).toEqual([{ column_name: '*', hlc: stamp(T, 7) }]);
    // The tombstone holds: a late edit of the deleted row does not bring it back.
    await core.sync.applyRemote([change(deletedId, { name: 'Late edit' }, stamp(T + 20))], 'c:2');
    expect(row(deletedId)).toBeUndefined();
    expect(core.sync.status().pending).toBe(0);
  });

  it('puts whole rows in by the bulk path with their clocks, and leaves deleted and partial rows out', async () => {
    const id = (name: string) => `bulk-${name}`;
    const noPhone = supplier(id('partial'), 'Partial', null);
    delete noPhone.phone;
    const result = await stageAndMerge([
      compactStamps(snapshotRow(supplier(id('whole'), 'Whole', 'Whole contact'), stamp(T))),
      // Its contact edited on the server after the row was made: a clock of its own.
      compactStamps(
        snapshotRow(supplier(id('later'), 'Later', 'Edited contact'), stamp(T), { contact: stamp(T + 3000) }),
      ),
      // A column stamped before the row was made whole: the row's clock covers it.
      snapshotRow(supplier(id('older'), 'Older', null), stamp(T + 10), { name: stamp(T + 5) }),
      // Deleted after it was made: not inserted, and never brought back by an older edit.
      { ...snapshotRow(supplier(id('deleted'), 'Deleted', null), stamp(T)), deletedHlc: stamp(T + 50) },
      // A column missing: not a whole row, so left out.
      snapshotRow(noPhone, stamp(T)),
      // A column this desk does not have: the row goes in without it, and no clock names it.
      snapshotRow({ ...supplier(id('extra'), 'Extra', null), fax: '555-0199' }, stamp(T), { fax: stamp(T + 4000) }),
    ]);
    expect(result).toMatchObject({ applied: 4, skipped: 2, parked: 0 });
    expect(row(id('whole'))).toEqual({ name: 'Whole', contact: 'Whole contact', phone: null });
    expect(row(id('later'))?.contact).toBe('Edited contact');
    expect(row(id('extra'))?.name).toBe('Extra');
    expect(row(id('deleted'))).toBeUndefined();
    expect(row(id('partial'))).toBeUndefined();
    expect(clocks(id('whole'))).toEqual([{ column_name: '*', hlc: stamp(T) }]);
    expect(clocks(id('later'))).toEqual([
      { column_name: '*', hlc: stamp(T) },
      { column_name: 'contact', hlc: stamp(T + 3000) },
    ]);
    expect(clocks(id('older'))).toEqual([{ column_name: '*', hlc: stamp(T + 10) }]);
    expect(clocks(id('extra'))).toEqual([{ column_name: '*', hlc: stamp(T) }]);
    expect(clocks(id('partial'))).toEqual([]);
    // The desk's clock took the latest stamp it saw (the fax's, on a column it does not keep).
    expect(core.database.sync.clock.wall).toBeGreaterThanOrEqual(T + 4000);
    await core.sync.applyRemote([change(id('deleted'), { name: 'Late edit' }, stamp(T + 20))], 'c:2');
    expect(row(id('deleted'))).toBeUndefined();
    // The column clock holds against an older edit, and the row clock against one before the row.
    await core.sync.applyRemote(
      [
        change(id('later'), { contact: 'Older edit' }, stamp(T + 2000)),
        change(id('whole'), { contact: 'Old' }, stamp(T - 1)),
      ],
      'c:3',
    );
    expect(row(id('later'))?.contact).toBe('Edited contact');
    expect(row(id('whole'))?.contact).toBe('Whole contact');
  });

  it('goes on from what is left on the stage when a merge stopped after its first step', async () => {
    const ids = Array.from({ length: 25 }, (_, i) => `s-${String(i).padStart(2, '0')}`);
    await stage(ids.map((id, i) => snapshotRow(supplier(id, `Supplier ${i}`, null), stamp(T, i))));
    // One step of 10 rows commits (as a step of applySnapshot does), then the desk stops.
    const { handle, sync: runtime } = core.database;
    await core.database.db.transaction().execute(async () => {
      const step = runtime.withoutCapture(() => snapshotMerge(handle, runtime, Date.now(), Date.now()).step(10));
      expect(step).toMatchObject({ applied: 10, done: false });
      await Promise.resolve();
    });
    expect(stagedCount(handle)).toBe(15);
    expect(core.sync.status().pullCursor).toBeNull();
    await core.close();
    core = await createCore({ file: folder.file, key: folder.key });
    const result = await core.sync.applySnapshot('c:1');
    expect(result).toMatchObject({ applied: 15, parked: 0 });
    const names = core.database.handle.prepare('SELECT id FROM stock_suppliers ORDER BY id').all() as { id: string }[];
    expect(names.map((r) => r.id)).toEqual(ids);
    expect(stagedCount(core.database.handle)).toBe(0);
    expect(core.sync.status().pullCursor).toBe('c:1');
  });
});
