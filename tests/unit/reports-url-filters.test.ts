import { describe, expect, it } from 'vitest';
import { readFilters, writeFilters } from '../../src-renderer/src/screens/reports/filters';

const TODAY = '2026-11-24';
const PROVIDER = '0190f3a2-7c1e-7abc-8def-0123456789ab';

describe('the reports filters in the address', () => {
  it('reads a bookmarked range and provider back as they were written', () => {
    const filters = { from: '2026-10-01', to: '2026-10-31', providerId: PROVIDER };
    const query = writeFilters(filters);
    expect(query).toBe(`from=2026-10-01&to=2026-10-31&provider=${PROVIDER}`);
    expect(readFilters(query, TODAY)).toEqual(filters);
  });

  it('keeps a single day a single day (from = to), even one outside this month', () => {
    expect(readFilters('from=2026-11-03&to=2026-11-03', TODAY)).toEqual({
      from: '2026-11-03',
      to: '2026-11-03',
      providerId: null,
    });
    expect(readFilters('to=2026-09-30', TODAY)).toMatchObject({ from: '2026-09-30', to: '2026-09-30' });
    expect(readFilters('from=2026-12-05', TODAY)).toMatchObject({ from: '2026-12-05', to: '2026-12-05' });
  });

  it('falls back to the month so far for what is missing or unreadable, and never writes half-typed dates', () => {
    expect(readFilters('', TODAY)).toEqual({ from: '2026-11-01', to: TODAY, providerId: null });
    expect(readFilters('from=yesterday&provider=%3Cscript%3E', TODAY)).toEqual({
      from: '2026-11-01',
      to: TODAY,
      providerId: null,
    });
    expect(writeFilters({ from: '3/11/20', to: TODAY, providerId: null })).toBe(`to=${TODAY}`);
  });
});
