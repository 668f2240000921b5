import type { Migration } from './types';

/** Documents live inside the encrypted database: no plain file ever holds a scanned card or letter. */
export const migration0005: Migration = {
  version: 5,
  name: 'patient_documents',
  up(db) {
    db.exec(`
      CREATE TABLE patient_documents (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        kind TEXT NOT NULL CHECK (kind IN ('id_card', 'insurance_card', 'referral', 'consent', 'photo', 'other')),
        title TEXT NOT NULL,
        file_name TEXT NOT NULL,
        mime_type TEXT NOT NULL CHECK (mime_type IN ('application/pdf', 'image/png', 'image/jpeg')),
        size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
        sha256 TEXT NOT NULL,
        content BLOB NOT NULL,
        uploaded_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX patient_documents_patient ON patient_documents (patient_id, created_at);

      CREATE TABLE patient_consents (
        id TEXT PRIMARY KEY,
        patient_id TEXT NOT NULL REFERENCES patients(id),
        kind TEXT NOT NULL CHECK (kind IN ('treatment', 'privacy', 'sms_reminders', 'email_reminders', 'research', 'other')),
        given_on TEXT NOT NULL,
        expires_on TEXT,
        recorded_by TEXT REFERENCES users(id),
        document_id TEXT REFERENCES patient_documents(id),
        notes TEXT,
        revoked_at INTEGER,
        revoked_by TEXT REFERENCES users(id),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      ) STRICT;
      CREATE INDEX patient_consents_patient ON patient_consents (patient_id, given_on);
    `);
  },
};
