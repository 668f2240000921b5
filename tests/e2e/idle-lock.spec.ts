import { test, expect, screenshot } from './fixtures';
import { ADMIN, FrontDeskPage } from './pages/front-desk';

test('the screen locks by itself after the idle time set in Settings, and the work is gone from the page', async ({
  page,
  desk,
}) => {
  // The page's clock is Playwright's, so minutes of idleness pass at once.
  await page.clock.install();
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);

  await app.open('Settings');
  await page.getByLabel('Lock after (minutes idle)').fill('2');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await app.open('Users');
  await expect(page.getByRole('row', { name: new RegExp(ADMIN.name) })).toBeVisible();

  // Activity resets the timer: a minute and a half, a key press, another minute and a half.
  await page.clock.runFor('01:30');
  await page.keyboard.press('Shift');
  await page.clock.runFor('01:30');
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();

  await page.clock.runFor('00:45');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  expect(await page.content()).not.toContain(ADMIN.username + '</td>');
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible();
  await screenshot(page, '21-idle-locked');

  // Signing out from the lock screen hands the desk to the next person.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
});
