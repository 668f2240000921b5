import { crc32, deflateSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { FrontDeskPage } from './pages/front-desk';

/** The page's window inside page.evaluate (the tests compile without the DOM library). */
type PageGlobals = { dispatchEvent(event: Event): boolean };

const MANAGER = { name: 'Mo Manager', username: 'moe', password: 'manager office 1' };

interface NewPatient {
  first: string;
  middle?: string;
  last: string;
  dob: string;
  mobile?: string;
  email?: string;
  line1?: string;
}

/** A small real PNG (a face-sized square with a darker "head"), so the banner shows an image. */
function portraitPng(size = 96): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x += 1) {
      const inHead = (x - size / 2) ** 2 + (y - size * 0.4) ** 2 < (size * 0.22) ** 2;
      const inBody = y > size * 0.68 && Math.abs(x - size / 2) < size * 0.32;
      row.set(inHead || inBody ? [70, 90, 120] : [200, 215, 235], 1 + x * 3);
    }
    rows.push(row);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Registers through the form, as reception would; returns the new record's MRN from the banner. */
async function register(page: Page, patient: NewPatient): Promise<string> {
  await page.goto(page.url().replace(/#.*$/, '#/patients/new'));
  const form = page.getByRole('form', { name: 'Register patient' });
  await form.getByLabel('First name').fill(patient.first);
  if (patient.middle) await form.getByLabel('Middle name').fill(patient.middle);
  await form.getByLabel('Last name').fill(patient.last);
  await form.getByLabel('Date of birth').fill(patient.dob);
  if (patient.mobile) await form.getByLabel('Mobile phone').fill(patient.mobile);
  if (patient.email) await form.getByLabel('Email').fill(patient.email);
  if (patient.line1) await form.getByLabel('Address line 1').fill(patient.line1);
  await form.getByRole('button', { name: 'Register patient' }).click();
  const banner = page.getByRole('region', { name: 'Patient banner' });
  await expect(banner).toContainText(`${patient.last}, ${patient.first}`);
  return ((await banner.getByText(/^MRN /).textContent()) ?? '').replace('MRN ', '');
}

test('a manager reviews duplicates, merges field by field, un-merges; photo; editing guards unsaved changes', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.newClinicFor(desk.url, MANAGER, 'manager');
  await app.open('Patients');

  // Two records of one person (the second registered in a hurry, day and month of birth swapped), and a
  // father and son who share an email: each pair only "possibly" alike, so registration let them through.
  const katherine = await register(page, {
    first: 'Katherine',
    last: 'Jones',
    dob: '1970-03-04',
    mobile: '07700 900111',
    email: 'kath@example.com',
  });
  const catherine = await register(page, {
    first: 'Catherine',
    middle: 'Ann',
    last: 'Jones',
    dob: '1970-04-03',
    mobile: '07700 900222',
    email: 'cathy@example.com',
    line1: '1 Mill Road',
  });
  await page.getByRole('button', { name: 'Add allergy' }).click();
  const allergy = page.getByRole('dialog', { name: 'Add allergy' });
  await allergy.getByLabel('Substance').fill('Latex');
  await allergy.getByRole('button', { name: 'Add allergy' }).click();
  const banner = page.getByRole('region', { name: 'Patient banner' });
  await expect(banner).toContainText('Allergies: Latex');
  // Her photo: a file that is not what it says is refused next to the field; a PNG shows in the banner.
  const photo = page.getByRole('form', { name: 'Photo' });
  await photo
    .getByLabel('Photo file')
    .setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4 not an image') });
  await photo.getByRole('button', { name: 'Set photo' }).click();
  await expect(photo.getByText('is not a PNG file')).toBeVisible();
  await photo
    .getByLabel('Photo file')
    .setInputFiles({ name: 'face.png', mimeType: 'image/png', buffer: portraitPng() });
  await photo.getByRole('button', { name: 'Set photo' }).click();
  await expect(banner.getByRole('img', { name: 'Photo of Jones, Catherine Ann' })).toBeVisible();
  await register(page, { first: 'John', last: 'Smith', dob: '1962-05-04', email: 'smiths@example.com' });
  await register(page, { first: 'Jon', last: 'Smith', dob: '1990-11-21', email: 'smiths@example.com' });

  // The review lists both pairs with score and reasons; the Smiths are different people.
  await app.open('Patients');
  await page.getByRole('link', { name: 'Review duplicates' }).click();
  await expect(page.getByRole('heading', { name: 'Possible duplicates', level: 1 })).toBeVisible();
  const pairs = page.getByRole('table', { name: 'Possible duplicate pairs' });
  const joneses = pairs.getByRole('row', { name: 'Jones, Katherine and Jones, Catherine Ann' });
  const smiths = pairs.getByRole('row', { name: 'Smith, John and Smith, Jon' });
  await expect(joneses).toContainText(
    'Same name and a date of birth with day and month swapped (1970-03-04 / 1970-04-03)',
  );
  await expect(smiths).toContainText('Same email (smiths@example.com)');
  await screenshot(page, '34-duplicate-review');
  await smiths.getByRole('button', { name: 'Not the same person' }).click();
  await expect(page.getByRole('status')).toContainText('are marked as different people');
  await expect(smiths).toHaveCount(0);

  // Merge: both records side by side, a value per field; the keyboard chooses too.
  await joneses.getByRole('link', { name: 'Merge…' }).click();
  const merge = page.getByRole('form', { name: 'Merge records' });
  await expect(merge.getByLabel(`Keep ${katherine} (Jones, Katherine)`)).toBeChecked();
  // Blank on the kept record: the other's value is proposed.
  await expect(merge.getByRole('radiogroup', { name: 'Middle name' }).getByLabel('Ann')).toBeChecked();
  await expect(merge.getByRole('radiogroup', { name: 'Address' }).getByLabel('1 Mill Road')).toBeChecked();
  await expect(merge.getByRole('radiogroup', { name: 'Date of birth' }).getByLabel('1970-03-04')).toBeChecked();
  await merge.getByRole('radiogroup', { name: 'First name' }).getByLabel('Catherine').check();
  const email = merge.getByRole('radiogroup', { name: 'Email' });
  await email.getByLabel('kath@example.com').focus();
  await page.keyboard.press('ArrowRight');
  await expect(email.getByLabel('cathy@example.com')).toBeChecked();
  await screenshot(page, '35-merge-fields');
  await merge.getByRole('button', { name: `Merge ${catherine} into ${katherine}` }).click();

  // The kept record has the chosen values and the other record's allergy; the merge and its history are listed.
  await expect(banner).toContainText('Jones, Catherine Ann');
  await expect(banner).toContainText(`MRN ${katherine}`);
  await expect(banner).toContainText('Allergies: Latex');
  await expect(banner.getByRole('img', { name: 'Photo of Jones, Catherine Ann' })).toBeVisible();
  const merges = page.getByRole('region', { name: 'Merges' });
  await expect(merges).toContainText(`${catherine} (Jones, Catherine Ann) merged into ${katherine}`);
  const history = page.getByRole('region', { name: 'History of changes' });
  const tab = (name: string) => page.getByRole('tab', { name });
  await tab('History').click();
  await expect(history).toContainText(
    `Mo Manager · Merged ${catherine} into this record (taking its first name, middle name, email, address)`,
  );
  await screenshot(page, '36-merged-record');
  await app.open('Patients');
  await page.getByLabel('Find a patient').fill(catherine);
  await expect(page.getByText(`No patient matches “${catherine}”.`)).toBeVisible();

  // Un-merge: both records are back exactly as they were.
  await page.getByLabel('Find a patient').fill(katherine);
  await page.getByRole('table').getByRole('link').first().click();
  await merges.getByRole('button', { name: `Un-merge ${catherine}` }).click();
  await expect(merges.getByRole('status')).toContainText('are separate records again');
  await expect(banner).toContainText('Jones, Katherine');
  await expect(banner).not.toContainText('Catherine');
  await expect(banner).toContainText('No known allergies recorded');
  await expect(banner.getByRole('img')).toHaveCount(0);
  await tab('History').click();
  await expect(history).toContainText(`Un-merged ${catherine}: both records restored as they were`);
  await tab('Overview').click();
  await merges.getByRole('link', { name: catherine }).click();
  await expect(banner).toContainText('Jones, Catherine Ann');
  await expect(banner).toContainText('Allergies: Latex');
  await expect(banner.getByRole('img', { name: 'Photo of Jones, Catherine Ann' })).toBeVisible();
  await screenshot(page, '37-unmerged');

  // Edit: the registration form, filled in; leaving with unsaved changes asks first.
  await page.getByRole('link', { name: 'Edit patient' }).click();
  const edit = page.getByRole('form', { name: 'Edit patient' });
  await expect(edit.getByLabel('Email')).toHaveValue('cathy@example.com');
  await edit.getByLabel('Email').fill('catherine.jones@example.com');
  // Live candidates while editing: Katherine again (the merge was undone), never the patient herself.
  const candidates = page.getByRole('complementary', { name: 'Possible duplicates' });
  await expect(candidates).toContainText('Jones, Katherine');
  await expect(candidates).not.toContainText('Jones, Catherine');
  const unloadPrevented = () =>
    page.evaluate(() => {
      const event = new Event('beforeunload', { cancelable: true });
      (globalThis as unknown as PageGlobals).dispatchEvent(event);
      return event.defaultPrevented;
    });
  expect(await unloadPrevented()).toBe(true);
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await app.nav().getByRole('link', { name: 'Calendar' }).click();
  await expect.poll(() => asked).toContain('unsaved changes');
  await expect(page.getByRole('heading', { name: 'Edit patient' })).toBeVisible();
  await expect(page).toHaveURL(/\/edit$/);
  await expect(edit.getByLabel('Email')).toHaveValue('catherine.jones@example.com');
  await screenshot(page, '38-edit-unsaved');
  await edit.getByLabel('Date of birth').fill('1970-02-30');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit.getByText('must be a real date written as YYYY-MM-DD')).toBeVisible();
  await edit.getByLabel('Date of birth').fill('1970-04-03');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('region', { name: 'Contact', exact: true })).toContainText('catherine.jones@example.com');
  expect(await unloadPrevented()).toBe(false);
  await tab('History').click();
  await expect(history).toContainText('Mo Manager · Changed email');

  // Emergency contact and guarantor on the summary: validated in main, the error next to its field.
  await tab('Contacts and insurance').click();
  const contacts = page.getByRole('region', { name: 'Emergency contacts and guarantor' });
  await contacts.getByRole('button', { name: 'Edit contacts' }).click();
  await contacts.getByRole('button', { name: 'Add emergency contact' }).click();
  const first = contacts.getByRole('group', { name: 'Emergency contact 1' });
  await first.getByLabel('Name').fill('Tom Jones');
  await first.getByLabel('Relationship').fill('husband');
  await contacts.getByRole('button', { name: 'Save contacts' }).click();
  await expect(first.getByText('an emergency contact needs a phone number')).toBeVisible();
  await first.getByLabel('Phone').fill('07700 900999');
  await contacts.getByRole('button', { name: 'Add guarantor' }).click();
  await contacts.getByRole('group', { name: 'Guarantor 2' }).getByLabel('Name').fill('Ann Jones');
  await contacts.getByRole('button', { name: 'Save contacts' }).click();
  await expect(contacts).toContainText('Tom Jones (husband)');
  await expect(contacts).toContainText('Ann Jones');
  await tab('History').click();
  await expect(history).toContainText('Mo Manager · Changed emergency contacts and guarantor');
  await screenshot(page, '39-contacts-history');
});
