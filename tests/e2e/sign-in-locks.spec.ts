import { test, expect, screenshot } from './fixtures';
import { FrontDeskPage, NURSE } from './pages/front-desk';

test('guesses at an account: it waits, its owner still unlocks their own desk, the administrator clears the wait', async ({
  page,
  context,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  const admin = new FrontDeskPage(page);
  await admin.openNewClinic(desk.url);
  await admin.open('Users');
  await admin.addUser(NURSE, 'nurse');

  // The nurse signs in at her desk (another tab is another desk) and locks it.
  const nursePage = await context.newPage();
  const nurse = new FrontDeskPage(nursePage);
  await nursePage.goto(desk.url);
  await nurse.signIn(NURSE);
  await nursePage.getByRole('button', { name: 'Lock' }).click();
  await expect(nursePage.getByRole('heading', { name: 'Locked' })).toBeVisible();

  // Someone at a third desk guesses her password five times; the account now waits.
  const guesserPage = await context.newPage();
  const guesser = new FrontDeskPage(guesserPage);
  await guesserPage.goto(desk.url);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    // Each answer is awaited: the alert from the last attempt is already on screen.
    const answered = guesserPage.waitForResponse((response) => response.url().endsWith('/api/invoke'));
    await guesser.signIn({ username: NURSE.username, password: `guess number ${attempt}` });
    await answered;
    await expect(guesserPage.getByRole('alert')).toHaveText('Wrong username or password.');
  }
  await guesser.signIn(NURSE);
  await expect(guesserPage.getByRole('alert')).toContainText(`Too many wrong passwords for ${NURSE.username}`);

  // Her own locked desk still opens with her password; a wrong one says how many tries are left.
  await nursePage.getByLabel('Password').fill('not my password');
  await nursePage.getByRole('button', { name: 'Unlock' }).click();
  await expect(nursePage.getByRole('alert')).toHaveText('Wrong password. 4 more wrong and this desk signs out.');
  await nursePage.getByLabel('Password').fill(NURSE.password);
  await nursePage.getByRole('button', { name: 'Unlock' }).click();
  await expect(nurse.nav()).toBeVisible();

  // The administrator sees the wait on the Users screen and clears it.
  await page.reload();
  await admin.open('Users');
  const row = admin.userRow(NURSE.name);
  await expect(row).toContainText('Sign-in locked after 5 wrong passwords');
  await screenshot(page, '97-users-sign-in-locked');
  await row.getByRole('button', { name: `Clear the sign-in lock of ${NURSE.name}` }).click();
  await expect(row.getByRole('status')).toHaveText(`${NURSE.name} can sign in again.`);
  await expect(row).not.toContainText('Sign-in locked');
  await expect(row.getByRole('button', { name: /Clear the sign-in lock/ })).toHaveCount(0);

  await guesser.signIn(NURSE);
  await expect(guesser.nav()).toBeVisible();
});
