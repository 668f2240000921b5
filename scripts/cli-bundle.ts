/**
 * `npm run build:cli`: the admin CLI (src-main/cli/index.ts) as one ES module, out/cli/index.mjs, so
 * `clinic serve` starts without tsx compiling the TypeScript at every start (a third of its start-up).
 * The native modules cannot be bundled and stay imports of node_modules, as do the big packages that
 * start-up does not need (loaded by Node as they are, when a command asks for them). The small pure-JS
 * ones are bundled: some (talisman) are imported by paths without an extension, which only a bundler
 * resolves; the CommonJS among them get `require` from the banner.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(ROOT, 'out', 'cli', 'index.mjs');
const SOURCES = ['src-main', 'src-shared'];
const EXTERNAL = [
  'better-sqlite3-multiple-ciphers',
  '@node-rs/argon2',
  '@cantoo/pdf-lib',
  'nodemailer',
  'electron',
  '@electric-sql/pglite',
  'pg',
];

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, name)));
  return newest;
}

/** True when out/cli/index.mjs is missing or older than a source file, package.json or this script. */
export function cliBundleIsStale(): boolean {
  if (!existsSync(CLI_BUNDLE)) return true;
  const built = statSync(CLI_BUNDLE).mtimeMs;
  const inputs = [
    ...SOURCES.map((folder) => newestSource(join(ROOT, folder))),
    statSync(join(ROOT, 'package.json')).mtimeMs,
    statSync(fileURLToPath(import.meta.url)).mtimeMs,
  ];
  return inputs.some((time) => time > built);
}

export async function buildCli(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'src-main', 'cli', 'index.ts')],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    external: EXTERNAL,
    banner: {
      js: "import { createRequire as cliRequire } from 'node:module'; const require = cliRequire(import.meta.url);",
    },
    // Less text for Node to read and compile at each start; names are kept, so a stack still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
    absWorkingDir: ROOT,
  });
  // Written whole then renamed, so a `clinic serve` started meanwhile never reads half a bundle.
  mkdirSync(dirname(CLI_BUNDLE), { recursive: true });
  for (const file of result.outputFiles) {
    const partial = `${file.path}.${process.pid}.part`;
    writeFileSync(partial, file.contents);
    renameSync(partial, file.path);
  }
  return CLI_BUNDLE;
}

/** Builds only when stale: what the bench and the test call before spawning the bundle. */
export async function ensureCliBuilt(): Promise<string> {
  return cliBundleIsStale() ? buildCli() : CLI_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = await buildCli();
  console.log(`Built ${out}`);
}
