import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRecoveryKey } from '../../src-main/core/keys/recovery-key';
import { test, expect, screenshot, startFrontDesk, stopFrontDesk } from './fixtures';
import { invoke } from './pages/bridge';
import { ADMIN, FrontDeskPage } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

test('the key file is lost: the start-up screen asks for the recovery key, a mistyped one is said next to the field, the sheet’s key opens the clinic with its patients', async ({
  page,
}) => {
  const keyDir = mkdtempSync(join(tmpdir(), 'front-desk-e2e-key-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'front-desk-e2e-'));
  const keyFile = join(keyDir, 'clinic.key');
  writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  const app = new FrontDeskPage(page);
  try {
    const first = await startFrontDesk({ dataDir, keyFile });
    await page.goto(first.desk.url);
    await app.setUpClinic();
    await page.getByRole('button', { name: 'Create clinic' }).click();
    const recoveryKey = await app.keepRecoverySheet();
    await app.signIn(ADMIN);
    await invoke(page, 'patients.create', { firstName: 'Tomás', lastName: 'Öberg', dob: '1981-01-15' });
    // The tab leaves before the server stops, as a person's would (else its events stream logs a refused connection).
    await page.goto('about:blank');
    await stopFrontDesk(first.child);

    // The computer lost its key (a reset profile, a wiped keychain): only the database and its envelope are left.
    rmSync(keyFile);
    const second = await startFrontDesk({ dataDir, keyFile });
    try {
      await page.goto(second.desk.url);
      const form = page.getByRole('form', { name: 'Open with the recovery key' });
      await expect(page.getByRole('heading', { name: 'Open with the recovery key' })).toBeVisible();
      await expect(form).toContainText('the key file');
      const field = form.getByLabel('Recovery key');
      // One character wrong: the check characters catch it. They are ten bits of a hash, so one typo in
      // a thousand or so passes them (and is then refused as not this clinic's key): pick one they catch.
      const typo = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K']
        .map((first) => first + recoveryKey.slice(1))
        .find((candidate) => candidate !== recoveryKey && !isRecoveryKey(candidate));
      if (!typo) throw new Error('no single-character typo that the check characters catch');
      await field.fill(typo);
      await form.getByRole('button', { name: 'Open the clinic' }).click();
      await expect(field).toHaveAccessibleDescription(/typing mistake/);
      await screenshot(page, '93-recovery-screen-error');

      await field.fill(recoveryKey.toLowerCase());
      await form.getByRole('button', { name: 'Open the clinic' }).click();
      await app.signIn(ADMIN);
      const found = await invoke<{ name: string }[]>(page, 'patients.search', { query: 'Öberg', limit: 5 });
      expect(found.map((row) => row.name)).toEqual(['Öberg, Tomás']);
      // The key is kept again: the next start needs no sheet.
      expect(existsSync(keyFile)).toBe(true);
    } finally {
      await page.goto('about:blank');
      await stopFrontDesk(second.child);
    }
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
});
