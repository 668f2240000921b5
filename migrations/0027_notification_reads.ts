import type { Migration } from './types';

/**
 * Staff notifications (issue 20): the bell. What a notification says is derived at read time from the rows
 * it is about (an open task, a failed reminder, a stock alert, an open conflict), so nothing here copies
 * them; only each person's read marks are stored.
 *
 * `notification_reads`: one row per person and notification key ("task:<id>", "conflict:<id>"…). Its id is
 * derived from the pair (src-main/core/notifications/read-repository.ts), so two desks marking the same
 * notification read make one row when they sync, and a person's marks follow them to another desk. A mark
 * is never unset: the row is only inserted.
 *
 * `notification_preferences`: per person and kind, whether the bell shows that kind (a row only once
 * someone turned a kind off or back on; none means shown). Its id is derived from (person, kind) the same way.
 */
export const migration0027: Migration = {
  version: 27,
  name: 'notification_reads',
  up(db) {
    db.exec(`
      CREATE TABLE notification_reads (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        key TEXT NOT NULL CHECK (length(key) BETWEEN 1 AND 200),
        read_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX notification_reads_user ON notification_reads (user_id, key);

      CREATE TABLE notification_preferences (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id),
        kind TEXT NOT NULL CHECK (kind IN ('task_assigned', 'task_overdue', 'reminder_failed', 'stock_alert', 'conflict')),
        on_screen INTEGER NOT NULL CHECK (on_screen IN (0, 1)),
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX notification_preferences_user ON notification_preferences (user_id);
    `);
  },
};
