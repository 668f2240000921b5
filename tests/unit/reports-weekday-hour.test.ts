import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFINITIONS } from '../../src-shared/reports/model';
import { printable } from '../../src-main/core/billing/pdf/layout';
import { csvCell } from '../../src-main/core/reports/csv';
import type { ReportScope } from '../../src-main/core/reports/scope';
import { waitingTimesReport } from '../../src-main/core/reports/waiting-times';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { pdfText } from '../helpers/pdf-text';
import { lastAudit } from '../helpers/setup-audit';

/**
 * The week's heat map of waiting times (issue 18), worked out by hand. London's clocks go forward at 01:00
 * UTC on Sunday 28 March 2027: on the Saturday the clinic's clock reads UTC, from Sunday 01:00 UTC an hour
 * ahead of it. Walk-ins arrive and leave at the UTC instants below:
 *
 *   Sat 27  A  09:10 → 09:40  30 min   Saturday 09        (GMT)
 *   Sat 27  B  09:50 → 10:10  20 min   Saturday 09
 *   Sat 27  C  14:05 → 14:20  15 min   Saturday 14
 *   Sat 27  D  11:00, roomed, never checked out: no arrival → out, so in no cell
 *   Sun 28  E  08:30 → 09:15  45 min   Sunday 09 by the clinic's clock (09:30 BST; 08 in UTC)
 *   Sun 28  F  09:20 → 09:32  12 min   Sunday 10 (10:20 BST)
 *   Sun 28  G  23:20 → 23:45  25 min   Monday 00 (00:20 BST on the 29th; Sunday 23 in UTC)
 *
 * Saturday 09 holds 20 and 30 minutes: median by nearest rank ⌈0.5 × 2⌉ = 1st = 20, 90th ⌈1.8⌉ = 2nd = 30.
 */
let b: BillingClinic;
const FROM = '2027-03-27';
const TO = '2027-03-29';
const utc = (day: number, hour: number, minute: number) => Date.UTC(2027, 2, day, hour, minute);

/** A walk-in through the flow board at the instants given (check-out left out when `out` is null). */
async function walkIn(arrive: number, out: number | null): Promise<void> {
  const { clinic } = b;
  clinic.clock.now = arrive;
  await b.advanceDays(0); // signs everyone in again: hours pass between these visits
  const visit = await clinic.ok('desk', 'visits.checkIn', { patientId: await b.patient('Heat'), providerId: b.drAId });
  clinic.clock.now = arrive + 60_000;
  await clinic.ok('desk', 'visits.move', {
    visitId: visit.id,
    to: 'roomed',
    roomId: out === null ? b.room2Id : b.room1Id,
  });
  if (out === null) return; // left in room 2
  await clinic.ok('desk', 'visits.move', { visitId: visit.id, to: 'with_provider' });
  clinic.clock.now = out;
  await clinic.ok('desk', 'visits.move', { visitId: visit.id, to: 'ready_for_checkout' });
  await clinic.ok('desk', 'visits.checkOut', { visitId: visit.id });
}

beforeAll(async () => {
  b = await openBillingClinic({ weekdays: [1, 2, 3, 4, 5, 6, 7] });
  await walkIn(utc(27, 9, 10), utc(27, 9, 40));
  await walkIn(utc(27, 9, 50), utc(27, 10, 10));
  await walkIn(utc(27, 14, 5), utc(27, 14, 20));
  await walkIn(utc(27, 11, 0), null);
  await walkIn(utc(28, 8, 30), utc(28, 9, 15));
  await walkIn(utc(28, 9, 20), utc(28, 9, 32));
  await walkIn(utc(28, 23, 20), utc(28, 23, 45));
  b.clinic.clock.now = utc(29, 9, 0);
  await b.advanceDays(0);
});
afterAll(async () => {
  await b.clinic.close();
});

const cell = (weekday: number, hour: number, visits: number, median: number, p90: number) => ({
  weekday,
  hour,
  visits,
  medianSeconds: median * 60,
  p90Seconds: p90 * 60,
});
const WEEK = [
  cell(1, 0, 1, 25, 25),
  cell(6, 9, 2, 20, 30),
  cell(6, 14, 1, 15, 15),
  cell(7, 9, 1, 45, 45),
  cell(7, 10, 1, 12, 12),
];

describe('waiting times by weekday and hour', () => {
  it('puts each visit under the clinic weekday and hour it arrived in, across the change of clocks', async () => {
    const report = await b.clinic.ok('manager', 'reports.waitingTimes', { from: FROM, to: TO });
    expect(report.visits).toBe(7);
    expect(report.byWeekdayHour).toEqual(WEEK);
    // The hours alone agree: 09 holds Saturday's 20 and 30 and Sunday's 45 (median 2nd = 30, 90th 3rd = 45).
    expect(report.byHour).toEqual([
      { hour: 0, visits: 1, medianSeconds: 25 * 60, p90Seconds: 25 * 60 },
      { hour: 9, visits: 3, medianSeconds: 30 * 60, p90Seconds: 45 * 60 },
      { hour: 10, visits: 1, medianSeconds: 12 * 60, p90Seconds: 12 * 60 },
      { hour: 14, visits: 1, medianSeconds: 15 * 60, p90Seconds: 15 * 60 },
    ]);
    // One day alone: Sunday's two daytime visits (G's local date is Monday).
    const sunday = await b.clinic.ok('manager', 'reports.waitingTimes', { from: '2027-03-28', to: '2027-03-28' });
    expect(sunday.byWeekdayHour).toEqual([cell(7, 9, 1, 45, 45), cell(7, 10, 1, 12, 12)]);
  });

  it('gives the same cells from the daily aggregates as from the raw visits', async () => {
    const scope: ReportScope = {
      filters: {
        from: FROM,
        to: TO,
        providerId: null,
        providerName: null,
        locationId: null,
        locationName: null,
        typeId: null,
        typeName: null,
        payer: null,
      },
      timeZone: b.timeZone,
      currency: 'GBP',
      phoneRegion: null,
      providers: new Map(),
    };
    const db = b.clinic.core.database.db;
    await b.clinic.ok('manager', 'reports.waitingTimes', { from: FROM, to: TO }); // the aggregates refreshed
    const raw = await waitingTimesReport(db, scope, b.clinic.clock.now, false);
    expect(raw.byWeekdayHour).toEqual(WEEK);
    expect(await waitingTimesReport(db, scope, b.clinic.clock.now, true)).toEqual(raw);
  });

  it('exports the cells as a CSV section and a PDF table, with the definition, audited', async () => {
    const csv = await b.clinic.ok('manager', 'reports.exportCsv', { report: 'waitingTimes', from: FROM, to: TO });
    const lines = csv.content.slice(1).split('\r\n');
    expect(lines).toContain(`Definition,${csvCell(DEFINITIONS.waitsByWeekdayHour)}`);
    const at = lines.indexOf('By weekday and hour of arrival');
    expect(at).toBeGreaterThan(lines.indexOf('By hour of arrival'));
    expect(lines.slice(at + 1, at + 8)).toEqual([
      'Weekday,Hour,Visits,Median (seconds),90th percentile (seconds)',
      'Monday,00:00,1,1500,1500',
      'Saturday,09:00,2,1200,1800',
      'Saturday,14:00,1,900,900',
      'Sunday,09:00,1,2700,2700',
      'Sunday,10:00,1,720,720',
      '',
    ]);

    const pdf = await b.clinic.ok('manager', 'reports.exportPdf', { report: 'waitingTimes', from: FROM, to: TO });
    expect(pdf).toMatchObject({ fileName: `waitingTimes-${FROM}-to-${TO}.pdf`, mimeType: 'application/pdf' });
    const text = await pdfText(pdf);
    expect(text).toContain('Waiting times');
    expect(text).toContain('Ran by Mona Manager');
    expect(text).toContain('Arrival -> out 6 20 min 45 min');
    // The grid spans 00 to 14 (every hour between kept); Saturday's row has 20 under 09 and 15 under 14.
    expect(text).toMatch(/ 00 01 02 03 04 05 06 07 08 09 10 11 12 13 14 Monday 25 Tuesday Wednesday/);
    expect(text).toMatch(/Saturday 20 15 Sunday 45 12 /);
    expect(text).toContain('Saturday 09:00 2 20 min 30 min');
    // Medians up to 45: five shades 10 minutes wide.
    expect(text).toContain('Shades, lightest to darkest: 0-9 min, 10-19 min, 20-29 min, 30-39 min, 40+ min.');
    expect(text).toContain(printable(DEFINITIONS.waitsByWeekdayHour.replaceAll('→', '->')).replace(/\s+/g, ' '));
    const audit = await lastAudit(b.clinic);
    expect(audit.action).toBe('reports.exportPdf');
    expect(audit.details).toMatchObject({ report: 'waitingTimes', format: 'pdf', from: FROM, to: TO });
  });
});
