import ICAL from 'ical.js';
import type { ReadDb } from '../db/handles';
import { requireProvider } from '../scheduling/config';
import { feedAppointments, patientNamesInFeeds, type FeedAppointmentRow } from './feed-repository';

/**
 * A provider's appointments as an iCalendar (RFC 5545) calendar, for the .ics export and the subscription.
 *
 * - Times are UTC (`DTSTART:20270328T080000Z`): every calendar app shows a UTC instant in its own zone,
 *   so no VTIMEZONE has to be right and a DST change cannot shift an event.
 * - Cancelled appointments are left out rather than sent as STATUS:CANCELLED: a subscribed calendar drops
 *   an event that leaves the feed, while several apps still draw a cancelled one as busy.
 * - The summary is "Booked: <type>"; the patient's name only when the clinic allows it (off by default).
 * - UIDs are the appointment's id, so a moved appointment moves in the subscriber's calendar.
 */

const DAY_MS = 86_400_000;
/** What a feed carries: the last month and the next year. */
export const FEED_DAYS_BACK = 31;
export const FEED_DAYS_AHEAD = 366;

export async function providerCalendar(
  db: ReadDb,
  providerId: string,
  now: number,
): Promise<{ providerName: string; ics: string; events: number }> {
  const provider = await requireProvider(db, providerId);
  const names = await patientNamesInFeeds(db);
  const rows = await feedAppointments(db, providerId, now - FEED_DAYS_BACK * DAY_MS, now + FEED_DAYS_AHEAD * DAY_MS);
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('prodid', '-//Front Desk//Calendar feed//EN');
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('x-wr-calname', `${provider.display_name} (Front Desk)`);
  // Subscribers re-read the feed about hourly.
  calendar.addPropertyWithValue('refresh-interval', ICAL.Duration.fromString('PT1H')).setParameter('value', 'DURATION');
  const stamp = utc(now);
  for (const row of rows) calendar.addSubcomponent(eventOf(row, names, stamp));
  return { providerName: provider.display_name, ics: calendar.toString() + '\r\n', events: rows.length };
}

function eventOf(row: FeedAppointmentRow, names: boolean, stamp: ICAL.Time): ICAL.Component {
  const event = new ICAL.Component('vevent');
  event.addPropertyWithValue('uid', `${row.id}@front-desk`);
  event.addPropertyWithValue('dtstamp', stamp);
  event.addPropertyWithValue('last-modified', utc(row.updated_at));
  event.addPropertyWithValue('dtstart', utc(row.start_at));
  event.addPropertyWithValue('dtend', utc(row.end_at));
  const who = names ? `${row.preferred_name ?? row.first_name} ${row.last_name}` : 'Booked';
  event.addPropertyWithValue('summary', `${who}: ${row.type_name}`);
  event.addPropertyWithValue('location', row.location_name);
  event.addPropertyWithValue('status', 'CONFIRMED');
  event.addPropertyWithValue('transp', 'OPAQUE');
  return event;
}

function utc(instant: number): ICAL.Time {
  return ICAL.Time.fromJSDate(new Date(instant), true);
}
