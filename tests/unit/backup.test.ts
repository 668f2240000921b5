import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, openEncryptedHandle } from '../../src-main/core/db/open';
import { REPO_ROOT, runCli } from '../helpers/run-cli';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

/** Another process writing to the database as fast as it can, the way a busy desk would. */
const WRITER = `
const Database = require('better-sqlite3-multiple-ciphers');
const db = new Database(process.argv[1]);
db.pragma("cipher = 'sqlcipher'"); db.pragma('legacy = 4'); db.pragma(\`key = "x'\${process.argv[2]}'"\`);
db.pragma('busy_timeout = 5000');
db.exec('CREATE TABLE IF NOT EXISTS desk_activity (id INTEGER PRIMARY KEY, note TEXT NOT NULL) STRICT');
const insert = db.prepare('INSERT INTO desk_activity (note) VALUES (?)');
let n = 0;
process.stdout.write('writing\\n');
const started = Date.now();
while (Date.now() - started < 4000) { insert.run('visit ' + n++); }
process.stdout.write('wrote ' + n + '\\n');
`;

describe('backup and restore', () => {
  it('backs up a database while another process writes to it: the copy is encrypted, opens with the key and passes integrity_check', async () => {
    const folder = tempFolder();
    folders.push(folder);
    const data = join(folder.dir, 'data');
    const hexKey = folder.key.toString('hex');
    expect((await runCli(['init', '--data', data], { env: { CLINIC_DB_KEY: hexKey } })).code).toBe(0);

    const writer = spawn(process.execPath, ['-e', WRITER, join(data, 'clinic.db'), hexKey], { cwd: REPO_ROOT });
    // Listened for now: the writer may finish before the backup does.
    const writerDone = new Promise<number | null>((resolve) => writer.on('close', resolve));
    let writerOutput = '';
    await new Promise<void>((resolve) =>
      writer.stdout.on('data', (chunk: Buffer) => {
        writerOutput += chunk.toString();
        if (writerOutput.includes('writing')) resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    const out = join(folder.dir, 'backup.db');
    const backup = await runCli(['backup', '--data', data, '--out', out], { env: { CLINIC_DB_KEY: hexKey } });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('integrity check ok');
    expect(await writerDone).toBe(0);
    expect(writerOutput).toMatch(/wrote \d+/);

    expect(readFileSync(out).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\0');
    const copy = openEncryptedHandle({ file: out, key: folder.key, readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const copied = copy.prepare('SELECT count(*) AS n FROM desk_activity').get() as { n: number };
    expect(copied.n).toBeGreaterThan(0);
    copy.close();

    const again = await runCli(['backup', '--data', data, '--out', out], { env: { CLINIC_DB_KEY: hexKey } });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('restores a backup, keeping the database it replaces', async () => {
    const folder = tempFolder();
    folders.push(folder);
    const data = join(folder.dir, 'data');
    const env = { CLINIC_DB_KEY: folder.key.toString('hex') };
    expect((await runCli(['init', '--data', data], { env })).code).toBe(0);
    const out = join(folder.dir, 'before.db');
    expect((await runCli(['backup', '--data', data, '--out', out], { env })).code).toBe(0);

    const database = openDatabase({ file: join(data, 'clinic.db'), key: folder.key });
    await database.db
      .insertInto('roles')
      .values({ id: 'made-after-backup', label: 'Later', created_at: 1, updated_at: 1 })
      .execute();
    await database.close();

    const restore = await runCli(['restore', '--data', data, '--from', out], { env });
    expect(restore.code, restore.stderr).toBe(0);
    const replaced = /kept as (\S+)\.$/m.exec(restore.stdout)?.[1];
    expect(replaced && existsSync(replaced)).toBe(true);

    const restored = openDatabase({ file: join(data, 'clinic.db'), key: folder.key });
    expect(
      await restored.db.selectFrom('roles').select('id').where('id', '=', 'made-after-backup').executeTakeFirst(),
    ).toBeUndefined();
    const actions = await restored.db.selectFrom('audit_log').select('action').execute();
    expect(actions.map((row) => row.action)).toContain('backup.restore');
    await restored.close();

    const wrongKey = await runCli(['restore', '--data', data, '--from', out], {
      env: { CLINIC_DB_KEY: 'ab'.repeat(32) },
    });
    expect(wrongKey.code).toBe(1);
    expect(wrongKey.stderr).toContain('does not open');
  });
});
