import { afterEach, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

const NOW = Date.parse('2027-03-01T12:00:00Z');

/**
 * The other job's calendar, as Google exports one: a weekly clinic in New York (a TZID with no VTIMEZONE,
 * read from the IANA database) with a week off and one week moved, a conference over two whole days,
 * a "free" reminder and a cancelled meeting.
 */
const OTHER_JOB = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Other job//EN',
  'BEGIN:VEVENT',
  'UID:weekly-clinic@other',
  'DTSTAMP:20270101T000000Z',
  'DTSTART;TZID=America/New_York:20270302T040000',
  'DTEND;TZID=America/New_York:20270302T060000',
  'RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=5',
  'EXDATE;TZID=America/New_York:20270316T040000',
  'SUMMARY:Clinic at St Jude',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly-clinic@other',
  'DTSTAMP:20270101T000000Z',
  'RECURRENCE-ID;TZID=America/New_York:20270323T040000',
  'DTSTART;TZID=America/New_York:20270324T050000',
  'DTEND;TZID=America/New_York:20270324T070000',
  'SUMMARY:Clinic at St Jude (moved)',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:conference@other',
  'DTSTAMP:20270101T000000Z',
  'DTSTART;VALUE=DATE:20270408',
  'DTEND;VALUE=DATE:20270410',
  'SUMMARY:Conference',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:free@other',
  'DTSTAMP:20270101T000000Z',
  'DTSTART:20270305T120000Z',
  'DTEND:20270305T130000Z',
  'TRANSP:TRANSPARENT',
  'SUMMARY:Reminder',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:cancelled@other',
  'DTSTAMP:20270101T000000Z',
  'DTSTART:20270306T120000Z',
  'DTEND:20270306T130000Z',
  'STATUS:CANCELLED',
  'SUMMARY:Cancelled',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

let s: SchedulingClinic | undefined;
afterEach(async () => {
  await s?.clinic.close();
  s = undefined;
});

describe('importing busy times as time off', () => {
  it('previews in the clinic’s zone across both countries’ clock changes, then imports once', async () => {
    s = await openSchedulingClinic({ now: NOW });
    const input = { providerId: s.drAId, content: OTHER_JOB, months: 3 };
    const preview = await s.clinic.ok('admin', 'ical.previewImport', input);
    // 04:00 New York is 09:00 London, before the US change (14 March) and after the UK's (28 March); the one
    // week between is off, and the moved week's 05:00 EDT is 09:00 GMT.
    expect(preview.blocks.map((block) => [block.date, block.endDate, block.start, block.end, block.reason])).toEqual([
      ['2027-03-02', '2027-03-02', '09:00', '11:00', 'Busy: Clinic at St Jude'],
      ['2027-03-09', '2027-03-09', '09:00', '11:00', 'Busy: Clinic at St Jude'],
      ['2027-03-24', '2027-03-24', '09:00', '11:00', 'Busy: Clinic at St Jude (moved)'],
      ['2027-03-30', '2027-03-30', '09:00', '11:00', 'Busy: Clinic at St Jude'],
      ['2027-04-08', '2027-04-09', undefined, undefined, 'Busy: Conference'],
    ]);
    expect(preview.toAdd).toBe(5);
    expect(preview.added).toBe(0);
    // A preview adds nothing.
    expect(await s.clinic.ok('admin', 'schedule.listExceptions', { providerId: s.drAId })).toEqual([]);

    const imported = await s.clinic.ok('admin', 'ical.import', input);
    expect(imported.added).toBe(5);
    const timeOff = await s.clinic.ok('admin', 'schedule.listExceptions', { providerId: s.drAId });
    expect(timeOff).toHaveLength(5);
    expect(timeOff.every((row) => row.kind === 'time_off' && row.locationId === null)).toBe(true);

    const again = await s.clinic.ok('admin', 'ical.import', input);
    expect(again.added).toBe(0);
    expect(again.alreadyThere).toBe(5);
    expect(await s.clinic.ok('admin', 'schedule.listExceptions', { providerId: s.drAId })).toHaveLength(5);
  });

  it('the imported hours can no longer be booked', async () => {
    s = await openSchedulingClinic({ now: NOW });
    await s.clinic.ok('admin', 'ical.import', { providerId: s.drAId, content: OTHER_JOB, months: 3 });
    const patientId = await s.patient('Iris');
    const refused = await s.book({ patientId, start: { date: '2027-03-09', time: '09:30' } });
    expect(refused.ok).toBe(false);
  });

  it('refuses a file that is not iCalendar, naming the field', async () => {
    s = await openSchedulingClinic({ now: NOW });
    const refused = await s.clinic.call('admin', 'ical.previewImport', {
      providerId: s.drAId,
      content: 'name,date\nAna,2027-03-01',
      months: 12,
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(JSON.stringify(refused.error)).toContain('content');
  });
});
