import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DATA } from '../helpers/shared-data';
import { test, expect, screenshot } from './fixtures';
import { FrontDeskPage } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

// A Synthea patient from the shared data beside the repository (read, never copied into the product).
// Where it is absent (a clone on its own), playwright.config.ts leaves this file out with a printed reason.
const SYNTHEA = join(SHARED_DATA, 'fhir/synthea');
const NED = join(SYNTHEA, readdirSync(SYNTHEA).find((name) => name.startsWith('Ned_Hintz')) ?? '');

test('an administrator moves a Synthea patient in: dry run with counts and reasons, import with the report, then finds the patient and their history', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await app.open('Move in');

  // Import waits for a dry run; a dry run without a file says so next to the field.
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await page.getByRole('button', { name: 'Dry run', exact: true }).click();
  await expect(page.getByLabel('FHIR file')).toHaveAccessibleDescription(/choose a file first/);

  await page.getByLabel('FHIR file').setInputFiles(NED);
  await page.getByRole('button', { name: 'Dry run', exact: true }).click();
  const report = page.getByRole('region', { name: 'Per resource' });
  await expect(report.getByRole('status')).toContainText('Dry run: nothing was changed. 71 resources read.');
  const counts = report.getByRole('table', { name: 'Counts per resource type' });
  await expect(counts.getByRole('row', { name: /^Patient 1 0 0$/ })).toBeVisible();
  await expect(counts.getByRole('columnheader', { name: 'Would be created' })).toBeVisible();
  await expect(report).toContainText(/Not kept by Front Desk \(listed, not an error\): .*Claim \(\d+\)/);
  await screenshot(page, '300-move-in-dry-run');

  // Nothing was registered by the dry run.
  await app.open('Patients');
  await page.getByLabel('Find a patient').fill('Hintz');
  await expect(page.getByText('No patient matches “Hintz”.')).toBeVisible();

  await app.open('Move in');
  await page.getByLabel('FHIR file').setInputFiles(NED);
  await page.getByRole('button', { name: 'Dry run', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dry run' })).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported. 71 resources read.' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'Created', exact: true })).toBeVisible();
  await screenshot(page, '301-move-in-report');

  // The patient is on the desk, with the encounters as past appointments.
  await app.open('Patients');
  await page.getByLabel('Find a patient').fill('Hintz');
  await page.getByRole('table').getByRole('link', { name: /Hintz/ }).click();
  await page.getByRole('tab', { name: 'Appointments' }).click();
  const past = page.getByRole('region', { name: 'Appointments' }).getByRole('table', { name: 'Past' }).getByRole('row');
  await expect(past).toHaveCount(7);
  await expect(past.nth(1)).toContainText('Dr. Barry Nicolas');
  await screenshot(page, '302-move-in-patient-history');
});
