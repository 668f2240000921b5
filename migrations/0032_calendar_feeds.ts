import type { Migration } from './types';

/**
 * Calendar feeds (issue 21): a provider's appointments as an iCalendar subscription served by this
 * computer. Each provider has at most one live token; only its SHA-256 is kept (the token is shown once,
 * in the address), and revoking stamps `revoked_at`. Local to the desk that serves it. The clinic decides
 * whether feeds name patients (off: "Booked" and the appointment type only).
 */
export const migration0032: Migration = {
  version: 32,
  name: 'calendar_feeds',
  up(db) {
    db.exec(`
      CREATE TABLE calendar_feed_tokens (
        id TEXT PRIMARY KEY,
        provider_id TEXT NOT NULL REFERENCES providers(id),
        token_hash TEXT NOT NULL UNIQUE,
        created_by TEXT,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER
      ) STRICT;
      CREATE UNIQUE INDEX calendar_feed_tokens_live ON calendar_feed_tokens(provider_id) WHERE revoked_at IS NULL;
      ALTER TABLE clinic_settings ADD COLUMN calendar_feed_patient_names INTEGER NOT NULL DEFAULT 0
        CHECK (calendar_feed_patient_names IN (0, 1));
    `);
  },
};
