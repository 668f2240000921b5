import { describe, expect, it } from 'vitest';
import { readFilters, writeFilters } from '../../src-renderer/src/screens/reports/filters';
import { SELF_PAY } from '../../src-shared/reports/model';

const TODAY = '2026-11-24';
const PROVIDER = '0190f3a2-7c1e-7abc-8def-0123456789ab';
const LOCATION = '0190f3a2-7c1e-7abc-8def-0123456789ac';
const TYPE = '0190f3a2-7c1e-7abc-8def-0123456789ad';
const NONE = { providerId: null, locationId: null, typeId: null, payer: null, expiringDays: 90 };

describe('the reports filters in the address', () => {
  it('reads a bookmarked range, provider, location and type back as they were written', () => {
    const filters = {
      from: '2026-10-01',
      to: '2026-10-31',
      providerId: PROVIDER,
      locationId: LOCATION,
      typeId: TYPE,
      payer: null,
      expiringDays: 90,
      day: '2026-10-31',
    };
    const query = writeFilters(filters);
    expect(query).toBe(`from=2026-10-01&to=2026-10-31&provider=${PROVIDER}&location=${LOCATION}&type=${TYPE}`);
    expect(readFilters(query, TODAY)).toEqual(filters);
  });

  it('reads a payer (self-pay or an insurer) and the expiring window back; an unknown window falls back', () => {
    const acme = {
      from: '2026-10-01',
      to: '2026-10-31',
      ...NONE,
      payer: 'Acme Health',
      expiringDays: 30,
      day: '2026-10-31',
    };
    const query = writeFilters(acme);
    expect(query).toBe('from=2026-10-01&to=2026-10-31&payer=Acme+Health&expiring=30');
    expect(readFilters(query, TODAY)).toEqual(acme);
    expect(readFilters(writeFilters({ ...acme, payer: SELF_PAY }), TODAY).payer).toBe(SELF_PAY);
    expect(readFilters('expiring=7&payer=', TODAY)).toMatchObject({ expiringDays: 90, payer: null });
  });

  it('keeps a single day a single day (from = to), even one outside this month', () => {
    expect(readFilters('from=2026-11-03&to=2026-11-03', TODAY)).toEqual({
      from: '2026-11-03',
      to: '2026-11-03',
      ...NONE,
      day: '2026-11-03',
    });
    expect(readFilters('to=2026-09-30', TODAY)).toMatchObject({ from: '2026-09-30', to: '2026-09-30' });
    expect(readFilters('from=2026-12-05', TODAY)).toMatchObject({ from: '2026-12-05', to: '2026-12-05' });
  });

  it('falls back to the month so far for what is missing or unreadable, and never writes half-typed dates', () => {
    expect(readFilters('', TODAY)).toEqual({ from: '2026-11-01', to: TODAY, ...NONE, day: TODAY });
    expect(readFilters('from=yesterday&provider=%3Cscript%3E&type=a%20b', TODAY)).toEqual({
      from: '2026-11-01',
      to: TODAY,
      ...NONE,
      day: TODAY,
    });
    expect(writeFilters({ from: '3/11/20', to: TODAY, ...NONE, day: TODAY })).toBe(`to=${TODAY}`);
  });

  it('holds the day sheet’s day when it is not the range’s last day', () => {
    const query = writeFilters({ from: '2026-11-01', to: TODAY, ...NONE, day: '2026-11-20' });
    expect(query).toBe(`from=2026-11-01&to=${TODAY}&day=2026-11-20`);
    expect(readFilters(query, TODAY).day).toBe('2026-11-20');
    expect(readFilters(`from=2026-11-01&to=${TODAY}&day=20/11`, TODAY).day).toBe(TODAY);
  });
});
