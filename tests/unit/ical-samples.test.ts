import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { busyTimes, occurrences, parseCalendar } from '../../src-main/core/calendar-feeds/busy-times';
import { instantOf } from '../../src-main/core/calendar-feeds/ical-time';
import { sharedDataHere } from '../helpers/shared-data';

/** The shared iCalendar samples (ical.js's own, MPL-2.0), read where they are: never copied into the product. */
const DATA = join(__dirname, '../../../shared/data/ical');
const HERE = sharedDataHere('ical', 'ical-samples');
const read = (path: string) => readFileSync(join(DATA, path), 'utf8');

const utc = (text: string) => Date.parse(text);

function blocksIn(file: string, zone: string, from: string, to: string) {
  return busyTimes(parseCalendar(read(file)), { from: utc(from), to: utc(to) }, zone).blocks.map(
    (block) =>
      `${block.date}${block.endDate === block.date ? '' : `..${block.endDate}`} ${block.start ?? ''}-${block.end ?? ''}`,
  );
}

describe.skipIf(!HERE)('the parser samples', () => {
  const inputs = (HERE ? readdirSync(join(DATA, 'parser')) : []).filter((name) => /\.(ics|vcf)$/.test(name));

  it('are all there', () => {
    expect(inputs.length).toBeGreaterThan(20);
  });

  it.each(inputs)('%s parses to its expected jCal', (name) => {
    const expected = JSON.parse(read(`parser/${name.replace(/\.(ics|vcf)$/, '.json')}`)) as unknown;
    expect(ICAL.parse(read(`parser/${name}`))).toEqual(expected);
  });
});

describe.skipIf(!HERE)('recurring samples expand', () => {
  it('RRULE with RDATEs (a PERIOD among them), EXDATEs and RECURRENCE-ID overrides, in Los Angeles', () => {
    // Monthly on the first Tuesday at 10:00; 2 Oct moved to 15:00, the 5 Nov RDATE moved to 6 Nov 20:00;
    // 4 Dec and 5 Feb excluded.
    expect(
      blocksIn('samples/recur_instances.ics', 'America/Los_Angeles', '2012-10-01T07:00Z', '2013-04-01T07:00Z'),
    ).toEqual([
      '2012-10-02 15:00-15:30',
      '2012-11-06 10:00-10:30',
      '2012-11-06 20:00-20:30',
      '2012-11-10 10:00-10:30',
      '2012-11-30 10:00-10:30',
      '2013-01-01 10:00-10:30',
      '2013-03-05 10:00-10:30',
    ]);
    // The UTC RDATEs of 2023: 09:00Z is 01:00 PST; the PERIOD lasts its own 3.5 hours.
    expect(
      blocksIn('samples/recur_instances.ics', 'America/Los_Angeles', '2023-11-01T07:00Z', '2023-12-01T08:00Z'),
    ).toEqual(['2023-11-07 10:00-10:30', '2023-11-23 01:00-01:30', '2023-11-25 01:00-04:30']);
  });

  it('a daily event in Los Angeles lands an hour earlier in London while only America has changed its clocks', () => {
    const days = blocksIn('samples/daily_recur.ics', 'Europe/London', '2027-03-13T00:00Z', '2027-03-30T00:00Z');
    expect(days[0]).toBe('2027-03-13 13:00-14:00');
    expect(days[1]).toBe('2027-03-14 12:00-13:00');
    expect(days[14]).toBe('2027-03-27 12:00-13:00');
    expect(days[15]).toBe('2027-03-28 13:00-14:00');
    expect(days).toHaveLength(17);
  });

  it('an EXDATE given as a date removes that day from a UTC series', () => {
    const calendar = parseCalendar(read('samples/rdate_exdate.ics'));
    const starts = [
      ...occurrences(calendar, { from: utc('2024-01-01T00:00Z'), to: utc('2025-01-01T00:00Z') }, 'UTC'),
    ].map((occurrence) => new Date(instantOf(occurrence.start, 'UTC').instant).toISOString());
    expect(starts).toEqual(['2024-06-09T03:00:00.000Z', '2024-06-10T03:00:00.000Z', '2024-06-12T03:00:00.000Z']);
  });

  it('all-day weekday events are whole days, and a "free" (TRANSP:TRANSPARENT) one is no time off', () => {
    const calendar = parseCalendar(read('samples/day_long_recur_yearly.ics'));
    const window = { from: utc('2027-03-01T00:00Z'), to: utc('2027-03-08T00:00Z') };
    const days = [...occurrences(calendar, window, 'UTC')].map((occurrence) => occurrence.start.toString());
    expect(days).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05']);
    expect(busyTimes(calendar, window, 'UTC').blocks).toEqual([]);
  });
});
