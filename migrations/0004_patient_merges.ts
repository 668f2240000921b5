import type { Migration } from './types';

/**
 * Reversible patient merges. Each row keeps everything needed to undo the merge exactly: the field
 * choices, both patient rows as they were before and after, and every linked row the merge moved
 * or changed (phones, contacts, allergies, alerts, insurance, appointments, documents… any table
 * with a foreign key to patients, found at run time), plus the "not the same person" pairs it rewrote.
 *
 * `patients:merge` lets a role merge, un-merge and run the duplicate finder: admin and manager.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'patient_merges',
  up(db, now) {
    db.exec(`
      CREATE TABLE patient_merges (
        id TEXT PRIMARY KEY,
        survivor_id TEXT NOT NULL REFERENCES patients(id),
        merged_id TEXT NOT NULL REFERENCES patients(id),
        merged_by TEXT REFERENCES users(id),
        merged_at INTEGER NOT NULL,
        -- JSON object: demographic field -> 'survivor' | 'merged'.
        fields TEXT NOT NULL CHECK (json_valid(fields)),
        -- JSON: {survivor:{before,after}, merged:{before,after}, linked:[{table,column,rows}], notDuplicates:{removed,added}}.
        snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
        undone_at INTEGER,
        undone_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK (survivor_id <> merged_id)
      ) STRICT;
      CREATE INDEX patient_merges_survivor ON patient_merges (survivor_id, merged_at);
      CREATE INDEX patient_merges_merged ON patient_merges (merged_id, merged_at);
    `);
    const grant = db.prepare(
      'INSERT INTO role_permissions (role_id, permission, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    for (const role of ['admin', 'manager']) grant.run(role, 'patients:merge', now, now);
  },
};
