import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_DATE_FORMAT, ensureDataset } from './dataset';
import { formatTable, GOALS, runBenchmark, type BenchmarkResult } from './harness';
import { openOurs, QUERY_KINDS, sampleQueries, SearchFloor, type BenchQuery } from './patient-search';
import { BENCH_TODAY } from './scheduling-data';
import {
  BookFloor,
  bookOurs,
  busyDates,
  DayFloor,
  dayOurs,
  freeSlots,
  NEXT_LIMIT,
  NextFloor,
  nextOurs,
  nextQueries,
  openScheduler,
  workingCopies,
} from './scheduling';
import { benchNow } from './scheduling-data';
import { benchVisits } from './visits';

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

function appointmentsLabel(count: number): string {
  return count % 1_000_000 === 0 ? `${count / 1_000_000}M appointments` : count % 1000 === 0 ? `${count / 1000}k appointments` : `${count} appointments`;
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
  const appointments = values.quick ? 100_000 : 1_000_000;
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
  console.log(`Size: ${sizeLabel(patients)}, ${appointmentsLabel(appointments)} (seed ${seed}), ${rounds} rounds, interleaved and rotated, after a warm-up`);
  console.log(`Goals: p95 <= ${GOALS.p95Ms} ms, ours/floor p95 <= ${GOALS.ratioP95} (patients.search); each scheduling benchmark shows its own`);
  console.log('');

  const dataset = await ensureDataset(patients, seed, { appointments, log: (line) => console.log(line) });
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

  const scheduleLabel = appointmentsLabel(appointments);
  let phase = performance.now();
  const took = () => {
    const seconds = (performance.now() - phase) / 1000;
    phase = performance.now();
    return `${seconds.toFixed(1)} s`;
  };
  const providerIds = dataset.scheduling.providerIds;

  // appointments.day: the day view for all 20 providers, on busy dates.
  {
    const dates = busyDates(dataset, 60, seed);
    const core = await openScheduler(dataset.encrypted);
    const floor = new DayFloor(dataset.plain, providerIds, dates);
    try {
      let total = 0;
      for (const date of dates) {
        const a = await dayOurs(core, providerIds, date);
        const b = floor.day(date).flatMap((column) => column.map((row) => row.id));
        if (a.join() !== b.join()) {
          console.error(`appointments.day: the floor does not answer like ours on ${date}: ours ${a.length}, floor ${b.length} appointments`);
          return 1;
        }
        total += a.length;
      }
      console.log(
        `appointments.day: ${dates.length} busy dates (${Math.round(total / dates.length)} appointments a day on average), ` +
          `the floor answers the same appointments on every one (checked in ${took()})`,
      );
      const at = (i: number) => dates[i % dates.length] ?? BENCH_TODAY;
      results.push(
        ...(await runBenchmark(
          {
            name: 'appointments.day (20 providers)',
            dataset: scheduleLabel,
            unit: 'ms',
            ours: { run: (i) => dayOurs(core, providerIds, at(i)) },
            floor: { run: (i) => floor.day(at(i)) },
            iterations: Math.max(dates.length, 100),
            goals: { p95Ms: 5, ratioP95: 1.3 },
          },
          rounds,
          20,
        )),
      );
      console.log(`appointments.day: measured in ${took()}`);
    } finally {
      floor.close();
      await core.close();
    }
  }

  // appointments.nextAvailable: 20 providers over 8 weeks, from today and the weeks after, every type.
  {
    const queries = nextQueries(dataset, 100);
    const core = await openScheduler(dataset.encrypted);
    const floor = new NextFloor(dataset.plain, providerIds, queries, benchNow());
    try {
      for (const query of queries) {
        const a = await nextOurs(core, providerIds, query);
        const b = floor.next(query);
        if (JSON.stringify(a) !== JSON.stringify(b) || a.length !== NEXT_LIMIT) {
          console.error(`appointments.nextAvailable: the floor does not answer like ours from ${query.from}: ours ${JSON.stringify(a.slice(0, 3))}, floor ${JSON.stringify(b.slice(0, 3))}`);
          return 1;
        }
      }
      console.log(`appointments.nextAvailable: ${queries.length} searches, the floor finds the same first ${NEXT_LIMIT} slots as ours for each (checked in ${took()})`);
      const at = (i: number) => queries[i % queries.length] ?? queries[0];
      results.push(
        ...(await runBenchmark(
          {
            name: 'appointments.nextAvailable (20 providers x 8 weeks)',
            dataset: scheduleLabel,
            unit: 'ms',
            ours: { run: (i) => { const q = at(i); return q ? nextOurs(core, providerIds, q) : []; } },
            floor: { run: (i) => { const q = at(i); return q ? floor.next(q) : []; } },
            iterations: queries.length,
            goals: { p95Ms: 20 },
          },
          rounds,
          20,
        )),
      );
      console.log(`appointments.nextAvailable: measured in ${took()}`);
    } finally {
      floor.close();
      await core.close();
    }
  }

  // appointments.book: distinct free slots, the same ones for both, each in its own working copy.
  {
    const iterations = 100;
    const warmup = 20;
    const slots = freeSlots(dataset, warmup + rounds * iterations, seed);
    const copies = workingCopies(dataset, 'book');
    console.log(`appointments.book: ${slots.length} free slots found and working copies made in ${took()}`);
    const core = await openScheduler(copies.encrypted);
    const floor = new BookFloor(copies.plain);
    try {
      let oursNext = 0;
      let floorNext = 0;
      const slot = (n: number) => {
        const found = slots[n];
        if (!found) throw new Error('out of free slots');
        return found;
      };
      // Equivalence first: the first slot booked both ways lands as the same row.
      const first = await bookOurs(core, slot(oursNext++));
      floor.book(slot(floorNext++), first.createdAt);
      const row = floor.handle
        .prepare('SELECT provider_id, patient_id, location_id, type_id, start_at, end_at, status FROM appointments WHERE patient_id = ? AND start_at = ?')
        .get(first.patientId, first.start) as Record<string, unknown> | undefined;
      const expected = { provider_id: first.providerId, patient_id: first.patientId, location_id: first.locationId, type_id: first.typeId, start_at: first.start, end_at: first.end, status: first.status };
      if (JSON.stringify(row) !== JSON.stringify(expected)) {
        console.error(`appointments.book: the floor books ${JSON.stringify(row)}, ours ${JSON.stringify(expected)}`);
        return 1;
      }
      console.log('appointments.book: the floor writes the same appointment as ours');
      const now = first.createdAt;
      results.push(
        ...(await runBenchmark(
          {
            name: 'appointments.book',
            dataset: scheduleLabel,
            unit: 'ms',
            ours: { run: () => bookOurs(core, slot(oursNext++)) },
            floor: { run: () => floor.book(slot(floorNext++), now) },
            iterations,
            goals: { p95Ms: 5 },
          },
          rounds,
          warmup - 1,
        )),
      );
      console.log(`appointments.book: ${oursNext} bookings each way into distinct free slots of working copies (removed after), measured in ${took()}`);
    } finally {
      floor.close();
      await core.close();
      copies.remove();
    }
  }

  results.push(...(await benchVisits(dataset, rounds)));
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
