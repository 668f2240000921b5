import type { Migration } from './types';

/**
 * Two more kinds on the bell (issue 20): a referral past its target and a stock lot expiring. A person's
 * per-kind preference names its kind under a CHECK, which SQLite cannot widen in place: the table is
 * rebuilt with the wider list and its rows copied (the sync capture triggers are installed again
 * after migrations, src-main/core/sync/capture.ts).
 */
export const migration0030: Migration = {
  version: 30,
  name: 'notification_kinds',
  up(db) {
    db.exec(`
      CREATE TABLE notification_preferences_new (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL CHECK (kind IN ('task_assigned', 'task_overdue', 'reminder_failed', 'stock_alert',
          'stock_expiring', 'referral_overdue', 'conflict')),
        on_screen INTEGER NOT NULL CHECK (on_screen IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      INSERT INTO notification_preferences_new SELECT id, user_id, kind, on_screen, created_at, updated_at
        FROM notification_preferences;
      DROP TABLE notification_preferences;
      ALTER TABLE notification_preferences_new RENAME TO notification_preferences;
      CREATE INDEX notification_preferences_user ON notification_preferences (user_id);
    `);
  },
};
