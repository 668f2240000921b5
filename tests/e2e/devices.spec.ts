import { test, expect, screenshot, startFrontDesk, stopFrontDesk } from './fixtures';
import { ADMIN, FrontDeskPage } from './pages/front-desk';
import { connectFirstDesk, joinForm, joinNewDesk, SyncServer, syncStatus } from './sync-server';

/**
 * Issue 17's administrator screens, on screen end to end: the sync server (its own process, PGlite), desk
 * A set up and connected, then from A's screens: "Sync now", a one-time code made on Devices, a new desk B
 * joining with it from its set-up screen (a wrong code first: refused beside the field), and B revoked.
 */
test('devices: a code made on a connected desk lets a new desk join from its set-up screen; revoked, it is refused', async ({
  page,
  context,
  desk,
}) => {
  test.setTimeout(180_000);
  const server = await SyncServer.create();
  const pageB = await context.newPage();
  let deskB: Awaited<ReturnType<typeof startFrontDesk>> | null = null;
  try {
    const firstCode = await server.enrolCode('Riverside Clinic');
    await server.start();
    const a = new FrontDeskPage(page);
    await a.openNewClinic(desk.url);
    // A desk on its own has no Devices area: it has no server to ask.
    await expect(a.nav().getByRole('link', { name: 'Devices' })).toHaveCount(0);
    await connectFirstDesk(a, server, firstCode);

    // Sync now: the round runs and its outcome stays in view beside the button.
    const syncNow = page.getByRole('button', { name: 'Sync now' });
    await syncNow.click();
    await expect(page.getByRole('status').filter({ hasText: /^Synced: Online/ })).toBeVisible();
    await expect(syncNow).toBeEnabled();
    await screenshot(page, '215-sync-settings-sync-now');

    // Devices: this desk listed; a one-time code for the next one.
    await expect(a.nav().getByRole('link', { name: 'Devices' })).toBeVisible();
    await a.open('Devices');
    const table = page.getByRole('table', { name: 'Devices of this clinic' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row').nth(1)).toContainText('This desk');
    await expect(table.getByRole('row').nth(1)).toContainText('Active');
    const codeForm = page.getByRole('form', { name: 'Make a one-time code' });
    await codeForm.getByLabel('Valid for (hours)').fill('0');
    await codeForm.getByRole('button', { name: 'Make a one-time code' }).click();
    await expect(codeForm.getByText('must be at least 1 hour')).toBeVisible();
    await codeForm.getByLabel('Valid for (hours)').fill('8');
    await codeForm.getByRole('button', { name: 'Make a one-time code' }).click();
    const made = page.getByRole('status', { name: 'New one-time code' });
    await expect(made).toContainText('Type these at the new desk to join Riverside Clinic');
    await expect(made).toContainText(server.url);
    const code = (await page.getByTestId('enrolment-code').textContent()) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await screenshot(page, '216-devices-one-time-code');

    // Desk B, just installed: Join a clinic. A wrong code is refused beside its field, nothing joined.
    deskB = await startFrontDesk();
    const b = new FrontDeskPage(pageB);
    await pageB.goto(deskB.desk.url);
    await pageB.getByRole('button', { name: 'Join a clinic' }).click();
    const join = joinForm(pageB);
    await join.getByLabel('Server address').fill(server.url);
    await join.getByLabel('One-time code').fill('AAAA-BBBB-CCCC-DDDD');
    await join.getByRole('button', { name: 'Join clinic' }).click();
    await expect(join.getByText(/The server refused: This enrolment code is unknown/)).toBeVisible();
    await expect(join.getByLabel('One-time code')).toHaveAttribute('aria-invalid', 'true');
    await screenshot(pageB, '217-setup-join-wrong-code');
    // The right code: the clinic arrives and its administrator signs in with her own password.
    await joinNewDesk(b, deskB.desk.url, server, code, 'Nurse station');
    await b.signIn(ADMIN);
    await expect(syncStatus(pageB)).toHaveText(/^Sync: Online/);

    // A's list now has B; A revokes it (confirmed in the row), and B is refused from then on.
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(table.getByRole('row')).toHaveCount(3);
    const rowB = table.getByRole('row').nth(2);
    await expect(rowB).toContainText('Active');
    // B named itself when it joined; A gives itself the name the staff know it by, in its row.
    await expect(rowB.getByRole('rowheader')).toHaveText('Nurse station');
    const rowA = table.getByRole('row').nth(1);
    await rowA.getByRole('button', { name: /^Rename desk A/ }).click();
    const rename = rowA.getByRole('form', { name: 'Rename desk A' });
    await rename.getByLabel('Desk name').fill('   ');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await expect(rename.getByLabel('Desk name')).toHaveAttribute('aria-invalid', 'true');
    await rename.getByLabel('Desk name').fill('Reception 1');
    await rename.getByRole('button', { name: 'Save name' }).click();
    await expect(rowA.getByRole('rowheader')).toHaveText('Reception 1This desk');
    await screenshot(page, '218-devices-two-desks');
    await rowB.getByRole('button', { name: /^Revoke desk B/ }).click();
    await expect(rowB.getByRole('group', { name: /^Confirm revoking desk B/ })).toBeVisible();
    await rowB.getByRole('button', { name: 'Yes, revoke' }).click();
    await expect(rowB).toContainText('Revoked');
    await expect(rowB.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
    await screenshot(page, '219-devices-revoked');
    await b.open('Settings');
    await pageB.getByRole('button', { name: 'Sync now' }).click();
    await expect(pageB.getByRole('alert').filter({ hasText: /no longer knows this desk/ })).toBeVisible();
  } finally {
    await pageB.close();
    if (deskB) {
      await stopFrontDesk(deskB.child);
      deskB.remove();
    }
    await server.remove();
  }
});
