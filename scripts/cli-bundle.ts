/**
 * `npm run build:cli`: the admin CLI (src-main/cli/index.ts) as one CommonJS bundle, out/cli/bundle.cjs,
 * started by out/cli/index.cjs (src-main/cli/code-cache-start.ts), which runs it through V8's code cache,
 * so `clinic serve` starts without tsx compiling the TypeScript at every start (a third of its start-up)
 * and, from the second start, without V8 compiling the bundle (a quarter of what was left). CommonJS
 * because Node 20 can give a script a code cache and not a module. The native modules cannot be bundled
 * and stay imports of node_modules, as do the big packages that start-up does not need (loaded by Node as
 * they are, when a command asks for them). The small pure-JS ones are bundled: some (talisman) are
 * imported by paths without an extension, which only a bundler resolves.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE = join(ROOT, 'out', 'cli', 'index.cjs');
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

/**
 * zod's locales: some 60 languages' error messages, 294 KB of a 2.5 MB bundle, reachable only as
 * `z.locales.<language>` and `z.core.locales.<language>` (English, zod's default, its schemas import on
 * their own). esbuild keeps an `export * as` namespace whole once `z` is used as an object, as every schema
 * file does, so both namespaces resolve to an empty module here. Nothing in Front Desk sets a zod locale:
 * validation messages are the schemas' own or zod's English (src-shared/api/field-errors.ts).
 */
const zodWithoutLocales: Plugin = {
  name: 'zod-without-locales',
  setup(plugin) {
    plugin.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer)
        ? { path: 'zod-locales', namespace: 'empty' }
        : undefined,
    );
    plugin.onLoad({ filter: /^zod-locales$/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, name)));
  return newest;
}

/** True when out/cli/index.cjs is missing or older than a source file, package.json or this script. */
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
  const folder = dirname(CLI_BUNDLE);
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20.19',
    // Less text for Node to read and compile at each start; names are kept, so a stack still reads.
    minifyWhitespace: true,
    minifySyntax: true,
    write: false,
    logLevel: 'warning',
    absWorkingDir: ROOT,
  } as const;
  const [bundle, start] = await Promise.all([
    build({
      ...common,
      entryPoints: [join(ROOT, 'src-main', 'cli', 'index.ts')],
      outfile: join(folder, 'bundle.cjs'),
      external: EXTERNAL,
      // The one `import.meta.url` (serve's default renderer folder) as the bundle's own address.
      define: { 'import.meta.url': 'cliBundleUrl' },
      banner: { js: "const cliBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
      sourcemap: 'linked',
      plugins: [zodWithoutLocales],
    }),
    build({ ...common, entryPoints: [join(ROOT, 'src-main', 'cli', 'code-cache-start.ts')], outfile: CLI_BUNDLE }),
  ]);
  mkdirSync(folder, { recursive: true });
  // An earlier bundle's code caches (and the ES module the CLI was built as before) go with it.
  for (const name of readdirSync(folder))
    if (name.endsWith('.v8-cache') || name.startsWith('index.mjs')) rmSync(join(folder, name), { force: true });
  // Written whole then renamed, so a `clinic serve` started meanwhile never reads half a bundle; the
  // entry last, since the staleness check reads its time.
  for (const file of [...bundle.outputFiles, ...start.outputFiles]) {
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
