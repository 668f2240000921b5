import { test, expect, screenshot } from './fixtures';
import { ADMIN, FrontDeskPage, RECEPTIONIST } from './pages/front-desk';

test('reception: register a patient, find them, get warned of a duplicate, add insurance and an allergy', async ({ page, desk }) => {
  const app = new FrontDeskPage(page);
  await page.goto(desk.url);
  await app.setUpClinic();
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await app.signIn(ADMIN);
  await app.open('Users');
  await app.addUser(RECEPTIONIST, 'receptionist');
  await app.signOut();
  await app.signIn(RECEPTIONIST);

  // Register: validation messages sit next to their fields and nothing is saved.
  await app.open('Patients');
  await page.getByRole('link', { name: 'Register new patient' }).click();
  const form = page.getByRole('form', { name: 'Register patient' });
  await form.getByLabel('First name').fill('María José');
  await form.getByLabel('Last name').fill('García');
  await form.getByLabel('Date of birth').fill('1964-02-30');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form.getByText('must be a real date written as YYYY-MM-DD')).toBeVisible();
  await form.getByLabel('Date of birth').fill('1964-06-29');
  await form.getByLabel('Mobile phone').fill('+44 7700 900123');
  await form.getByRole('button', { name: 'Register patient' }).click();

  // The summary opens with the banner.
  const banner = page.getByRole('region', { name: 'Patient banner' });
  await expect(banner).toContainText('García, María José');
  await expect(banner).toContainText('MRN');
  await expect(banner).toContainText('No known allergies recorded');

  // Search finds her by a partial name without accents, and by phone digits.
  await app.open('Patients');
  const search = page.getByLabel('Find a patient');
  await search.fill('garc mar');
  const results = page.getByRole('table');
  await expect(results.getByRole('row', { name: /García, María José/ })).toBeVisible();
  await search.fill('900123');
  await expect(results.getByRole('row', { name: /García, María José/ })).toBeVisible();
  await screenshot(page, '31-patient-search');

  // Registering her again, typed differently, is flagged live with the reasons.
  await page.getByRole('link', { name: 'Register new patient' }).click();
  await form.getByLabel('First name').fill('Maria Jose');
  await form.getByLabel('Last name').fill('Garcia');
  await form.getByLabel('Date of birth').fill('1964-06-29');
  const duplicates = page.getByRole('complementary', { name: 'Possible duplicates' });
  await expect(duplicates).toContainText('García, María José');
  await expect(duplicates).toContainText('Likely the same person');
  await screenshot(page, '32-duplicate-warning');
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(form.getByRole('alert')).toBeVisible();

  // Open the existing record instead.
  await duplicates.getByRole('link', { name: /García, María José/ }).click();
  await expect(banner).toContainText('García, María José');

  // Add insurance (a bad date is refused next to its field) and an allergy; the banner shows it.
  const insurance = page.getByRole('form', { name: 'Add insurance' });
  await insurance.getByLabel('Payer').fill('Northwind Health');
  await insurance.getByLabel('Member id').fill('NW-55012');
  await insurance.getByLabel('Termination date').fill('2026-13-01');
  await insurance.getByRole('button', { name: 'Add insurance' }).click();
  await expect(insurance.getByText('must be a real date')).toBeVisible();
  await insurance.getByLabel('Termination date').fill('2030-12-31');
  await insurance.getByRole('button', { name: 'Add insurance' }).click();
  await expect(page.getByRole('region', { name: 'Insurance' })).toContainText('Northwind Health');
  await expect(page.getByRole('region', { name: 'Insurance' })).toContainText('Never verified');

  const allergy = page.getByRole('form', { name: 'Add allergy' });
  await allergy.getByLabel('Substance').fill('Penicillin');
  await allergy.getByLabel('Reaction').fill('Hives');
  await allergy.getByLabel('Severity').selectOption('severe');
  await allergy.getByRole('button', { name: 'Add allergy' }).click();
  await expect(banner).toContainText('Allergies: Penicillin (severe)');

  // A scanned referral goes into the encrypted database; a file that is not what it claims is refused.
  const upload = page.getByRole('form', { name: 'Add document' });
  await upload.getByLabel('Kind').selectOption('referral');
  await upload.getByLabel('Title').fill('Referral from Dr Osei');
  await upload.getByLabel('File').setInputFiles({ name: 'referral.pdf', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4 not a png') });
  await upload.getByRole('button', { name: 'Upload document' }).click();
  await expect(upload.getByText('is not a PNG file')).toBeVisible();
  await upload.getByLabel('File').setInputFiles({ name: 'referral.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await upload.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('region', { name: 'Documents' })).toContainText('Referral from Dr Osei');

  const consent = page.getByRole('form', { name: 'Record consent' });
  await consent.getByLabel('Consent').selectOption('sms_reminders');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByRole('region', { name: 'Consents' })).toContainText('SMS reminders');
  await screenshot(page, '33-patient-summary');

  // Locking leaves nothing of the patient in the page.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  expect(await page.content()).not.toContain('García');
});
