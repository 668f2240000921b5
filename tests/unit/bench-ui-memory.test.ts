import { describe, expect, it } from 'vitest';
import { formatHeapVerdict, heapVerdict, LEAK_LIMIT_BYTES } from '../bench/ui-memory-verdict';

// The UI memory check's verdict on two heap readings: growth over 2 MiB in 100 navigations is a leak.

const MiB = 2 ** 20;

describe('ui memory verdict', () => {
  it('passes a heap that stayed flat, shrank, or grew up to the limit', () => {
    expect(heapVerdict(20 * MiB, 20 * MiB).verdict).toBe('OK');
    expect(heapVerdict(20 * MiB, 18 * MiB)).toMatchObject({ verdict: 'OK', growth: -2 * MiB });
    expect(heapVerdict(20 * MiB, 20 * MiB + LEAK_LIMIT_BYTES).verdict).toBe('OK');
  });

  it('calls LEAK a heap that grew past the limit, and prints it', () => {
    const result = heapVerdict(20 * MiB, 20 * MiB + LEAK_LIMIT_BYTES + 1);
    expect(result.verdict).toBe('LEAK');
    expect(formatHeapVerdict(20 * MiB, 25 * MiB, heapVerdict(20 * MiB, 25 * MiB))).toBe(
      'ui.memory: LEAK: JS heap after GC 20.00 MiB after the first round, 25.00 MiB after 100 navigations (+5.00 MiB, limit +2.00 MiB)',
    );
  });

  it('refuses readings that are not byte counts', () => {
    expect(() => heapVerdict(Number.NaN, 1)).toThrow();
    expect(() => heapVerdict(1, -1)).toThrow();
  });
});
