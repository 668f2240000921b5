import { performance } from 'node:perf_hooks';

/** One way of answering a benchmark's question: ours, the raw floor, or a peer. */
export interface Variant {
  /** Answers query number `i` (the benchmark cycles through its own inputs). */
  run(i: number): unknown;
}

export interface Benchmark {
  name: string;
  dataset: string;
  unit: 'ms';
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
  p95Ms: number;
  /** Left out: no goal for the ratio to the floor (it is shown all the same). */
  ratioP95?: number;
}

export interface Stats {
  p50: number;
  p95: number;
  mean: number;
}

export interface BenchmarkResult {
  name: string;
  dataset: string;
  unit: 'ms';
  ours: Stats;
  floor: Stats;
  ratio_p95: number;
  peers?: Record<string, Stats & { ratio_p95: number }>;
  goals?: Goals;
}

/** The goals every benchmark is held to (issue 3): shown beside the figures. */
export const GOALS = { p95Ms: 2, ratioP95: 1.5 } as const;

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
  const variants: [string, Variant][] = [['ours', benchmark.ours], ['floor', benchmark.floor], ...Object.entries(benchmark.peers ?? {})];
  const samples = new Map<string, number[]>(variants.map(([name]) => [name, []]));
  /** Per group, per variant: the samples of that group's inputs. */
  const grouped = new Map<string, Map<string, number[]>>();
  for (const [, variant] of variants) for (let i = 0; i < warmup; i += 1) await variant.run(i);
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
  for (let r = 0; r < rounds; r += 1) {
    for (let i = 0; i < benchmark.iterations; i += 1) {
      const input = r * benchmark.iterations + i;
      for (let v = 0; v < variants.length; v += 1) {
        const [name, variant] = variants[(v + r + i) % variants.length] ?? variants[0] ?? ['ours', benchmark.ours];
        const started = performance.now();
        await variant.run(input);
        record(name, input, performance.now() - started);
      }
    }
  }
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
  const header = ['benchmark', 'dataset', 'ours p50', 'ours p95', 'ours mean', 'floor p50', 'floor p95', 'floor mean', 'ours/floor p95', 'goals'];
  const rows = results.map((r) => [
    r.name,
    r.dataset,
    r.ours.p50.toFixed(3),
    r.ours.p95.toFixed(3),
    r.ours.mean.toFixed(3),
    r.floor.p50.toFixed(3),
    r.floor.p95.toFixed(3),
    r.floor.mean.toFixed(3),
    `${r.ratio_p95.toFixed(2)}x`,
    goalMarks(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** "p95 ok (<= 5), ratio MISSED (<= 1.3)" against the benchmark's goals, else {@link GOALS}. */
export function goalMarks(result: BenchmarkResult): string {
  const goals: Goals = result.goals ?? GOALS;
  const p95 = `${result.ours.p95 <= goals.p95Ms ? 'p95 ok' : 'p95 MISSED'} (<= ${goals.p95Ms})`;
  if (goals.ratioP95 === undefined) return `${p95}, no ratio goal`;
  const ratio = `${result.ratio_p95 <= goals.ratioP95 ? 'ratio ok' : 'ratio MISSED'} (<= ${goals.ratioP95})`;
  return `${p95}, ${ratio}`;
}
