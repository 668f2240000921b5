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
 *
 * Documents' bytes leave their record row: `patient_documents.content` moves to `document_contents`,
 * keyed by the file's SHA-256 (the row keeps its `sha256` and `size_bytes`), so the row syncs as any record
 * and the bytes travel in chunks of their own (src-main/core/sync/files*.ts). A row whose bytes are not
 * here yet is a document still arriving. `uploaded_at` is when the server confirmed it holds the whole
 * file. `document_chunks_in` keeps the chunks of a file being downloaded, each saved as it arrives, so a
 * cut download resumes from them. The capture triggers of `patient_documents` name the old column: they
 * are dropped here and made again, without it, at the next open; the outbox's waiting changes and the
 * column clocks forget it too (the server's migration 0006 does the same with its rows and log).
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

      CREATE TABLE document_contents (
        sha256 TEXT PRIMARY KEY,
        size_bytes INTEGER NOT NULL CHECK (size_bytes > 0),
        content BLOB NOT NULL,
        uploaded_at INTEGER
      ) STRICT;
      INSERT OR IGNORE INTO document_contents (sha256, size_bytes, content)
        SELECT sha256, size_bytes, content FROM patient_documents ORDER BY created_at;

      CREATE TABLE document_chunks_in (
        hash TEXT PRIMARY KEY,
        content BLOB NOT NULL,
        received_at INTEGER NOT NULL
      ) STRICT;
    `);
    const triggers = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'patient_documents'")
      .all() as { name: string }[];
    for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
    db.exec(`
      ALTER TABLE patient_documents DROP COLUMN content;
      UPDATE sync_changes SET values_json = json_remove(values_json, '$.content')
        WHERE table_name = 'patient_documents' AND values_json IS NOT NULL;
      DELETE FROM sync_clocks WHERE table_name = 'patient_documents' AND column_name = 'content';
      UPDATE sync_apply_problems SET change_json = json_remove(change_json, '$.values.content')
        WHERE json_extract(change_json, '$.table') = 'patient_documents';
    `);
  },
};
