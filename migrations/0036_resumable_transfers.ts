import type { Migration } from './types';

/**
 * Transfers that resume after a drop (issue 17).
 *
 * The snapshot a new desk (or one away longer than the server keeps history) downloads is staged in
 * `sync_snapshot_stage`, a table of the database file rather than the TEMP table it was: a desk stopped
 * mid-download keeps the pages it has. `sync_snapshot_progress` (one row) holds where the download is —
 * the snapshot's cursor (the first page's), the next page's position and the count so far — written in
 * the same transaction as each page's rows, so the position never runs ahead of or behind what is staged.
 * Both are this desk's own (local tables) and are emptied when the staged snapshot is merged.
 */
export const migration0036: Migration = {
  version: 36,
  name: 'resumable_transfers',
  up(db) {
    db.exec(`
      CREATE TABLE sync_snapshot_stage (
        n INTEGER PRIMARY KEY,
        table_name TEXT NOT NULL,
        key_json TEXT NOT NULL,
        row_json TEXT NOT NULL
      ) STRICT;
      CREATE INDEX sync_snapshot_stage_table ON sync_snapshot_stage (table_name, n);

      CREATE TABLE sync_snapshot_progress (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        clinic_id TEXT NOT NULL,
        cursor TEXT NOT NULL,
        next_table TEXT,
        next_key TEXT,
        complete INTEGER NOT NULL CHECK (complete IN (0, 1)),
        pages INTEGER NOT NULL,
        rows INTEGER NOT NULL,
        server_time INTEGER,
        started_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
    `);
  },
};
