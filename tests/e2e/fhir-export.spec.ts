import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { FrontDeskPage } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

test('an administrator exports one patient as FHIR from Move out, sees the counts and downloads the bundle', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const patient = await invoke<{ id: string; mrn: string }>(page, 'patients.create', {
    firstName: 'Zoë',
    lastName: 'Okafor',
    dob: '1975-06-14',
    sex: 'female',
    phones: [{ kind: 'mobile', number: '+44 7700 900777', isPrimary: true }],
  });
  await invoke(page, 'patients.addAllergy', {
    patientId: patient.id,
    substance: 'Latex',
    reaction: 'Rash',
    severity: 'mild',
  });

  await app.open('Move out');
  const form = page.getByRole('form', { name: 'Export as FHIR' });
  await form.getByLabel('What to export').selectOption({ label: 'One patient' });
  await form.getByLabel('Patient', { exact: true }).fill('Okafor');
  await form.getByRole('button', { name: /Okafor, Zoë/ }).click();
  // A folder that is not there is refused next to the field.
  const folder = form.getByLabel('Folder', { exact: true });
  await folder.fill(join(desk.dataDir, 'usb'));
  await form.getByRole('button', { name: 'Export' }).click();
  await expect(folder).toHaveAccessibleDescription(/no such folder on this computer/);

  const usb = join(desk.dataDir, 'usb');
  mkdirSync(usb);
  await form.getByRole('button', { name: 'Export' }).click();
  const result = page.getByRole('region', { name: 'Export result' });
  await expect(result.getByRole('status')).toContainText(`1 patient written into ${usb}`);
  await expect(result.getByRole('row', { name: 'Patient 1' })).toBeVisible();
  await expect(result.getByRole('row', { name: 'AllergyIntolerance 1' })).toBeVisible();
  await expect(form.getByRole('progressbar')).toHaveAttribute('value', '1');

  const downloading = page.waitForEvent('download');
  await result.getByRole('button', { name: "Download the patient's bundle" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`Patient-${patient.id}.json`);
  const bundle = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    resourceType: string;
    type: string;
    entry: { resource: { resourceType: string; identifier?: { value: string }[] } }[];
  };
  expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
  expect(bundle.entry[0]?.resource.identifier?.[0]?.value).toBe(patient.mrn);
  await screenshot(page, '95-move-out-export');
});
