import { describe, expect, it } from 'vitest';
import { noiseVerdict } from '../bench/control';
import { formatTable, runBenchmark } from '../bench/harness';

// The runner's arithmetic with variants that report their own times: exact figures, no clock.

describe('bench harness', () => {
  it('interleaves ours and the floor, then the peers on their own, samples a slow peer only every n-th input, and gives ratios to the floor and each peer', async () => {
    const calls: string[] = [];
    const variant = (name: string, ms: number) => ({
      run: (i: number) => (calls.push(`${name}${i}`), ms),
      selfTimed: true,
    });
    const [result] = await runBenchmark(
      {
        name: 'x',
        dataset: 'd',
        unit: 'ms',
        ours: variant('o', 2),
        floor: variant('f', 1),
        peers: { slow: { ...variant('s', 8), every: 5 } },
        iterations: 10,
      },
      5,
      0,
    );
    expect(calls.filter((c) => c.startsWith('o'))).toHaveLength(50);
    expect(calls.filter((c) => c.startsWith('s'))).toHaveLength(10);
    // Interleaved: each input's calls come together, whoever goes first.
    expect(calls.slice(0, 2).map((c) => c.slice(1))).toEqual(['0', '0']);
    expect(
      calls
        .slice(0, 4)
        .map((c) => c[0])
        .sort(),
    ).toEqual(['f', 'f', 'o', 'o']);
    // The peers only once ours and the floor are done: their garbage is not collected in our timings.
    expect(calls.findIndex((c) => c.startsWith('s'))).toBeGreaterThan(calls.findLastIndex((c) => c.startsWith('o')));
    expect(result).toMatchObject({
      ours: { p95: 2 },
      floor: { p95: 1 },
      ratio_p95: 2,
      peers: { slow: { p95: 8, ratio_p95: 0.25 } },
    });
    expect(formatTable(result ? [result] : [])).toContain('ours/slow');
  });

  it('says the run is too noisy when the floor against itself differs by more than 1.25x either way', () => {
    expect(noiseVerdict(1.1)).toMatch(/^Control pair/);
    expect(noiseVerdict(1.3)).toMatch(/^TOO NOISY/);
    expect(noiseVerdict(1 / 1.3)).toMatch(/^TOO NOISY/);
  });
});
