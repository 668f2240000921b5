import { readFileSync } from 'node:fs';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { FrontDeskPage } from './pages/front-desk';

/** A Wednesday well in the future, inside the import's first twelve months. */
const WEDNESDAY = '2027-03-10';

/** The provider's other job: a weekly hospital rota on Wednesday afternoons, in the clinic's own zone. */
function rota(timeZone: string): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Test//Hospital//EN',
    'BEGIN:VEVENT',
    'UID:rota@hospital',
    'DTSTAMP:20261201T000000Z',
    `DTSTART;TZID=${timeZone}:20270310T140000`,
    `DTEND;TZID=${timeZone}:20270310T160000`,
    'RRULE:FREQ=WEEKLY;COUNT=3',
    'SUMMARY:Hospital rota',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

test('calendar feeds: an administrator exports a provider’s .ics and imports busy times as time off that the calendar shows', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: 'Riverside' });
  const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
    displayName: 'Dr Amara Okafor',
    colour: '#2e7d32',
    defaultLocationId: location.id,
  });
  for (const weekday of [1, 2, 3, 4, 5]) {
    await invoke(page, 'schedule.createTemplate', {
      providerId: provider.id,
      locationId: location.id,
      weekday,
      start: '09:00',
      end: '17:00',
    });
  }
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#22aa55',
  });
  const patient = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Tom',
    lastName: 'Baker',
    dob: '1981-01-15',
  });
  await invoke(page, 'appointments.book', {
    patientId: patient.id,
    providerId: provider.id,
    typeId: type.id,
    start: { date: WEDNESDAY, time: '10:00' },
  });
  const { timeZone } = await invoke<{ timeZone: string }>(page, 'settings.get', {});

  await app.open('Scheduling set-up');
  await page.getByRole('tab', { name: 'Calendar feeds' }).click();

  // The export is a download of the provider's appointments, naming no patient.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Dr Amara Okafor’s appointments (.ics)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('dr-amara-okafor-appointments.ics');
  const ics = readFileSync(await download.path(), 'utf8');
  expect(ics).toContain('BEGIN:VCALENDAR');
  expect(ics).toContain('SUMMARY:Booked: Consultation');
  expect(ics).not.toContain('Baker');
  await expect(page.getByRole('status').first()).toContainText('dr-amara-okafor-appointments.ics saved');

  // A subscription address for this computer.
  await page.getByRole('button', { name: 'Create subscription address' }).click();
  await expect(page.getByText('A subscription address is live since')).toBeVisible();
  await expect(page.getByLabel('Subscription address', { exact: true })).toHaveValue(
    /^http:\/\/127\.0\.0\.1:\d+\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
  );
  const feedUrl = await page.getByLabel('Subscription address', { exact: true }).inputValue();
  const feed = await page.request.get(feedUrl);
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toContain('SUMMARY:Booked: Consultation');

  // Busy times from the other job: a preview first, then the import.
  const form = page.getByRole('form', { name: 'Import busy times' });
  await form.getByLabel('Calendar file (.ics)').setInputFiles({
    name: 'hospital.ics',
    mimeType: 'text/calendar',
    buffer: Buffer.from(rota(timeZone)),
  });
  await form.getByRole('button', { name: 'Preview import' }).click();
  await expect(form.getByRole('status')).toContainText('3 to add as time off, 0 already there');
  const previewTable = form.getByRole('table', { name: 'Busy times the file would add' });
  await expect(previewTable.getByRole('row')).toHaveCount(4);
  await expect(previewTable).toContainText('Busy: Hospital rota');
  await screenshot(page, '300-ical-import-preview');
  await form.getByRole('button', { name: 'Import 3 busy times as time off' }).click();
  await expect(form.getByRole('status')).toHaveText('3 busy times added as time off (0 were already there).');
  await screenshot(page, '301-ical-feeds');

  // Importing the same file again adds nothing.
  await form.getByRole('button', { name: 'Preview import' }).click();
  await expect(form.getByRole('status')).toContainText('0 to add as time off, 3 already there');

  // The calendar shows the afternoon as time off.
  await app.open('Calendar');
  await page.getByLabel('Date', { exact: true }).fill(WEDNESDAY);
  const column = page.getByRole('region', { name: 'Day schedule' }).getByRole('group', { name: 'Dr Amara Okafor' });
  const timeOff = column.getByText('Time off: Busy: Hospital rota').first();
  await timeOff.scrollIntoViewIfNeeded();
  await expect(timeOff).toBeVisible();
  await screenshot(page, '302-ical-time-off-on-calendar');
});
