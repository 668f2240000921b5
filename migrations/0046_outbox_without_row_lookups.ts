import type { Migration } from './types';

/**
 * Issue 22: every captured write changed four b-trees of the outbox — the table, `change_id`'s unique
 * index, `sync_changes_row` (table, key) and the pending index — a page each of every commit's log, more
 * where one write captures rows of several tables (a check-in: four rows, ~3.6 pages of `sync_changes_row`
 * and ~1.6 of `change_id`'s index, of ~25). Neither index is needed on the write's path:
 * - `change_id` is looked up only when the server answers a push, and the desk then holds the pushed
 *   changes with their `seq` (src-main/core/sync/client.ts): the answer is recorded by `seq`. A change id
 *   is a fresh UUIDv7 (`sync_change_id()`), unique without an index to enforce it.
 * - `(table_name, key_json)` served the merge, which asks what this desk itself last wrote to a row. That
 *   is now `sync_local_clocks`, this desk's own stamps per row and column ('+' a whole row written, '-'
 *   a delete), folded from the outbox's rows past `sync_state.local_clocks_seq` when a merge first needs
 *   them (src-main/core/sync/local-clocks-repository.ts): once per batch, off the write's path.
 * The outbox keeps its rows, its AUTOINCREMENT and counter (a `seq` is never reused, even after a fold
 * emptied the outbox: `local_clocks_seq` relies on it) and the pending index. The capture triggers name the table: they are dropped here and made again at the next
 * open (src-main/core/sync/capture.ts), as migration 0036 did. Existing rows are folded at the first merge.
 */
export const migration0046: Migration = {
  version: 46,
  name: 'outbox_without_row_lookups',
  up(db) {
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_capture\\_%' ESCAPE '\\'")
      .all() as { name: string }[];
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
    db.exec(`
      CREATE TABLE sync_changes_next (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id TEXT NOT NULL,
        table_name TEXT NOT NULL,
        key_json TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        values_json TEXT NOT NULL,
        hlc TEXT NOT NULL,
        user_id TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'pushed', 'accepted', 'rejected')),
        reject_code TEXT,
        reject_reason TEXT
      ) STRICT;
      INSERT INTO sync_changes_next (seq, change_id, table_name, key_json, op, values_json, hlc, user_id, status, reject_code, reject_reason)
        SELECT seq, change_id, table_name, key_json, op, values_json, hlc, user_id, status, reject_code, reject_reason
        FROM sync_changes ORDER BY seq;
      DELETE FROM sqlite_sequence WHERE name = 'sync_changes_next';
      INSERT INTO sqlite_sequence (name, seq) SELECT 'sync_changes_next', seq FROM sqlite_sequence WHERE name = 'sync_changes';
      DROP TABLE sync_changes;
      ALTER TABLE sync_changes_next RENAME TO sync_changes;
      CREATE INDEX sync_changes_pending ON sync_changes (status, seq) WHERE status IN ('pending', 'pushed');

      CREATE TABLE sync_local_clocks (
        table_name TEXT NOT NULL,
        key_json TEXT NOT NULL,
        column_name TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (table_name, key_json, column_name)
      ) WITHOUT ROWID, STRICT;
      ALTER TABLE sync_state ADD COLUMN local_clocks_seq INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
