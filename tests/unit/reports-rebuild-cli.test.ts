import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { tempFolder, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

describe('clinic reports rebuild', { timeout: 180_000 }, () => {
  it('recomputes the report aggregates of a demo clinic and prints the days rebuilt', async () => {
    const folder = tempFolder();
    folders.push(folder);
    const keyFile = join(folder.dir, 'clinic.key');
    const data = join(folder.dir, 'data');
    const demo = await runCli(['demo', '--data', data, '--key-file', keyFile]);
    expect(demo.code, demo.stderr).toBe(0);
    const rebuild = await runCli(['reports', 'rebuild', '--data', data, '--key-file', keyFile]);
    expect(rebuild.code, rebuild.stderr).toBe(0);
    const days = Number(/Report aggregates rebuilt: (\d+) days/.exec(rebuild.stdout)?.[1] ?? 0);
    // The demo's three months of appointments, at the least.
    expect(days).toBeGreaterThan(60);
  });
});
