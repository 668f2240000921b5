import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src-shared/demo';
import { nodeEntry } from '../helpers/node-entry';
import { test, expect, screenshot, startFrontDesk, stopFrontDesk } from './fixtures';
import { FrontDeskPage } from './pages/front-desk';

// Someone trying Front Desk: `clinic demo` (what `npm run start:web -- --demo` runs) makes a clinic of
// made-up data; its sign-in screen gives the accounts, every screen says "Demo", and the morning is under way.
test('a demo clinic: the accounts on the sign-in screen, "Demo" on every screen, patients already waiting', async ({
  page,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'front-desk-demo-'));
  const keyFile = join(dataDir, 'demo.key');
  const made = spawnSync(
    process.execPath,
    [...nodeEntry('src-main/cli/index.ts'), 'demo', '--data', dataDir, '--key-file', keyFile],
    {
      encoding: 'utf8',
    },
  );
  expect(made.status, made.stderr).toBe(0);
  expect(made.stdout).toContain('Sign in as admin, reception, nurse, manager');
  const demo = await startFrontDesk({ dataDir, keyFile });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(demo.desk.url);
    const accounts = page.getByRole('region', { name: 'A demo clinic of made-up data' });
    await expect(accounts).toContainText(`“${DEMO_PASSWORD}”`);
    await expect(accounts).toContainText('reception — receptionist');
    await screenshot(page, '280-demo-sign-in');
    const app = new FrontDeskPage(page);
    await app.signIn({ username: 'reception', password: DEMO_PASSWORD });
    await expect(page.getByRole('banner')).toContainText('Sunnyside Clinic (demo)Demo · made-up data');
    await app.open('Flow board');
    await expect(page.getByRole('banner')).toContainText('Demo · made-up data');
    // The few the demo checked in this morning are on the board (a header row, then theirs).
    await expect(page.getByRole('table').getByRole('row').nth(1)).toBeVisible();
    expect(await page.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    await screenshot(page, '281-demo-flow-board');
    const firstWaiting = (await page.getByRole('table').getByRole('rowheader').first().innerText()).split('\n')[0];
    await app.open('Calendar');
    await expect(page.getByRole('banner')).toContainText('Demo · made-up data');
    // Today's day view holds the appointment of the patient first on the board (not a calendar still loading).
    await expect(
      page.getByRole('region', { name: 'Day schedule' }).getByRole('button', { name: firstWaiting }).first(),
    ).toBeVisible();
    await screenshot(page, '282-demo-calendar');
  } finally {
    await stopFrontDesk(demo.child);
    demo.remove();
  }
});

// The same from the first-run screen, for someone who installed Front Desk to look at it.
test('"Try with sample data" on the set-up screen makes the demo clinic, saying first that it stays a demo', async ({
  page,
  desk,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(desk.url);
  await page.getByRole('button', { name: 'Try with sample data' }).click();
  await expect(page.getByText('stays a demo for good')).toBeVisible();
  await expect(page.getByLabel('Time zone', { exact: true })).not.toHaveValue('');
  await screenshot(page, '283-try-demo-choice');
  await page.getByRole('button', { name: 'Make the demo clinic' }).click();
  await expect(page.getByRole('status')).toContainText('Making the demo clinic');
  const accounts = page.getByRole('region', { name: 'A demo clinic of made-up data' });
  await expect(accounts).toContainText(`“${DEMO_PASSWORD}”`, { timeout: 60_000 });
  const app = new FrontDeskPage(page);
  await app.signIn({ username: 'reception', password: DEMO_PASSWORD });
  await expect(page.getByRole('banner')).toContainText('Demo · made-up data');
});
