import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureCliBuilt } from '../../scripts/cli-bundle';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** The built CLI's entry beside a bundle of our own: what it prints, and the caches left beside it. */
function startIn(folder: string, bundle: string): { printed: string; caches: string[] } {
  writeFileSync(join(folder, 'bundle.cjs'), bundle);
  const printed = execFileSync(process.execPath, [join(folder, 'index.cjs')], { encoding: 'utf8' }).trim();
  return { printed, caches: readdirSync(folder).filter((name) => name.endsWith('.v8-cache')) };
}

// Building the bundle takes seconds on a busy machine.
describe('the built CLI started through its code cache', { timeout: 120_000 }, () => {
  it('runs the bundle that is there, never the code cached for another of the same length', async () => {
    const entry = await ensureCliBuilt();
    const folder = mkdtempSync(join(tmpdir(), 'front-desk-code-cache-'));
    folders.push(folder);
    copyFileSync(entry, join(folder, 'index.cjs'));

    const first = startIn(folder, 'function answer() { return "one"; }\nconsole.log(answer());\n');
    expect(first.printed).toBe('one');
    expect(first.caches).toHaveLength(1);
    // Started again: from the cache, the same answer.
    expect(startIn(folder, 'function answer() { return "one"; }\nconsole.log(answer());\n').printed).toBe('one');

    // A rebuilt bundle of the very same length (V8 checks a cache against the length alone).
    const rebuilt = startIn(folder, 'function answer() { return "two"; }\nconsole.log(answer());\n');
    expect(rebuilt.printed).toBe('two');
    expect(rebuilt.caches).toHaveLength(2);

    // A damaged cache under the bundle's own name is set aside, not run.
    const own = rebuilt.caches.find((name) => !first.caches.includes(name)) ?? '';
    writeFileSync(join(folder, own), new Uint8Array(4096).fill(7));
    expect(startIn(folder, 'function answer() { return "two"; }\nconsole.log(answer());\n').printed).toBe('two');
  });
});
