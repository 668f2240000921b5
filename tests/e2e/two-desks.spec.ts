import type { Page } from '@playwright/test';
import { test, expect, screenshot, startFrontDesk, stopFrontDesk } from './fixtures';
import { invoke } from './pages/bridge';
import { ADMIN, clickSlot, FrontDeskPage } from './pages/front-desk';
import { connectFirstDesk, joinNewDesk, SyncServer, syncNow, syncStatus } from './sync-server';

/** A Wednesday well in the future, inside Dr Ortiz's hours. */
const DATE = '2027-03-10';
const WEDNESDAY = 3;

/** Set-up through the bridge (setup.spec.ts covers the screens): a place, Dr Ortiz's Wednesdays, a type, a patient. */
async function scheduleDrOrtiz(page: Page): Promise<void> {
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', {
    name: 'Riverside',
    address: '1 River Road',
  });
  const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
    displayName: 'Dr Ana Ortiz',
    specialty: 'General practice',
    colour: '#1f5fa8',
    defaultLocationId: location.id,
  });
  await invoke(page, 'schedule.createTemplate', {
    providerId: provider.id,
    locationId: location.id,
    weekday: WEDNESDAY,
    start: '08:00',
    end: '17:00',
    breaks: [],
  });
  await invoke(page, 'schedule.createType', { name: 'Consultation', durationMinutes: 30, colour: '#1f5fa8' });
  await invoke(page, 'patients.create', { firstName: 'Tobias', lastName: 'Wrenfield', dob: '1979-05-14' });
}

/** Books Dr Ortiz at 10:00 on DATE from the calendar's empty slot, as the desk's receptionist would. */
async function bookTen(app: FrontDeskPage, search: string, patient: RegExp): Promise<void> {
  const { page } = app;
  await app.open('Calendar');
  await page.getByLabel('Date', { exact: true }).fill(DATE);
  await expect(page.getByText('Wednesday, 10 March 2027')).toBeVisible();
  const ortiz = page.getByRole('region', { name: 'Day schedule' }).getByRole('group', { name: 'Dr Ana Ortiz' });
  await clickSlot(page, ortiz, '10:00');
  const booking = page.getByRole('form', { name: 'Book appointment' });
  await booking.getByLabel('Patient').fill(search);
  await booking.getByRole('button', { name: patient }).click();
  await booking.getByLabel('Appointment type').selectOption({ label: 'Consultation (30 min)' });
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  await expect(ortiz.getByRole('button', { name: patient })).toBeVisible();
}

/**
 * Issue 17's story end to end: two desks (two `clinic serve` hosts, each its own encrypted database)
 * and the clinic's sync server, each a process of its own, in one Chromium.
 */
test('two desks and a sync server: a patient crosses over, a slot booked on both while offline is a conflict on both, resolved once', async ({
  page,
  context,
  desk,
}) => {
  test.setTimeout(240_000);
  const server = await SyncServer.create();
  const pageB = await context.newPage();
  let deskB: Awaited<ReturnType<typeof startFrontDesk>> | null = null;
  try {
    const firstCode = await server.enrolCode('Riverside Clinic');
    const secondCode = await server.enrolCode('Riverside Clinic');
    await server.start();
    deskB = await startFrontDesk();
    const a = new FrontDeskPage(page);
    const b = new FrontDeskPage(pageB);

    // Desk A: set up, scheduled, and connected on Settings → Sync (it sends its whole clinic).
    await a.openNewClinic(desk.url);
    await scheduleDrOrtiz(page);
    await connectFirstDesk(a, server, firstCode);
    // Desk A publishes a starting copy of itself, so the new desk takes the clinic in whole.
    await page.getByRole('button', { name: 'Publish a starting copy' }).click();
    // Making and sending the copy is long work (a VACUUM INTO and an upload): seconds on a busy machine.
    await expect(page.getByText(/^Published a starting copy \(\d+ MB\)\. New desks start from it\.$/)).toBeVisible({
      timeout: 30_000,
    });
    await screenshot(page, '483-two-desks-starting-copy-published');
    // Desk B: a new Front Desk joins the clinic and takes it all; the administrator signs in with her own password.
    await joinNewDesk(b, deskB.desk.url, server, secondCode);
    await b.signIn(ADMIN);
    await expect(b.nav()).toBeVisible();
    await expect(syncStatus(pageB)).toHaveText(/^Sync: Online/);
    await b.open('Settings');
    await expect(pageB.getByText(/started from the clinic's starting copy \(\d+ rows\)/)).toBeVisible();

    // A patient registered on desk A is found on desk B.
    await a.open('Patients');
    await page.getByRole('link', { name: 'Register new patient' }).click();
    const form = page.getByRole('form', { name: 'Register patient' });
    await form.getByLabel('First name').fill('Odile');
    await form.getByLabel('Last name').fill('Marchetti');
    await form.getByLabel('Date of birth').fill('1988-02-11');
    await form.getByRole('button', { name: 'Register patient' }).click();
    await expect(page.getByRole('region', { name: 'Patient banner' })).toContainText('Marchetti, Odile');
    await b.open('Patients');
    const search = pageB.getByLabel('Find a patient');
    const found = pageB.getByRole('table').getByRole('row', { name: /Marchetti, Odile/ });
    // The search answers what the desk holds when typed: typed again until the change has crossed over.
    await expect(async () => {
      await search.fill('');
      await search.fill('marchetti');
      await expect(found).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await screenshot(pageB, '195-two-desks-patient-from-the-other-desk');
    // Desk A's audit log came with it as a chain of its own, which desk B checks apart from its own.
    await b.open('Audit log');
    await pageB.getByRole('button', { name: 'Verify chain' }).click();
    await expect(pageB.getByText(/^Chain intact: \d+ entries checked\.$/)).toBeVisible();
    const others = pageB.getByRole('list', { name: 'Other devices’ chains' }).getByRole('listitem');
    await expect(others).toHaveCount(1);
    await expect(others).toHaveText(/^Device .+: chain intact, [1-9]\d* entries checked\.$/);
    await screenshot(pageB, '482-two-desks-audit-chains');

    // The network goes: both desks say so in the header, and both book Dr Ortiz at 10:00.
    await server.stop();
    await expect(syncStatus(page)).toHaveText(/^Sync: Offline/, { timeout: 20_000 });
    await expect(syncStatus(pageB)).toHaveText(/^Sync: Offline/, { timeout: 20_000 });
    await bookTen(a, 'marchetti', /Marchetti, Odile/);
    await bookTen(b, 'wrenfield', /Wrenfield, Tobias/);
    await expect(syncStatus(pageB)).toHaveText(/^Sync: Offline.* · \d+ waiting$/);
    await screenshot(pageB, '196-two-desks-offline-booking');

    // Back online on the same data: each desk's round sends its booking and takes the other's.
    await server.start();
    await syncNow(page);
    await syncNow(pageB);
    await syncNow(page);
    await syncNow(pageB);
    await expect(syncStatus(page)).toHaveText(/^Sync: Online/);
    await expect(syncStatus(pageB)).toHaveText(/^Sync: Online/);
    const inbox = async (p: Page, app: FrontDeskPage) => {
      await app.open('Conflicts');
      const row = p.getByRole('row', { name: /Double booking/ });
      await expect(row).toContainText('same provider');
      for (const name of ['Odile Marchetti', 'Tobias Wrenfield']) {
        await expect(
          row.getByRole('link', { name: `${name}, ${DATE} 10:00 with Dr Ana Ortiz`, exact: true }),
        ).toBeVisible();
      }
      return row;
    };
    await inbox(page, a);
    await screenshot(page, '197-two-desks-conflict-on-desk-a');
    // One conflict, though each desk found it: the two desks' findings are one record.
    await expect(await inbox(pageB, b)).toHaveCount(1);
    await screenshot(pageB, '198-two-desks-conflict-on-desk-b');

    // Resolved once, on desk A, with a note; desk B's open inbox clears at its next sync.
    await page.getByRole('button', { name: /^Mark resolved: Double booking/ }).click();
    await page.getByLabel('What was done').fill('Tobias moved to 11:00, told by phone');
    await page.getByRole('button', { name: 'Save resolution' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'No open conflicts.' })).toBeVisible();
    await syncNow(page);
    await syncNow(pageB);
    await expect(pageB.getByRole('status').filter({ hasText: 'No open conflicts.' })).toBeVisible();
    await pageB.getByLabel('Show resolved ones too').check();
    await expect(pageB.getByRole('row', { name: /Double booking/ })).toContainText(
      'Resolved by Ada Admin: Tobias moved to 11:00, told by phone',
    );
    await screenshot(pageB, '199-two-desks-resolved-on-both');
  } finally {
    await pageB.close();
    if (deskB) {
      await stopFrontDesk(deskB.child);
      deskB.remove();
    }
    await server.remove();
  }
});
