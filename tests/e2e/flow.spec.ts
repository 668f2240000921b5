import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clinicDate } from './pages/clinic-seed';
import { FrontDeskPage, NURSE, RECEPTIONIST } from './pages/front-desk';

/** Set-up and patients through the page's own bridge (setup.spec.ts covers the set-up screens): rooms, provider, hours, patients, today's bookings. */
async function configureToday(page: Page): Promise<void> {
  const today = clinicDate();
  // The nurse's page clock is moved on by a quarter of an hour below: keep the screen from locking meanwhile.
  await invoke(page, 'settings.update', { lockTimeoutMinutes: 60 });
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: 'Riverside' });
  for (const name of ['Room 1', 'Room 2', 'Room 3'])
    await invoke(page, 'schedule.createRoom', { locationId: location.id, name });
  const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
    displayName: 'Dr Amara Okafor',
    colour: '#1f5fa8',
    defaultLocationId: location.id,
  });
  // Open every day, all day, so the test runs whatever the day and hour.
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    await invoke(page, 'schedule.createTemplate', {
      providerId: provider.id,
      locationId: location.id,
      weekday,
      start: '00:00',
      end: '24:00',
      breaks: [],
    });
  }
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const people = [
    ['María José', 'García', '1964-06-29', '09:00'],
    ['Tom', 'Baker', '1981-01-15', '09:30'],
    ['Aiko', 'Tanaka', '1990-09-03', '10:00'],
  ] as const;
  for (const [firstName, lastName, dob, time] of people) {
    const patient = await invoke<{ id: string }>(page, 'patients.create', {
      firstName,
      lastName,
      dob,
      phones: [{ kind: 'mobile', number: '07700 900123' }],
    });
    await invoke(page, 'appointments.book', {
      patientId: patient.id,
      providerId: provider.id,
      typeId: type.id,
      start: { date: today, time },
    });
    if (lastName === 'García') {
      await invoke(page, 'patients.addInsurance', {
        patientId: patient.id,
        payer: 'Bupa',
        memberId: 'BU-55',
        priority: 'primary',
        terminationDate: '2025-12-31',
        lastVerifiedDate: '2025-01-10',
      });
      await invoke(page, 'patients.addAlert', { patientId: patient.id, kind: 'safety', text: 'Uses a wheelchair' });
      await invoke(page, 'patients.addAllergy', { patientId: patient.id, substance: 'Penicillin', severity: 'severe' });
    }
    if (lastName === 'Baker')
      await invoke(page, 'patients.addInsurance', {
        patientId: patient.id,
        payer: 'Aviva',
        memberId: 'AV-7',
        priority: 'primary',
        lastVerifiedDate: today,
      });
  }
}

test('two desks: reception checks in, the nurse board shows it at once, rooms, vitals, and the waiting-room display', async ({
  page,
  context,
  desk,
}) => {
  // Desk 1: set up, staff, and today's bookings; then the receptionist works here.
  const reception = new FrontDeskPage(page);
  await reception.openNewClinic(desk.url);
  await reception.open('Users');
  await reception.addUser(RECEPTIONIST, 'receptionist');
  await reception.addUser(NURSE, 'nurse');
  await configureToday(page);
  await reception.signOut();
  await reception.signIn(RECEPTIONIST);

  // Desk 2: the nurse's flow board, empty so far.
  const nursePage = await context.newPage();
  // Playwright's clock on this page, so that waiting times can pass at once.
  await nursePage.clock.install();
  const nurse = new FrontDeskPage(nursePage);
  await nursePage.goto(desk.url);
  await nurse.signIn(NURSE);
  await nurse.open('Flow board');
  await expect(nursePage.getByText('No patients have arrived yet today.')).toBeVisible();
  await screenshot(nursePage, '71-flow-board-empty');

  // Reception: today's list, the check-in review for María José, then "Mark arrived".
  await page.bringToFront();
  await reception.open('Check-in');
  await page.getByRole('button', { name: 'Check in García, María José' }).click();
  const panel = page.getByRole('region', { name: 'Check-in review' });
  const toConfirm = panel.getByRole('list', { name: 'To confirm' });
  await expect(toConfirm).toContainText('Every insurance policy on file has expired');
  await expect(toConfirm).toContainText('No consent on file');
  await expect(toConfirm).toContainText('Alerts: Uses a wheelchair');
  await screenshot(page, '72-check-in-review');
  await panel.getByRole('button', { name: 'Mark arrived' }).click();
  await expect(panel.getByRole('status')).toContainText('Arrived: ticket M. G. (1)');

  // Desk 2 shows her within a second, without a reload.
  const row = nursePage.getByRole('row', { name: /M\. G\. \(1\) García, María José, Waiting/ });
  await expect(row).toBeVisible({ timeout: 1000 });
  await expect(row).toContainText('Rita Reception');
  // A second arrival, a walk-in-free morning: Tom too. He is insured but pays this visit himself.
  await page.getByRole('button', { name: 'Check in Baker, Tom' }).click();
  await expect(panel.getByText('Aviva AV-7')).toBeVisible();
  await panel.getByRole('checkbox', { name: 'Bill this visit as self-pay' }).check();
  await panel.getByRole('button', { name: 'Mark arrived' }).click();
  await expect(panel.getByRole('status')).toContainText('Arrived: ticket T. B. (2)');
  await expect(toConfirm).toContainText('This visit is billed self-pay: the patient pays it, not their insurer.');
  await expect(panel.getByRole('checkbox', { name: 'Bill this visit as self-pay' })).toBeChecked();
  await screenshot(page, '72-check-in-self-pay');
  // A new walk-in: quick registration, then the same review and arrival.
  const quick = page.getByRole('form', { name: 'Quick registration' });
  await quick.getByLabel('First name').fill('Zoe');
  await quick.getByLabel('Last name').fill('Walker');
  await quick.getByLabel('Date of birth').fill('1995-02-14');
  await quick.getByLabel('Mobile phone').fill('07700 900456');
  await quick.getByRole('button', { name: 'Register and check in' }).click();
  await expect(panel.getByRole('heading', { name: 'Check in Walker, Zoe' })).toBeVisible();
  // The quick form is emptied for the next walk-in (her details again would only find her as a duplicate).
  await expect(quick.getByLabel('First name')).toHaveValue('');
  await expect(quick.getByLabel('Date of birth')).toHaveValue('');
  await panel.getByRole('button', { name: 'Mark arrived' }).click();
  await expect(panel.getByRole('status')).toContainText('Arrived: ticket Z. W. (3)');
  await nursePage.bringToFront();
  await expect(nursePage.getByRole('row', { name: /T\. B\. \(2\)/ })).toBeVisible({ timeout: 1000 });
  await expect(nursePage.getByRole('row', { name: /Z\. W\. \(3\) Walker, Zoe, Waiting/ })).toContainText('walk-in');
  // Sixteen minutes later (the page's clock) everyone waiting is past the 15-minute threshold: red, said in words.
  await nursePage.clock.runFor('16:00');
  await expect(nursePage.getByRole('row', { name: /Z\. W\. \(3\)/ })).toHaveClass(/over/);
  await expect(nursePage.getByRole('row', { name: /M\. G\. \(1\)/ })).toContainText(/1[56] min — over threshold/);
  await screenshot(nursePage, '73-flow-board-arrivals');

  // The nurse calls María José to Room 2, then rooms her there.
  await row.getByLabel('Room for M. G. (1)').selectOption({ label: 'Room 2' });
  await row.getByRole('button', { name: 'Call to room (shows on the display)' }).click();
  await expect(row).toContainText('called to Room 2');
  await row.getByRole('button', { name: 'Room without calling' }).click();
  const roomed = nursePage.getByRole('row', { name: /M\. G\. \(1\) García, María José, In room/ });
  await expect(roomed).toContainText('Nina Nurse');
  await expect(nursePage.getByRole('list', { name: 'Rooms' })).toContainText('Room 2 M. G. (1)');
  // Keyboard: P puts the provider in, U undoes it.
  await roomed.focus();
  await nursePage.keyboard.press('p');
  await expect(nursePage.getByRole('row', { name: /M\. G\. \(1\).*With provider/ })).toBeVisible();
  await nursePage.getByRole('row', { name: /M\. G\. \(1\)/ }).focus();
  await nursePage.keyboard.press('u');
  await expect(roomed).toBeVisible();
  await screenshot(nursePage, '74-flow-board-roomed');

  // Intake: the banner says whose visit this is; an impossible temperature is refused by its field.
  await roomed.getByRole('link', { name: 'García, María José', exact: true }).click();
  await expect(nursePage.getByRole('heading', { name: 'Nurse intake' })).toBeVisible();
  const banner = nursePage.getByRole('region', { name: 'Patient banner' });
  await expect(banner).toContainText('García');
  await expect(banner).toContainText('Penicillin');
  await expect(banner).toContainText('Uses a wheelchair');
  const form = nursePage.getByRole('form', { name: 'Record vitals' });
  await form.getByLabel('BP systolic (mmHg)').fill('128');
  await form.getByLabel('BP diastolic (mmHg)').fill('82');
  await form.getByLabel('Pulse (/min)').fill('76');
  await form.getByLabel('Temperature (°C)').fill('52');
  await form.getByLabel('Weight (kg)').fill('70');
  await form.getByLabel('Height (cm)').fill('175');
  await expect(form.getByLabel('BMI')).toHaveText('22.9');
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(form.getByText('52 °C is not a possible temperature')).toBeVisible();
  await form.getByLabel('Temperature (°C)').fill('37.1');
  await form.getByLabel('Chief complaint').fill('Cough for a week');
  // The allergy review: she reports a latex allergy; the penicillin on file was entered in error.
  const review = nursePage.getByRole('region', { name: 'Allergy review' });
  const addAllergy = review.getByRole('form', { name: 'Add allergy' });
  await addAllergy.getByRole('button', { name: 'Add allergy' }).click();
  await expect(addAllergy.getByText('must not be empty')).toBeVisible();
  await addAllergy.getByLabel('Substance').fill('Latex');
  await addAllergy.getByLabel('Reaction').fill('Rash');
  await addAllergy.getByRole('button', { name: 'Add allergy' }).click();
  await expect(banner).toContainText('Latex');
  await review.getByRole('button', { name: 'Take Penicillin off the record' }).click();
  await review.getByLabel('Why take Penicillin off').selectOption({ label: 'Entered in error' });
  await review.getByRole('button', { name: 'Take Penicillin off' }).click();
  await expect(banner).not.toContainText('Penicillin');
  await expect(review.getByRole('listitem')).toHaveText([/Latex · Rash · unknown/]);
  await form.getByLabel(/Allergies reviewed/).check();
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(form.getByText(/Vitals saved at \d\d:\d\d by Nina Nurse/)).toBeVisible();
  // A second reading later in the visit: unusual pressure must be confirmed.
  await form.getByLabel('BP systolic (mmHg)').fill('232');
  await form.getByLabel('BP diastolic (mmHg)').fill('104');
  await form.getByLabel('Pulse (/min)').fill('92');
  await form.getByRole('button', { name: 'Save vitals' }).click();
  await expect(form.getByText('232 mmHg is unusual for systolic blood pressure: check and confirm')).toBeVisible();
  await screenshot(nursePage, '75-intake-confirm-unusual');
  await form.getByRole('button', { name: 'Confirm unusual values and save' }).click();
  await expect(form.getByText(/Vitals saved at \d\d:\d\d by Nina Nurse/)).toBeVisible();
  const history = nursePage.getByRole('table', { name: 'Vitals history' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history).toContainText('232/104');
  await expect(nursePage.getByRole('img', { name: /Blood pressure and pulse, last 2 readings/ })).toBeVisible();
  await screenshot(nursePage, '76-intake-vitals-history');

  // The waiting-room display (a second window at the desk): the ticket, never the name.
  await page.bringToFront();
  await page.goto(`${desk.url.split('#')[0]}#/display`);
  await expect(page.getByRole('heading', { name: 'Now calling' })).toBeVisible();
  await expect(page.getByText('M. G. (1)')).toBeVisible();
  await expect(page.getByText('→ Room 2')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('García');
  await screenshot(page, '77-waiting-room-display');
  await page.goBack();

  // Back on the board the nurse sends her to check-out; reception checks her out.
  await nursePage.bringToFront();
  await nursePage.getByRole('link', { name: '← Flow board' }).click();
  await nursePage
    .getByRole('row', { name: /M\. G\. \(1\)/ })
    .getByRole('button', { name: 'Ready for check-out' })
    .click();
  await expect(nursePage.getByRole('row', { name: /M\. G\. \(1\).*Ready for check-out/ })).toBeVisible();
  await nursePage
    .getByRole('row', { name: /M\. G\. \(1\)/ })
    .getByRole('button', { name: 'Check out' })
    .click();
  await expect(nursePage.getByRole('row', { name: /M\. G\. \(1\).*Done/ })).toBeVisible();
  await screenshot(nursePage, '78-flow-board-checked-out');
});

test('check in from the calendar: today\'s booked appointment has "Check in", which opens its check-in review', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await configureToday(page);
  await app.open('Calendar');
  const grid = page.getByRole('region', { name: 'Day schedule' });
  await grid.getByRole('button', { name: /Tanaka, Aiko/ }).click();
  const appointment = page.getByRole('region', { name: 'Appointment' });
  await screenshot(page, '92-calendar-check-in-button');
  await appointment.getByRole('button', { name: 'Check in' }).click();

  // The Check-in screen, with Aiko's review already open; marking her arrived shows in the calendar too.
  await expect(page.getByRole('heading', { name: 'Check-in', level: 1 })).toBeVisible();
  const review = page.getByRole('region', { name: 'Check-in review' });
  await expect(review.getByRole('heading', { name: 'Check in Tanaka, Aiko' })).toBeVisible();
  await screenshot(page, '93-check-in-from-calendar');
  await review.getByRole('button', { name: 'Mark arrived' }).click();
  await expect(review.getByRole('status')).toContainText('Arrived: ticket A. T. (1)');
  await app.open('Calendar');
  await grid.getByRole('button', { name: /Tanaka, Aiko/ }).click();
  await expect(appointment.getByText('arrived', { exact: true })).toBeVisible();
  // Arrived already: no second check-in from here.
  await expect(appointment.getByRole('button', { name: 'Check in' })).toHaveCount(0);
});
