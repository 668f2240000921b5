import { test, expect } from './fixtures';
import { FrontDeskPage } from './pages/front-desk';

test('an administrator sees the desk is not connected, and a malformed server address is refused beside the field', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  // In words in the header, not by colour alone.
  await expect(page.getByTestId('sync-status')).toHaveText('Sync: Not connected');
  // A desk on its own has no conflicts to look at: no Conflicts in its menu (a seeded desk with one has it).
  const menu = page.getByRole('navigation', { name: 'Main' });
  await expect(menu.getByRole('link', { name: 'Settings' })).toBeVisible();
  await expect(menu.getByRole('link', { name: 'Conflicts' })).toHaveCount(0);

  // The header's status is the way there: Settings, scrolled to its Sync section.
  await page.getByRole('link', { name: 'Sync: Not connected' }).click();
  await expect(page.getByRole('heading', { name: 'Sync', exact: true })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Sync', exact: true })).toBeInViewport();
  const form = page.getByRole('form', { name: 'Connect this desk' });
  await expect(page.getByText('Status: Not connected')).toBeVisible();
  const address = form.getByLabel('Server address');
  await address.fill('clinic server');
  await form.getByLabel('One-time code').fill('ABCD-EFGH-JKMN-PQRS');
  await form.getByRole('button', { name: 'Connect this desk' }).click();
  await expect(address).toHaveAccessibleDescription(/must be a server address such as https:\/\/clinic-server:8443/);
  // Plain http to another computer would send the code in the clear: refused, beside the same field.
  await address.fill('http://192.0.2.1:8787');
  await form.getByRole('button', { name: 'Connect this desk' }).click();
  await expect(address).toHaveAccessibleDescription(/must start with https:\/\//);
  await expect(page.getByTestId('sync-status')).toHaveText('Sync: Not connected');
});

test('the first Tab of a screen offers a way past the header and the menu, straight to the page', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await page.locator('body').focus();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('button', { name: 'Skip to the page' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  // The next Tab is the page's own first control, not the header's.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('banner').locator(':focus')).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Main' }).locator(':focus')).toHaveCount(0);
});
