import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseOpenError } from '../../src-main/core/db/errors';
import { openDatabase, pageCacheKib } from '../../src-main/core/db/open';
import { CHECKPOINT_AFTER_CHANGES, idleCheckpointer, totalChanges } from '../../src-main/core/db/idle-checkpoint';
import { ADMIN, openTestClinic, tempFolder, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
function folder(): TempFolder {
  const made = tempFolder();
  folders.push(made);
  return made;
}
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the encrypted database', () => {
  it('is unreadable without the key: its header is not the plain SQLite header', async () => {
    const { file, key } = folder();
    const database = openDatabase({ file, key, create: true });
    await database.db
      .insertInto('roles')
      .values({ id: 'x', label: 'Visible Label', created_at: 1, updated_at: 1 })
      .execute();
    await database.close();
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    expect(bytes.includes(Buffer.from('Visible Label'))).toBe(false);
  });

  it('refuses a wrong key with a typed error and leaves the file exactly as it was', async () => {
    const { file, key } = folder();
    await openDatabase({ file, key, create: true }).close();
    const before = sha256(file);
    const wrongKey = Buffer.from(key).fill(7);
    let caught: unknown;
    try {
      openDatabase({ file, key: wrongKey, create: true });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatabaseOpenError);
    expect((caught as DatabaseOpenError).kind).toBe('WRONG_KEY');
    expect(sha256(file)).toBe(before);
    const reopened = openDatabase({ file, key });
    expect(reopened.schemaVersion).toBeGreaterThan(0);
    await reopened.close();
  });

  it('refuses a key of the wrong length and a missing file without creating one', () => {
    const { dir, key } = folder();
    expect(() => openDatabase({ file: join(dir, 'a.db'), key: key.subarray(0, 16), create: true })).toThrow(/32 bytes/);
    const missing = join(dir, 'missing.db');
    expect(() => openDatabase({ file: missing, key })).toThrow(expect.objectContaining({ kind: 'NOT_FOUND' }));
    expect(existsSync(missing)).toBe(false);
  });

  it('runs with WAL, full sync, foreign keys and a page cache of at least 64 MiB', async () => {
    const { file, key } = folder();
    const database = openDatabase({ file, key, create: true });
    expect(database.handle.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(database.handle.pragma('synchronous', { simple: true })).toBe(2);
    expect(database.handle.pragma('foreign_keys', { simple: true })).toBe(1);
    // A new clinic's file is small: the cache's floor, 64 MiB (negative: KiB).
    expect(Number(database.handle.pragma('cache_size', { simple: true }))).toBe(-64 * 1024);
    expect(Number(database.handle.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    await database.close();
  });
});

describe('rows read through Kysely', () => {
  it('come back as objects with every column, whatever its name, from selects and from RETURNING', async () => {
    const { file, key } = folder();
    const database = openDatabase({ file, key, create: true });
    try {
      const inserted = await database.db
        .insertInto('roles')
        .values({ id: 'nurse-x', label: 'Nurse "X"', created_at: 5, updated_at: 6 })
        .returning(['id', 'label'])
        .execute();
      expect(inserted).toEqual([{ id: 'nurse-x', label: 'Nurse "X"' }]);
      const { rows } = await sql<Record<string, unknown>>`
        SELECT id, label AS "the ""label""", created_at AS "a b", NULL AS empty, x'00ff' AS bytes, updated_at AS id
        FROM roles WHERE id = ${'nurse-x'}`.execute(database.db);
      // A repeated name keeps the last column, as better-sqlite3's own objects do.
      expect(rows).toEqual([
        { id: 6, 'the "label"': 'Nurse "X"', 'a b': 5, empty: null, bytes: Buffer.from([0, 255]) },
      ]);
      const all = await database.db.selectFrom('roles').selectAll().where('id', '=', 'nurse-x').execute();
      expect(all).toEqual([{ id: 'nurse-x', label: 'Nurse "X"', created_at: 5, updated_at: 6 }]);
    } finally {
      await database.close();
    }
  });
});

describe('the write-ahead log', () => {
  it('is copied into the database between requests once a few hundred rows changed since the last copy', async () => {
    const clinic = await openTestClinic();
    try {
      await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      const { handle } = clinic.core.database;
      // Whatever setting up wrote is copied first, so the count starts from a copy.
      let calls = 0;
      while (clinic.core.checkpoint().skipped) {
        await clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 10 + (calls % 5) });
        calls += 1;
      }
      const copiedAt = totalChanges(handle);

      // A few writes after it stay in the log: a copy now would cost the next write an extra fsync.
      await clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 31 });
      await clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 32 });
      expect(totalChanges(handle) - copiedAt).toBeLessThan(CHECKPOINT_AFTER_CHANGES);
      expect(clinic.core.checkpoint().skipped).toBe(true);

      // Writes until the count is reached: the next idle call copies the whole log.
      let writes = 0;
      while (totalChanges(handle) - copiedAt < CHECKPOINT_AFTER_CHANGES) {
        expect(clinic.core.checkpoint().skipped).toBe(true);
        await clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 10 + (writes % 5) });
        writes += 1;
      }
      const done = clinic.core.checkpoint();
      expect(done.skipped).toBe(false);
      // Every write since the last copy was still in the log, and all of it is in the database now.
      expect(done.logPages).toBeGreaterThan(writes);
      expect(done.checkpointedPages).toBe(done.logPages);
      expect(clinic.core.checkpoint().skipped).toBe(true);
    } finally {
      await clinic.close();
    }
  });

  it('is left alone while this connection is inside a transaction, however much is in it', async () => {
    const clinic = await openTestClinic();
    try {
      const { handle } = clinic.core.database;
      const copy = idleCheckpointer(handle, { afterChanges: 1 });
      handle.prepare("INSERT INTO roles (id, label, created_at, updated_at) VALUES ('x', 'X', 1, 1)").run();
      handle.prepare('BEGIN IMMEDIATE').run();
      expect(copy()).toEqual({ logPages: 0, checkpointedPages: 0, skipped: true });
      handle.prepare('ROLLBACK').run();
      const done = copy();
      expect(done.skipped).toBe(false);
      expect(done.logPages).toBeGreaterThan(0);
    } finally {
      await clinic.close();
    }
  });
});

describe('the page cache, sized by the clinic file', () => {
  const MIB = 1024 * 1024;
  it('is 64 MiB for a file up to 512 MiB, an eighth of a larger one, and 1 GiB at most', () => {
    const roomy = 32 * 1024 * MIB;
    expect(pageCacheKib(0, roomy)).toBe(64 * 1024);
    expect(pageCacheKib(512 * MIB, roomy)).toBe(64 * 1024);
    // The full-size bench clinic (3.7 GB) and a million-patient one (13.3 GB).
    expect(pageCacheKib(3_848_171_520, roomy)).toBe(469_747);
    expect(pageCacheKib(4096 * MIB, roomy)).toBe(512 * 1024);
    expect(pageCacheKib(8192 * MIB, roomy)).toBe(1024 * 1024);
    expect(pageCacheKib(13_968_482_304, roomy)).toBe(1024 * 1024);
  });

  it('takes no more than a sixteenth of the computer’s memory, and never less than 64 MiB', () => {
    // The full-size clinic on a 4 GiB clinic PC: 256 MiB, not the 459 MiB an eighth of the file asks.
    expect(pageCacheKib(3_848_171_520, 4096 * MIB)).toBe(256 * 1024);
    expect(pageCacheKib(13_968_482_304, 8192 * MIB)).toBe(512 * 1024);
    // A small clinic's eighth is under the cap, so the cap changes nothing there.
    expect(pageCacheKib(1024 * MIB, 4096 * MIB)).toBe(128 * 1024);
    // Even a 512 MiB machine keeps SQLite's 64 MiB: below it every search reads the file again.
    expect(pageCacheKib(3_848_171_520, 512 * MIB)).toBe(64 * 1024);
    expect(pageCacheKib(0, 512 * MIB)).toBe(64 * 1024);
  });

  it('is sized again when the clinic grows under an open desk, as a join from a snapshot does', async () => {
    const { file, key } = folder();
    const database = openDatabase({ file, key, create: true });
    const cacheKib = () => -Number(database.handle.pragma('cache_size', { simple: true }));
    expect(cacheKib()).toBe(64 * 1024);
    const size = statSync(file).size;
    // Sparse: the file as a joined clinic of 2 GiB would leave it, without writing 2 GiB.
    truncateSync(file, 2048 * MIB);
    database.fitPageCache();
    expect(cacheKib()).toBe(256 * 1024);
    truncateSync(file, size);
    await database.close();
  });
});
