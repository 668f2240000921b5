import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { FrontDeskPage, RECEPTIONIST } from './pages/front-desk';

test('one search for everything: a receptionist opens a patient with Ctrl+K and the flow board with /, keyboard only', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const patient = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Philippa',
    lastName: 'Quenby',
    dob: '1979-04-02',
  });
  await invoke(page, 'patients.create', { firstName: 'Tom', lastName: 'Baker', dob: '1981-01-15' });
  await app.open('Users');
  await app.addUser(RECEPTIONIST, 'receptionist');
  await app.signOut();
  await app.signIn(RECEPTIONIST);

  // From Home, Ctrl+K: the dialog, its labelled box in focus, the counts announced as she types.
  const before = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' });
  await before.focus();
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: 'Search everything' });
  const box = dialog.getByRole('combobox', { name: 'Patient, screen or action' });
  await expect(box).toBeFocused();
  // Escape: closed, the focus back where it was.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(before).toBeFocused();

  await page.keyboard.press('Control+k');
  await page.keyboard.type('quen');
  await expect(dialog.getByRole('status')).toHaveText('1 patient, 0 screens and actions.');
  const row = dialog.getByRole('group', { name: 'Quenby, Philippa' });
  await expect(row.getByRole('option', { name: 'Book Quenby, Philippa' })).toBeVisible();
  await expect(row.getByRole('option', { name: 'Check in Quenby, Philippa' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(row.getByRole('option', { name: 'Book Quenby, Philippa' })).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, '240-search-patient-actions');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`#/patients/${patient.id}$`));
  await expect(page.getByRole('region', { name: 'Patient banner' })).toContainText('Quenby');

  // Beside the patient, Check in (two steps right) opens today's check-in review for her.
  await page.locator('body').focus();
  await page.keyboard.press('Control+k');
  await page.keyboard.type('quenby');
  await expect(row).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/today/patient/${patient.id}$`));
  await expect(
    page.getByRole('region', { name: 'Check-in review' }).getByRole('heading', { name: /Check in Quenby, Philippa/ }),
  ).toBeVisible();
  await screenshot(page, '242-search-check-in-patient');

  // `/` (not in a text field) opens it again; "flow" finds the flow board, Enter opens it.
  await page.locator('body').focus();
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await page.keyboard.type('flow');
  await expect(dialog.getByRole('option')).toHaveText(['Flow board']);
  await expect(dialog.getByRole('status')).toHaveText('0 patients, 1 screen or action.');
  await screenshot(page, '241-search-flow-board');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Flow board', level: 1 })).toBeVisible();

  // The receptionist is offered none of the manager's screens.
  await page.keyboard.press('Control+k');
  await page.keyboard.type('reports');
  await expect(dialog.getByRole('status')).toHaveText('0 patients, 0 screens and actions.');
  await page.keyboard.press('Escape');
});
