import { randomUUID } from 'node:crypto';
import type { Migration } from './types';

/**
 * The desk's side of sync (issue 17), all local to this desk:
 * - `sync_state`: this desk's identity (a device id made here, once per database), its enrolment, its
 *   hybrid logical clock and its place in the server's log;
 * - `sync_changes`: the outbox, one row per captured write (filled by triggers, see src-main/core/sync);
 * - `sync_clocks`: for record tables, the stamp of the remote write that last won each column;
 * - `sync_tombstones`: deleted rows, so an older edit arriving later never brings one back;
 * - `sync_apply_problems`: remote changes this desk could not apply (a table rule refused, or what they
 *   depend on has not arrived yet), kept and retried rather than stalling the ones behind them.
 */
export const migration0020: Migration = {
  version: 20,
  name: 'sync',
  up(db, now) {
    db.exec(`
      CREATE TABLE sync_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        device_id TEXT NOT NULL,
        clinic_id TEXT,
        server_url TEXT,
        device_secret TEXT,
        hlc_wall INTEGER NOT NULL CHECK (hlc_wall >= 0),
        hlc_counter INTEGER NOT NULL CHECK (hlc_counter BETWEEN 0 AND 999999),
        pull_cursor TEXT,
        last_synced_at INTEGER,
        last_error TEXT,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE sync_changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id TEXT NOT NULL UNIQUE,
        table_name TEXT NOT NULL,
        key_json TEXT NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
        values_json TEXT NOT NULL,
        hlc TEXT NOT NULL,
        user_id TEXT,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'pushed', 'accepted', 'rejected')),
        reject_code TEXT,
        reject_reason TEXT
      ) STRICT;
      CREATE INDEX sync_changes_row ON sync_changes (table_name, key_json);
      CREATE INDEX sync_changes_pending ON sync_changes (status, seq) WHERE status IN ('pending', 'pushed');
      CREATE TABLE sync_clocks (
        table_name TEXT NOT NULL,
        key_json TEXT NOT NULL,
        column_name TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (table_name, key_json, column_name)
      ) STRICT;
      CREATE TABLE sync_tombstones (
        table_name TEXT NOT NULL,
        key_json TEXT NOT NULL,
        hlc TEXT NOT NULL,
        PRIMARY KEY (table_name, key_json)
      ) STRICT;
      CREATE TABLE sync_apply_problems (
        change_id TEXT PRIMARY KEY,
        change_json TEXT NOT NULL,
        hlc TEXT NOT NULL,
        reason TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        first_at INTEGER NOT NULL,
        last_at INTEGER NOT NULL
      ) STRICT;
    `);
    db.prepare('INSERT INTO sync_state (id, device_id, hlc_wall, hlc_counter, updated_at) VALUES (1, ?, 0, 0, ?)').run(
      randomUUID(),
      now,
    );
  },
};
