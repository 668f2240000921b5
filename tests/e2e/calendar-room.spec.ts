import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clickSlot, FrontDeskPage } from './pages/front-desk';

/** A Wednesday well in the future, and its week's Monday. */
const DATE = '2027-03-10';
const MONDAY = '2027-03-08';

/** Two providers working weekdays 09:00–17:00 at one location with two rooms; a 30-minute type; two patients. */
async function configure(
  page: Page,
): Promise<{ rooms: string[]; providers: string[]; patients: string[]; typeId: string }> {
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: 'Riverside' });
  const rooms: string[] = [];
  for (const name of ['Room 1', 'Room 2'])
    rooms.push((await invoke<{ id: string }>(page, 'schedule.createRoom', { locationId: location.id, name })).id);
  const providers: string[] = [];
  for (const displayName of ['Dr Amara Okafor', 'Dr Ben Carter']) {
    const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
      displayName,
      colour: '#1f5fa8',
      defaultLocationId: location.id,
    });
    providers.push(provider.id);
    for (let weekday = 1; weekday <= 5; weekday += 1) {
      await invoke(page, 'schedule.createTemplate', {
        providerId: provider.id,
        locationId: location.id,
        weekday,
        start: '09:00',
        end: '17:00',
        breaks: [],
      });
    }
  }
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const patients: string[] = [];
  for (const [firstName, lastName, dob] of [
    ['María José', 'García', '1964-06-29'],
    ['Tom', 'Baker', '1981-01-15'],
  ] as const) {
    patients.push((await invoke<{ id: string }>(page, 'patients.create', { firstName, lastName, dob })).id);
  }
  return { rooms, providers, patients, typeId: type.id };
}

test('booking with a room, reason, notes and a meeting link; the panel shows them, edits them and keeps their history; the room’s week shows everyone booked in it', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const setup = await configure(page);
  // Dr Carter sees Tom Baker in Room 1 on Thursday; Room 2 is busy on Wednesday with someone else.
  await invoke(page, 'appointments.book', {
    patientId: setup.patients[1],
    providerId: setup.providers[1],
    typeId: setup.typeId,
    roomId: setup.rooms[0],
    start: { date: '2027-03-11', time: '14:00' },
  });
  await invoke(page, 'appointments.book', {
    patientId: setup.patients[1],
    providerId: setup.providers[1],
    typeId: setup.typeId,
    roomId: setup.rooms[1],
    start: { date: DATE, time: '15:00' },
  });

  await app.open('Calendar');
  await page.getByLabel('Date', { exact: true }).fill(DATE);
  const grid = page.getByRole('region', { name: 'Day schedule' });
  await clickSlot(page, grid.getByRole('group', { name: 'Dr Amara Okafor' }), '10:00');
  const booking = page.getByRole('form', { name: 'Book appointment' });
  await booking.getByLabel('Patient').fill('garcia');
  await booking.getByRole('button', { name: /García, María José/ }).click();
  await booking.getByLabel('Room').selectOption({ label: 'Room 1' });
  await booking.getByLabel('Reason for the visit').fill('Knee pain');
  await booking.getByLabel('Notes').fill('Bring the X-ray.\nPrefers Spanish.');
  // main checks the link: only https.
  await booking.getByLabel('Meeting link').fill('http://meet.example.org/abc');
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  await expect(booking.getByText('must be an https:// link')).toBeVisible();
  await booking.getByLabel('Meeting link').fill('https://meet.example.org/abc');
  await booking.getByRole('button', { name: 'Book appointment' }).click();

  const panel = page.getByRole('region', { name: 'Appointment' });
  await expect(panel.getByRole('status')).toHaveText('Booked García, María José at 10:00 with Dr Amara Okafor.');
  await expect(panel.getByRole('link', { name: 'Room 1: its week' })).toHaveAttribute(
    'href',
    `#/calendar/room/${setup.rooms[0] ?? ''}/${MONDAY}`,
  );
  await expect(panel).toContainText('Knee pain');
  await expect(panel).toContainText('Prefers Spanish.');
  // The link opens what main stored for this appointment (by id), in a tab of its own.
  await page.context().route('https://meet.example.org/**', (route) => route.fulfill({ body: 'The meeting' }));
  const opened = page.waitForEvent('popup');
  await panel.getByRole('link', { name: 'https://meet.example.org/abc' }).click();
  expect((await opened).url()).toBe('https://meet.example.org/abc');
  await panel.getByText('History').click();
  await expect(panel.getByRole('list', { name: 'Appointment history' }).getByRole('listitem')).toHaveText([
    /ada Booked$/,
  ]);
  await screenshot(page, '95-calendar-booking-details');

  // She phones: the notes change after booking; the history says so, newest first.
  await panel.getByRole('button', { name: 'Edit details' }).click();
  const details = panel.getByRole('form', { name: 'Edit details' });
  await details.getByLabel('Notes').fill('Bring the X-ray and the referral letter.');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(panel.getByRole('status')).toHaveText("Saved the details of García, María José's appointment.");
  await expect(panel).toContainText('Bring the X-ray and the referral letter.');
  await expect(panel.getByRole('list', { name: 'Appointment history' }).getByRole('listitem')).toHaveText([
    /ada Details changed \(notes\)$/,
    /ada Booked$/,
  ]);

  // The room's week: Room 1 holds García with Dr Okafor on Wednesday and Baker with Dr Carter on
  // Thursday, whoever the provider; Room 2's booking is not there.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Room' }).click();
  await expect(page).toHaveURL(new RegExp(`#/calendar/room/${setup.rooms[0] ?? ''}/${MONDAY}$`));
  const week = page.getByRole('region', { name: 'Room schedule' });
  await expect(week.getByRole('heading', { level: 3 })).toHaveCount(7);
  await expect(
    week.getByRole('group', { name: 'Wed 10 Mar' }).getByRole('button', { name: /García, María José/ }),
  ).toBeVisible();
  // Each block says whose patient it is: the room is shared.
  await expect(
    week.getByRole('group', { name: 'Thu 11 Mar' }).getByRole('button', { name: /Baker, Tom/ }),
  ).toContainText('Dr Ben Carter · Consultation');
  await expect(week.getByRole('button', { name: /Baker, Tom/ })).toHaveCount(1);
  await screenshot(page, '96-calendar-room-week');
  await week
    .getByRole('group', { name: 'Thu 11 Mar' })
    .getByRole('button', { name: /Baker, Tom/ })
    .click();
  await expect(panel.getByRole('definition').filter({ hasText: 'Dr Ben Carter' })).toBeVisible();

  // Room 2 from the chooser: its own booking only.
  await page.getByLabel('Room', { exact: true }).selectOption({ label: 'Room 2' });
  await expect(
    week.getByRole('group', { name: 'Wed 10 Mar' }).getByRole('button', { name: /Baker, Tom/ }),
  ).toBeVisible();
  await expect(week.getByRole('button', { name: /García/ })).toHaveCount(0);
});
