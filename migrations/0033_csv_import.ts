import type { Migration } from './types';

/**
 * CSV import with a mapping (issue 21). `csv_import_mappings` remembers, per source ("OpenEMR", "Cliniko
 * export") and target (patients, appointments), which column fills which field and the date format and
 * encoding chosen, so the next file from the same system opens already mapped.
 *
 * Synced, not local: a clinic moves in once, often from two desks in turn, and the mapping describes the
 * other system's files, not this computer. Its `id` is derived from (source, target), so two desks saving
 * a mapping for the same source make one row and the later edit wins per column.
 *
 * Which rows were imported is kept in `fhir_import_links` (migration 0031) under `csv|target|source|…`
 * keys, so re-importing the same file is a no-op by the same mechanism as FHIR.
 */
export const migration0033: Migration = {
  version: 33,
  name: 'csv_import',
  up(db) {
    db.exec(`
      CREATE TABLE csv_import_mappings (
        id TEXT PRIMARY KEY,
        source_name TEXT NOT NULL CHECK (length(source_name) BETWEEN 1 AND 80),
        target TEXT NOT NULL CHECK (target IN ('patients', 'appointments')),
        mapping TEXT NOT NULL CHECK (json_valid(mapping)),
        date_format TEXT NOT NULL,
        encoding TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (source_name, target)
      ) STRICT;
    `);
  },
};
