import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { formatHhMm } from '../../src-shared/locale/time-format';
import { invoke } from './pages/bridge';
import { providerAllWeek } from './pages/clinic-seed';
import { ADMIN, FrontDeskPage, NURSE, clickSlot } from './pages/front-desk';

/** What a new receptionist and nurse met in their first hour (issue 13), at the size of their screens. */
test.use({ viewport: { width: 1366, height: 800 } });

const ZONE = 'America/New_York';
const todayInClinic = () => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(Date.now());

/** Set-up as an administrator in the United States does it: the country fills in how dates, times and weeks are written. */
async function setUpUsClinic(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Set up Front Desk' })).toBeVisible();
  await page.getByLabel('Clinic name').fill('Back Bay Family Practice');
  await page.getByLabel('Country').selectOption({ label: 'United States' });
  await expect(page.getByLabel('Date format')).toHaveValue('MM/DD/YYYY');
  await expect(page.getByLabel('Time format')).toHaveValue('12h');
  await expect(page.getByLabel('First day of the week')).toHaveValue('7');
  await expect(page.getByLabel('Phone numbers')).toHaveValue('US');
  await expect(page.getByLabel('Currency')).toHaveValue('USD');
  await page.getByLabel('Time zone').fill(ZONE);
  await page.getByLabel('Full name').fill(ADMIN.name);
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create clinic' }).click();
  const app = new FrontDeskPage(page);
  await app.keepRecoverySheet();
  await app.signIn(ADMIN);
}

/** A provider open all day every day (the test runs whatever the hour), a type, and two patients. */
async function configure(page: Page) {
  await invoke(page, 'settings.update', { lockTimeoutMinutes: 60 });
  const { providerId } = await providerAllWeek(page, {
    location: 'Back Bay',
    provider: 'Dr Ada Okafor-Whitfield',
    rooms: ['Room 1', 'Room 2'],
  });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const patient = async (firstName: string, lastName: string, dob: string) =>
    invoke<{ id: string }>(page, 'patients.create', {
      firstName,
      lastName,
      dob,
      phones: [{ kind: 'mobile', number: '6175550142' }],
    });
  const rivera = await patient('Ana', 'Rivera', '1980-02-03');
  const chen = await patient('Wei', 'Chen', '1975-07-21');
  return { providerId, typeId: type.id, rivera: rivera.id, chen: chen.id };
}

test('the receptionist: a refused booking says why at the top of the panel; Move… fits and writes times as the clinic does', async ({
  page,
  desk,
}) => {
  await setUpUsClinic(page, desk.url);
  const setup = await configure(page);
  const date = todayInClinic();
  await invoke(page, 'appointments.book', {
    patientId: setup.rivera,
    providerId: setup.providerId,
    typeId: setup.typeId,
    start: { date, time: '23:00' },
  });
  const app = new FrontDeskPage(page);
  // Typed as 6175550142, stored with the US country code, shown the American way; found by the digits typed.
  await app.open('Patients');
  await page.getByLabel('Find a patient').fill('6175550142');
  await expect(page.getByRole('row', { name: /Rivera, Ana/ })).toContainText('(617) 555-0142');
  await page.getByLabel('Find a patient').fill('rivera');
  await page
    .getByRole('row', { name: /Rivera, Ana/ })
    .getByRole('link')
    .first()
    .click();
  await expect(page.getByRole('main')).toContainText('(617) 555-0142');
  await expect(page.getByRole('main')).toContainText('02/03/1980');
  await app.open('Calendar');
  const grid = page.getByRole('region', { name: 'Day schedule' });
  const column = grid.getByRole('group', { name: 'Dr Ada Okafor-Whitfield' });

  // Wei Chen at 22:45 would overlap Ana Rivera's 23:00: refused, and the reason is where the receptionist is looking.
  await expect(column.getByRole('button', { name: /Rivera, Ana/ })).toContainText('11:00 PM–11:30 PM');
  await clickSlot(page, column, '22:45', (line) => formatHhMm(line, '12h'));
  const booking = page.getByRole('form', { name: 'Book appointment' });
  await booking.getByLabel('Patient').fill('chen');
  await booking.getByRole('button', { name: /Chen, Wei/ }).click();
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  const refusal = booking.getByRole('alert');
  await expect(refusal).toContainText('Not booked:');
  await expect(refusal).toContainText('Dr Ada Okafor-Whitfield is already booked');
  await expect(refusal).toBeInViewport({ ratio: 1 });
  await expect(booking.getByRole('heading', { name: 'Book appointment' })).toBeInViewport();
  // Above the fields, not under the Book button.
  const refusalBox = await refusal.boundingBox();
  const patientBox = await booking.getByLabel('Appointment type').boundingBox();
  expect(refusalBox && patientBox && refusalBox.y < patientBox.y).toBe(true);
  await screenshot(page, '130-booking-refused-at-the-top');
  await booking.getByRole('button', { name: 'Close booking panel' }).click();

  // Move…: the start in the clinic's 12-hour format, the provider's whole name, the button on one line.
  await column.getByRole('button', { name: /Rivera, Ana/ }).click();
  const panel = page.getByRole('region', { name: 'Appointment' });
  await panel.getByRole('button', { name: 'Move…' }).click();
  const move = panel.getByRole('form', { name: 'Move appointment' });
  await expect(panel).toContainText('11:00 PM–11:30 PM');
  const start = move.getByLabel('New start');
  await expect(start).toHaveValue('11:00 PM');
  const panelBox = await panel.boundingBox();
  for (const control of [start, move.getByLabel('New date'), move.getByLabel('Provider')]) {
    const box = await control.boundingBox();
    expect(box && panelBox && box.x + box.width <= panelBox.x + panelBox.width).toBe(true);
  }
  const provider = move.getByLabel('Provider');
  const cut = await provider.evaluate((element) => {
    const select = element as unknown as { scrollWidth: number; clientWidth: number };
    return select.scrollWidth > select.clientWidth;
  });
  expect(cut).toBe(false);
  const button = move.getByRole('button', { name: 'Move appointment' });
  const clipped = await button.evaluate((element) => {
    const box = element as unknown as {
      scrollWidth: number;
      clientWidth: number;
      scrollHeight: number;
      clientHeight: number;
    };
    return box.scrollWidth > box.clientWidth || box.scrollHeight > box.clientHeight;
  });
  expect(clipped).toBe(false);
  await move.getByLabel('New start').scrollIntoViewIfNeeded();
  await screenshot(page, '131-move-form');
  // A time typed the receptionist's way is read, and a wrong one is refused beside the field until corrected.
  await start.fill('25:00');
  await button.click();
  await expect(move.getByText('must be a time such as 9:30 AM')).toBeVisible();
  await start.fill('10:30 pm');
  await expect(move.getByText('must be a time such as 9:30 AM')).toHaveCount(0);
  await button.click();
  await expect(panel.getByRole('status')).toContainText('Moved Rivera, Ana');

  // One arrival: "Check in" opens the check-in review, where a consent asked for can be recorded with its
  // signed form; the arrival puts her on the board, and the calendar offers the board's own undo.
  await panel.getByRole('button', { name: 'Check in' }).click();
  const review = page.getByRole('region', { name: 'Check-in review' });
  await expect(page.getByRole('row', { name: /Rivera, Ana/ }).first()).toContainText('10:30 PM');
  await expect(review.getByRole('list', { name: 'To confirm' })).toContainText('No consent on file');
  await expect(review).toContainText('billed self-pay');
  const consent = review.getByRole('form', { name: 'Record consent' });
  await consent.getByLabel('Consent').selectOption({ label: 'Treatment' });
  await consent.getByLabel('Signed form (PDF, PNG or JPEG; optional)').setInputFiles({
    name: 'consent.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% signed treatment consent\n%%EOF\n'),
  });
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(consent.getByRole('status')).toHaveText('Treatment consent recorded, with the signed form.');
  await expect(review.getByRole('list', { name: 'To confirm' })).not.toContainText('No consent on file');
  await screenshot(page, '133-check-in-consent');
  await review.getByRole('button', { name: 'Mark arrived' }).click();
  await expect(review.getByText(/^Arrived: ticket/)).toBeVisible();
  await app.open('Calendar');
  await grid.getByRole('button', { name: /Rivera, Ana/ }).click();
  await expect(panel).toContainText('On the flow board: Waiting');
  await expect(panel.getByRole('button', { name: 'Check in' })).toHaveCount(0);
  await panel.getByRole('button', { name: 'Undo arrival' }).click();
  await expect(panel.getByRole('status')).toHaveText('Undo arrival: Rivera, Ana is now booked.');
  await expect(panel.getByRole('button', { name: 'Check in' })).toBeVisible();

  // The month starts its weeks on Sunday, as the clinic's country does.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Month' }).click();
  await expect(
    page
      .getByRole('table', { name: /^Appointments in / })
      .getByRole('columnheader')
      .first(),
  ).toHaveText('Sun');
});

test('the nurse: an Intake action and key on each row, errors that go when corrected, the full vitals history, and the shortest way out of the room', async ({
  page,
  desk,
}) => {
  await setUpUsClinic(page, desk.url);
  const setup = await configure(page);
  await invoke(page, 'users.create', {
    username: NURSE.username,
    displayName: NURSE.name,
    password: NURSE.password,
    role: 'nurse',
  });
  // This clinic has no provider step on the board: from the room the visit can be checked out at once.
  await invoke(page, 'settings.update', { providerStep: false });
  for (const patientId of [setup.rivera, setup.chen]) await invoke(page, 'visits.checkIn', { patientId });
  const app = new FrontDeskPage(page);
  await app.signOut();
  await app.signIn(NURSE);
  await app.open('Flow board');

  const rivera = page.getByRole('row', { name: /Rivera, Ana, Waiting/ });
  await expect(rivera.getByRole('button', { name: 'Call to room (shows on the display)' })).toBeVisible();
  await expect(rivera.getByRole('button', { name: 'Room without calling' })).toBeVisible();
  await expect(rivera.getByRole('link', { name: 'Intake for Rivera, Ana (vitals)' })).toBeVisible();
  // The key: I on a focused row opens that patient's intake.
  const chen = page.getByRole('row', { name: /Chen, Wei, Waiting/ });
  await chen.focus();
  await page.keyboard.press('i');
  await expect(page.getByRole('heading', { name: 'Nurse intake', level: 1 })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Chen, Wei');
  await page.goBack();
  await rivera.getByRole('link', { name: 'Intake for Rivera, Ana (vitals)' }).click();

  // 52 °C is refused; corrected to 36.8 the refusal goes at once, before Save is pressed again.
  const form = page.getByRole('form', { name: 'Record vitals' });
  await form.getByLabel('Pulse (/min)').fill('72');
  await form.getByLabel('Respiratory rate (/min)').fill('16');
  await form.getByLabel('Temperature (°C)').fill('52');
  await form.getByLabel('Chief complaint').fill('Sore throat for three days');
  await form.getByRole('button', { name: 'Save vitals' }).click();
  const temperature = form.getByLabel('Temperature (°C)');
  await expect(temperature).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Please correct the fields marked above.')).toBeVisible();
  await temperature.fill('36.8');
  await expect(temperature).not.toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText('Please correct the fields marked above.')).toHaveCount(0);
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(form.getByText(/^Vitals saved at \d{1,2}:\d\d [AP]M by Nina Nurse/)).toBeVisible();
  const history = page.getByRole('table', { name: 'Vitals history' });
  await expect(history.getByRole('columnheader', { name: 'Resp. rate' })).toBeVisible();
  await expect(history.getByRole('row').nth(1)).toContainText('16');
  await expect(history.getByRole('row').nth(1)).toContainText('Sore throat for three days');
  await screenshot(page, '132-intake');

  // Roomed without calling, then out in one press: no provider step in this clinic.
  await app.open('Flow board');
  await rivera.getByRole('button', { name: 'Room without calling' }).click();
  const roomed = page.getByRole('row', { name: /Rivera, Ana, In room/ });
  await expect(roomed.getByRole('button', { name: 'Provider in' })).toHaveCount(0);
  await roomed.getByRole('button', { name: 'Check out' }).click();
  await expect(page.getByRole('row', { name: /Rivera, Ana, Done/ })).toBeVisible();
});

test('dates typed and read the clinic’s way: a month-first date is read back in words and free times follow the 12-hour clock', async ({
  page,
  desk,
}) => {
  await setUpUsClinic(page, desk.url);
  await configure(page);
  // A day a week ahead, typed as an American receptionist would: month first, no leading zeros.
  const [y = 0, m = 1, d = 1] = todayInClinic().split('-').map(Number);
  const ahead = new Date(Date.UTC(y, m - 1, d + 7));
  const typed = `${ahead.getUTCMonth() + 1}/${ahead.getUTCDate()}/${ahead.getUTCFullYear()}`;
  const inWords = new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(ahead);
  const app = new FrontDeskPage(page);
  await app.open('Find a slot');
  const form = page.getByRole('form', { name: 'Find a slot' });
  await form.getByLabel('Patient').fill('chen');
  await form.getByRole('button', { name: /Chen, Wei/ }).click();
  const from = form.getByLabel('From');
  await from.fill(typed);
  await expect(from).toHaveAccessibleDescription(`Read as ${inWords}`);
  await form.getByLabel('To').fill(typed);
  await form.getByRole('button', { name: 'Find slots' }).click();
  const results = page.getByRole('region', { name: /free slots/ });
  const first = results.getByRole('row').nth(1);
  // The provider is open all day: the first free start is midnight, written as a 12-hour clinic writes it.
  await expect(first).toContainText('12:00 AM');
  await expect(results).not.toContainText(/\b\d{2}:\d{2}\b(?! ?[AP]M)/);
  await screenshot(page, '166-find-a-slot-month-first-12-hour');

  // Time off: the same field everywhere, the same reading.
  await app.open('Scheduling set-up');
  await page
    .getByRole('tablist', { name: 'Set-up sections' })
    .getByRole('tab', { name: 'Time off and extra hours' })
    .click();
  const addOff = page.getByRole('form', { name: 'Add time off or extra hours' });
  const firstDay = addOff.getByLabel('First day');
  await firstDay.fill(typed);
  await expect(firstDay).toHaveAccessibleDescription(`Read as ${inWords}`);
  await firstDay.fill('13/2/2027');
  // 13 cannot be a month: read day-first rather than refused, and the words say so.
  await expect(firstDay).toHaveAccessibleDescription('Read as Saturday, February 13, 2027');
  await firstDay.fill('2/30/2027');
  await expect(firstDay).toHaveAccessibleDescription('Not a date yet: write it as MM/DD/YYYY');

  // The calendar's "go to a date" reads the same way and goes there; the heading says the day in words.
  await app.open('Calendar');
  const jump = page.locator('#cal-date');
  await jump.fill(typed);
  await expect(page.locator('.cal-date-label')).toContainText(inWords);
});

test('an appointment moved to another day is said above the calendar, not in a panel that went with it', async ({
  page,
  desk,
}) => {
  await setUpUsClinic(page, desk.url);
  const setup = await configure(page);
  const today = todayInClinic();
  const [y = 0, m = 1, d = 1] = today.split('-').map(Number);
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1));
  const inWords = new Intl.DateTimeFormat('en-US', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(tomorrow);
  await invoke(page, 'appointments.book', {
    patientId: setup.rivera,
    providerId: setup.providerId,
    typeId: setup.typeId,
    start: { date: today, time: '23:00' },
  });
  const app = new FrontDeskPage(page);
  await app.open('Calendar');
  const column = page
    .getByRole('region', { name: 'Day schedule' })
    .getByRole('group', { name: 'Dr Ada Okafor-Whitfield' });
  await column.getByRole('button', { name: /Rivera, Ana/ }).click();
  const panel = page.getByRole('region', { name: 'Appointment' });
  await panel.getByRole('button', { name: 'Move…' }).click();
  const move = panel.getByRole('form', { name: 'Move appointment' });
  await move
    .getByLabel('New date')
    .fill(`${tomorrow.getUTCMonth() + 1}/${tomorrow.getUTCDate()}/${tomorrow.getUTCFullYear()}`);
  await move.getByRole('button', { name: 'Move appointment' }).click();
  // Once the calendar has drawn the day again without her, the word is still on screen (and not only
  // told to a screen reader: the live announcer says it either way).
  await expect(column.getByRole('button', { name: /Rivera, Ana/ })).toHaveCount(0);
  await page.waitForTimeout(500);
  await expect(
    page.getByText(`Moved Rivera, Ana to ${inWords}, 11:00 PM–11:30 PM.`).filter({ visible: true }),
  ).toBeVisible();
  await expect(panel).toHaveCount(0);
});
