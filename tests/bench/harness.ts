import { performance } from 'node:perf_hooks';
import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { idleCheckpointer } from '../../src-main/core/db/idle-checkpoint';

/** One way of answering a benchmark's question: ours, the raw floor, or a peer. */
export interface Variant {
  /** Answers query number `i` (the benchmark cycles through its own inputs). */
  run(i: number): unknown;
  /**
   * When set, `run` resolves to the time it measured itself (or to several, e.g. frame times): a page
   * timing its own paint, without the round trip that drives it.
   */
  selfTimed?: boolean;
  /**
   * What runs between two calls, not timed: for a write, what the hosts do between requests
   * ({@link hostIdle}, {@link floorIdle}).
   */
  idle?(): unknown;
  /**
   * A slow peer (hundreds of ms a call) is sampled on every `every`-th input only, still interleaved
   * with the others, so that it does not stretch the run by minutes. Left out: every input.
   */
  every?: number;
}

export interface Benchmark {
  name: string;
  dataset: string;
  unit: Unit;
  ours: Variant;
  floor: Variant;
  peers?: Record<string, Variant>;
  /** Timed calls per variant per round. */
  iterations: number;
  /** Optional: the kind of input `i` is, for a breakdown of the figures per kind. */
  group?(i: number): string;
  /** This benchmark's own goals (issue 4); left out: {@link GOALS}. */
  goals?: Goals;
}

export interface Goals {
  /** Left out: no goal for the time (the control pair). */
  p95Ms?: number;
  /** Left out: no goal for the ratio to the floor (it is shown all the same). */
  ratioP95?: number;
}

export interface Stats {
  p50: number;
  p95: number;
  mean: number;
}

/** Milliseconds per call, or a size (the renderer bundle, gzipped). */
export type Unit = 'ms' | 'KiB';

export interface BenchmarkResult {
  name: string;
  dataset: string;
  unit: Unit;
  ours: Stats;
  floor: Stats;
  ratio_p95: number;
  peers?: Record<string, Stats & { ratio_p95: number }>;
  goals?: Goals;
}

/** The goals every benchmark is held to (issue 3): shown beside the figures. */
export const GOALS = { p95Ms: 2, ratioP95: 1.5 } as const;

/**
 * Stock's goals (issue 16), at the full size (5k items, 20k lots, 1M movements): a FEFO dispense in
 * 5 ms and within 2× its floor, an item's stock on hand in 2 ms, the stock home's alert lists and a
 * recall in 20 ms each.
 */
export const STOCK_GOALS = {
  dispense: { p95Ms: 5, ratioP95: 2 },
  item: { p95Ms: 2 },
  alerts: { p95Ms: 20 },
  recall: { p95Ms: 20 },
} as const satisfies Record<string, Goals>;

/**
 * Between a desk's writes, what its host does every 5 seconds (src-main/web/server.ts, electron/main.ts):
 * `core.checkpoint()`, which copies the write-ahead log into the database (with the audit lookup's
 * fill) once a few hundred rows changed since the last copy (db/idle-checkpoint.ts). People write
 * seconds apart, so no write finds the log past SQLite's 1,000 pages and copies it inside its commit.
 */
export const hostIdle = (core: { checkpoint(): unknown }) => () => core.checkpoint();

/** The same for a floor's connection: the same rule, a passive checkpoint once as many rows changed. */
export const floorIdle = (handle: BetterSqlite3.Database) => idleCheckpointer(handle);

export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const mean = sorted.reduce((sum, x) => sum + x, 0) / Math.max(1, sorted.length);
  return { p50: round(at(0.5)), p95: round(at(0.95)), mean: round(mean) };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Runs every variant in interleaved rounds, rotating which goes first, after a warm-up, so that a
 * noisy neighbour or a cache warmed by one variant does not favour another. Answers the figures
 * over all inputs, then (when the benchmark groups its inputs) per group, named "name [group]".
 */
export async function runBenchmark(benchmark: Benchmark, rounds: number, warmup = 50): Promise<BenchmarkResult[]> {
  const pair: [string, Variant][] = [
    ['ours', benchmark.ours],
    ['floor', benchmark.floor],
  ];
  const peers: [string, Variant][] = Object.entries(benchmark.peers ?? {});
  const samples = new Map<string, number[]>([...pair, ...peers].map(([name]) => [name, []]));
  /** Per group, per variant: the samples of that group's inputs. */
  const grouped = new Map<string, Map<string, number[]>>();
  const record = (name: string, input: number, elapsed: number) => {
    samples.get(name)?.push(elapsed);
    if (!benchmark.group) return;
    const key = benchmark.group(input);
    let byVariant = grouped.get(key);
    if (!byVariant) grouped.set(key, (byVariant = new Map<string, number[]>()));
    let bucket = byVariant.get(name);
    if (!bucket) byVariant.set(name, (bucket = []));
    bucket.push(elapsed);
  };
  // Interleaved call by call, the order rotated on every input: a noisy neighbour (this machine is
  // shared), a GC pause or a warmed cache lands on every variant alike instead of on one block.
  const measure = async (variants: [string, Variant][]) => {
    for (const [, variant] of variants)
      for (let i = 0; i < warmup; i += variant.every ?? 1) {
        await variant.run(i);
        await variant.idle?.();
      }
    for (let r = 0; r < rounds; r += 1) {
      for (let i = 0; i < benchmark.iterations; i += 1) {
        const input = r * benchmark.iterations + i;
        for (let v = 0; v < variants.length; v += 1) {
          const [name, variant] = variants[(v + r + i) % variants.length] ?? ['ours', benchmark.ours];
          if (variant.every !== undefined && input % variant.every !== 0) continue;
          const started = performance.now();
          const answer = await variant.run(input);
          const elapsed = performance.now() - started;
          if (!variant.selfTimed) record(name, input, elapsed);
          else
            for (const sample of Array.isArray(answer) ? (answer as number[]) : [Number(answer)])
              record(name, input, sample);
          await variant.idle?.();
        }
      }
    }
  };
  // Ours and the floor first, on their own; the peers after, among themselves. A peer in the same
  // process leaves garbage (PouchDB: megabytes a call) whose collection would land in the timing
  // of whichever call comes next, ours or the floor's, and stretch their tails.
  await measure(pair);
  if (peers.length > 0) await measure(peers);
  const summarise = (name: string, of: Map<string, number[]>): BenchmarkResult => {
    const ours = stats(of.get('ours') ?? []);
    const floor = stats(of.get('floor') ?? []);
    const peers = Object.fromEntries(
      Object.keys(benchmark.peers ?? {}).map((peerName) => {
        const peer = stats(of.get(peerName) ?? []);
        return [peerName, { ...peer, ratio_p95: round(ours.p95 / peer.p95) }];
      }),
    );
    return {
      name,
      dataset: benchmark.dataset,
      unit: benchmark.unit,
      ours,
      floor,
      ratio_p95: round(ours.p95 / floor.p95),
      ...(benchmark.peers ? { peers } : {}),
      ...(benchmark.goals ? { goals: benchmark.goals } : {}),
    };
  };
  return [
    summarise(benchmark.name, samples),
    ...[...grouped].map(([key, of]) => summarise(`${benchmark.name} [${key}]`, of)),
  ];
}

export function formatTable(results: BenchmarkResult[]): string {
  const peerNames = [...new Set(results.flatMap((r) => Object.keys(r.peers ?? {})))];
  const header = [
    'benchmark',
    'dataset',
    'ours p50',
    'ours p95',
    'floor p95',
    'ours/floor p95',
    ...peerNames.flatMap((peer) => [`${peer} p95`, `ours/${peer}`]),
    'goals',
  ];
  const rows = results.map((r) => [
    r.name,
    r.dataset,
    r.ours.p50.toFixed(3),
    r.ours.p95.toFixed(3),
    r.floor.p95.toFixed(3),
    `${r.ratio_p95.toFixed(2)}x`,
    ...peerNames.flatMap((peer) => {
      const figures = r.peers?.[peer];
      return figures ? [figures.p95.toFixed(3), `${figures.ratio_p95.toFixed(2)}x`] : ['-', '-'];
    }),
    goalMarks(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** "p95 ok (<= 5), ratio MISSED (<= 1.3)" against the benchmark's goals, else {@link GOALS}. */
export function goalMarks(result: BenchmarkResult): string {
  const goals: Goals = result.goals ?? GOALS;
  const marks: string[] = [];
  if (goals.p95Ms !== undefined)
    marks.push(`${result.ours.p95 <= goals.p95Ms ? 'p95 ok' : 'p95 MISSED'} (<= ${goals.p95Ms})`);
  if (goals.ratioP95 !== undefined)
    marks.push(`${result.ratio_p95 <= goals.ratioP95 ? 'ratio ok' : 'ratio MISSED'} (<= ${goals.ratioP95})`);
  return marks.length > 0 ? marks.join(', ') : 'no goal';
}
