import type { Migration } from './types';

/**
 * An appointment's reason, notes and meeting link can be changed after booking, and the history keeps
 * that too: the action 'details'. SQLite cannot change a CHECK in place, so the table is rebuilt with
 * the same rows, index and append-only triggers.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'appointment_details_history',
  up(db) {
    db.exec(`
      DROP TRIGGER appointment_history_no_update;
      DROP TRIGGER appointment_history_no_delete;
      CREATE TABLE appointment_history_next (
        id TEXT PRIMARY KEY,
        appointment_id TEXT NOT NULL REFERENCES appointments(id),
        at INTEGER NOT NULL,
        user_id TEXT REFERENCES users(id),
        username TEXT,
        action TEXT NOT NULL CHECK (action IN ('booked', 'moved', 'cancelled', 'status', 'details')),
        -- JSON object {field: {"from": ..., "to": ...}} (for 'booked': the values booked).
        changes TEXT NOT NULL CHECK (json_valid(changes)),
        override_reason TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO appointment_history_next (id, appointment_id, at, user_id, username, action, changes, override_reason, created_at, updated_at)
        SELECT id, appointment_id, at, user_id, username, action, changes, override_reason, created_at, updated_at FROM appointment_history;
      DROP TABLE appointment_history;
      ALTER TABLE appointment_history_next RENAME TO appointment_history;
      CREATE INDEX appointment_history_appointment ON appointment_history (appointment_id, at);
      CREATE TRIGGER appointment_history_no_update BEFORE UPDATE ON appointment_history
      BEGIN SELECT RAISE(ABORT, 'appointment_history is append-only'); END;
      CREATE TRIGGER appointment_history_no_delete BEFORE DELETE ON appointment_history
      BEGIN SELECT RAISE(ABORT, 'appointment_history is append-only'); END;
    `);
  },
};
