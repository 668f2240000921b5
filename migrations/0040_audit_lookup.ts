import type { Migration } from './types';

/**
 * Issue 22: every write (and every audited read) appended one audit entry and so changed six b-trees
 * of `audit_log` — the table, `id`'s unique index and four lookup indexes — each a page written to the
 * log and synced to disk at its commit: a quarter of a booking's pages. The four lookup indexes move to
 * `audit_lookup`, a copy of the columns people filter by, filled from the log in batches off the
 * write's path (src-main/core/audit/lookup-repository.ts): at the hosts' idle checkpoint, and in a write
 * once the unfilled tail reaches its limit. Readers take the tail (entries past the lookup's last seq)
 * straight from the log, so nothing written is ever missing from a list. Insert-only, like the log.
 */
export const migration0040: Migration = {
  version: 40,
  name: 'audit_lookup',
  up(db) {
    db.exec(`
      CREATE TABLE audit_lookup (
        seq INTEGER PRIMARY KEY,
        created_at INTEGER NOT NULL,
        actor_username TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        outcome TEXT NOT NULL
      ) STRICT;
      INSERT INTO audit_lookup (seq, created_at, actor_username, action, target_type, target_id, outcome)
        SELECT seq, created_at, actor_username, action, target_type, target_id, outcome FROM audit_log ORDER BY seq;
      CREATE INDEX audit_lookup_created_at ON audit_lookup (created_at);
      CREATE INDEX audit_lookup_actor ON audit_lookup (actor_username, seq);
      CREATE INDEX audit_lookup_action ON audit_lookup (action, seq);
      CREATE INDEX audit_lookup_target ON audit_lookup (target_type, target_id, seq);
      CREATE TRIGGER audit_lookup_no_update BEFORE UPDATE ON audit_lookup
        BEGIN SELECT RAISE(ABORT, 'audit_lookup is append-only'); END;
      CREATE TRIGGER audit_lookup_no_delete BEFORE DELETE ON audit_lookup
        BEGIN SELECT RAISE(ABORT, 'audit_lookup is append-only'); END;
      DROP INDEX audit_log_created_at;
      DROP INDEX audit_log_actor;
      DROP INDEX audit_log_action;
      DROP INDEX audit_log_target;
    `);
  },
};
