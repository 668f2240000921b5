import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DATE_FORMAT, ensureDataset } from './dataset';
import { formatTable, GOALS, runBenchmark, type BenchmarkResult } from './harness';
import { openOurs, QUERY_KINDS, sampleQueries, SearchFloor, type BenchQuery } from './patient-search';

/**
 * `npm run bench [-- --quick] [--rounds N] [--seed S]`: every benchmark, ours against the floor, on
 * cached seeded data; prints a table and writes bench-results/latest.json and a dated copy.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const RESULTS = join(ROOT, 'bench-results');

interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
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
  };
}

function sizeLabel(patients: number): string {
  return patients % 1000 === 0 ? `${patients / 1000}k patients` : `${patients} patients`;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      seed: { type: 'string', default: '1' },
      queries: { type: 'string', default: '300' },
    },
  });
  const started = performance.now();
  const patients = values.quick ? 10_000 : 100_000;
  const rounds = Number(values.rounds ?? (values.quick ? 5 : 10));
  const seed = Number(values.seed);
  const queryCount = Number(values.queries);
  if (!Number.isInteger(rounds) || rounds < 5) throw new Error('--rounds must be a whole number, at least 5');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  if (!Number.isInteger(queryCount) || queryCount < QUERY_KINDS.length) throw new Error(`--queries must be at least ${QUERY_KINDS.length}`);

  const host = machine();
  const measuredAt = new Date().toISOString();
  console.log(`Front Desk benchmarks, ${measuredAt}`);
  console.log(`Machine: ${host.cpu}, ${host.cores} cores, ${host.memoryGiB} GiB, Node ${host.node}, ${host.platform}`);
  console.log(`Size: ${sizeLabel(patients)} (seed ${seed}), ${rounds} rounds, interleaved and rotated, after a warm-up`);
  console.log(`Goals: p95 <= ${GOALS.p95Ms} ms, ours/floor p95 <= ${GOALS.ratioP95}`);
  console.log('');

  const dataset = await ensureDataset(patients, seed, { log: (line) => console.log(line) });
  if (!dataset.built) console.log(`Using cached data in ${dataset.dir}`);
  const dataLabel = sizeLabel(patients);

  const results: BenchmarkResult[] = [];

  // patients.search: a mix of what reception types.
  {
    let phase = performance.now();
    const took = () => {
      const seconds = (performance.now() - phase) / 1000;
      phase = performance.now();
      return `${seconds.toFixed(1)} s`;
    };
    const queries: BenchQuery[] = sampleQueries(dataset.plain, queryCount, seed, BENCH_DATE_FORMAT);
    const ours = await openOurs(dataset);
    console.log(`patients.search: ${queries.length} queries sampled, core opened in ${took()}`);
    const floor = new SearchFloor(dataset.plain);
    try {
      const mismatches: string[] = [];
      for (const query of queries) {
        const a = (await ours.search(query.text)).map((row) => row.id);
        const b = floor.search(query).map((row) => row.id);
        if (a.join() !== b.join()) mismatches.push(`  ${query.kind} ${JSON.stringify(query.text)}: ours ${a.length} rows, floor ${b.length} rows`);
      }
      if (mismatches.length > 0) {
        console.error(`The floor does not answer like ours for ${mismatches.length} queries:\n${mismatches.slice(0, 20).join('\n')}`);
        return 1;
      }
      console.log(`patients.search: the floor answers every query with the same rows as ours (checked in ${took()})`);
      const at = (i: number): BenchQuery => queries[i % queries.length] ?? { kind: 'name-prefix', text: 'a' };
      results.push(
        ...(await runBenchmark(
          {
            name: 'patients.search',
            dataset: dataLabel,
            unit: 'ms',
            ours: { run: (i) => ours.search(at(i).text) },
            floor: { run: (i) => floor.search(at(i)) },
            iterations: queries.length,
            group: (i) => at(i).kind,
          },
          rounds,
          queries.length,
        )),
      );
      console.log(`patients.search: measured in ${took()}`);
    } finally {
      floor.close();
      await ours.core.close();
    }
  }

  console.log('');
  console.log(formatTable(results));
  console.log('');
  const entries: Entry[] = results.map((result) => ({ ...result, machine: host, measured_at: measuredAt }));
  const files = [join(RESULTS, 'latest.json'), join(RESULTS, `${measuredAt.slice(0, 10)}.json`)];
  for (const file of files) writeResults(file, entries);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Wrote ${files.map((file) => file.slice(ROOT.length + 1)).join(' and ')} in ${seconds.toFixed(1)} s in all.`);
  return 0;
}

/** Replaces the entries of the datasets measured now; keeps the others (a quick run keeps the full figures). */
function writeResults(file: string, entries: Entry[]): void {
  mkdirSync(RESULTS, { recursive: true });
  const datasets = new Set(entries.map((entry) => entry.dataset));
  let kept: Entry[] = [];
  if (existsSync(file)) {
    try {
      kept = (JSON.parse(readFileSync(file, 'utf8')) as Entry[]).filter((entry) => !datasets.has(entry.dataset));
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
