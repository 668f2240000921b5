import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

const databases = migratedDatabases();
afterEach(databases.removeAll);

describe('migration 0036 (resumable transfers)', () => {
  it("moves every document's bytes out of its synced row, by hash, and forgets the column in the outbox", () => {
    const handle = databases.at(34);
    const pdf = Buffer.from('%PDF-1.4 a letter');
    handle.exec(`
      INSERT INTO patients (id, mrn, first_name, last_name, dob, sex, created_at, updated_at) VALUES ('p1', 'P1', 'Ann', 'Lee', '1970-01-01', 'female', 1, 1);
      CREATE TRIGGER sync_capture_patient_documents_update AFTER UPDATE ON patient_documents
        BEGIN SELECT NEW.content; END;
    `);
    const insert = handle.prepare(
      `INSERT INTO patient_documents (id, patient_id, kind, title, file_name, mime_type, size_bytes, sha256, content, created_at, updated_at)
       VALUES (?, 'p1', 'referral', 'Letter', 'letter.pdf', 'application/pdf', ?, 'h1', ?, 1, 1)`,
    );
    // Two rows of one file (a document copied by a merge) keep one copy of the bytes.
    insert.run('d1', pdf.length, pdf);
    insert.run('d2', pdf.length, pdf);
    handle
      .prepare(
        `INSERT INTO sync_changes (change_id, table_name, key_json, op, values_json, hlc) VALUES ('c1', 'patient_documents', '["d1"]', 'upsert', ?, 'x')`,
      )
      .run(JSON.stringify({ id: 'd1', title: 'Letter', content: { b64: pdf.toString('base64') } }));

    migrate(handle, 2_000);
    expect(handle.prepare('SELECT sha256, size_bytes, content, uploaded_at FROM document_contents').all()).toEqual([
      { sha256: 'h1', size_bytes: pdf.length, content: pdf, uploaded_at: null },
    ]);
    const columns = (
      handle.prepare("SELECT name FROM pragma_table_info('patient_documents')").all() as { name: string }[]
    ).map((c) => c.name);
    expect(columns).not.toContain('content');
    expect(handle.prepare('SELECT count(*) AS n FROM patient_documents').get()).toEqual({ n: 2 });
    expect(
      JSON.parse((handle.prepare('SELECT values_json FROM sync_changes').get() as { values_json: string }).values_json),
    ).toEqual({
      id: 'd1',
      title: 'Letter',
    });
    expect(handle.prepare('SELECT count(*) AS n FROM sync_snapshot_progress').get()).toEqual({ n: 0 });
    handle.close();
  });
});
