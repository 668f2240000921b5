import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage, RECEPTIONIST } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

async function home(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^Welcome/, level: 1 })).toBeVisible();
}

function step(page: Page, name: string) {
  return page
    .getByRole('region', { name: /First steps|Set-up done/ })
    .getByRole('listitem')
    .filter({ hasText: name });
}

// The administrator's first hour: the home lists the set-up in order, each step a link to its screen,
// and ticks each one as it is done, by whatever way it was done.
test('the first-run checklist ticks as the clinic is set up, and says when it is ready to book', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const checklist = page.getByRole('region', { name: /First steps/ });
  await expect(checklist.getByRole('listitem')).toHaveCount(6);
  await expect(checklist.getByText('To do', { exact: true })).toHaveCount(6);
  await screenshot(page, '290-checklist-new-clinic');

  // Clinic details: the link opens Settings, where the country is chosen.
  await step(page, 'Clinic details').getByRole('link', { name: 'Clinic details' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await invoke(page, 'settings.update', { country: 'GB' });
  await home(page);
  await expect(step(page, 'Clinic details')).toContainText('Done');

  await app.open('Users');
  await app.addUser(RECEPTIONIST, 'receptionist');
  await home(page);
  await expect(step(page, 'Staff accounts')).toContainText('Done');
  await expect(step(page, 'Locations and rooms')).toContainText('To do');

  const { providerId } = await providerAllWeek(page, {
    location: 'Main Street',
    provider: 'Dr Ada Okafor',
    rooms: ['Room 1'],
    hours: { start: '08:00', end: '18:00' },
  });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  // Pushed set-up changes tick the steps on the home that is open.
  await expect(step(page, 'Locations and rooms')).toContainText('Done');
  await expect(step(page, 'Providers and their hours')).toContainText('Done');
  await expect(step(page, 'Appointment types')).toContainText('Done');
  await expect(step(page, 'Book the first appointment')).toContainText('To do');

  const patient = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Ana',
    lastName: 'Rivera',
    dob: '1980-02-03',
  });
  await invoke(page, 'appointments.book', {
    patientId: patient.id,
    providerId,
    typeId: type.id,
    start: { date: '2027-03-09', time: '10:00' },
  });
  await expect(page.getByRole('heading', { name: 'Set-up done: ready to book' })).toBeVisible();
  await expect(page.getByText('To do', { exact: true })).toHaveCount(0);
  await screenshot(page, '291-checklist-ready');
});
