import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { transformSync } from 'esbuild';
import { sql } from 'kysely';
import { createCore } from '../../src-main/core/app';
import { applyKey } from '../../src-main/core/db/open';
import { DEMO_ACTION } from '../../src-main/core/demo/mark-repository';
import { BENCH_CLIENT, BENCH_KEY } from './dataset';
import { runBenchmark, type BenchmarkResult } from './harness';
import { stopwatch, type Suite } from './suite';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Start-up, in process: opening the clinic (file, key, schema check and pending migrations,
 * settings) and its first query, against the floor opening the unencrypted copy with raw
 * better-sqlite3 and asking the same. Each open works on its own copy of the files made once.
 */
export const startupSuite: Suite = {
  name: 'startup',
  async run({ dataset, rounds, log, patientsLabel }) {
    const took = stopwatch();
    const dir = mkdtempSync(join(tmpdir(), 'front-desk-bench-startup-'));
    try {
      const encrypted = join(dir, 'clinic.db');
      const plain = join(dir, 'plain.db');
      copyFileSync(dataset.encrypted, encrypted);
      copyFileSync(dataset.plain, plain);
      const question = 'SELECT count(*) AS n FROM appointments WHERE start_at > 0';
      const openOurs = async () => {
        const core = await createCore({ file: encrypted, key: BENCH_KEY });
        await sql`SELECT count(*) AS n FROM appointments WHERE start_at > 0`.execute(core.database.db);
        await core.close();
      };
      const results: BenchmarkResult[] = await runBenchmark(
        {
          name: 'startup.open (open + key + migrate + first query)',
          dataset: patientsLabel,
          unit: 'ms',
          ours: { run: openOurs },
          floor: {
            run: () => {
              const handle = new BetterSqlite3(plain, { readonly: true });
              handle.prepare(question).get();
              handle.close();
            },
          },
          iterations: 4,
          // The issue names no goal for start-up: the figures and the ratio are shown.
          goals: {},
        },
        rounds,
        2,
      );
      // The same against the encrypted file opened by hand (the cipher, the raw key, the query): what
      // the cipher costs every opener, apart from what opening a clinic adds (schema with its capture
      // triggers, migrations check, audit anchor, settings).
      const cipherFloor = join(dir, 'cipher.db');
      copyFileSync(dataset.encrypted, cipherFloor);
      results.push(
        ...(await runBenchmark(
          {
            name: 'startup.open, against the encrypted file opened by hand',
            dataset: patientsLabel,
            unit: 'ms',
            ours: { run: openOurs },
            floor: {
              run: () => {
                const handle = new BetterSqlite3(cipherFloor, { readonly: true });
                applyKey(handle, BENCH_KEY);
                handle.prepare(question).get();
                handle.close();
              },
            },
            iterations: 4,
            goals: {},
          },
          rounds,
          2,
        )),
      );
      results.push(...(await firstAnswer({ encrypted, plain }, rounds, patientsLabel)));
      log(`startup.open: measured in ${took()}`);
      results.push(...bundleSize(log));
      return results;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

/**
 * Opening as the desk does it: what the window asks first (`system.status`: the clinic's settings,
 * whether anyone can sign in yet, whether it is a demo) through the router, against the floor opening
 * the unencrypted copy and asking the same three questions in hand-written SQL. The row above asks a
 * count over every appointment's start, a scan no start-up makes; this one is the sign-in's own wait.
 */
async function firstAnswer(
  copies: { encrypted: string; plain: string },
  rounds: number,
  patientsLabel: string,
): Promise<BenchmarkResult[]> {
  const { encrypted, plain } = copies;
  const demo = `SELECT EXISTS (SELECT seq FROM audit_lookup WHERE action = '${DEMO_ACTION}'
    UNION ALL SELECT seq FROM audit_log WHERE seq > (SELECT coalesce(max(seq), 0) FROM audit_lookup)
    AND action = '${DEMO_ACTION}') AS demo`;
  return runBenchmark(
    {
      name: "startup.open, to the sign-in's first answer (system.status)",
      dataset: patientsLabel,
      unit: 'ms',
      ours: {
        run: async () => {
          const core = await createCore({ file: encrypted, key: BENCH_KEY });
          const answer = await core.invoke(BENCH_CLIENT, 'system.status', {});
          await core.close();
          if (!answer.ok) throw new Error(`system.status failed: ${answer.error.message}`);
        },
      },
      floor: {
        run: () => {
          const handle = new BetterSqlite3(plain, { readonly: true });
          handle.prepare('SELECT * FROM clinic_settings WHERE id = 1').get();
          handle.prepare('SELECT count(*) AS n FROM users').get();
          handle.prepare(demo).get();
          handle.close();
        },
      },
      iterations: 4,
      goals: {},
    },
    rounds,
    2,
  );
}

const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const fixed = (value: number) => ({ p50: value, p95: value, mean: value });

/**
 * The renderer bundle as shipped (out/renderer, built now), gzipped, against React and React DOM's
 * own production builds gzipped: the floor of any React screen. Two rows: what the first paint loads
 * (the files index.html names: the sign-in path) and every chunk (screens and Spanish load later).
 */
export function bundleSize(log: (line: string) => void): BenchmarkResult[] {
  execSync('npm run -s build:renderer', { cwd: ROOT, stdio: 'ignore' });
  const assets = join(ROOT, 'out/renderer/assets');
  const files = readdirSync(assets).filter((name) => name.endsWith('.js') || name.endsWith('.css'));
  const gzipped = (names: readonly string[]) =>
    kib(
      names.reduce(
        (sum, name) => sum + gzipSync(new Uint8Array(readFileSync(join(assets, name))), { level: 9 }).length,
        0,
      ),
    );
  const ours = gzipped(files);
  const html = readFileSync(join(ROOT, 'out/renderer/index.html'), 'utf8');
  const firstPaint = gzipped(files.filter((name) => html.includes(`assets/${name}`)));
  const react = [
    join(ROOT, 'node_modules/react/cjs/react.production.js'),
    join(ROOT, 'node_modules/react-dom/cjs/react-dom-client.production.js'),
  ];
  // Minified as our bundle is (React's CommonJS production files are not).
  const floor = kib(
    react.reduce(
      (sum, file) =>
        sum +
        gzipSync(new Uint8Array(Buffer.from(transformSync(readFileSync(file, 'utf8'), { minify: true }).code)), {
          level: 9,
        }).length,
      0,
    ),
  );
  log(
    `startup.bundle: ${files.length} files, ${ours} KiB gzipped, ${firstPaint} KiB of them for the first paint; React + React DOM alone, minified, ${floor} KiB`,
  );
  const row = (name: string, value: number): BenchmarkResult => ({
    name,
    dataset: 'renderer',
    unit: 'KiB',
    ours: fixed(value),
    floor: fixed(floor),
    ratio_p95: Math.round((value / floor) * 1000) / 1000,
    goals: {},
  });
  return [
    row('startup.bundle.first-paint (sign-in path, gzip)', firstPaint),
    row('startup.bundle (renderer, gzip)', ours),
  ];
}
