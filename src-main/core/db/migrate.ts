import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { migrations as allMigrations, type Migration } from '../../../migrations';
import { DatabaseOpenError } from './errors';

/**
 * Applies pending migrations, each in its own immediate transaction with its version row, so a
 * failure leaves the database at the last complete version. A database made by a newer Front Desk
 * is refused rather than guessed at.
 */
export function migrate(
  handle: BetterSqlite3.Database,
  now: number,
  migrations: readonly Migration[] = allMigrations,
): number {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  // The everyday open: one read says nothing is pending, so no DDL, no statement for the version rows
  // and no second read (the schema check was a table create, a sort of every migration and two reads).
  const found = versionIfRecorded(handle);
  if (found === latest) return latest;
  handle.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT',
  );
  const current = found ?? 0;
  if (current > latest) {
    throw new DatabaseOpenError(
      'TOO_NEW',
      `This database is at schema version ${current}, made by a newer Front Desk; this version knows up to ${latest}. Install the newer version to open it.`,
    );
  }
  const record = handle.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    const apply = handle.transaction(() => {
      migration.up(handle, now);
      record.run(migration.version, migration.name, now);
    });
    try {
      apply.immediate();
    } catch (error) {
      throw new DatabaseOpenError(
        'MIGRATION_FAILED',
        `Migration ${migration.version} (${migration.name}) failed and was rolled back: ${(error as Error).message}`,
        { cause: error },
      );
    }
  }
  return currentVersion(handle);
}

export function currentVersion(handle: BetterSqlite3.Database): number {
  const row = handle.prepare('SELECT max(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  return row.version ?? 0;
}

/** The recorded version, or null before the first migration made `schema_migrations`. */
export function versionIfRecorded(handle: BetterSqlite3.Database): number | null {
  const exists = handle
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
    .get();
  return exists ? currentVersion(handle) : null;
}
