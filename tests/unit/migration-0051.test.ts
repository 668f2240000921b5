import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

const databases = migratedDatabases();
afterEach(databases.removeAll);

const isWithoutRowid = (sql: string | undefined) => /WITHOUT ROWID/i.test(sql ?? '');

describe('migration 0051 (merge clocks stored once)', () => {
  it('keeps every clock and tombstone, in tables that are their own primary key, and the merge upserts still hold', () => {
    const handle = databases.at(50);
    const clock = handle.prepare(
      'INSERT INTO sync_clocks (table_name, key_json, column_name, hlc) VALUES (?, ?, ?, ?)',
    );
    clock.run('patients', '["p1"]', 'family_name', '000001700000000001:000000:dev-a');
    clock.run('patients', '["p1"]', 'given_name', '000001700000000002:000000:dev-b');
    clock.run('appointments', '["a1"]', '*', '000001700000000003:000001:dev-a');
    handle
      .prepare('INSERT INTO sync_tombstones (table_name, key_json, hlc) VALUES (?, ?, ?)')
      .run('appointments', '["a2"]', '000001700000000004:000000:dev-b');
    const clocksBefore = handle.prepare('SELECT * FROM sync_clocks ORDER BY 1, 2, 3').all();
    const tombstonesBefore = handle.prepare('SELECT * FROM sync_tombstones ORDER BY 1, 2').all();

    migrate(handle, 2_000);

    expect(handle.prepare('SELECT * FROM sync_clocks ORDER BY 1, 2, 3').all()).toEqual(clocksBefore);
    expect(handle.prepare('SELECT * FROM sync_tombstones ORDER BY 1, 2').all()).toEqual(tombstonesBefore);
    const sqlOf = handle.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck();
    expect(isWithoutRowid(sqlOf.get('sync_clocks') as string)).toBe(true);
    expect(isWithoutRowid(sqlOf.get('sync_tombstones') as string)).toBe(true);
    // No second b-tree: the key is the table.
    expect(
      handle
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('sync_clocks', 'sync_tombstones')",
        )
        .all(),
    ).toEqual([]);
    // The merge's upsert (apply-repository.ts) still keeps the newer stamp and refuses an older one.
    const upsert = handle.prepare(
      'INSERT INTO sync_clocks (table_name, key_json, column_name, hlc) VALUES (?, ?, ?, ?) ON CONFLICT (table_name, key_json, column_name) DO UPDATE SET hlc = excluded.hlc WHERE excluded.hlc > sync_clocks.hlc',
    );
    upsert.run('patients', '["p1"]', 'family_name', '000001600000000000:000000:dev-c');
    upsert.run('patients', '["p1"]', 'given_name', '000001800000000000:000000:dev-c');
    expect(
      handle.prepare('SELECT column_name, hlc FROM sync_clocks WHERE key_json = \'["p1"]\' ORDER BY 1').all(),
    ).toEqual([
      { column_name: 'family_name', hlc: '000001700000000001:000000:dev-a' },
      { column_name: 'given_name', hlc: '000001800000000000:000000:dev-c' },
    ]);
  });
});
