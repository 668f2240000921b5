import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clinicDate, moveClinicToDaytime } from './pages/clinic-seed';
import { FrontDeskPage } from './pages/front-desk';

test('the patient page lists upcoming and past appointments, counts no-shows and rebooks; Search and the ? sheet from any screen', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await invoke(page, 'settings.update', { noShowGraceMinutes: 0 });
  const { zone } = await moveClinicToDaytime(page);
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: 'Riverside' });
  const okafor = await invoke<{ id: string }>(page, 'schedule.createProvider', {
    displayName: 'Dr Amara Okafor',
    colour: '#1f5fa8',
    defaultLocationId: location.id,
  });
  const carter = await invoke<{ id: string }>(page, 'schedule.createProvider', {
    displayName: 'Dr Ben Carter',
    colour: '#1f5fa8',
    defaultLocationId: location.id,
  });
  const consultation = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const followUp = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Follow-up',
    durationMinutes: 15,
    colour: '#8a3ffc',
  });
  const patient = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Philippa',
    lastName: 'Quenby',
    dob: '1979-04-02',
  });
  const book = (providerId: string, typeId: string, date: string, time: string) =>
    invoke<{ id: string }>(page, 'appointments.book', {
      patientId: patient.id,
      providerId,
      typeId,
      locationId: location.id,
      start: { date, time },
      override: { reason: 'outside hours in the test' },
    });
  await book(carter.id, followUp.id, clinicDate(-20, zone), '10:00');
  const missed = await book(okafor.id, consultation.id, clinicDate(0, zone), '00:00');
  await invoke(page, 'appointments.setStatus', { appointmentId: missed.id, status: 'no_show' });
  await book(okafor.id, consultation.id, clinicDate(7, zone), '10:00');
  const cancelled = await book(carter.id, consultation.id, clinicDate(8, zone), '11:00');
  await invoke(page, 'appointments.cancel', { appointmentId: cancelled.id, reason: 'Away that week' });

  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/patients/${patient.id}`);
  // The header shows the next appointment and the quick actions; the appointments are their own tab.
  const actions = page.getByRole('group', { name: 'Quick actions' });
  await expect(actions.getByRole('link', { name: 'Book' })).toBeVisible();
  await expect(actions.getByRole('link', { name: 'Edit patient' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Consultation with Dr Amara Okafor' })).toBeVisible();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, '244-patient-page-1920');
  await page.setViewportSize({ width: 1366, height: 768 });
  await screenshot(page, '244-patient-page');
  await page.getByRole('tab', { name: 'Appointments' }).click();
  const card = page.getByRole('region', { name: 'Appointments' });
  await expect(card.getByText('1 no-show in the last 12 months')).toBeVisible();
  const upcoming = card.getByRole('table', { name: 'Upcoming' }).getByRole('row');
  await expect(upcoming).toHaveCount(3);
  await expect(upcoming.nth(1)).toContainText('booked');
  await expect(upcoming.nth(2)).toContainText('cancelled');
  const past = card.getByRole('table', { name: 'Past' }).getByRole('row');
  await expect(past).toHaveCount(3);
  await expect(past.nth(1)).toContainText('no-show');
  await expect(past.nth(2)).toContainText('Follow-up');
  // At 1366×768 both tables sit inside their card (they ran ~500 px past a form-wide card).
  const cardBox = await card.boundingBox();
  for (const name of ['Upcoming', 'Past']) {
    const box = await card.getByRole('table', { name }).boundingBox();
    expect(box && cardBox && box.x + box.width <= cardBox.x + cardBox.width, name).toBe(true);
  }
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, '245-patient-appointments');

  // Rebook the follow-up: Find a slot opens with Dr Carter and a follow-up chosen, for Philippa.
  await past
    .nth(2)
    .getByRole('link', { name: /^Rebook Follow-up/ })
    .click();
  await expect(page.getByRole('heading', { name: 'Find a slot', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Find a slot' });
  await expect(form.getByRole('combobox', { name: 'Appointment type' })).toHaveValue(followUp.id);
  await expect(form.getByRole('combobox', { name: 'Provider' })).toHaveValue(carter.id);
  await expect(form.getByText('Quenby, Philippa')).toBeVisible();
  await screenshot(page, '246-rebook-prefilled');

  // The header's Search opens the palette for the mouse; Escape gives the focus back to it.
  const search = page.getByRole('button', { name: 'Search (Ctrl+K)' });
  await search.click();
  const palette = page.getByRole('dialog', { name: 'Search everything' });
  await expect(palette.getByRole('combobox', { name: 'Patient, screen or action' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
  await expect(search).toBeFocused();

  // ? (outside a text field) opens the shortcuts sheet; Tab stays inside; Escape returns the focus.
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(sheet.getByRole('heading', { name: 'Flow board' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
  await screenshot(page, '247-shortcuts-sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
  await expect(search).toBeFocused();
});

test('an allergy is added through its dialog with the keyboard alone: focus kept inside, given back on close', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const patient = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Ravi',
    lastName: 'Anand',
    dob: '1990-01-15',
  });
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/patients/${patient.id}`);
  const banner = page.getByRole('region', { name: 'Patient banner' });
  await expect(banner).toContainText('No known allergies recorded');
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  // No add form is open on the page until asked for.
  await expect(page.getByRole('form', { name: 'Add allergy' })).toHaveCount(0);

  const add = page.getByRole('button', { name: 'Add allergy' });
  await add.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add allergy' });
  await expect(dialog.getByLabel('Substance')).toBeFocused();
  // The search (Ctrl+K) does not open under a dialog, where it could not take the focus.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Search everything' })).toHaveCount(0);
  await expect(dialog.getByLabel('Substance')).toBeFocused();
  // Shift+Tab from the first field goes round to the dialog's last control, never behind it.
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Substance')).toBeFocused();
  // Nothing typed: main's rule is shown next to the field, the dialog stays open.
  await page.keyboard.press('Enter');
  await expect(dialog.getByText(/must/)).toBeVisible();
  await page.keyboard.type('Latex');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Rash');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowUp');
  await expect(dialog.getByLabel('Severity')).toHaveValue('severe');
  await screenshot(page, '248-add-allergy-dialog');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Add allergy' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();
  await expect(banner).toContainText('Allergies: Latex');
  const card = page.getByRole('region', { name: 'Allergies' });
  await expect(card.getByRole('status')).toHaveText('Added Latex.');
  await expect(card).toContainText('Latex · Rash · severe');

  // The tabs are one tab stop; the arrow keys move between them.
  await page.getByRole('tab', { name: 'Overview' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Appointments' })).toBeFocused();
  await expect(page.getByRole('region', { name: 'Appointments' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'History' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'History of changes' })).toContainText('Added an allergy');

  // Log a call in the header: back on Overview, the communication log's form open with the cursor in it.
  const actions = page.getByRole('group', { name: 'Quick actions' });
  await actions.getByRole('button', { name: 'Log a call' }).click();
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  const logForm = page.getByRole('region', { name: 'Communication log' }).getByRole('form', { name: 'Log a contact' });
  await expect(logForm.locator('select, input').first()).toBeFocused();

  // Take payment in the header opens the account with the cursor in the payment form.
  await actions.getByRole('link', { name: 'Take payment' }).click();
  await expect(page.getByRole('heading', { name: 'Account: Anand, Ravi' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Take a payment' }).locator('input, select').first()).toBeFocused();
});
