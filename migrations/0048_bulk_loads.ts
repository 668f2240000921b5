import type { Migration } from './types';

/**
 * A new desk's snapshot merge builds a big table's indexes once, after its rows (issue 17).
 *
 * Merging a snapshot into a table this desk has nothing of, each step of 20,000 rows dirtied most leaf
 * pages of every secondary index the table has (the rows arrive in key order, their provider, patient
 * and day do not), and the indexes grow with the clinic, so the merge grew faster than the rows (the
 * full-size join: 1,251 s merging 6.9 M rows). `sync_bulk_loads` records, per table, the indexes the
 * merge dropped before the table's first rows (`index_sql`, a JSON array of their CREATE statements),
 * in the same transaction as the drop. When the table's rows are in, the indexes are made again from
 * it and `replayed_rowid` starts at 0: the caches and conflict checks that ask of the table's rows
 * (held back while its indexes were gone) then read them back page by page, past `replayed_rowid`.
 * A desk stopped while indexes are gone makes them again at its next open (db/open.ts), before
 * anything reads. The row goes when the replay is done. Local to this desk; it never syncs.
 */
export const migration0048: Migration = {
  version: 48,
  name: 'bulk_loads',
  up(db) {
    db.exec(`
      CREATE TABLE sync_bulk_loads (
        table_name TEXT PRIMARY KEY,
        index_sql TEXT NOT NULL,
        replayed_rowid INTEGER
      ) STRICT;
    `);
  },
};
