import type { Dataset } from './dataset';
import type { BenchmarkResult } from './harness';
import type { Peers } from './peers/peers';

/**
 * What every suite of benchmarks gets from the runner, and what it gives back. A suite checks that
 * its variants answer alike before it times them; when they do not, it throws {@link Mismatch} and
 * the run fails (a fast wrong answer is no benchmark).
 */
export interface BenchContext {
  dataset: Dataset;
  /** "10k patients" */
  patientsLabel: string;
  /** "100k appointments" */
  appointmentsLabel: string;
  rounds: number;
  seed: number;
  queries: number;
  peers: Peers;
  log: (line: string) => void;
  /**
   * A bench's own check that failed (e.g. the UI memory check's LEAK): the run goes on, prints it
   * after the table and exits non-zero.
   */
  fail: (message: string) => void;
}

export interface Suite {
  /** What `--only` matches against (a prefix). */
  name: string;
  run(context: BenchContext): Promise<BenchmarkResult[]>;
}

export class Mismatch extends Error {}

/** "12.3 s" since the last call: each suite prints how long its phases took. */
export function stopwatch(): () => string {
  let phase = performance.now();
  return () => {
    const seconds = (performance.now() - phase) / 1000;
    phase = performance.now();
    return `${seconds.toFixed(1)} s`;
  };
}
