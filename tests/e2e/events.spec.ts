import { test, expect, screenshot } from './fixtures';
import { ADMIN, FrontDeskPage, NURSE } from './pages/front-desk';

/** Two tabs are two desks. What the administrator does at one reaches the other as it happens. */
test('user management: role change, password reset, and disabling reach the other desk', async ({
  page,
  context,
  desk,
}) => {
  const admin = new FrontDeskPage(page);
  await admin.openNewClinic(desk.url);
  await admin.open('Users');
  await admin.addUser(NURSE, 'nurse');

  // The nurse signs in at a second desk.
  const nursePage = await context.newPage();
  const nurse = new FrontDeskPage(nursePage);
  await nursePage.goto(desk.url);
  await nurse.signIn(NURSE);
  await expect(nursePage.getByRole('heading', { name: `Welcome, ${NURSE.name}` })).toBeVisible();
  await expect(nursePage.getByRole('banner')).toContainText('nurse');

  // A role change shows at once in the nurse's header. (Each desk is brought to the front before it is
  // used, as a person would: Chromium holds back frames of a page in the background.)
  await page.bringToFront();
  const row = admin.userRow(NURSE.name);
  await row.getByLabel(`Role of ${NURSE.name}`, { exact: true }).selectOption('provider');
  await row.getByRole('button', { name: `Change role of ${NURSE.name}` }).click();
  await expect(row.getByRole('status')).toHaveText(`${NURSE.name}'s role is now Provider.`);
  await expect(nursePage.getByRole('banner')).toContainText('provider');

  // Reset the password with the inline form: too short is refused next to the field.
  await row.getByRole('button', { name: `Reset password of ${NURSE.name}` }).click();
  const reset = page.getByRole('form', { name: `Reset password of ${NURSE.name}` });
  await reset.getByLabel(`New password for ${NURSE.name}`).fill('short');
  await reset.getByRole('button', { name: 'Save password' }).click();
  await expect(reset.getByText('must be at least 10 characters')).toBeVisible();
  await screenshot(page, '11-users-reset-password');
  const newPassword = 'a fresh start 7';
  await reset.getByLabel(`New password for ${NURSE.name}`).fill(newPassword);
  await reset.getByRole('button', { name: 'Save password' }).click();
  await expect(row.getByRole('status')).toHaveText(`Password reset for ${NURSE.name}.`);

  // Disabling her ends her session at the other desk: back to Sign in, nothing of the app left.
  // Asked in the row first: cancelling leaves her as she was.
  await row.getByRole('button', { name: `Disable ${NURSE.name}` }).click();
  const confirm = row.getByRole('group', { name: `Confirm disabling ${NURSE.name}` });
  await expect(confirm).toContainText(`Disable ${NURSE.name}? They are signed out`);
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toContainText('Active');
  await row.getByRole('button', { name: `Disable ${NURSE.name}` }).click();
  await screenshot(page, '491-users-confirm-disable');
  await row
    .getByRole('group', { name: `Confirm disabling ${NURSE.name}` })
    .getByRole('button', { name: 'Yes, disable' })
    .click();
  await expect(row).toContainText('Disabled');
  await expect(row.getByRole('status')).toHaveText(`${NURSE.name} is disabled: they cannot sign in.`);
  // The account in use has no Disable button: main would refuse it.
  const ownRow = admin.userRow(ADMIN.name);
  await expect(ownRow.getByRole('button', { name: `Reset password of ${ADMIN.name}` })).toBeVisible();
  await expect(ownRow.getByRole('button', { name: /^Disable/ })).toHaveCount(0);
  await expect(row.getByRole('button', { name: `Enable ${NURSE.name}` })).toBeVisible();
  await expect(nursePage.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(nursePage.getByRole('navigation')).toHaveCount(0);
  await nursePage.bringToFront();
  await nurse.signIn({ username: NURSE.username, password: newPassword });
  await expect(nursePage.getByRole('alert')).toBeVisible();
  await expect(nursePage.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await screenshot(nursePage, '12-disabled-user-refused');

  // Enabled again, she signs in with the new password.
  await page.bringToFront();
  await row.getByRole('button', { name: `Enable ${NURSE.name}` }).click();
  await expect(row).toContainText('Active');
  await nursePage.bringToFront();
  await nurse.signIn({ username: NURSE.username, password: newPassword });
  await expect(nursePage.getByRole('heading', { name: `Welcome, ${NURSE.name}` })).toBeVisible();
  await page.bringToFront();
  await screenshot(page, '13-users-after-changes');
});
