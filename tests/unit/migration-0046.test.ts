import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

const databases = migratedDatabases();
afterEach(databases.removeAll);

describe('migration 0046 (the outbox without its row lookups)', () => {
  it('keeps every captured change and its place, never reuses a seq, and drops the two indexes', () => {
    const handle = databases.at(45);
    const insert = handle.prepare(
      `INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc, status) VALUES (?, 'patients', ?, 'upsert', '{"first_name":"Ann"}', ?, ?)`,
    );
    insert.run('c1', '["p1"]', 'h1', 'accepted');
    insert.run('c2', '["p2"]', 'h2', 'pending');
    insert.run('c3', '["p3"]', 'h3', 'pending');
    // The newest change gone (a restarted audit queue drops its own): the counter stays at 3.
    handle.prepare("DELETE FROM sync_changes WHERE change_id = 'c3'").run();
    handle.exec(`CREATE TRIGGER sync_capture_patients_insert AFTER INSERT ON patients BEGIN SELECT 1; END;`);

    migrate(
      handle,
      2_000,
      migrations.filter((m) => m.version <= 46),
    );
    expect(handle.prepare('SELECT seq, change_id, status FROM sync_changes ORDER BY seq').all()).toEqual([
      { seq: 1, change_id: 'c1', status: 'accepted' },
      { seq: 2, change_id: 'c2', status: 'pending' },
    ]);
    insert.run('c4', '["p4"]', 'h4', 'pending');
    expect(handle.prepare("SELECT seq FROM sync_changes WHERE change_id = 'c4'").pluck().get()).toBe(4);
    const indexes = (
      handle.prepare('SELECT name, "unique" FROM pragma_index_list(\'sync_changes\')').all() as {
        name: string;
        unique: number;
      }[]
    ).map((index) => index.name);
    expect(indexes).toEqual(['sync_changes_pending']);
    // The capture triggers go (they are made again at the next open, from the schema).
    expect(handle.prepare("SELECT count(*) FROM sqlite_master WHERE name LIKE 'sync_capture_%'").pluck().get()).toBe(0);
    expect(handle.prepare('SELECT local_clocks_seq FROM sync_state').pluck().get()).toBe(0);
    expect(handle.prepare('SELECT count(*) FROM sync_local_clocks').pluck().get()).toBe(0);
    handle.close();
  });
});
