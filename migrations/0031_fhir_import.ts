import type { Migration } from './types';

/**
 * FHIR import (issue 21). `fhir_import_links` remembers, for every resource a file brought in, which row
 * it became: importing the same file again finds each resource here and changes nothing (idempotent), and
 * a changed resource updates its row instead of making a second one.
 *
 * `source_key` is how the file names the resource: the resource type with the first business identifier
 * (`Patient|system|value`) when it has one, else its logical id (`Patient/123`). Its `id` is derived from
 * `source_key`, so two desks importing the same file make one row each resource when they sync.
 * `content_hash` is the SHA-256 of the resource as read, to tell "unchanged" from "updated".
 *
 * Permission: administrators import (`interop:import`); a file can create hundreds of patients at once.
 */
export const migration0031: Migration = {
  version: 31,
  name: 'fhir_import',
  up(db, now) {
    db.exec(`
      CREATE TABLE fhir_import_links (
        id TEXT PRIMARY KEY,
        source_key TEXT NOT NULL UNIQUE CHECK (length(source_key) BETWEEN 1 AND 600),
        resource_type TEXT NOT NULL CHECK (length(resource_type) BETWEEN 1 AND 64),
        local_table TEXT NOT NULL CHECK (length(local_table) BETWEEN 1 AND 64),
        local_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX fhir_import_links_local ON fhir_import_links (local_table, local_id);
    `);
    db.prepare(
      'INSERT OR IGNORE INTO role_permissions (role_id, permission, created_at, updated_at) VALUES (?, ?, ?, ?)',
    ).run('admin', 'interop:import', now, now);
  },
};
