import { test, expect, screenshot } from './fixtures';
import { FrontDeskPage, RECEPTIONIST } from './pages/front-desk';

test('reception: register a patient, find them, get warned of a duplicate, add insurance and an allergy', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.newClinicFor(desk.url, RECEPTIONIST, 'receptionist');

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

  // The page is a read view with tabs; each Add opens a focused dialog. Insurance (a bad date is refused
  // next to its field) under Contacts and insurance; Escape closes a dialog and gives the focus back.
  await page.getByRole('tab', { name: 'Contacts and insurance' }).click();
  const addInsurance = page.getByRole('button', { name: 'Add insurance' });
  await addInsurance.click();
  const insuranceDialog = page.getByRole('dialog', { name: 'Add insurance' });
  const insurance = insuranceDialog.getByRole('form', { name: 'Add insurance' });
  await expect(insurance.getByLabel('Payer')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(insuranceDialog).toBeHidden();
  await expect(addInsurance).toBeFocused();
  await page.keyboard.press('Enter');
  await insurance.getByLabel('Payer').fill('Northwind Health');
  await insurance.getByLabel('Member id').fill('NW-55012');
  await insurance.getByLabel('Termination date').fill('2026-13-01');
  await insurance.getByRole('button', { name: 'Add insurance' }).click();
  await expect(insurance.getByText('must be a real date')).toBeVisible();
  await screenshot(page, '249-add-insurance-dialog');
  await insurance.getByLabel('Termination date').fill('2030-12-31');
  await insurance.getByRole('button', { name: 'Add insurance' }).click();
  await expect(insuranceDialog).toBeHidden();
  await expect(addInsurance).toBeFocused();
  await expect(page.getByRole('region', { name: 'Insurance' })).toContainText('Northwind Health');
  await expect(page.getByRole('region', { name: 'Insurance' })).toContainText('Never verified');

  await page.getByRole('tab', { name: 'Overview' }).click();
  await page.getByRole('button', { name: 'Add allergy' }).click();
  const allergy = page.getByRole('dialog', { name: 'Add allergy' }).getByRole('form', { name: 'Add allergy' });
  await allergy.getByLabel('Substance').fill('Penicillin');
  await allergy.getByLabel('Reaction').fill('Hives');
  await allergy.getByLabel('Severity').selectOption('severe');
  await allergy.getByRole('button', { name: 'Add allergy' }).click();
  await expect(banner).toContainText('Allergies: Penicillin (severe)');

  // A scanned referral goes into the encrypted database; a file that is not what it claims is refused.
  await page.getByRole('tab', { name: 'Documents and consents' }).click();
  await page.getByRole('button', { name: 'Add document' }).click();
  const upload = page.getByRole('dialog', { name: 'Add document' }).getByRole('form', { name: 'Add document' });
  await upload.getByLabel('Kind').selectOption('referral');
  await upload.getByLabel('Title').fill('Referral from Dr Osei');
  await upload
    .getByLabel('File')
    .setInputFiles({ name: 'referral.pdf', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4 not a png') });
  await upload.getByRole('button', { name: 'Upload document' }).click();
  await expect(upload.getByText('is not a PNG file')).toBeVisible();
  await upload
    .getByLabel('File')
    .setInputFiles({ name: 'referral.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await upload.getByRole('button', { name: 'Upload document' }).click();
  await expect(page.getByRole('region', { name: 'Documents' })).toContainText('Referral from Dr Osei');

  await page.getByRole('button', { name: 'Add consent' }).click();
  const consent = page.getByRole('dialog', { name: 'Add consent' }).getByRole('form', { name: 'Record consent' });
  await consent.getByLabel('Consent').selectOption('sms_reminders');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(page.getByRole('region', { name: 'Consents' })).toContainText('SMS reminders');
  await screenshot(page, '33-patient-summary');

  // Locking leaves nothing of the patient in the page.
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'Locked' })).toBeVisible();
  expect(await page.content()).not.toContain('García');
});

test('reception: register with a work phone as primary, region, country, gender identity and notes; edit them and remove a phone', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.newClinicFor(desk.url, RECEPTIONIST, 'receptionist');

  await app.open('Patients');
  await page.getByRole('link', { name: 'Register new patient' }).click();
  const form = page.getByRole('form', { name: 'Register patient' });
  await form.getByLabel('First name').fill('Ben');
  await form.getByLabel('Last name').fill('Adeyemi');
  await form.getByLabel('Date of birth').fill('1975-11-02');
  await form.getByLabel('Gender identity').fill('non-binary');

  // Phones by keyboard: the first row is a mobile; "Add phone" puts the cursor in the new row's number.
  await form.getByLabel('Mobile phone').fill('07700 900321');
  await form.getByRole('button', { name: 'Add phone' }).click();
  const second = form.getByRole('group', { name: 'Phone 2' });
  await expect(second.getByLabel('Home phone')).toBeFocused();
  await page.keyboard.type('call after six');
  await second.getByLabel('Kind').selectOption('work');
  await expect(second.getByLabel('Work phone')).toHaveValue('call after six');
  await second.getByLabel('Primary').check();
  await form.getByRole('button', { name: 'Add phone' }).click();
  const third = form.getByRole('group', { name: 'Phone 3' });
  await expect(third.getByLabel('Home phone')).toBeFocused();
  await page.keyboard.type('0113 496 5555');
  // The Primary radios are one group: the arrow keys move the choice between rows.
  await second.getByLabel('Primary').focus();
  await page.keyboard.press('ArrowDown');
  await expect(third.getByLabel('Primary')).toBeChecked();
  await page.keyboard.press('ArrowUp');
  await expect(second.getByLabel('Primary')).toBeChecked();
  await expect(third.getByLabel('Primary')).not.toBeChecked();

  await form.getByLabel('City').fill('Leeds');
  await form.getByLabel('Region').fill('West Yorkshire');
  await form.getByLabel('Country').fill('United Kingdom');
  await form.getByLabel('Notes').fill('Prefers morning appointments.\nBrings an interpreter.');
  await expect(form.getByLabel('Active patient')).toHaveCount(0);

  // Main refuses the number that is not one; the message sits by that row, nothing else is marked.
  await form.getByRole('button', { name: 'Register patient' }).click();
  await expect(second.getByText('must be a phone number of 6 to 15 digits')).toBeVisible();
  await expect(form.getByRole('group', { name: 'Phone 1' }).getByText('must be a phone number')).toHaveCount(0);
  await second.getByLabel('Work phone').fill('0113 496 0000');
  await form.getByRole('button', { name: 'Register patient' }).click();

  const banner = page.getByRole('region', { name: 'Patient banner' });
  await expect(banner).toContainText('Adeyemi, Ben');
  const contact = page.getByRole('region', { name: 'Contact', exact: true });
  await expect(contact).toContainText(/work \(primary\)\s*\S*1134960000/);
  await expect(contact).toContainText('mobile');
  await expect(contact).toContainText('home');
  // The summary shows the rest of what was registered: the address as envelope lines, the notes as typed.
  await expect(contact.getByRole('definition').filter({ hasText: 'Leeds' })).toHaveText(
    /Leeds West Yorkshire.*United Kingdom/,
  );
  await expect(contact).toContainText('· non-binary');
  await expect(contact.getByText('Prefers morning appointments.')).toHaveText(
    'Prefers morning appointments.\nBrings an interpreter.',
  );

  // The edit form shows everything that was registered.
  await page.getByRole('link', { name: 'Edit patient' }).click();
  const edit = page.getByRole('form', { name: 'Edit patient' });
  await expect(edit.getByLabel('Gender identity')).toHaveValue('non-binary');
  await expect(edit.getByLabel('Region')).toHaveValue('West Yorkshire');
  await expect(edit.getByLabel('Country')).toHaveValue('United Kingdom');
  await expect(edit.getByLabel('Notes')).toHaveValue('Prefers morning appointments.\nBrings an interpreter.');
  await expect(edit.getByRole('group', { name: 'Phone 2' }).getByLabel('Work phone')).toHaveValue(/1134960000$/);
  await expect(edit.getByRole('group', { name: 'Phone 2' }).getByLabel('Primary')).toBeChecked();
  await expect(edit.getByRole('group', { name: 'Phone 1' }).getByLabel('Primary')).not.toBeChecked();
  await expect(edit.getByRole('group', { name: 'Phone 3' }).getByLabel('Home phone')).toHaveValue(/1134965555$/);
  await expect(edit.getByLabel('Active patient')).toBeChecked();
  await expect(edit.getByText('Unsaved changes')).toHaveCount(0);
  await screenshot(page, '30-patient-edit-phones');

  // Remove the home phone: the cursor goes to the row before (none took its place); save.
  await edit.getByRole('button', { name: 'Remove phone 3' }).click();
  await expect(edit.getByRole('group', { name: 'Phone 2' }).getByLabel('Work phone')).toBeFocused();
  await expect(edit.getByRole('group', { name: 'Phone 3' })).toHaveCount(0);
  await expect(edit.getByText('Unsaved changes')).toBeVisible();
  await edit.getByRole('button', { name: 'Save changes' }).click();

  await expect(contact).toContainText(/work \(primary\)/);
  await expect(contact).toContainText('mobile');
  await expect(contact).not.toContainText('home');
  await expect(contact).not.toContainText('4965555');
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('region', { name: 'History of changes' })).toContainText(
    'Rita Reception · Changed phones',
  );
});
