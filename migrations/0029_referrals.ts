import type { Migration } from './types';

/**
 * Referrals (issue 20): letters in from another provider and out to another clinic.
 *
 * - `referral_settings`: one row, the target days from the letter to an appointment per urgency.
 * - `referrers`: the directory of referring providers and their organisations, picked from when a letter
 *   is recorded (and, for a letter out, the clinic it goes to). Soft-deleted, never removed: referrals name them.
 * - `referrals`: a record (its status moves). `direction` decides which statuses it may take (CHECK);
 *   the letter is a patient document (kind "referral"); `appointment_id` is the booking a referral in
 *   was booked with. The status columns are tied together by CHECKs, so they travel as one sync
 *   column group (src-shared/sync/tables.ts COLUMN_GROUPS).
 *
 * Permissions: receptionists own referrals and managers and administrators see them all (`referrals:manage`).
 */
const GRANTS: Record<string, string[]> = {
  admin: ['referrals:manage'],
  manager: ['referrals:manage'],
  receptionist: ['referrals:manage'],
};

export const migration0029: Migration = {
  version: 29,
  name: 'referrals',
  up(db, now) {
    db.exec(`
      CREATE TABLE referral_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        urgent_days INTEGER NOT NULL DEFAULT 3 CHECK (urgent_days BETWEEN 0 AND 365),
        soon_days INTEGER NOT NULL DEFAULT 14 CHECK (soon_days BETWEEN 0 AND 365),
        routine_days INTEGER NOT NULL DEFAULT 42 CHECK (routine_days BETWEEN 0 AND 365),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE referrers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
        organisation TEXT,
        phone TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;

      CREATE TABLE referrals (
        id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        -- The clinic date (YYYY-MM-DD) the letter was received (in) or sent (out).
        letter_on TEXT NOT NULL,
        referrer_id TEXT NOT NULL REFERENCES referrers(id),
        patient_id TEXT NOT NULL REFERENCES patients(id),
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        urgency TEXT NOT NULL CHECK (urgency IN ('urgent', 'soon', 'routine')),
        appointment_type_id TEXT REFERENCES appointment_types(id),
        letter_document_id TEXT REFERENCES patient_documents(id),
        status TEXT NOT NULL,
        appointment_id TEXT REFERENCES appointments(id),
        decline_reason TEXT,
        status_at INTEGER NOT NULL,
        status_by TEXT REFERENCES users(id),
        status_by_name TEXT,
        created_by TEXT REFERENCES users(id),
        created_by_name TEXT,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER,
        CHECK ((direction = 'in' AND status IN ('received', 'triaged', 'booked', 'seen', 'closed', 'declined'))
            OR (direction = 'out' AND status IN ('sent', 'acknowledged', 'seen', 'closed', 'declined'))),
        CHECK ((status = 'declined') = (decline_reason IS NOT NULL)),
        CHECK (status <> 'booked' OR appointment_id IS NOT NULL)
      ) STRICT;
      CREATE INDEX referrals_open ON referrals (direction, status) WHERE deleted_at IS NULL;
      CREATE INDEX referrals_patient ON referrals (patient_id);
      CREATE INDEX referrals_appointment ON referrals (appointment_id) WHERE appointment_id IS NOT NULL;
    `);
    db.prepare('INSERT INTO referral_settings (id, created_at, updated_at) VALUES (1, ?, ?)').run(now, now);
    const grant = db.prepare(
      'INSERT OR IGNORE INTO role_permissions (role_id, permission, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    for (const [role, permissions] of Object.entries(GRANTS)) {
      for (const permission of permissions) grant.run(role, permission, now, now);
    }
  },
};
