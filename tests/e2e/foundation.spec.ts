import { test, expect, screenshot } from './fixtures';
import { ADMIN, FrontDeskPage, RECEPTIONIST } from './pages/front-desk';

test('a new clinic: setup, sign in, add a receptionist, roles enforced, lock and unlock, audit', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await page.goto(desk.url);

  // First run: the setup screen, with errors next to the fields that caused them.
  await app.setUpClinic();
  await page.getByLabel('Currency').fill('ZZZ');
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await expect(page.getByText('must be a three-letter currency code such as USD, EUR or GBP')).toBeVisible();
  // A city typed alone becomes its time zone when the field is left.
  const zone = page.getByLabel('Time zone');
  await zone.fill('new york');
  await zone.press('Tab');
  await expect(zone).toHaveValue('America/New_York');
  await zone.fill('London');
  await zone.press('Tab');
  await expect(zone).toHaveValue('Europe/London');
  await screenshot(page, '01-setup-with-error');
  await page.getByLabel('Currency').fill('GBP');
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await app.keepRecoverySheet();

  // The token left the address bar once read.
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  expect(page.url()).not.toContain('token=');
  await screenshot(page, '02-login');

  await app.signIn({ username: ADMIN.username, password: 'not my password' });
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
  await app.signIn(ADMIN);
  await expect(page.getByRole('heading', { name: `Welcome, ${ADMIN.name}` })).toBeVisible();
  // A desk on its own lists no Conflicts (it appears once the desk joins a clinic's server).
  await expect(app.nav().getByRole('link')).toHaveText([
    'Home',
    'Patients',
    'Calendar',
    'Find a slot',
    'Waitlist',
    'Check-in',
    'Flow board',
    'Tasks',
    'Referrals',
    'Billing',
    'Reports',
    'Stock room',
    'Reminders',
    'Waiting-room display',
    'Settings',
    'Move in',
    'Move out',
    'Backup',
    'Scheduling set-up',
    'Users',
    'Audit log',
  ]);
  await screenshot(page, '03-home-admin');

  // Create a receptionist; a too-short password is refused by main, next to the field.
  await app.open('Users');
  const addUser = page.getByRole('form', { name: 'Add user' });
  await addUser.getByLabel('Full name').fill(RECEPTIONIST.name);
  await addUser.getByLabel('Username').fill(RECEPTIONIST.username);
  await addUser.getByLabel('Role').selectOption('receptionist');
  await addUser.getByLabel('Password').fill('short');
  await addUser.getByRole('button', { name: 'Add user' }).click();
  await expect(addUser.getByText('must be at least 10 characters')).toBeVisible();
  await addUser.getByLabel('Password').fill(RECEPTIONIST.password);
  await addUser.getByRole('button', { name: 'Add user' }).click();
  await expect(addUser.getByRole('status')).toHaveText(`Added ${RECEPTIONIST.name} as Receptionist.`);
  await expect(page.getByRole('row', { name: new RegExp(RECEPTIONIST.name) })).toContainText('Active');
  await screenshot(page, '04-users');
  // The message was about the last person added: typing the next one clears it.
  await addUser.getByLabel('Full name').fill('N');
  await expect(addUser.getByRole('status')).toHaveCount(0);
  await addUser.getByLabel('Full name').fill('');

  await app.signOut();

  // The receptionist sees no admin areas, and is refused when going there by address.
  await app.signIn(RECEPTIONIST);
  await expect(page.getByRole('heading', { name: `Welcome, ${RECEPTIONIST.name}` })).toBeVisible();
  await expect(app.nav().getByRole('link')).toHaveText([
    'Home',
    'Patients',
    'Calendar',
    'Find a slot',
    'Waitlist',
    'Check-in',
    'Flow board',
    'Tasks',
    'Referrals',
    'Billing',
    'Stock room',
    'Reminders',
    'Waiting-room display',
  ]);
  await page.goto(`${desk.url.split('#')[0]}#/users`);
  await expect(page.getByRole('alert')).toHaveText('You do not have permission to open Users.');
  await screenshot(page, '05-receptionist-refused');

  // Lock with the button: the app is gone from the page, not just covered.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  expect(await page.content()).not.toContain('permission to open Users');
  await screenshot(page, '06-locked');
  await page.getByLabel('Password').fill('wrong password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong password. 4 more wrong and this desk signs out.');
  await page.getByLabel('Password').fill(RECEPTIONIST.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

  // Lock with Ctrl+L, and main agrees the session is locked (a reload stays locked).
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await page.getByLabel('Password').fill(RECEPTIONIST.password);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(app.nav()).toBeVisible();
  await app.signOut();

  // The administrator reads the audit log and verifies its chain.
  await app.signIn(ADMIN);
  await app.open('Audit log');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'auth.login' }).filter({ hasText: 'Failed' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'auth.unlock' }).filter({ hasText: 'Failed' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'users.create' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'auth.lock' }).filter({ hasText: RECEPTIONIST.username })).toHaveCount(2);
  await page.getByLabel('User').fill(RECEPTIONIST.username);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows.filter({ hasText: ADMIN.username })).toHaveCount(0);
  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status')).toContainText('Chain intact');
  await screenshot(page, '07-audit-log');

  await app.open('Settings');
  await page.getByLabel('Lock after (minutes idle)').fill('0');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('must be at least 1 minute')).toBeVisible();
  await page.getByLabel('Lock after (minutes idle)').fill('5');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('status')).toHaveText('Settings saved.');
  await screenshot(page, '08-settings');

  // Five idle minutes lock the screen by themselves (the page's clock is moved, not waited for).
  await page.clock.install();
  await app.signOut();
  await app.signIn(ADMIN);
  await expect(app.nav()).toBeVisible();
  await page.clock.fastForward('04:30');
  await expect(app.nav()).toBeVisible();
  await page.clock.fastForward('00:31');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
});
