import type { Migration } from './types';

/**
 * Numbers people read across desks, and the conflicts inbox (issue 17).
 *
 * - `sync_state.desk_code`: the short code the sync server gave this desk at enrolment (A, B, … Z, AA …),
 *   unique in its clinic and never reused. NULL on a desk that never enrolled (numbering as before).
 * - `mrn_series` (local): an enrolled desk's own MRN counter per prefix (clinic prefix + desk code), so
 *   two desks offline never hand out the same MRN; it only goes up.
 * - `sync_conflicts` (synced record): what no merge rule can judge, found after applying other desks'
 *   changes (a double booking, a likely duplicate patient, a lot below zero, a payment into a closed
 *   drawer). Its id is derived from what it is about, so two desks finding the same one make one row.
 * - `sync_conflict_resolutions` (synced ledger): who resolved a conflict, when, and why. Insert-only, so
 *   a resolution, once anywhere, is everywhere and is never undone by a later copy of the conflict.
 * - The unique indexes on an appointment's provider or room and start go: two desks offline booking the
 *   same slot must both be kept when they merge (an acknowledged write is never lost) and the double
 *   booking goes to the inbox. On one desk the booking rules still refuse it: they read and write in one
 *   BEGIN IMMEDIATE transaction, so two bookings of the database never interleave. The non-unique
 *   time indexes of migration 0003 serve the same look-ups.
 */
export const migration0022: Migration = {
  version: 22,
  name: 'desk_numbers_and_conflicts',
  up(db) {
    db.exec(`
      DROP INDEX appointments_provider_start;
      DROP INDEX appointments_room_start;

      ALTER TABLE sync_state ADD COLUMN desk_code TEXT
        CHECK (desk_code IS NULL OR (length(desk_code) BETWEEN 1 AND 4 AND desk_code NOT GLOB '*[^A-Z]*'));

      CREATE TABLE mrn_series (
        prefix TEXT PRIMARY KEY,
        next_number INTEGER NOT NULL CHECK (next_number >= 1),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TRIGGER mrn_series_up BEFORE UPDATE ON mrn_series WHEN NEW.next_number < OLD.next_number
      BEGIN SELECT RAISE(ABORT, 'medical record numbers are never reused'); END;
      CREATE TRIGGER mrn_series_no_delete BEFORE DELETE ON mrn_series
      BEGIN SELECT RAISE(ABORT, 'medical record numbers are never reused'); END;

      CREATE TABLE sync_conflicts (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('double_booking', 'duplicate_patient', 'negative_stock', 'closed_drawer_payment')),
        -- What clashes, comma-separated: provider, room, patient (a double booking); empty otherwise.
        reasons TEXT NOT NULL DEFAULT '' CHECK (length(reasons) <= 100),
        first_type TEXT NOT NULL CHECK (first_type IN ('appointment', 'patient', 'stock_lot', 'payment')),
        first_id TEXT NOT NULL,
        second_type TEXT NOT NULL CHECK (second_type IN ('appointment', 'patient', 'stock_location', 'drawer')),
        second_id TEXT NOT NULL,
        patient_id TEXT,
        second_patient_id TEXT,
        -- A lot's merged balance when found (negative_stock).
        amount INTEGER,
        detected_at INTEGER NOT NULL,
        detected_by_device TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sync_conflicts_first ON sync_conflicts (first_id);
      CREATE INDEX sync_conflicts_second ON sync_conflicts (second_id);
      CREATE INDEX sync_conflicts_patient ON sync_conflicts (patient_id);
      CREATE INDEX sync_conflicts_second_patient ON sync_conflicts (second_patient_id);

      CREATE TABLE sync_conflict_resolutions (
        id TEXT PRIMARY KEY,
        conflict_id TEXT NOT NULL REFERENCES sync_conflicts(id),
        note TEXT NOT NULL CHECK (length(note) BETWEEN 1 AND 500),
        resolved_at INTEGER NOT NULL,
        resolved_by TEXT REFERENCES users(id),
        resolved_by_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX sync_conflict_resolutions_conflict ON sync_conflict_resolutions (conflict_id);
      CREATE TRIGGER sync_conflict_resolutions_no_update BEFORE UPDATE ON sync_conflict_resolutions
      BEGIN SELECT RAISE(ABORT, 'sync_conflict_resolutions is append-only'); END;
      CREATE TRIGGER sync_conflict_resolutions_no_delete BEFORE DELETE ON sync_conflict_resolutions
      BEGIN SELECT RAISE(ABORT, 'sync_conflict_resolutions is append-only'); END;
    `);
  },
};
