import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { migrations } from '../../migrations';
import { migrate } from '../../src-main/core/db/migrate';
import { openEncryptedHandle } from '../../src-main/core/db/open';
import { tempFolder, type TempFolder } from './temp-core';

/**
 * New encrypted databases stopped at a migration, for a test of the migrations after it: make one with
 * `at(version)`, fill it as a clinic on that version would be, then run `migrate(handle, ...)` for the
 * rest. `removeAll` (in afterEach) deletes their folders; the test closes its handles.
 */
export function migratedDatabases(): {
  at: (version: number) => BetterSqlite3.Database;
  removeAll: () => void;
} {
  const folders: TempFolder[] = [];
  return {
    at: (version) => {
      const made = tempFolder();
      folders.push(made);
      const handle = openEncryptedHandle({ file: made.file, key: made.key, create: true });
      migrate(
        handle,
        1_000,
        migrations.filter((m) => m.version <= version),
      );
      return handle;
    },
    removeAll: () => folders.splice(0).forEach((folder) => folder.remove()),
  };
}
