import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli';

/**
 * `npm run build` (electron-vite) as the desktop app will load it. Electron cannot run here, so this
 * reads what was built: the entry switches V8's compile cache on before anything of the app is loaded, and
 * the app's chunk sits where src-main/electron/paths.ts expects to find the other bundles from.
 */
describe('the desktop app as electron-vite builds it', { timeout: 180_000 }, () => {
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'front-desk-electron-build-'));
    await promisify(execFile)(join(REPO_ROOT, 'node_modules', '.bin', 'electron-vite'), ['build', '--outDir', out], {
      cwd: REPO_ROOT,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
  }, 180_000);

  afterAll(() => {
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('loads the app only after turning on the compile cache, and the app finds the other bundles', () => {
    const entry = readFileSync(join(out, 'main', 'index.js'), 'utf8');
    // Statically, the entry holds the cache switch alone: what it imports is compiled before it runs.
    const staticImports = [...entry.matchAll(/^import .* from "([^"]+)";$/gm)].map((found) => found[1]).sort();
    expect(staticImports).toEqual(['electron', 'node:module', 'node:path']);
    expect(entry.indexOf('enableCompileCache();')).toBeGreaterThan(-1);
    const chunk = /await import\("\.\/([^"/]+\.js)"\)/.exec(entry)?.[1];
    expect(chunk, 'the entry imports the app dynamically from beside itself').toBeTruthy();
    expect(entry.indexOf('enableCompileCache();')).toBeLessThan(entry.indexOf('await import('));

    const mainDir = join(out, 'main');
    expect(readdirSync(mainDir)).toContain(chunk);
    const app = readFileSync(join(mainDir, chunk ?? ''), 'utf8');
    expect(app).toContain('function startElectronApp(');
    // paths.ts, from the chunk's own folder: the renderer, both preloads and the passphrase page are there.
    for (const file of [
      join(mainDir, '..', 'renderer', 'index.html'),
      join(mainDir, '..', 'preload', 'index.cjs'),
      join(mainDir, '..', 'preload', 'passphrase.cjs'),
      join(mainDir, 'passphrase', 'passphrase.html'),
    ])
      expect(existsSync(file), file).toBe(true);
  });
});
