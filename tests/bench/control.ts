import { runBenchmark } from './harness';
import { busyDates, DayFloor } from './scheduling';
import { BENCH_TODAY } from './scheduling-data';
import { stopwatch, type Suite } from './suite';

/** Above this, floor-against-itself says the machine is too noisy for the ratios to mean much. */
export const NOISE_LIMIT = 1.25;

/**
 * The control pair: the day-view floor against itself, two connections to the same file, timed
 * exactly like every other benchmark. Both sides do the same work, so any ratio away from 1 is the
 * machine's noise (other processes, frequency changes, GC), the error bar on every other ratio.
 */
export const controlSuite: Suite = {
  name: 'control',
  async run({ dataset, rounds, seed, log, appointmentsLabel }) {
    const took = stopwatch();
    const providerIds = dataset.scheduling.providerIds;
    const dates = busyDates(dataset, 60, seed);
    const a = new DayFloor(dataset.plain, providerIds, dates);
    const b = new DayFloor(dataset.plain, providerIds, dates);
    try {
      const at = (i: number) => dates[i % dates.length] ?? BENCH_TODAY;
      const results = await runBenchmark(
        {
          name: 'control (day floor vs itself)',
          dataset: appointmentsLabel,
          unit: 'ms',
          ours: { run: (i) => a.day(at(i)) },
          floor: { run: (i) => b.day(at(i)) },
          iterations: 100,
          goals: { ratioP95: NOISE_LIMIT },
        },
        rounds,
        20,
      );
      log(`control: measured in ${took()}`);
      return results;
    } finally {
      a.close();
      b.close();
    }
  },
};

/** The sentence the run ends with about the control pair: how far apart two identical variants came out. */
export function noiseVerdict(ratio: number): string {
  const spread = Math.max(ratio, 1 / ratio);
  return spread > NOISE_LIMIT
    ? `TOO NOISY: the floor against itself came out ${ratio.toFixed(2)}x (limit ${NOISE_LIMIT}x); the ratios of this run are not to be trusted, run it again on a quieter machine.`
    : `Control pair: the floor against itself came out ${ratio.toFixed(2)}x (within ${NOISE_LIMIT}x): differences smaller than that are noise.`;
}
