import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openEncryptedHandle } from '../../src-main/core/db/open';
import { captureColumns } from '../../src-main/core/sync/capture-values';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

const PATIENT = `INSERT INTO patients (id, mrn, first_name, last_name, dob, sex, created_at, updated_at)
  VALUES ('p1', 'M1', 'Ann', 'Lee', '1970-01-01', 'female', 1, 1)`;

describe('capture triggers written by an older version', () => {
  it('still let the migrations write before they are replaced, and are replaced at the open', async () => {
    const made = tempFolder();
    folders.push(made);
    const first = openDatabase({ file: made.file, key: made.key, create: true });
    first.handle.exec(PATIENT);
    await first.close();

    // What an older version left: update triggers calling sync_changed (and sync_b64) and a rekey trigger.
    const old = openEncryptedHandle({ file: made.file, key: made.key });
    const others = captureColumns('patients').filter((column) => column !== 'id');
    old.exec(`DROP TRIGGER sync_capture_patients_update;
      CREATE TRIGGER sync_capture_patients_update AFTER UPDATE ON patients WHEN sync_capturing() BEGIN
        SELECT sync_b64(NEW.mrn), sync_changed('patients', ${others.map((c) => `NEW."${c}", OLD."${c}"`).join(', ')}); END;
      CREATE TRIGGER sync_capture_patients_rekey AFTER UPDATE ON patients WHEN sync_capturing() BEGIN SELECT 1; END;`);
    // As a migration does, with capture off: SQLite resolves the old triggers' functions all the same.
    old.prepare("UPDATE patients SET first_name = 'Anne' WHERE id = 'p1'").run();
    old.close();

    const opened = openDatabase({ file: made.file, key: made.key });
    try {
      const triggers = opened.handle
        .prepare(
          "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'patients' AND name LIKE 'sync_capture_%'",
        )
        .all() as { name: string; sql: string }[];
      expect(triggers.map((t) => t.name).sort()).toEqual([
        'sync_capture_patients_delete',
        'sync_capture_patients_insert',
        'sync_capture_patients_update',
      ]);
      expect(triggers.map((t) => t.sql).join('\n')).not.toMatch(/sync_changed|sync_b64/);
      opened.handle.exec('DELETE FROM sync_changes');
      opened.handle.prepare("UPDATE patients SET last_name = 'Lea' WHERE id = 'p1'").run();
      expect(opened.handle.prepare('SELECT op, key_json, values_json FROM sync_changes').all()).toEqual([
        { op: 'upsert', key_json: '["p1"]', values_json: '{"last_name":"Lea"}' },
      ]);
    } finally {
      await opened.close();
    }
  });
});
