import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { moveClinicToDaytime, providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

/** A provider working all day every day, and two appointments today at 00:00 and 00:30, the first a no-show. */
async function configureDay(page: Page): Promise<string> {
  const { today } = await moveClinicToDaytime(page);
  const { providerId } = await providerAllWeek(page, {
    location: 'Riverside',
    provider: 'Dr Amara Okafor',
  });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const ids: string[] = [];
  for (const [index, time] of ['00:00', '00:30'].entries()) {
    const patient = await invoke<{ id: string }>(page, 'patients.create', {
      firstName: 'Lena',
      lastName: `Ortiz${index}`,
      dob: `1988-04-1${index}`,
    });
    const booked = await invoke<{ id: string }>(page, 'appointments.book', {
      patientId: patient.id,
      providerId,
      typeId: type.id,
      start: { date: today, time },
    });
    ids.push(booked.id);
  }
  await invoke(page, 'appointments.setStatus', { appointmentId: ids[0], status: 'no_show' });
  return today;
}

test('the administrator reads the month: appointments by provider with the no-show rate, definitions, a CSV export', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const today = await configureDay(page);
  await app.open('Reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByLabel('From')).toBeVisible();
  const table = page.getByRole('table', { name: 'Appointments by provider' });
  const row = table.getByRole('row', { name: /Dr Amara Okafor/ });
  await expect(row.getByRole('cell').nth(0)).toHaveText('2');
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');
  await expect(page.getByText(/No-show rate: no-shows ÷ due × 100\./)).toBeVisible();
  // The dashboard: the month so far against the same number of days before it; a figure opens its report.
  const figures = page.getByRole('list', { name: 'Figures' });
  await expect(figures.getByRole('button', { name: /^Appointments booked 2 before 0$/ })).toBeVisible();
  await expect(figures.getByRole('button', { name: /^New patients 2 before 0$/ })).toBeVisible();
  await expect(figures.getByRole('button', { name: /^No-show rate 50% before —$/ })).toBeVisible();
  // Dr Okafor works 24 hours a day in this clinic: two days offer 48 h, an hour is booked.
  const utilisation = page.getByRole('table', { name: 'Utilisation by provider' });
  await expect(utilisation.getByRole('row', { name: /Dr Amara Okafor 1 h 00 min/ })).toBeVisible();
  await screenshot(page, '189-reports-dashboard');
  // Every report on the page is listed under the filters; a button brings its report up, the last included.
  const contents = page.getByRole('navigation', { name: 'On this page' });
  await expect(contents.getByRole('button')).toHaveText([
    'Dashboard',
    'Appointments',
    'Patients to call',
    'Waiting times',
    'Revenue',
    'Providers',
    'A/R ageing',
    'Claims by status and age',
    'Day sheet',
    'Stock',
  ]);
  await contents.getByRole('button', { name: 'Stock' }).click();
  const stockHeading = page.getByRole('heading', { name: 'Stock', level: 2 });
  await expect(stockHeading).toBeFocused();
  await expect(stockHeading).toBeInViewport();
  await expect(page).toHaveURL(/#\/reports$/);
  await figures.getByRole('button', { name: /^Appointments booked/ }).click();
  await expect(page.getByRole('heading', { name: 'Appointments', level: 2 })).toBeFocused();
  await expect(page).toHaveURL(/#\/reports$/);
  await screenshot(page, '190-reports');

  // The no-show rate opens the no-shows to call: Lena Ortiz0 missed 00:00 with Dr Okafor.
  await figures.getByRole('button', { name: /^No-show rate/ }).click();
  const noShows = page.getByRole('heading', { name: 'No-shows to call (1)', level: 3 });
  await expect(noShows).toBeFocused();
  await expect(page).toHaveURL(/#\/reports$/);
  const toCall = page.getByRole('table', { name: 'No-shows to call (1)' });
  const lena = toCall.getByRole('row', { name: /Ortiz0, Lena/ });
  await expect(lena).toContainText('Dr Amara Okafor');
  await expect(lena).toContainText('Consultation');
  await expect(lena).toContainText('00:00');
  await expect(lena.getByRole('cell').nth(0)).toHaveText(/^P\d+$/);
  await expect(page.getByText('No late cancellations in this range.')).toBeVisible();
  await expect(page.getByText(/^Patients to call: every no-show and every late cancellation/)).toBeVisible();
  await screenshot(page, '200-reports-no-shows-to-call');
  await lena.getByRole('link', { name: 'Ortiz0, Lena' }).click();
  await expect(page).toHaveURL(/#\/patients\/[0-9a-f-]+$/);
  await expect(page.getByRole('heading', { name: 'Patient summary', level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Patient banner' })).toContainText('Ortiz0, Lena');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();

  // One day typed as both ends still reads (an OpenEMR report went blank when they were the same).
  await page.getByLabel('From').fill(today);
  await expect(page.getByLabel('From')).toHaveAccessibleDescription(/Read as/);
  await expect(row.getByRole('cell').nth(0)).toHaveText('2');

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export appointments (CSV)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^appointments-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path()) ?? '', 'utf8');
  expect(csv).toContain('Definition,No-show rate: no-shows ÷ due × 100.');
  expect(csv).toContain('Ran by,Ada Admin');
  expect(csv).toMatch(/Provider,,Dr Amara Okafor,2,0,0,0,0,1,/);
  expect(csv).toContain('No-shows to call,1');
  expect(csv).toMatch(/\r\n"Ortiz0, Lena",P\d+,,\d{4}-\d{2}-\d{2},00:00,Dr Amara Okafor,Consultation,,/);
  const savedLine = page.getByRole('status').filter({ hasText: `${download.suggestedFilename()} saved.` });
  await expect(savedLine).toBeVisible();

  // A range that ends before it starts: refused under To, and where the reports were, a line that says why
  // they are gone; putting the end back brings them back.
  await page.getByLabel('To', { exact: true }).fill('2001-01-01');
  await expect(page.getByText('must be on or after the start date')).toBeVisible();
  // The saved line spoke of the reports before the change: it is gone with them.
  await expect(savedLine).toHaveCount(0);
  await expect(
    page.getByRole('status').filter({ hasText: "The range's reports are hidden while the dates above are refused" }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export appointments (CSV)' })).toHaveCount(0);

  // The filters are in the address: one provider and one day, bookmarked and opened again later.
  await page.getByLabel('To', { exact: true }).fill(today);
  await expect(page.getByText("The range's reports are hidden while the dates above are refused")).toHaveCount(0);
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Dr Amara Okafor' });
  await page.getByLabel('Appointment type').selectOption({ label: 'Consultation' });
  await expect(page).toHaveURL(
    new RegExp(`#/reports\\?from=${today}&to=${today}&provider=[0-9a-f-]+&type=[0-9a-f-]+$`),
  );
  await expect(page.getByText(/^Location and appointment type narrow the appointments report/)).toBeVisible();
  const bookmark = page.url();
  await page.goto('about:blank');
  await page.goto(bookmark);
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Provider', { exact: true })).toHaveValue(/^[0-9a-f-]+$/);
  await expect(page.getByLabel('Provider', { exact: true }).locator('option:checked')).toHaveText('Dr Amara Okafor');
  await expect(page.getByLabel('Appointment type').locator('option:checked')).toHaveText('Consultation');
  await expect(page.getByLabel('Location', { exact: true }).locator('option:checked')).toHaveText('All locations');
  // One day against the day before it: the dashboard names the same date at both ends of the range.
  await expect(page.getByRole('region', { name: 'Dashboard' }).locator('p.hint').first()).toHaveText(
    /^(.+) – \1, against /,
  );
  await expect(
    table
      .getByRole('row', { name: /^Total/ })
      .getByRole('cell')
      .nth(0),
  ).toHaveText('2');
  await expect(toCall.getByRole('row', { name: /Ortiz0, Lena/ })).toBeVisible();
  await screenshot(page, '201-reports-bookmarked-filters');
});
