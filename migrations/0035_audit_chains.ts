import { entryLink } from '../src-main/core/audit/chain';
import { GENESIS } from '../src-shared/audit/device-chain';
import type { Migration } from './types';

interface Row {
  seq: number;
  id: string;
  created_at: number;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  details: string | null;
  hash: string;
}

/**
 * The audit log travels per device (issue 17). `audit_log` stays this desk's own chain; each entry gains
 * `link`, the unkeyed SHA-256 link any holder can check (src-shared/audit/device-chain.ts), computed here
 * for the entries already written. `audit_chains` holds the other devices' chains as they arrive: a
 * ledger keyed (device, seq), so two different entries at one place of a chain can never both exist.
 * Its rows are never updated; they are deleted only by the sync machinery with capture off (a desk
 * joining a clinic empties the synced tables before the clinic's rows arrive).
 */
export const migration0035: Migration = {
  version: 35,
  name: 'audit_chains',
  up(db) {
    db.exec('ALTER TABLE audit_log ADD COLUMN link TEXT');
    const rows = db
      .prepare(
        'SELECT seq, id, created_at, actor_user_id, actor_username, action, target_type, target_id, outcome, details, hash FROM audit_log ORDER BY seq',
      )
      .all() as Row[];
    if (rows.length > 0) {
      db.exec('DROP TRIGGER audit_log_no_update');
      const update = db.prepare('UPDATE audit_log SET link = ? WHERE seq = ?');
      let prevLink = GENESIS;
      for (const row of rows) {
        prevLink = entryLink(prevLink, row);
        update.run(prevLink, row.seq);
      }
      db.exec(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
    }
    // How far this desk's own chain has been queued for the server (sync/audit-queue.ts).
    db.exec('ALTER TABLE sync_state ADD COLUMN audit_queued_seq INTEGER NOT NULL DEFAULT 0');
    db.exec(`
      CREATE TABLE audit_chains (
        device_id TEXT NOT NULL,
        seq INTEGER NOT NULL CHECK (seq >= 1),
        id TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        actor_user_id TEXT,
        actor_username TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        outcome TEXT NOT NULL,
        details TEXT,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        link TEXT NOT NULL,
        PRIMARY KEY (device_id, seq)
      ) STRICT;
      CREATE TRIGGER audit_chains_no_update BEFORE UPDATE ON audit_chains
      BEGIN SELECT RAISE(ABORT, 'audit_chains is append-only'); END;
      CREATE TRIGGER audit_chains_no_delete BEFORE DELETE ON audit_chains WHEN sync_capturing()
      BEGIN SELECT RAISE(ABORT, 'audit_chains is append-only'); END;
    `);
  },
};
