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

  it("runs a variant's idle work after each of its calls (the warm-up's too), outside the timing", async () => {
    const calls: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const [result] = await runBenchmark(
      {
        name: 'write',
        dataset: 'd',
        unit: 'ms',
        ours: { run: (i) => calls.push(`o${i}`), idle: () => (calls.push('checkpoint'), busy(30)) },
        floor: { run: (i) => calls.push(`f${i}`) },
        iterations: 3,
      },
      2,
      1,
    );
    const ours = calls.filter((call) => call !== 'checkpoint' && call.startsWith('o'));
    expect(ours).toHaveLength(7);
    // Every call of ours is followed by its idle work before anything else runs.
    calls.forEach((call, at) => {
      if (call.startsWith('o')) expect(calls[at + 1]).toBe('checkpoint');
    });
    expect(calls.filter((call) => call === 'checkpoint')).toHaveLength(7);
    // 30 ms of idle work a call, none of it in the figures.
    expect(result?.ours.p95).toBeLessThan(10);
  });

  it('says the run is too noisy when the floor against itself differs by more than 1.25x either way', () => {
    expect(noiseVerdict(1.1)).toMatch(/^Control pair/);
    expect(noiseVerdict(1.3)).toMatch(/^TOO NOISY/);
    expect(noiseVerdict(1 / 1.3)).toMatch(/^TOO NOISY/);
  });
});
