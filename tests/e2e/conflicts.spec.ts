import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, screenshot, startFrontDesk, stopFrontDesk } from './fixtures';
import { FrontDeskPage } from './pages/front-desk';
import { nodeEntry } from '../helpers/node-entry';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** tests/helpers/temp-core.ts's administrator, who set up the seeded clinic. */
const ADMIN = { username: 'ada', password: 'correct horse battery' };

/**
 * The Conflicts screen (issue 17). The conflict is made as two desks make one (conflict-seed.ts: two
 * cores of one clinic book the same slot apart and exchange their changes); desk A's data folder is
 * then served in browser mode, and the administrator resolves the conflict on screen.
 */
test('a double booking made apart is listed with its records, opens the appointment, and is resolved with a note', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const seeded = execFileSync(process.execPath, nodeEntry('tests/e2e/conflict-seed.ts'), {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  const { dataDir, keyFile } = JSON.parse(seeded.trim().split('\n').pop() ?? '{}') as {
    dataDir: string;
    keyFile: string;
  };
  const served = await startFrontDesk({ dataDir, keyFile });
  try {
    await page.setViewportSize({ width: 1366, height: 768 });
    const app = new FrontDeskPage(page);
    await page.goto(served.desk.url);
    await app.signIn(ADMIN);
    await app.open('Conflicts');
    const row = page.getByRole('row', { name: /Double booking/ });
    await expect(row).toContainText('same provider');
    await expect(
      row.getByRole('link', { name: /^Odile Marchetti\d*, 2026-11-23 10:00(:00)? with Dr Ana Ortiz$/ }),
    ).toBeVisible();
    await expect(
      row.getByRole('link', { name: /^Tobias Wrenfield\d*, 2026-11-23 10:00(:00)? with Dr Ana Ortiz$/ }),
    ).toBeVisible();
    await screenshot(page, '191-conflicts-inbox');

    // "Open appointment" shows it on its day, panel open, with the banner.
    await row.getByRole('link', { name: /^Open appointment of Tobias Wrenfield/ }).click();
    const panel = page.getByRole('region', { name: 'Appointment' });
    await expect(panel.getByRole('status').filter({ hasText: 'double-booked' })).toBeVisible();
    await expect(panel).toContainText(/Wrenfield\d*, Tobias/);
    await page.goBack();

    // New task from the conflict: about its first appointment (and so its patient), titled with the conflict.
    await row.getByRole('button', { name: 'New task' }).click();
    const taskForm = row.getByRole('form', { name: 'New task' });
    await expect(taskForm).toContainText(/About: Double booking: \w+ Marchetti\d*, 2026-11-23 10:00/);
    await expect(taskForm.getByLabel('Title')).toHaveValue(/^Double booking: /);
    await taskForm.getByLabel('Assign to').selectOption({ label: 'All receptionists' });
    await screenshot(page, '193-conflict-new-task');
    await taskForm.getByRole('button', { name: 'Create task' }).click();
    await expect(taskForm.getByRole('status')).toContainText('Task created: Double booking: ');
    await row.getByRole('button', { name: 'New task' }).click();

    // "Mark resolved" wants a note, said beside the field.
    await page.getByRole('button', { name: /^Mark resolved: Double booking/ }).click();
    const note = page.getByLabel('What was done');
    await page.getByRole('button', { name: 'Save resolution' }).click();
    await expect(note).toHaveAccessibleDescription('Say what was done to resolve it.');
    await note.fill('Tobias moved to 11:00 with Dr Lee');
    await screenshot(page, '192-conflicts-resolve');
    await page.getByRole('button', { name: 'Save resolution' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'No open conflicts.' })).toBeVisible();

    await page.getByLabel('Show resolved ones too').check();
    await expect(page.getByRole('row', { name: /Double booking/ })).toContainText(
      'Resolved by Ada Admin: Tobias moved to 11:00 with Dr Lee',
    );
    await screenshot(page, '193-conflicts-resolved');
  } finally {
    await page.close();
    await stopFrontDesk(served.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
