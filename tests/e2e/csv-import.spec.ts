import { readFile } from 'node:fs/promises';
import { test, expect, screenshot } from './fixtures';
import { FrontDeskPage } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

// An OpenEMR-like export: "born_on" is not a header the guess knows, so the administrator maps it.
// Rows 3 and 5 are bad: a date that is not DD/MM/YYYY, and no last name.
const CSV = [
  'pid,fname,lname,born_on,sex,phone_cell',
  '201,Rosa,Peña,14/03/1981,F,+44 7700 900321',
  '202,Omar,Haddad,1975-06-02,M,',
  '203,Ines,Kovač,02/11/1990,F,',
  '204,Theo,,21/07/2001,M,',
].join('\n');

test('an administrator maps and imports a CSV of patients with two bad rows and downloads the error file', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await app.open('Move in');
  const panel = page.getByRole('region', { name: 'Import a CSV file' });

  await panel.getByLabel('CSV file', { exact: true }).setInputFiles({
    name: 'openemr-patients.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV),
  });
  await expect(panel.getByRole('table', { name: 'The first 4 of 4 rows' })).toBeVisible();
  await expect(panel.getByLabel('Column “fname”', { exact: true })).toHaveValue('firstName');
  await expect(panel.getByLabel('Column “born_on”', { exact: true })).toHaveValue('');
  await panel.getByLabel('Column “born_on”', { exact: true }).selectOption({ label: 'Date of birth' });
  await panel.getByLabel('Date format', { exact: true }).selectOption('DD/MM/YYYY');
  await panel.getByLabel('Source system', { exact: true }).fill('OpenEMR');

  await panel.getByRole('button', { name: 'Dry run this CSV' }).click();
  const report = panel.getByRole('region', { name: 'CSV import report' });
  await expect(report.getByRole('status')).toHaveText(
    'Dry run: nothing was changed. 4 rows read: 2 would be created, 0 already imported, 2 with errors.',
  );
  const rows = report.getByRole('table', { name: 'Rows with errors or notes' });
  await expect(
    rows.getByRole('row', { name: /^3 born_on error "1975-06-02" is not a date written as DD\/MM\/YYYY$/ }),
  ).toBeVisible();
  await expect(rows.getByRole('row', { name: /^5 lname error is empty; the desk needs it$/ })).toBeVisible();
  await screenshot(page, '300-csv-import-dry-run');

  await panel.getByRole('button', { name: 'Import the good rows' }).click();
  await expect(report.getByRole('status')).toHaveText(
    'Imported. 4 rows read: 2 created, 0 already imported, 2 with errors.',
  );
  const saved = page.waitForEvent('download');
  await report.getByRole('button', { name: 'Download rows with errors' }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe('openemr-patients-errors.csv');
  const text = await readFile(await download.path(), 'utf8');
  expect(text).toBe(
    '\uFEFFpid,fname,lname,born_on,sex,phone_cell,error\r\n' +
      '202,Omar,Haddad,1975-06-02,M,,"born_on: ""1975-06-02"" is not a date written as DD/MM/YYYY"\r\n' +
      '204,Theo,,21/07/2001,M,,lname: is empty; the desk needs it\r\n',
  );
  await screenshot(page, '301-csv-import-done');

  await app.open('Patients');
  await page.getByLabel('Find a patient').fill('Peña');
  await expect(page.getByRole('table').getByRole('link', { name: /Peña/ })).toBeVisible();
});
