import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { pdfText } from '../helpers/pdf-text';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clinicDate, providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage, NURSE, RECEPTIONIST } from './pages/front-desk';

const MANAGER = { name: 'Mona Manager', username: 'mona', password: 'manager office 1' };

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * A US clinic ready to bill, set up through the page's bridge (the set-up screens have their own
 * tests): dollars written en-US; a consultation type charged CONS at $80.00; DRESS, a $12.50 dressing
 * with 10% sales tax; Lena Ortiz booked for a consultation today.
 */
async function configureBillingClinic(page: Page): Promise<{ patientId: string; appointmentId: string }> {
  const today = clinicDate();
  await invoke(page, 'settings.update', { currency: 'USD', lockTimeoutMinutes: 60 });
  await invoke(page, 'billing.updateSettings', {
    locale: 'en-US',
    clinicAddress: '1 River Street\nSpringfield',
    taxNumber: 'EIN 12-3456789',
  });
  const { providerId } = await providerAllWeek(page, {
    location: 'Riverside',
    provider: 'Dr Amara Okafor',
    rooms: ['Room 1'],
  });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const tax = await invoke<{ id: string }>(page, 'fees.saveTax', {
    name: 'Sales tax',
    ratePpm: 100_000,
    inclusive: false,
  });
  const cons = await invoke<{ id: string }>(page, 'fees.saveService', {
    code: 'CONS',
    name: 'Consultation',
    defaultPriceMinor: 8000,
    taxId: null,
  });
  await invoke(page, 'fees.saveService', { code: 'DRESS', name: 'Dressing', defaultPriceMinor: 1250, taxId: tax.id });
  await invoke(page, 'fees.setTypeServices', { typeId: type.id, services: [{ serviceId: cons.id, quantity: 1 }] });
  const patient = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Lena',
    lastName: 'Ortiz',
    dob: '1988-04-12',
    phones: [{ kind: 'mobile', number: '07700 900321' }],
  });
  const appointment = await invoke<{ id: string }>(page, 'appointments.book', {
    patientId: patient.id,
    providerId,
    typeId: type.id,
    start: { date: today, time: '09:00' },
  });
  return { patientId: patient.id, appointmentId: appointment.id };
}

/** The text of a PDF the page saved. */
async function downloadedPdfText(download: Download): Promise<string> {
  const path = await download.path();
  const base64 = readFileSync(path).toString('base64');
  return pdfText({ fileName: download.suggestedFilename(), mimeType: 'application/pdf', base64 });
}

test('the desk bills a visit: copay at check-in, invoice at check-out, card for the rest, receipt; the manager corrects and closes the drawer', async ({
  page,
  context,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await app.open('Users');
  await app.addUser(RECEPTIONIST, 'receptionist');
  await app.addUser(NURSE, 'nurse');
  await app.addUser(MANAGER, 'manager');
  await configureBillingClinic(page);
  await app.signOut();
  await app.signIn(RECEPTIONIST);

  // The receptionist opens the drawer with a $100 float.
  await app.open('Billing');
  const openForm = page.getByRole('form', { name: 'Open drawer' });
  await openForm.getByLabel('Float (USD)').fill('100.00');
  await screenshot(page, '150-drawer-open');
  await openForm.getByRole('button', { name: 'Open drawer' }).click();
  await expect(page.getByText('Cash expected in the drawer: $100.00')).toBeVisible();

  // Check-in: Lena arrives and pays a $20 copay in cash from a $50 note.
  await app.open('Check-in');
  await page.getByRole('button', { name: 'Check in Ortiz, Lena' }).click();
  const panel = page.getByRole('region', { name: 'Check-in review' });
  await panel.getByRole('button', { name: 'Mark arrived' }).click();
  await expect(panel.getByRole('status')).toContainText('Arrived: ticket L. O. (1)');
  await panel.getByRole('button', { name: 'Take payment' }).click();
  const copay = panel.getByRole('form', { name: 'Take copay' });
  await copay.getByLabel('Method').selectOption({ label: 'Cash' });
  await copay.getByLabel('Amount (USD)').fill('20');
  await copay.getByLabel('Cash tendered').fill('50.00');
  await expect(copay.getByText('Change to give: $30.00')).toBeVisible();
  await screenshot(page, '151-check-in-copay');
  await copay.getByRole('button', { name: 'Take copay' }).click();
  await expect(panel.getByRole('status').last()).toHaveText(
    'Took $20.00 by Cash · change $30.00 · $20.00 kept as credit.',
  );

  // The nurse, at her own desk, rooms Lena and sends her to check-out.
  const nursePage = await context.newPage();
  await nursePage.setViewportSize({ width: 1366, height: 768 });
  const nurse = new FrontDeskPage(nursePage);
  await nursePage.goto(desk.url);
  await nurse.signIn(NURSE);
  await nurse.open('Flow board');
  const nurseRow = nursePage.getByRole('row', { name: /L\. O\. \(1\) Ortiz, Lena/ });
  await nurseRow.getByRole('button', { name: 'Room without calling' }).click();
  await expect(nursePage.getByRole('row', { name: /L\. O\. \(1\).*In room/ })).toBeVisible();
  await nurseRow.getByRole('button', { name: 'Ready for check-out' }).click();
  await expect(nursePage.getByRole('row', { name: /L\. O\. \(1\).*Ready for check-out/ })).toBeVisible();
  await nursePage.close();

  // Reception: "Check out" on the board opens the check-out screen with the type's services and the copay as credit.
  await page.bringToFront();
  await app.open('Flow board');
  // Keyboard first: the row's O key opens check-out for a desk that bills.
  const readyRow = page.getByRole('row', { name: /L\. O\. \(1\).*Ready for check-out/ });
  await expect(readyRow.getByRole('button', { name: 'Check out' })).toBeVisible();
  await readyRow.focus();
  await page.keyboard.press('o');
  await expect(page.getByRole('heading', { name: 'Check out Ortiz, Lena' })).toBeVisible();
  const lines = page.getByRole('form', { name: 'Invoice lines' });
  await expect(lines.getByLabel('Description, line 1')).toHaveValue('Consultation');
  await expect(lines.getByLabel('Price, line 1')).toHaveValue('80.00');
  await expect(page.getByRole('complementary', { name: 'Payment' })).toContainText('Credit on account$20.00');

  // A discount without a reason is refused next to its field; then the dressing is added and the invoice issued.
  await lines.getByLabel('Discount, line 1').fill('5');
  await lines.getByLabel('Discount, line 1').press('Enter');
  await expect(lines.getByText('say why the discount is given')).toBeVisible();
  await lines.getByLabel('Discount, line 1').fill('');
  await lines.getByLabel('Add service').selectOption({ label: 'DRESS · Dressing · $12.50' });
  await lines.getByRole('button', { name: 'Add line' }).click();
  await expect(lines.getByLabel('Description, line 2')).toHaveValue('Dressing');
  await expect(lines.getByRole('definition')).toHaveText(['$92.50', '$1.25', '$93.75']);
  await screenshot(page, '152-check-out-draft');
  await lines.getByLabel('Add service').press('Alt+i');
  await expect(page.getByRole('heading', { name: /Invoice A-0+1/ })).toBeVisible();
  // The amount to take has the focus at once.
  await expect(page.getByLabel('Amount (USD)')).toBeFocused();
  const payment = page.getByRole('complementary', { name: 'Payment' });
  await expect(page.getByRole('list', { name: 'Paid towards this invoice' })).toContainText('$20.00 by Cash');
  await expect(payment).toContainText('Balance$73.75');

  // The rest by card, with the terminal's reference; a card number typed there is refused next to it.
  const take = payment.getByRole('form', { name: 'Take payment' });
  await take.getByLabel('Method').selectOption({ label: 'Card' });
  await expect(take.getByLabel('Amount (USD)')).toHaveValue('73.75');
  await take.getByLabel('Terminal reference').fill('4111 1111 1111 1111');
  await take.getByRole('button', { name: 'Take payment' }).click();
  await expect(take.getByText(/looks like a card number/)).toBeVisible();
  await take.getByLabel('Terminal reference').fill('T-4471');
  // Corrected: the refusal goes at once, not at the next press of "Take payment".
  await expect(take.getByText(/looks like a card number/)).toBeHidden();
  await expect(take.getByText('Please correct the fields marked above.')).toBeHidden();
  await screenshot(page, '153-check-out-issued');
  await take.getByRole('button', { name: 'Take payment' }).click();
  await expect(payment.getByRole('status')).toHaveText('Took $73.75 by Card.');
  await expect(payment).toContainText('Balance$0.00');

  // The receipt: a PDF saved by the page, its text the payment's.
  const saved = page.waitForEvent('download');
  await payment.getByRole('button', { name: 'Save receipt (PDF)' }).click();
  const receipt = await downloadedPdfText(await saved);
  expect(receipt).toContain('Ortiz');
  expect(receipt).toContain('$73.75');
  expect(receipt).toContain('Card');
  expect(receipt).toContain('T-4471');
  await screenshot(page, '154-check-out-paid');

  // Finish with Alt+F, the focus out on the page (a click on its empty space): the visit is done on the board.
  await expect(payment.getByRole('button', { name: 'Finish check-out' })).toBeVisible();
  await page.evaluate(() => {
    (globalThis as unknown as { document: { activeElement: { blur(): void } | null } }).document.activeElement?.blur();
  });
  await page.keyboard.press('Alt+f');
  await expect(page.getByRole('heading', { name: 'Flow board', level: 1 })).toBeVisible();
  await expect(page.getByRole('row', { name: /L\. O\. \(1\).*Done/ })).toBeVisible();
  await app.signOut();

  // The manager: Lena's account from her record; the card payment reversed (a reason is required).
  await app.signIn(MANAGER);
  await app.open('Patients');
  await page.getByLabel('Find a patient').fill('ortiz');
  await page.getByRole('link', { name: 'Ortiz, Lena' }).click();
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Account: Ortiz, Lena' })).toBeVisible();
  const summary = page.getByRole('definition').first();
  await expect(summary).toHaveText('$0.00');
  await screenshot(page, '155-account');
  await page
    .getByRole('row', { name: /Payment \$73\.75 Card/ })
    .getByRole('button', { name: 'Reverse' })
    .click();
  const reverse = page.getByRole('form', { name: 'Reverse payment' });
  await reverse.getByRole('button', { name: 'Reverse payment' }).click();
  await expect(reverse.getByText('must not be empty')).toBeVisible();
  await reverse.getByLabel('Reason').fill('Card declined after the slip printed');
  await reverse.getByRole('button', { name: 'Reverse payment' }).click();
  await expect(page.getByRole('status')).toContainText('Reversed the $73.75 Card payment');
  await expect(summary).toHaveText('$73.75');

  // She pays $80 cash instead; the $6.25 over is refunded.
  const takeHere = page.getByRole('form', { name: 'Take payment' });
  await takeHere.getByLabel('Method').selectOption({ label: 'Cash' });
  await takeHere.getByLabel('Amount (USD)').fill('80');
  await takeHere.getByRole('button', { name: 'Take payment' }).click();
  await expect(page.getByText('Took $80.00 by Cash · $6.25 kept as credit.')).toBeVisible();
  await page
    .getByRole('row', { name: /Payment \$80\.00 Cash/ })
    .getByRole('button', { name: 'Refund' })
    .click();
  const refund = page.getByRole('form', { name: 'Refund payment' });
  await expect(refund.getByLabel('Refund amount (USD)')).toHaveValue('6.25');
  await refund.getByLabel('Reason').fill('Overpaid at the desk');
  await screenshot(page, '156-account-refund');
  await refund.getByRole('button', { name: 'Refund payment' }).click();
  await expect(page.getByRole('status').first()).toContainText('Refunded $6.25 by Cash');
  await expect(summary).toHaveText('$0.00');
  await expect(page.getByRole('table', { name: 'Ledger' })).toContainText('Card declined after the slip printed');

  // Closing the drawer $5 short: the reason is required, then the Z-report shows the shortfall.
  await app.open('Billing');
  // Expected: float 100 + copay 20 + card reversed (no cash) + 80 cash − 6.25 refunded = 193.75; counted 188.75.
  await expect(page.getByText('Cash expected in the drawer: $193.75')).toBeVisible();
  const count = page.getByRole('form', { name: 'Count and close' });
  for (const [note, howMany] of [
    ['$100.00 ×', '1'],
    ['$50.00 ×', '1'],
    ['$20.00 ×', '1'],
    ['$10.00 ×', '1'],
    ['$5.00 ×', '1'],
    ['$1.00 ×', '3'],
    ['$0.25 ×', '3'],
  ] as const)
    await count.getByLabel(note, { exact: true }).fill(howMany);
  await expect(count.getByRole('definition')).toHaveText(['$193.75', '$188.75', '-$5.00']);
  await count.getByRole('button', { name: 'Close drawer' }).click();
  await expect(count.locator('.field-error')).toBeVisible();
  await count.getByLabel('Reason for the difference').fill('Change given wrong');
  await screenshot(page, '157-drawer-count');
  await count.getByRole('button', { name: 'Close drawer' }).click();
  const z = page.getByRole('region', { name: /Z-report/ });
  await expect(z).toContainText('Short$5.00');
  await expect(z).toContainText('Reason: Change given wrong');
  const zSaved = page.waitForEvent('download');
  await z.getByRole('button', { name: 'Save Z-report (PDF)' }).click();
  const zText = await downloadedPdfText(await zSaved);
  expect(zText).toContain('Change given wrong');
  await screenshot(page, '158-z-report');
  await page.getByRole('button', { name: 'Show the day' }).click();
  await expect(page.getByRole('table', { name: 'Desks' })).toContainText('Front desk10-$5.00');

  // The day in the payments journal: every payment, refund and reversal, by method; narrowed to one person.
  await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Payments journal' }).click();
  const journal = page.getByRole('table', { name: 'Journal' });
  await expect(journal.getByRole('row')).toHaveCount(6);
  await expect(journal).toContainText('Card declined after the slip printed');
  await page.getByLabel('Entered by').selectOption('Mona Manager');
  await expect(journal.getByRole('row')).toHaveCount(4);
  await screenshot(page, '159-payments-journal');
});

test("a manager sets billing up on screen: taxes, services, what a type charges, a payer's prices, the desk prefix, the lock date", async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await invoke(page, 'schedule.createType', { name: 'Consultation', durationMinutes: 30, colour: '#1f5fa8' });
  await app.open('Billing');
  await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'Billing set-up' }).click();
  await expect(page.getByRole('heading', { name: 'Billing set-up', level: 1 })).toBeVisible();

  // A tax: a rate that is not a percentage is refused next to its field.
  const addTax = page.getByRole('form', { name: 'Add tax' });
  await addTax.getByLabel('Tax name').fill('VAT');
  await addTax.getByLabel('Rate (%)').fill('twenty');
  await addTax.getByRole('button', { name: 'Add tax' }).click();
  await expect(addTax.getByText('must be a percentage such as 20 or 7.5')).toBeVisible();
  await addTax.getByLabel('Rate (%)').fill('20');
  await addTax.getByRole('button', { name: 'Add tax' }).click();
  await expect(page.getByRole('table', { name: 'Taxes' })).toContainText('VAT20%Added to prices');

  // A service: a price written wrongly is refused by its field, then saved as the clinic writes money.
  const addService = page.getByRole('form', { name: 'Add service' });
  await addService.getByLabel('Code').fill('CONS');
  await addService.getByLabel('Service name').fill('Consultation');
  await addService.getByLabel('Default price (GBP)').fill('65,5');
  await addService.getByRole('button', { name: 'Add service' }).click();
  await expect(addService.locator('.field-error')).toContainText('1,234.50');
  await addService.getByLabel('Default price (GBP)').fill('65.00');
  await addService.getByRole('button', { name: 'Add service' }).click();
  await expect(page.getByRole('table', { name: 'Services' })).toContainText('CONSConsultation£65.00No taxActive');

  // The consultation type charges it; an insurer pays £80 for it.
  await page.getByRole('group', { name: 'Consultation' }).getByLabel('CONS · Consultation').click();
  await expect(page.getByRole('group', { name: 'Consultation' }).getByLabel('CONS · Consultation')).toBeChecked();
  await page.getByRole('button', { name: 'New fee schedule' }).click();
  const schedule = page.getByRole('form', { name: 'New fee schedule' });
  await schedule.getByLabel('Schedule name').fill('Acme Health');
  await schedule.getByLabel('Payer (empty: self-pay)').fill('Acme Health');
  await schedule.getByLabel(/^CONS \(default/).fill('80');
  await schedule.getByRole('button', { name: 'Save fee schedule' }).click();
  await expect(page.getByRole('button', { name: 'Acme Health (Acme Health)' })).toBeVisible();

  // This desk's invoice prefix, and a lock date.
  const thisDesk = page.getByRole('form', { name: 'This desk' });
  await thisDesk.getByLabel('Invoice series prefix').fill('b-2');
  await thisDesk.getByRole('button', { name: 'Save desk' }).click();
  await expect(thisDesk.getByText('must be 1 to 6 letters or digits, such as A or DESK2')).toBeVisible();
  await thisDesk.getByLabel('Invoice series prefix').fill('b2');
  await thisDesk.getByRole('button', { name: 'Save desk' }).click();
  await expect(thisDesk.getByRole('status')).toHaveText('This desk’s next invoice will be B2-000001.');
  const settings = page.getByRole('form', { name: 'Billing settings' });
  await settings.getByLabel('Lock date').fill('2025-12-31');
  await settings.getByRole('button', { name: 'Save billing settings' }).click();
  await expect(settings.getByRole('status')).toHaveText('Billing settings saved.');
  // How money is written, said by an example rather than by the locale's code alone.
  await expect(page.getByText(/^Amounts are in GBP, written £1,234\.50 \(en-GB\)\./)).toBeVisible();
  await screenshot(page, '160-billing-setup');
});

test("a claim: the insured visit is invoiced to the insurer, the claim submitted, a partial remittance posted, the patient's share on their account", async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { patientId, appointmentId } = await configureBillingClinic(page);
  await invoke(page, 'patients.addInsurance', {
    patientId,
    payer: 'Acme Health',
    memberId: 'AH-778',
    priority: 'primary',
  });
  const visit = await invoke<{ id: string }>(page, 'visits.checkIn', { appointmentId });
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/billing/checkout/${visit.id}`);
  await expect(page.getByRole('heading', { name: 'Check out Ortiz, Lena' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Invoice \(draft\)/ })).toContainText('Payer: Acme Health');
  // Self-pay for a moment (the lines priced again for the patient), then back to the insurer.
  await page.getByLabel('Who pays').selectOption({ label: 'Self-pay' });
  await expect(page.getByRole('heading', { name: /Invoice \(draft\)/ })).not.toContainText('Payer');
  await expect(page.getByLabel('Invoice totals')).not.toContainText('Insurer pays');
  await page.getByLabel('Who pays').selectOption({ label: 'Acme Health (primary, member AH-778)' });
  await expect(page.getByRole('heading', { name: /Invoice \(draft\)/ })).toContainText('Payer: Acme Health');
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(page.getByLabel('Invoice totals')).toContainText('Insurer pays$80.00');
  await page.getByRole('button', { name: 'Create claim to Acme Health' }).click();
  await expect(page.getByRole('heading', { name: 'Claim to Acme Health · Draft' })).toBeVisible();
  const moves = page.getByRole('form', { name: 'Move claim' });
  await moves.getByLabel('Payer reference').fill('ACME-2231');
  await moves.getByRole('button', { name: 'Mark submitted' }).click();
  await expect(page.getByRole('heading', { name: 'Claim to Acme Health · Submitted' })).toBeVisible();

  // The payer allows $80, pays $50 and leaves $20 to the patient; $10 stays outstanding: partly paid.
  const remittance = page.getByRole('form', { name: 'Post remittance' });
  await remittance.getByLabel('Allowed (CONS)').fill('80');
  await remittance.getByLabel('Paid (CONS)').fill('50.00');
  await remittance.getByLabel('Patient responsibility (CONS)').fill('20');
  await screenshot(page, '161-claim-remittance');
  await remittance.getByRole('button', { name: 'Post remittance' }).click();
  await expect(page.getByRole('heading', { name: 'Claim to Acme Health · Partly paid' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Claim history' })).toContainText('Submitted on');
  await screenshot(page, '162-claim-partly-paid');

  // The work list counts it; the patient's account now owes the $20 share.
  await page.getByRole('link', { name: 'Claims work list' }).click();
  await expect(page.getByRole('button', { name: 'Partly paid (1)' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Claims work list' })).toContainText('Ortiz, Lena');
  await screenshot(page, '163-claims-work-list');
  await page.getByRole('table', { name: 'Claims work list' }).getByRole('link', { name: 'Ortiz, Lena' }).click();
  await page.getByRole('link', { name: 'Patient account' }).click();
  await expect(page.getByRole('heading', { name: 'Account: Ortiz, Lena' })).toBeVisible();
  await expect(page.getByRole('definition').first()).toHaveText('$20.00');
  // A/R ageing has her $20 in the youngest bucket; a statement batch for everyone owing prints hers.
  await app.open('Billing');
  await page.getByRole('navigation', { name: 'Billing' }).getByRole('link', { name: 'A/R ageing' }).click();
  const byPatient = page.getByRole('table', { name: 'By patient' });
  await expect(byPatient.getByRole('row', { name: /Ortiz, Lena/ })).toContainText('$20.00$0.00$0.00$0.00$0.00$20.00');
  const batch = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save statements (PDF)' }).click();
  expect(await downloadedPdfText(await batch)).toContain('Ortiz');
  await expect(page.getByRole('form', { name: 'Statement batch' }).getByRole('status')).toHaveText(
    '1 statement saved.',
  );
  await screenshot(page, '165-ar-ageing');
  await byPatient.getByRole('link', { name: /Ortiz, Lena/ }).click();
  // The patient banner says so too, wherever her record is open.
  await page.getByRole('link', { name: 'Patient record' }).click();
  await expect(page.getByRole('region', { name: 'Patient banner' })).toContainText(
    /Owes \$20\.00 since \d{4}-\d\d-\d\d/,
  );
  await page.getByRole('link', { name: 'Account', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Account: Ortiz, Lena' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Invoices' })).toContainText('A-000001');

  // The clinic writes the share off as a courtesy: more than is owed is refused next to the amount.
  await page.getByRole('row', { name: 'Invoice A-000001' }).getByRole('button', { name: 'Write off' }).click();
  const writeOff = page.getByRole('form', { name: 'Write off' });
  await expect(writeOff.getByLabel('Write-off amount (USD)')).toHaveValue('20.00');
  await writeOff.getByLabel('Write-off amount (USD)').fill('25');
  await writeOff.getByRole('button', { name: 'Write off' }).click();
  await expect(writeOff.locator('.field-error')).toBeVisible();
  await writeOff.getByLabel('Write-off amount (USD)').fill('20');
  await writeOff.getByLabel('Reason code').selectOption({ label: 'Professional courtesy' });
  await screenshot(page, '164-account-write-off');
  await writeOff.getByRole('button', { name: 'Write off' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Wrote off $20.00 on A-000001.');
  await expect(page.getByRole('definition').first()).toHaveText('$0.00');
  // Written off by mistake: reversed with a reason, the $20 owed again; both stay on the record.
  await page.getByRole('table', { name: 'Write-offs' }).getByRole('button', { name: 'Reverse write-off' }).click();
  const undoWriteOff = page.getByRole('form', { name: 'Reverse write-off' });
  await undoWriteOff.getByLabel('Reason').fill('Courtesy not approved');
  await undoWriteOff.getByRole('button', { name: 'Reverse write-off' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Write-off reversed.');
  await expect(page.getByRole('definition').first()).toHaveText('$20.00');
  await expect(page.getByRole('table', { name: 'Write-offs' })).toContainText('Reversed');
});

test("split billing and a secondary claim: the copay beside the insurer's part at check-out, the primary's remittance, then the secondary payer billed for what it left", async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { patientId, appointmentId } = await configureBillingClinic(page);
  // The policy's terms: a $20 copay per visit (no deductible or coinsurance recorded).
  await invoke(page, 'patients.addInsurance', {
    patientId,
    payer: 'Acme Health',
    memberId: 'AH-778',
    priority: 'primary',
    copayMinor: 2000,
  });
  await invoke(page, 'patients.addInsurance', {
    patientId,
    payer: 'Beta Mutual',
    memberId: 'BM-41',
    priority: 'secondary',
  });
  const visit = await invoke<{ id: string }>(page, 'visits.checkIn', { appointmentId });
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/billing/checkout/${visit.id}`);
  await expect(page.getByRole('heading', { name: /Invoice \(draft\)/ })).toContainText('Payer: Acme Health');

  // The policy's copay splits the line by itself: the insurer is expected to pay $60 of the $80
  // consultation, the patient's $20 named a copay under the line.
  const insurer = page.getByLabel('Insurer pays, line 1');
  await expect(insurer).toHaveValue('60.00');
  await expect(page.getByLabel('Copay, line 1')).toHaveValue('20.00');
  // A copay above the patient's part is refused next to its field, and the error goes once it is put right.
  await page.getByLabel('Copay, line 1').fill('25');
  await page.getByLabel('Copay, line 1').press('Enter');
  await expect(page.getByLabel('Copay, line 1')).toHaveAccessibleDescription(
    'copay, deductible and coinsurance together must not be more than the patient’s part of the line',
  );
  await page.getByLabel('Copay, line 1').fill('20');
  await expect(page.getByLabel('Copay, line 1')).not.toHaveAttribute('aria-invalid', 'true');
  await insurer.fill('90');
  await insurer.press('Enter');
  await expect(page.getByRole('form', { name: 'Invoice lines' }).locator('.field-error')).toContainText(
    'must not be more than the line’s total',
  );
  await insurer.fill('60');
  await insurer.press('Enter');
  const totals = page.getByLabel('Invoice totals');
  await expect(totals).toContainText('Insurer pays$60.00');
  await expect(totals).toContainText('Patient pays$20.00');
  await expect(totals).toContainText('of which copay$20.00');
  await expect(page.getByRole('form', { name: 'Invoice lines' }).getByRole('row').nth(1)).toContainText(
    'patient $20.00',
  );
  await screenshot(page, '235-check-out-split');
  await page.getByRole('button', { name: 'Issue invoice' }).click();
  await expect(totals).toContainText('Patient still owes$20.00');
  const invoicePdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save invoice (PDF)' }).click();
  const invoiceText = await downloadedPdfText(await invoicePdf);
  expect(invoiceText).toContain("Insurer's part (Acme Health)");
  expect(invoiceText).toMatch(/Patient's part\s*\$20\.00/);
  expect(invoiceText).toMatch(/of which copay\s*\$20\.00/);

  // The primary claim: submitted, the payer allows $60, pays $40 and leaves $10 to the patient: partly paid.
  await page.getByRole('button', { name: 'Create claim to Acme Health' }).click();
  const moves = page.getByRole('form', { name: 'Move claim' });
  await moves.getByRole('button', { name: 'Mark submitted' }).click();
  await expect(page.getByRole('heading', { name: 'Claim to Acme Health · Submitted' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create secondary claim' })).toHaveCount(0);
  const remittance = page.getByRole('form', { name: 'Post remittance' });
  await remittance.getByLabel('Allowed (CONS)').fill('60');
  await remittance.getByLabel('Paid (CONS)').fill('40');
  await remittance.getByLabel('Patient responsibility (CONS)').fill('10');
  await remittance.getByRole('button', { name: 'Post remittance' }).click();
  await expect(page.getByRole('heading', { name: 'Claim to Acme Health · Partly paid' })).toBeVisible();
  await screenshot(page, '236-claim-primary-answered');

  // The secondary claim bills the $10 the primary left, showing the $40 it paid; its PDF says so too.
  await page.getByRole('button', { name: 'Create secondary claim' }).click();
  await expect(page.getByRole('heading', { name: 'Claim to Beta Mutual · Draft' })).toBeVisible();
  const lines = page.getByRole('table', { name: 'Claim lines' });
  await expect(lines.getByRole('columnheader', { name: 'Primary paid' })).toBeVisible();
  await expect(lines.getByRole('row', { name: /CONS/ })).toContainText('$10.00$40.00');
  await screenshot(page, '237-claim-secondary');
  const claimPdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save claim (PDF)' }).click();
  const claimText = await downloadedPdfText(await claimPdf);
  expect(claimText).toContain('Payer: Beta Mutual (secondary)');
  expect(claimText).toMatch(/Paid by the primary payer\s*\$40\.00/);
  await page.getByRole('link', { name: 'Primary claim' }).click();
  await expect(page.getByRole('heading', { name: 'Claim to Acme Health · Partly paid' })).toBeVisible();
  // The primary now links its secondary instead of offering to create another one.
  await expect(page.getByRole('button', { name: 'Create secondary claim' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Secondary claim' })).toBeVisible();
  await screenshot(page, '250-claim-primary-with-secondary');
  await page.getByRole('link', { name: 'Secondary claim' }).click();
  await expect(page.getByRole('heading', { name: 'Claim to Beta Mutual · Draft' })).toBeVisible();
  await page.getByRole('link', { name: 'Primary claim' }).click();

  // The work list by status and age: both claims are new, so none is at least 30 days old.
  await page.getByRole('link', { name: 'Claims work list' }).click();
  const list = page.getByRole('table', { name: 'Claims work list' });
  await expect(list.getByRole('row', { name: /Ortiz, Lena/ })).toHaveCount(2);
  await page.getByLabel('Age', { exact: true }).selectOption({ label: 'At least 30 days old' });
  await expect(list.getByRole('row', { name: /Ortiz, Lena/ })).toHaveCount(0);
  // The counts per status follow the age filter too.
  await expect(page.getByRole('button', { name: 'Draft (0)' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Partly paid (0)' })).toBeVisible();
  await screenshot(page, '238-claims-by-age');
  await page.getByLabel('Age', { exact: true }).selectOption({ label: 'Any age' });
  await page.getByRole('button', { name: 'Draft (1)' }).click();
  await expect(list.getByRole('row', { name: /Beta Mutual/ })).toBeVisible();
  await expect(list.getByRole('row', { name: /Acme Health/ })).toHaveCount(0);

  // The patient's account: the $20 copay and the $10 the primary left to her.
  await list.getByRole('link', { name: 'Ortiz, Lena' }).click();
  await page.getByRole('link', { name: 'Patient account' }).click();
  await expect(page.getByRole('heading', { name: 'Account: Ortiz, Lena' })).toBeVisible();
  await expect(page.getByRole('definition').first()).toHaveText('$30.00');
  await screenshot(page, '239-account-split');
});
