import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, screenshot } from './fixtures';
import { ADMIN, FrontDeskPage } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

test('set-up shows the recovery sheet once; Backup → Back up now writes a verified backup and says so; a missing drive is said plainly', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await page.goto(desk.url);
  await app.setUpClinic();
  await page.getByRole('button', { name: 'Create clinic' }).click();

  // The sheet: clinic, date, the key in eight groups; going on waits for the administrator to say it was kept.
  const sheet = page.getByRole('article', { name: 'Recovery sheet' });
  await expect(sheet).toContainText('Riverside Clinic');
  await expect(sheet).toContainText(/Made on\s*\d{4}-\d\d-\d\d/);
  await expect(page.getByTestId('recovery-key').locator('span')).toHaveCount(8);
  await expect(page.getByRole('button', { name: 'Print recovery sheet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue to sign in' })).toBeDisabled();
  await screenshot(page, '90-recovery-sheet');
  // Printed, the sheet stands alone: no instructions for the screen, no buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print recovery sheet' })).toBeHidden();
  await expect(sheet).toBeVisible();
  await screenshot(page, '90-recovery-sheet-printed');
  await page.emulateMedia({ media: 'screen' });
  await app.keepRecoverySheet();
  await app.signIn(ADMIN);

  await app.open('Backup');
  await expect(page.getByText(/The current recovery key was made on \d{4}-\d\d-\d\d/)).toBeVisible();
  await expect(page.getByText('No backup has been made from Front Desk yet.')).toBeVisible();

  // A relative folder: refused by main, next to the field.
  const now = page.getByRole('form', { name: 'Back up now' });
  const folder = now.getByLabel('Backup folder');
  await folder.fill('backups');
  await now.getByRole('button', { name: 'Back up now' }).click();
  await expect(folder).toHaveAccessibleDescription(/must be a full folder path/);

  // A drive that is not plugged in.
  const usb = join(desk.dataDir, 'usb');
  await folder.fill(usb);
  await now.getByRole('button', { name: 'Back up now' }).click();
  await expect(now.getByRole('alert')).toContainText('does not exist or is not connected');

  mkdirSync(usb);
  await now.getByRole('button', { name: 'Back up now' }).click();
  await expect(now.getByRole('status')).toContainText(
    /Backed up to front-desk-backup-.*\.db \((\d+ KB|\d+\.\d MB)\) and verified/,
  );
  const runs = page.getByRole('table');
  await expect(runs.getByRole('row')).toHaveCount(3);
  await expect(runs.getByRole('row').nth(1)).toContainText('Yes');
  await expect(runs.getByRole('row').nth(2)).toContainText('No');
  expect(readdirSync(usb).filter((name) => name.endsWith('.db.recovery.json'))).toHaveLength(1);
  await screenshot(page, '91-backup-now');

  // The daily schedule is saved and read back.
  const schedule = page.getByRole('form', { name: 'Daily backup' });
  await schedule.getByLabel('Back up every day').check();
  await schedule.getByLabel('Folder').fill(usb);
  await schedule.getByLabel('Time of day').fill('18:30');
  await schedule.getByLabel('Backups to keep').fill('7');
  await schedule.getByRole('button', { name: 'Save schedule' }).click();
  await expect(schedule.getByRole('status')).toHaveText(`Saved: every day at 18:30 to ${usb}, keeping the newest 7.`);
  await screenshot(page, '92-backup-schedule');

  // A new recovery key: confirmed first, shown once, then gone from the screen.
  await page.getByRole('button', { name: 'Replace the recovery key…' }).click();
  await page.getByRole('button', { name: 'Make a new recovery key' }).click();
  await expect(page.getByRole('heading', { name: 'New recovery key' })).toBeVisible();
  await expect(page.getByTestId('recovery-key').locator('span')).toHaveCount(8);
  await page.getByLabel(/I have printed or written down the recovery key/).check();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByTestId('recovery-key')).toHaveCount(0);
  await expect(page.getByText(/The current recovery key was made on/)).toBeVisible();
});
