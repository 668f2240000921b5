import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations';
import type { Migration } from '../../migrations/types';
import { currentVersion, migrate } from '../../src-main/core/db/migrate';
import { openDatabase, openEncryptedHandle } from '../../src-main/core/db/open';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));
function folder(): TempFolder {
  const made = tempFolder();
  folders.push(made);
  return made;
}

describe('migrations', () => {
  it('the static index lists exactly the migration files in the folder, in order, numbered as named', () => {
    const dir = fileURLToPath(new URL('../../migrations', import.meta.url));
    const files = readdirSync(dir)
      .filter((name) => /^\d{4}_.+\.ts$/.test(name))
      .sort();
    expect(migrations.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}.ts`)).toEqual(files);
    expect(migrations.map((m) => m.version)).toEqual(files.map((_, index) => index + 1));
  });

  it('makes every table STRICT (FTS5 tables and the shadow tables FTS5 makes for them cannot be)', async () => {
    const { file, key } = folder();
    const database = openDatabase({ file, key, create: true });
    const virtual = (
      database.handle.prepare("SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%'").all() as {
        name: string;
      }[]
    ).map((row) => row.name);
    const tables = (
      database.handle
        .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .all() as { name: string; sql: string }[]
    ).filter((table) => !virtual.some((name) => table.name === name || table.name.startsWith(`${name}_`)));
    expect(tables.length).toBeGreaterThan(4);
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*(WITHOUT ROWID\s*,\s*)?STRICT\s*$/i);
    await database.close();
  });

  it('refuses a database made by a newer Front Desk, without changing it', async () => {
    const { file, key } = folder();
    const database = openDatabase({ file, key, create: true });
    database.handle
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)')
      .run('from the future');
    await database.close();
    expect(() => openDatabase({ file, key })).toThrow(expect.objectContaining({ kind: 'TOO_NEW' }));
    const handle = openEncryptedHandle({ file, key });
    expect(currentVersion(handle)).toBe(999);
    handle.close();
  });

  it('rolls back a failing migration whole and keeps the database at the last good version', () => {
    const { file, key } = folder();
    const handle = openEncryptedHandle({ file, key, create: true });
    const latest = migrations.length;
    const broken: Migration = {
      version: latest + 1,
      name: 'broken',
      up(db) {
        db.exec('CREATE TABLE half_done (id INTEGER PRIMARY KEY) STRICT');
        db.exec('INSERT INTO no_such_table VALUES (1)');
      },
    };
    expect(() => migrate(handle, 0, [...migrations, broken])).toThrow(
      expect.objectContaining({ kind: 'MIGRATION_FAILED' }),
    );
    expect(currentVersion(handle)).toBe(latest);
    expect(handle.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    handle.close();
  });
});

describe('migration 0011 (reminder consent)', () => {
  it('turns "send reminders only with consent" on for a clinic that already has reminder settings', () => {
    const { file, key } = folder();
    const handle = openEncryptedHandle({ file, key, create: true });
    migrate(
      handle,
      1_000,
      migrations.filter((m) => m.version <= 10),
    );
    handle
      .prepare('UPDATE reminder_settings SET sms_enabled = 1, sms_webhook_url = ? WHERE id = 1')
      .run('https://sms.example/send');
    expect(
      handle
        .prepare('SELECT count(*) AS n FROM pragma_table_info(?) WHERE name = ?')
        .get('reminder_settings', 'require_consent'),
    ).toEqual({ n: 0 });

    migrate(handle, 2_000);
    expect(handle.prepare('SELECT sms_enabled, sms_webhook_url, require_consent FROM reminder_settings').all()).toEqual(
      [{ sms_enabled: 1, sms_webhook_url: 'https://sms.example/send', require_consent: 1 }],
    );
    expect(() => handle.prepare('UPDATE reminder_settings SET require_consent = 2').run()).toThrow(/CHECK/);
    handle.close();
  });

  it('keeps every appointment’s history when it lets the history record a change of details, and keeps it append-only', () => {
    const { file, key } = folder();
    const handle = openEncryptedHandle({ file, key, create: true });
    migrate(
      handle,
      1_000,
      migrations.filter((m) => m.version <= 11),
    );
    // The smallest appointment a history row can point to (foreign keys are on).
    handle.exec(`
      INSERT INTO patients (id, mrn, first_name, last_name, dob, sex, created_at, updated_at) VALUES ('p1', 'P1', 'Ann', 'Lee', '1970-01-01', 'female', 1, 1);
      INSERT INTO locations (id, name, created_at, updated_at) VALUES ('l1', 'Main', 1, 1);
      INSERT INTO providers (id, display_name, colour, created_at, updated_at) VALUES ('d1', 'Dr One', '#123456', 1, 1);
      INSERT INTO appointment_types (id, name, duration_minutes, colour, created_at, updated_at) VALUES ('t1', 'Visit', 30, '#123456', 1, 1);
      INSERT INTO appointments (id, patient_id, provider_id, location_id, type_id, start_at, end_at, status, created_at, updated_at)
        VALUES ('a1', 'p1', 'd1', 'l1', 't1', 1000, 2000, 'booked', 1, 1);
      INSERT INTO appointment_history (id, appointment_id, at, user_id, username, action, changes, override_reason, created_at, updated_at)
        VALUES ('h1', 'a1', 5, NULL, 'rita', 'booked', '{}', NULL, 5, 5);
    `);
    const insertDetails = () =>
      handle
        .prepare(
          "INSERT INTO appointment_history (id, appointment_id, at, action, changes, created_at, updated_at) VALUES ('h2', 'a1', 6, 'details', '{}', 6, 6)",
        )
        .run();
    expect(insertDetails).toThrow(/CHECK/);

    migrate(handle, 2_000);
    expect(handle.prepare('SELECT id, username, action FROM appointment_history').all()).toEqual([
      { id: 'h1', username: 'rita', action: 'booked' },
    ]);
    insertDetails();
    expect(() => handle.prepare("UPDATE appointment_history SET username = 'x'").run()).toThrow(/append-only/);
    expect(() => handle.prepare('DELETE FROM appointment_history').run()).toThrow(/append-only/);
    expect(
      handle
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'appointment_history' AND name NOT LIKE 'sqlite_%'",
        )
        .all(),
    ).toEqual([{ name: 'appointment_history_appointment' }]);
    handle.close();
  });
});
