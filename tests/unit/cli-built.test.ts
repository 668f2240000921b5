import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../scripts/cli-bundle';
import { runCli } from '../helpers/run-cli';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

/** `clinic serve` from the bundle until it prints its address; the caller stops it. */
function serveBuilt(bundle: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [bundle, 'serve', ...args], { env: { ...process.env, ...env } });
  let output = '';
  const url = new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Front Desk is running at (http:\/\/127\.0\.0\.1:\d+\/)#token=\S+/.exec(output);
      if (found?.[1]) done(found[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => fail(new Error(`serve exited with ${code}:\n${output}`)));
  });
  const stop = () => {
    const exited = new Promise((done) => child.once('exit', done));
    if (child.exitCode === null) child.kill('SIGTERM');
    return exited;
  };
  return { url, stop };
}

// Building the bundle and starting fresh processes takes seconds on a busy machine.
describe('the built admin CLI (npm run build:cli)', { timeout: 180_000 }, () => {
  it('creates a clinic, adds a user and verifies the audit chain, as the source does', async () => {
    const bundle = await ensureCliBuilt();
    const folder = tempFolder();
    folders.push(folder);
    const data = join(folder.dir, 'data');
    const keyFile = join(folder.dir, 'clinic.key');
    const entry = [bundle];

    const help = await runCli(['--help'], { entry });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Front Desk admin CLI');

    const init = await runCli(['init', '--data', data, '--key-file', keyFile], { entry });
    expect(init.code, init.stderr).toBe(0);
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
      ],
      { entry, env: { CLINIC_USER_PASSWORD: 'correct horse battery' } },
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain('Added Ada Admin (ada) as admin');
    const verify = await runCli(['audit', 'verify', '--data', data, '--key-file', keyFile], { entry });
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toContain('Audit chain intact: 1 entries checked');
  });

  it("carries zod's English messages and none of its other languages", async () => {
    const bundle = readFileSync(join(dirname(await ensureCliBuilt()), 'bundle.cjs'), 'utf8');
    // Booleans, not the bundle itself in a failure's report (2 MB).
    expect(bundle.includes('Invalid input: expected'), "zod's English").toBe(true);
    // Dutch and Spanish, two of zod's locales (the build resolves their namespace to an empty module).
    expect(bundle.includes('Ongeldige invoer'), "zod's Dutch").toBe(false);
    expect(bundle.includes('Entrada inv'), "zod's Spanish").toBe(false);
  });

  it('serves browser mode on a clinic it creates', async () => {
    const bundle = await ensureCliBuilt();
    const folder = tempFolder();
    folders.push(folder);
    const renderer = join(folder.dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Front Desk</title><h1>Sign in</h1>');
    const server = serveBuilt(
      bundle,
      ['--data', join(folder.dir, 'data'), '--create', '--port', '0', '--renderer', renderer],
      {
        CLINIC_DB_KEY: folder.key.toString('hex'),
      },
    );
    try {
      const page = await fetch(await server.url);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<h1>Sign in</h1>');
    } finally {
      await server.stop();
    }
  });
});
