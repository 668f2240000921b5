import type { Migration } from './types';

/**
 * Issue 17: a new desk starts from the clinic's copy (src-main/core/sync/seed-file-repository.ts), and
 * the merge clocks were 28 % of that copy: a rowid table keeps each clock twice, once in the table and
 * once in the index of its primary key (table, row, column), which is the only way clocks are read. As
 * a WITHOUT ROWID table the primary key is the table: each clock stored once, the copy smaller, and a
 * remote change's clock written into one b-tree instead of two. Tombstones are read the same way and
 * change the same way. Every clock and tombstone is copied as it was.
 */
export const migration0051: Migration = {
  version: 51,
  name: 'clocks_without_rowid',
  up(db) {
    db.exec(`
      CREATE TABLE sync_clocks_next (
        table_name TEXT NOT NULL,
        key_json TEXT NOT NULL,
        column_name TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (table_name, key_json, column_name)
      ) WITHOUT ROWID, STRICT;
      INSERT INTO sync_clocks_next (table_name, key_json, column_name, hlc)
        SELECT table_name, key_json, column_name, hlc FROM sync_clocks ORDER BY table_name, key_json, column_name;
      DROP TABLE sync_clocks;
      ALTER TABLE sync_clocks_next RENAME TO sync_clocks;

      CREATE TABLE sync_tombstones_next (
        table_name TEXT NOT NULL,
        key_json TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (table_name, key_json)
      ) WITHOUT ROWID, STRICT;
      INSERT INTO sync_tombstones_next (table_name, key_json, hlc)
        SELECT table_name, key_json, hlc FROM sync_tombstones ORDER BY table_name, key_json;
      DROP TABLE sync_tombstones;
      ALTER TABLE sync_tombstones_next RENAME TO sync_tombstones;
    `);
  },
};
