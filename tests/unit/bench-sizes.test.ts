import { describe, expect, it } from 'vitest';
import {
  databasePer100k,
  growth,
  growthReport,
  patientsLabel,
  pickSize,
  sizeRecordAfter,
  SIZES,
  type SizeRecord,
} from '../bench/sizes';

// The bench's sizes and its growth verdict between them: figures given, no clock, no data seeded.

const result = (name: string, dataset: string, p50: number) => ({
  name,
  dataset,
  ours: { p50, p95: p50 * 2, mean: p50 },
});

const record = (size: SizeRecord['size'], databaseBytes: number): SizeRecord => ({
  size,
  patients: SIZES[size].patients,
  appointments: SIZES[size].appointments,
  databaseBytes,
  rssBytes: 300 * 2 ** 20,
  peakRssBytes: 900 * 2 ** 20,
  measured_at: '2026-12-04T12:00:00.000Z',
});

describe('bench sizes', () => {
  it('reads --size, keeps --quick as --size quick, and refuses an unknown size or a contradiction', () => {
    expect(pickSize(undefined, false)).toMatchObject({ name: 'full', patients: 100_000, appointments: 1_000_000 });
    expect(pickSize(undefined, true)).toBe(pickSize('quick', false));
    expect(pickSize('quick', true).patients).toBe(10_000);
    expect(pickSize('xl', false)).toMatchObject({ patients: 1_000_000, appointments: 10_000_000 });
    expect(() => pickSize('huge', false)).toThrow(/quick, full, xl/);
    expect(() => pickSize('xl', true)).toThrow(/--quick/);
  });

  it('files the xl figures under 1M patients and 10M appointments, the smaller sizes as before', () => {
    expect(patientsLabel(SIZES.xl.patients)).toBe('1M patients');
    expect(patientsLabel(SIZES.full.patients)).toBe('100k patients');
    expect(patientsLabel(SIZES.quick.patients)).toBe('10k patients');
  });

  it('compares the search and the day view between full and xl, and misses growth over 1.3x', () => {
    const results = [
      result('patients.search [mrn]', '100k patients', 1.0),
      result('patients.search [mrn]', '1M patients', 1.3),
      result('appointments.day (20 providers)', '1M appointments', 2.0),
      result('appointments.day (20 providers)', '10M appointments', 2.7),
      result('ui.dayView (20 providers)', '100k patients', 40),
      // Not a search or a day view: not compared.
      result('stock.dispense', '100k patients', 1),
      result('stock.dispense', '1M patients', 9),
    ];
    const rows = growth(results, SIZES.full, SIZES.xl);
    expect(rows.map((row) => [row.name, Number(row.ratio.toFixed(2)), row.missed])).toEqual([
      ['appointments.day (20 providers)', 1.35, true],
      ['patients.search [mrn]', 1.3, false],
    ]);
  });

  it('sets no limit between quick and full (only full to xl has one)', () => {
    const rows = growth(
      [result('patients.search', '10k patients', 1), result('patients.search', '100k patients', 5)],
      SIZES.quick,
      SIZES.full,
    );
    expect(rows).toMatchObject([{ ratio: 5, limit: null, missed: false }]);
  });

  it('prints GROWTH MISSED and fails a full or xl run, but not a quick run, when full to xl grew too much', () => {
    const results = [result('patients.search', '100k patients', 1), result('patients.search', '1M patients', 2)];
    const records = [record('full', 500 * 2 ** 20), record('xl', 5000 * 2 ** 20)];
    const xl = growthReport(results, records, 'xl');
    expect(xl.failed).toBe(true);
    expect(xl.lines.join('\n')).toMatch(/GROWTH MISSED/);
    expect(growthReport(results, records, 'full').failed).toBe(true);
    expect(growthReport(results, records, 'quick').failed).toBe(false);
    // A run that measured only other figures is not failed by the stored search that missed.
    expect(growthReport(results, records, 'full', new Set(['appointments.book'])).failed).toBe(false);
    expect(growthReport(results, records, 'full', new Set(['patients.search'])).failed).toBe(true);
    const met = growthReport(
      [result('patients.search', '100k patients', 1), result('patients.search', '1M patients', 1.2)],
      records,
      'xl',
    );
    expect(met.failed).toBe(false);
    expect(met.lines.join('\n')).not.toMatch(/GROWTH MISSED/);
  });

  it('judges growth only between figures of one machine since its start: another machine’s are shown, not judged', () => {
    const on = (boot: string, dataset: string, p50: number) => ({
      ...result('patients.search', dataset, p50),
      machine: { boot },
    });
    const records = [record('full', 500 * 2 ** 20), record('xl', 5000 * 2 ** 20)];
    const elsewhere = growthReport([on('a', '100k patients', 0.3), on('b', '1M patients', 0.6)], records, 'full');
    expect(elsewhere.failed).toBe(false);
    expect(elsewhere.lines.join('\n')).toMatch(/2\.00x not judged: the two sizes were measured on different machines/);
    // A figure stored before boots were recorded is not known to be of this machine either.
    expect(
      growth([on('a', '100k patients', 0.3), result('patients.search', '1M patients', 0.6)], SIZES.full, SIZES.xl),
    ).toMatchObject([{ sameMachine: false, missed: false }]);
    const here = growthReport([on('a', '100k patients', 0.3), on('a', '1M patients', 0.6)], records, 'full');
    expect(here.failed).toBe(true);
    expect(here.lines.join('\n')).toMatch(/GROWTH MISSED/);
  });

  it('says on which day each side of a growth was measured, so stored figures older than the code show', () => {
    const dated = [
      { ...result('patients.search', '100k patients', 1), measured_at: '2026-12-07T02:00:00.000Z' },
      { ...result('patients.search', '1M patients', 1.2), measured_at: '2026-12-05T17:00:00.000Z' },
    ];
    const report = growthReport(dated, [record('full', 500 * 2 ** 20), record('xl', 5000 * 2 ** 20)], 'full');
    expect(report.lines).toContain(
      '  patients.search: 1.00 (2026-12-07) -> 1.20 (2026-12-05) ms, 1.20x met (limit 1.3x)',
    );
  });

  it('reports the database per 100k patients and the RSS at each size, and says which sizes were not measured', () => {
    expect(databasePer100k({ databaseBytes: 1000, patients: 10_000 })).toBe(10_000);
    const report = growthReport([], [record('quick', 60 * 2 ** 20)], 'quick').lines.join('\n');
    expect(report).toMatch(
      /quick \(10k patients, 100k appointments\): database 60 MiB \(600 MiB per 100k patients\), main process RSS 300 MiB/,
    );
    expect(report).toMatch(/xl: not measured here/);
  });

  it('says the xl data holds patients and appointments only, so its size per 100k patients is read as such', () => {
    const report = growthReport([], [record('xl', 5000 * 2 ** 20)], 'xl').lines.join('\n');
    expect(report).toMatch(/xl \(1M patients, 10M appointments, no billing or stock\): database 5000 MiB/);
    expect(SIZES.full.patientsAndAppointmentsOnly).toBe(false);
  });

  it("keeps a seeding run's memory out of the record: the last unseeded run's figures stay, dated", () => {
    const earlier = record('full', 3800 * 2 ** 20);
    const seeding = {
      ...record('full', 3700 * 2 ** 20),
      rssBytes: 5200 * 2 ** 20,
      peakRssBytes: 5300 * 2 ** 20,
      measured_at: '2026-12-07T13:00:00.000Z',
    };
    const kept = sizeRecordAfter(earlier, seeding, true);
    expect(kept).toMatchObject({ databaseBytes: 3700 * 2 ** 20, rssBytes: 300 * 2 ** 20, peakRssBytes: 900 * 2 ** 20 });
    expect(growthReport([], [kept], 'full').lines.join('\n')).toMatch(
      /database 3700 MiB .* main process RSS 300 MiB \(peak 900 MiB\) measured 2026-12-04, 2026-12-07/,
    );
    expect(sizeRecordAfter(earlier, seeding, false).rssBytes).toBe(5200 * 2 ** 20);
    const none = sizeRecordAfter(undefined, seeding, true);
    expect(none.rssBytes).toBeNull();
    expect(growthReport([], [none], 'full').lines.join('\n')).toMatch(/main process RSS not measured yet/);
  });
});
