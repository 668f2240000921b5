import type { Migration } from './types';

/**
 * Backups made from inside the app: the one schedule (daily at a time of day in the clinic's zone, to a
 * folder, keeping the newest N) and a row per run, so the Backup screen can say when the last one was
 * made, how big it is, whether it verified and, in plain words, what went wrong. The recovery key itself
 * is not here: it is wrapped in `<database>.recovery.json` beside the database (the database is what it
 * must open). `backups:manage` is administrators' only.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'backups_and_recovery',
  up(db, now) {
    db.exec(`
      CREATE TABLE backup_schedule (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        folder TEXT NOT NULL,
        time_of_day TEXT NOT NULL,
        keep INTEGER NOT NULL CHECK (keep BETWEEN 1 AND 365),
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE backup_runs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('manual', 'scheduled')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        local_date TEXT NOT NULL,
        folder TEXT NOT NULL,
        file TEXT,
        size_bytes INTEGER,
        verified INTEGER NOT NULL CHECK (verified IN (0, 1)),
        patients INTEGER,
        appointments INTEGER,
        error TEXT,
        with_recovery_envelope INTEGER NOT NULL CHECK (with_recovery_envelope IN (0, 1)),
        actor_user_id TEXT
      ) STRICT;
      CREATE INDEX backup_runs_started ON backup_runs (started_at);
    `);
    db.prepare(
      "INSERT OR IGNORE INTO role_permissions (role_id, permission, created_at, updated_at) VALUES ('admin', 'backups:manage', ?, ?)",
    ).run(now, now);
  },
};
