import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Why the tests bundle the programs they start: `node --import tsx entry.ts` compiles the whole core
 * on every start, 3–5 s on this 2-core machine, and the crash suite alone starts a child 200 times. One
 * esbuild bundle per entry and test process starts in well under a second and is the same code.
 *
 * Native and wasm packages stay outside the bundle; the file is written under the repository's
 * node_modules so its imports of them resolve as the source's do. Its name is the hash of its content:
 * test workers building the same entry at once write the same file, by rename, and none reads half of one.
 */
const OUTSIDE = ['better-sqlite3-multiple-ciphers', '@node-rs/*', '@electric-sql/pglite', 'electron', 'leveldown'];
const built = new Map<string, string[]>();

/** The argv that runs `entry` (a path from the repository root) with node: `[bundle.mjs]`. */
export function nodeEntry(entry: string): string[] {
  const known = built.get(entry);
  if (known) return known;
  const result = buildSync({
    entryPoints: [join(REPO_ROOT, entry)],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: OUTSIDE,
    write: false,
    logLevel: 'error',
    // Half the text to read and compile at each start; names are kept, so a child's stack still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    // Packages written as CommonJS call require() inside the bundle; an ES module has none of its own.
    banner: {
      js: "import { createRequire as bundledRequire } from 'node:module'; const require = bundledRequire(import.meta.url);",
    },
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`esbuild wrote nothing for ${entry}`);
  const folder = join(REPO_ROOT, 'node_modules', '.cache', 'front-desk-test-entries');
  mkdirSync(folder, { recursive: true });
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const file = join(folder, `${basename(entry).replace(/\.[cm]?ts$/, '')}-${hash}.mjs`);
  if (!existsSync(file)) {
    const partial = `${file}.${process.pid}.part`;
    writeFileSync(partial, code);
    renameSync(partial, file);
  }
  const argv = [file];
  built.set(entry, argv);
  return argv;
}
