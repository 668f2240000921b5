import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { BENCH_KEY, type Dataset } from './dataset';
import { type BenchmarkResult, floorIdle, runBenchmark } from './harness';
import { floorCopies } from './scheduling';

/** One floor writer on one file: the next write, and its connection (for the idle checkpoint and closing). */
export interface FloorWriter {
  run(i: number): unknown;
  handle: BetterSqlite3.Database;
}

/**
 * How much of a write's ratio to its floor is the encryption (issue 22). The floor is hand-written SQL on
 * an unencrypted copy; ours writes through SQLCipher, which encrypts every page and adds an HMAC to it.
 * This row times the floor's own SQL on its own database encrypted as ours is ("ours" in the row) against
 * the same SQL on the plain copy ("floor"), interleaved call by call like every row, each on a fresh pair of
 * working copies. `make` builds a writer with its own inputs on the file it is given (keyed when given a key).
 */
export async function encryptionShare(options: {
  dataset: Dataset;
  name: string;
  label: string;
  rounds: number;
  iterations: number;
  warmup: number;
  make: (file: string, key?: Buffer) => FloorWriter;
}): Promise<BenchmarkResult[]> {
  const copies = floorCopies(options.dataset, `encryption-${options.name.replace(/[^a-z]+/gi, '-')}`);
  const encrypted = options.make(copies.encrypted, BENCH_KEY);
  const plain = options.make(copies.plain);
  try {
    return await runBenchmark(
      {
        name: `${options.name}: its floor, encrypted vs plain`,
        dataset: options.label,
        unit: 'ms',
        ours: { run: (i) => encrypted.run(i), idle: floorIdle(encrypted.handle) },
        floor: { run: (i) => plain.run(i), idle: floorIdle(plain.handle) },
        iterations: options.iterations,
        goals: {},
      },
      options.rounds,
      options.warmup,
    );
  } finally {
    encrypted.handle.close();
    plain.handle.close();
    copies.remove();
  }
}

/**
 * The write's ratio split in two: what the encryption costs the floor's own SQL, and what is left for ours
 * against a floor that is encrypted too (ours/plain floor ÷ encrypted/plain floor, each from its own
 * interleaved row, so neither mixes figures timed apart).
 */
function encryptionSplit(write: BenchmarkResult, share: BenchmarkResult): string {
  const againstEncrypted = write.ratio_p95 / share.ratio_p95;
  return (
    `${write.name}: ${write.ratio_p95.toFixed(2)}x its floor = ${share.ratio_p95.toFixed(2)}x for the encryption ` +
    `(the floor's SQL on the encrypted file) x ${againstEncrypted.toFixed(2)}x ours against that encrypted floor (p95)`
  );
}

/** Logs the split of a write's first row by its encryption row's first row. */
export function logEncryptionSplit(
  log: (line: string) => void,
  write: BenchmarkResult[],
  share: BenchmarkResult[],
): void {
  const [row] = write;
  const [shareRow] = share;
  if (row && shareRow) log(encryptionSplit(row, shareRow));
}
