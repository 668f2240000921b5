import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { controlSuite, noiseVerdict } from './control';
import { ensureDataset } from './dataset';
import { benchDuplicates } from './duplicates';
import { formatTable, GOALS, type BenchmarkResult } from './harness';
import { QUERY_KINDS } from './patient-search';
import { closePeers, openPeers } from './peers/peers';
import { bookSuite, daySuite, nextAvailableSuite } from './scheduling-suites';
import { patientSearchSuite } from './search-suite';
import { startupSuite } from './startup';
import { Mismatch, type BenchContext, type Suite } from './suite';
import { uiSuite } from './ui';
import { benchVisits } from './visits';
import { billingSuite } from './billing';
import { reportsSuite } from './reports';
import { stockSuite } from './stock';
import { syncSuite } from './sync';
import { syncBootstrapSuite } from './sync-bootstrap';
import { benchSynthea } from './synthea';
import { benchSyntheaNdjson } from './synthea-ndjson';
import { benchServerLoad } from './server-load';
import { appointmentsLabel, growthReport, patientsLabel, pickSize, sizeRecordAfter, type SizeRecord } from './sizes';

/**
 * `npm run bench [-- --size quick|full|xl] [--quick] [--rounds N] [--seed S] [--only name,...] [--no-peers] [--no-ui]`:
 * every benchmark, ours against the floor and the peers, on cached seeded data; prints a table and
 * writes bench-results/latest.json and a dated copy. `--quick` is `--size quick` (10k patients, 100k
 * appointments); full is ten times that, xl a hundred; after the table, a growth report between the
 * sizes measured so far (bench-results/sizes.json keeps each size's database size and RSS).
 *
 * A benchmark area is one suite in the list below: add yours with one line. Benchmarks on data of
 * their own (STANDALONE: duplicates' accuracy on Febrl dataset 4, the Synthea import, 20 desks on one
 * sync server) run first and need no seeded clinic.
 */
const visitsSuite: Suite = {
  name: 'visits',
  run: (context) => benchVisits(context.dataset, context.rounds, context.log),
};

const SUITES: Suite[] = [
  controlSuite,
  patientSearchSuite,
  daySuite,
  nextAvailableSuite,
  bookSuite,
  visitsSuite,
  billingSuite,
  reportsSuite,
  stockSuite,
  syncSuite,
  syncBootstrapSuite,
  startupSuite,
  uiSuite,
];

/** Benchmarks on data of their own (no timing against a floor): run first, without the seeded clinic. */
const STANDALONE: {
  name: string;
  run: (log: (line: string) => void, options: { quick: boolean; seed: number }) => Promise<void>;
}[] = [
  { name: 'duplicates', run: (log) => benchDuplicates(log) },
  // The same clones as Bundles, then as one NDJSON stream (`--only ndjson-synthea`: only the stream).
  {
    name: 'synthea',
    run: async (log, options) => {
      await benchSynthea(log, options);
      await benchSyntheaNdjson(log, options);
    },
  },
  { name: 'ndjson-synthea', run: benchSyntheaNdjson },
  { name: 'server-load', run: benchServerLoad },
];

const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'bench-results');

interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  /** This start of this machine (Linux's boot id; '' elsewhere): the growth between sizes compares only figures of one. */
  boot: string;
}

type Entry = BenchmarkResult & { machine: Machine; measured_at: string };

function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    boot: bootId(),
  };
}

function bootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return '';
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      size: { type: 'string' },
      rounds: { type: 'string' },
      seed: { type: 'string', default: '1' },
      queries: { type: 'string', default: '300' },
      only: { type: 'string' },
      'no-peers': { type: 'boolean', default: false },
      'no-ui': { type: 'boolean', default: false },
    },
  });
  const started = performance.now();
  const size = pickSize(values.size, values.quick);
  const quick = size.name === 'quick';
  const { patients, appointments } = size;
  const rounds = Number(values.rounds ?? size.rounds);
  const seed = Number(values.seed);
  const queryCount = Number(values.queries);
  if (!Number.isInteger(rounds) || rounds < 5) throw new Error('--rounds must be a whole number, at least 5');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  if (!Number.isInteger(queryCount) || queryCount < QUERY_KINDS.length)
    throw new Error(`--queries must be at least ${QUERY_KINDS.length}`);
  const only = values.only
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const picked = (name: string) => (only ? only.some((prefix) => name.startsWith(prefix)) : true);
  const chosen = SUITES.filter((suite) => picked(suite.name)).filter(
    (suite) => !(values['no-ui'] && suite.name === uiSuite.name),
  );
  const standalone = STANDALONE.filter((bench) => picked(bench.name));
  if (chosen.length === 0 && standalone.length === 0)
    throw new Error(`--only matches none of: ${[...SUITES, ...STANDALONE].map((s) => s.name).join(', ')}`);

  const log = (line: string) => console.log(line);
  for (const bench of standalone) {
    await bench.run(log, { quick, seed });
    log('');
  }
  if (chosen.length === 0) return 0;

  const host = machine();
  const measuredAt = new Date().toISOString();
  log(`Front Desk benchmarks, ${measuredAt}`);
  log(`Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}, ${host.platform}`);
  log(
    `Size: ${size.name}, ${patientsLabel(patients)}, ${appointmentsLabel(appointments)} (seed ${seed}), ${rounds} rounds, interleaved call by call and rotated, after a warm-up`,
  );
  log(`Suites: ${chosen.map((s) => s.name).join(', ')}`);
  log(`Goals: p95 <= ${GOALS.p95Ms} ms, ours/floor p95 <= ${GOALS.ratioP95} unless a benchmark shows its own`);
  log('');

  const dataset = await ensureDataset(patients, seed, {
    appointments,
    log,
    patientsAndAppointmentsOnly: size.patientsAndAppointmentsOnly,
  });
  if (!dataset.built) log(`Using cached data in ${dataset.dir}`);
  const peerSuites = chosen.some((s) => s === patientSearchSuite || s === daySuite || s === reportsSuite);
  const needPeers = !values['no-peers'] && peerSuites;
  const why = values['no-peers'] ? '--no-peers' : 'no suite chosen compares with peers';
  // The reports compare with MariaDB only (PouchDB has no GROUP BY to compare).
  const pouchSuites = chosen.some((s) => s === patientSearchSuite || s === daySuite);
  const peers = await openPeers(dataset, { pouchdb: needPeers && pouchSuites, mariadb: needPeers, why }, log);
  const failures: string[] = [];
  const context: BenchContext = {
    dataset,
    patientsLabel: patientsLabel(patients),
    appointmentsLabel: appointmentsLabel(appointments),
    rounds,
    seed,
    queries: queryCount,
    peers,
    log,
    fail: (message) => failures.push(message),
  };

  const results: BenchmarkResult[] = [];
  try {
    for (const suite of chosen) {
      try {
        results.push(...(await suite.run(context)));
      } catch (error) {
        if (error instanceof Mismatch) throw error;
        // A suite that cannot run (no browser, a peer gone) costs only its own rows: the figures
        // measured before it are printed and written, and the run still ends in failure.
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        failures.push(`${suite.name}: did not finish: ${reason}`);
        log(`${suite.name}: did not finish: ${reason}`);
      }
    }
  } catch (error) {
    if (!(error instanceof Mismatch)) throw error;
    console.error(error.message);
    return 1;
  } finally {
    await closePeers(peers);
  }

  log('');
  log(formatTable(results));
  log('');
  const control = results.find((r) => r.name.startsWith('control'));
  if (control) log(noiseVerdict(control.ratio_p95));
  for (const notice of peers.notices) log(notice);
  const entries: Entry[] = results.map((result) => ({ ...result, machine: host, measured_at: measuredAt }));
  const files = [join(RESULTS, 'latest.json'), join(RESULTS, `${measuredAt.slice(0, 10)}.json`)];
  for (const file of files) writeResults(file, entries);
  const record: SizeRecord = {
    size: size.name,
    patients,
    appointments,
    databaseBytes: fileBytes(dataset.encrypted) + fileBytes(`${dataset.encrypted}-wal`),
    rssBytes: process.memoryUsage().rss,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    measured_at: measuredAt,
  };
  if (dataset.built) log('Main process RSS not recorded: this run seeded the data in its own process.');
  const records = writeSizeRecord(join(RESULTS, 'sizes.json'), record, dataset.built);
  const measuredNow = new Set(results.map((result) => result.name));
  const growth = growthReport(readEntries(files[0] ?? ''), records, size.name, measuredNow);
  log('');
  for (const line of growth.lines) log(line);
  for (const failure of failures) console.error(failure);
  const seconds = (performance.now() - started) / 1000;
  log(`Wrote ${files.map((file) => file.slice(ROOT.length + 1)).join(' and ')} in ${seconds.toFixed(1)} s in all.`);
  return growth.failed || failures.length > 0 ? 1 : 0;
}

function fileBytes(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

function readEntries(file: string): Entry[] {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Entry[];
  } catch {
    return [];
  }
}

/** Keeps the latest record of each size; returns them all. */
function writeSizeRecord(file: string, measured: SizeRecord, seededInRun: boolean): SizeRecord[] {
  mkdirSync(RESULTS, { recursive: true });
  let stored: SizeRecord[];
  try {
    stored = JSON.parse(readFileSync(file, 'utf8')) as SizeRecord[];
  } catch {
    stored = [];
  }
  const previous = stored.find((entry) => entry.size === measured.size);
  const kept = stored.filter((entry) => entry.size !== measured.size);
  const all = [...kept, sizeRecordAfter(previous, measured, seededInRun)];
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  return all;
}

/** Replaces the entries measured now (same name and dataset); keeps the others (a quick run keeps the full figures). */
function writeResults(file: string, entries: Entry[]): void {
  mkdirSync(RESULTS, { recursive: true });
  const measured = new Set(entries.map((entry) => `${entry.name}|${entry.dataset}`));
  let kept: Entry[] = [];
  if (existsSync(file)) {
    try {
      kept = (JSON.parse(readFileSync(file, 'utf8')) as Entry[]).filter(
        (entry) => !measured.has(`${entry.name}|${entry.dataset}`),
      );
    } catch {
      kept = [];
    }
  }
  const all = [...kept, ...entries].sort((a, b) => (a.dataset === b.dataset ? 0 : a.dataset < b.dataset ? -1 : 1));
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
