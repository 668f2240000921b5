import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/open';
import { runCli } from '../helpers/run-cli';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

// Each command is a fresh tsx process (seconds each on a busy machine): the default 30 s is too tight.
const CLI_TEST_TIMEOUT = 120_000;

describe('the admin CLI', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('creates a database and a private key file, adds a user, and verifies the audit chain', async () => {
    const folder = tempFolder();
    folders.push(folder);
    // In a folder that does not exist yet: init makes it, as it makes the data folder.
    const keyFile = join(folder.dir, 'keys', 'clinic.key');
    const data = join(folder.dir, 'data');

    const init = await runCli(['init', '--data', data, '--key-file', keyFile]);
    expect(init.code, init.stderr).toBe(0);
    expect(readFileSync(keyFile, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    expect(existsSync(join(data, 'clinic.db'))).toBe(true);

    const add = await runCli(
      [
        'user',
        'add',
        '--data',
        data,
        '--key-file',
        keyFile,
        '--username',
        'ada',
        '--name',
        'Ada Admin',
        '--role',
        'admin',
        '--password-stdin',
      ],
      {
        stdin: 'correct horse battery\n',
      },
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('Added Ada Admin (ada) as admin');

    const verify = await runCli(['audit', 'verify', '--data', data, '--key-file', keyFile]);
    expect(verify).toMatchObject({ code: 0 });
    expect(verify.stdout).toContain('Audit chain intact: 1 entries checked');

    const again = await runCli(['init', '--data', data, '--key-file', keyFile]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('exits non-zero with a clear message on bad input', async () => {
    const folder = tempFolder();
    folders.push(folder);
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');

    const missing = await runCli(['backup', '--data', folder.dir]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--out is required');

    const noKey = await runCli(['audit', 'verify', '--data', folder.dir]);
    expect(noKey.code).toBe(1);
    expect(noKey.stderr).toContain('No database key given');

    const badRole = await runCli(
      ['user', 'add', '--data', folder.dir, '--username', 'x', '--name', 'X', '--role', 'boss'],
      {
        env: { CLINIC_DB_KEY: folder.key.toString('hex'), CLINIC_USER_PASSWORD: 'short' },
      },
    );
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('username: must be 3 to 32');
    expect(badRole.stderr).toContain('role: must be one of admin, manager, receptionist, nurse, provider');
    expect(badRole.stderr).toContain('password: must be at least 10 characters');
  });
});

describe('the admin CLI as the system actor', { timeout: CLI_TEST_TIMEOUT }, () => {
  it('adds a user through the router: the user row and its audit entry are written together, a refusal writes neither', async () => {
    const folder = tempFolder();
    folders.push(folder);
    const data = join(folder.dir, 'data');
    const env = { CLINIC_DB_KEY: folder.key.toString('hex'), CLINIC_USER_PASSWORD: 'correct horse battery' };
    expect((await runCli(['init', '--data', data], { env })).code).toBe(0);
    const args = ['user', 'add', '--data', data, '--username', 'bea', '--name', 'Bea Nurse', '--role', 'nurse'];
    const added = await runCli(args, { env });
    expect(added.code, added.stderr).toBe(0);
    // The same username again: the router refuses inside the transaction, so no entry is written for it.
    const again = await runCli(args, { env });
    expect(again.code).toBe(1);

    const database = openDatabase({ file: join(data, 'clinic.db'), key: folder.key });
    try {
      const user = await database.db
        .selectFrom('users')
        .select(['id', 'created_at'])
        .where('username', '=', 'bea')
        .executeTakeFirstOrThrow();
      const entries = await database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'users.create')
        .execute();
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        target_id: user.id,
        actor_user_id: null,
        actor_username: expect.stringMatching(/^cli:/) as unknown,
        outcome: 'ok',
        created_at: user.created_at,
      });
    } finally {
      await database.close();
    }
  });
});
