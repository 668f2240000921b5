import type { Migration } from './types';

/**
 * Issue 22: every write's commit carried three pages of b-trees no write reads. Each commit writes to the
 * log every page it changed (encrypted, then synced to disk), and a vitals save changed nine: the
 * vitals row and its three indexes, and five of the machinery around it. Three of those go here:
 * - `audit_log`'s `UNIQUE` on `id`: nothing looks an entry up by its id (entries are read by `seq` and
 *   through `audit_lookup`), and an id is a fresh UUIDv7, unique without an index to enforce it. SQLite
 *   cannot drop a constraint's index, so the table is copied without it, every entry as it was (seq,
 *   hashes and links unchanged: the chain and its checkpoint still verify), its two guards made again.
 * - `sync_changes_pending`: the changes waiting to be pushed are found past `sync_state.
 *   outbox_settled_seq` instead, the last seq up to which every change is answered (accepted or
 *   rejected), moved on when the server's answers are recorded (src-main/core/sync/repository.ts).
 *   Changes are answered in the order they were pushed, so what waits is the outbox's tail, a range of
 *   its rowid.
 * - `sqlite_sequence`'s row for the outbox: AUTOINCREMENT kept a `seq` from ever being used twice by
 *   writing its counter at every captured change. Without it SQLite gives a new change the outbox's
 *   largest `seq` plus one, so a `seq` can only come back after the outbox's newest changes were deleted;
 *   the three places that delete from it (a fold, a snapshot's requeue, a restarted audit queue) bring
 *   `outbox_settled_seq` and `local_clocks_seq` back to the largest `seq` left (`clampOutboxMarks`), so
 *   a change written later is always past both marks. The table is copied without AUTOINCREMENT; its
 *   capture triggers name it and are dropped here, made again at the next open (as migration 0046 did).
 */
export const migration0050: Migration = {
  version: 50,
  name: 'write_path_pages',
  up(db) {
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'sync\\_capture\\_%' ESCAPE '\\'")
      .all() as { name: string }[];
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
    db.exec(`
      CREATE TABLE sync_changes_next (
        seq INTEGER PRIMARY KEY,
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
      DROP TABLE sync_changes;
      ALTER TABLE sync_changes_next RENAME TO sync_changes;
      DELETE FROM sqlite_sequence WHERE name IN ('sync_changes', 'sync_changes_next');

      ALTER TABLE sync_state ADD COLUMN outbox_settled_seq INTEGER NOT NULL DEFAULT 0;
      UPDATE sync_state SET
        outbox_settled_seq = coalesce(
          (SELECT min(seq) - 1 FROM sync_changes WHERE status IN ('pending', 'pushed')),
          (SELECT max(seq) FROM sync_changes),
          0),
        local_clocks_seq = min(local_clocks_seq, coalesce((SELECT max(seq) FROM sync_changes), 0));

      DROP TRIGGER audit_log_no_update;
      DROP TRIGGER audit_log_no_delete;
      CREATE TABLE audit_log_next (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        actor_user_id TEXT,
        actor_username TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        details TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        link TEXT
      ) STRICT;
      INSERT INTO audit_log_next (seq, id, created_at, actor_user_id, actor_username, action, target_type, target_id,
          outcome, details, prev_hash, hash, link)
        SELECT seq, id, created_at, actor_user_id, actor_username, action, target_type, target_id,
          outcome, details, prev_hash, hash, link
        FROM audit_log ORDER BY seq;
      DROP TABLE audit_log;
      ALTER TABLE audit_log_next RENAME TO audit_log;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `);
  },
};
