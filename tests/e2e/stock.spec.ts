import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clinicDateAt, providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

const DAY = 86_400_000;
/** A clinic open every day around the clock with one provider, a vaccination type and Lena Ortiz. */
async function clinicWithPatient(
  page: Page,
): Promise<{ locationId: string; providerId: string; typeId: string; patientId: string }> {
  const { locationId, providerId } = await providerAllWeek(page, {
    location: 'Riverside',
    provider: 'Dr Amara Okafor',
  });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Vaccination',
    durationMinutes: 15,
    colour: '#1f5fa8',
  });
  const patient = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Lena',
    lastName: 'Ortiz',
    dob: '1988-04-12',
    phones: [{ kind: 'mobile', number: '07700 900321' }],
  });
  return { locationId, providerId, typeId: type.id, patientId: patient.id };
}

/**
 * A clinic with a fridge of flu vaccine, set up through the page's bridge (quicker than the set-up
 * screens, which their own test drives): lot FLU-A expiring in ten days, lot FLU-B at the end of 2027; Lena Ortiz checked in
 * today and given one dose, which FEFO takes from FLU-A.
 */
async function stockedClinic(
  page: Page,
): Promise<{ locationId: string; visitId: string; fridgeId: string; fluId: string }> {
  const today = clinicDateAt(Date.now());
  const { locationId, providerId, typeId, patientId } = await clinicWithPatient(page);
  const appointment = await invoke<{ id: string }>(page, 'appointments.book', {
    patientId,
    providerId,
    typeId,
    start: { date: today, time: '09:00' },
  });
  const visit = await invoke<{ id: string }>(page, 'visits.checkIn', { appointmentId: appointment.id });
  const fridge = await invoke<{ id: string }>(page, 'stockroom.saveLocation', {
    locationId,
    name: 'Vaccine fridge',
    kind: 'fridge',
    active: true,
  });
  const flu = await invoke<{ id: string }>(page, 'stockroom.saveItem', {
    name: 'Flu vaccine',
    code: 'FLU',
    gtin: '09506000134352',
    category: 'Vaccines',
    dispensingUnit: 'dose',
    packSize: 10,
    unitCostMinor: 600,
    billable: false,
    sellingPriceMinor: null,
    taxId: null,
    reorderLevel: 20,
    reorderQuantity: 50,
    maximumLevel: null,
    active: true,
  });
  const receipt = { itemId: flu.id, stockLocationId: fridge.id, quantity: 5 };
  await invoke(page, 'stock.receive', {
    ...receipt,
    lotNumber: 'FLU-A',
    expiryOn: clinicDateAt(Date.now() + 10 * DAY),
  });
  await invoke(page, 'stock.receive', { ...receipt, lotNumber: 'FLU-B', expiryOn: '2027-12-31' });
  await invoke(page, 'stock.dispense', { visitId: visit.id, itemId: flu.id, stockLocationId: fridge.id, quantity: 1 });
  return { locationId, visitId: visit.id, fridgeId: fridge.id, fluId: flu.id };
}

test('the stock home shows the alerts, finds an item by a scanned GS1 barcode, and the recall lists the patient', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await stockedClinic(page);

  await app.open('Stock room');
  const below = page.getByRole('table', { name: 'Below reorder level' });
  await expect(below.getByRole('row', { name: /Flu vaccine 9 20/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Expiring soon' }).getByRole('row', { name: /FLU-A/ })).toBeVisible();
  await screenshot(page, '170-stock-home');
  await expectAccessible(page, 'stock home');

  // A keyboard-wedge scanner types the GS1 DataMatrix's element string (printed form here) and Enter.
  const find = page.getByRole('form', { name: 'Find an item' });
  await find.getByLabel('Name, code or scan').fill('(01)09506000134352(17)271231(10)FLU-B');
  await find.getByLabel('Name, code or scan').press('Enter');
  await expect(page.getByRole('status')).toHaveText('Scanned Flu vaccine, lot FLU-B, expires 2027-12-31.');
  await expect(
    page.getByRole('table', { name: 'Items' }).getByRole('row', { name: /Flu vaccine.*FLU 9/ }),
  ).toBeVisible();

  // A barcode whose check digit is wrong is refused under the field.
  await find.getByLabel('Name, code or scan').fill('0109506000134353');
  await find.getByLabel('Name, code or scan').press('Enter');
  await expect(find.getByText('(01) 09506000134353 fails its check digit')).toBeVisible();
  await screenshot(page, '171-stock-scan-refused');

  // The recall: which patients got lot FLU-A.
  await find.getByLabel('Name, code or scan').fill('FLU');
  await find.getByRole('button', { name: 'Find' }).click();
  const recall = page.getByRole('form', { name: 'Recall' });
  await recall.getByLabel('Item').selectOption({ label: 'Flu vaccine (FLU)' });
  await recall.getByLabel('Lot number').fill('FLU-A');
  await recall.getByRole('button', { name: 'Find patients' }).click();
  const patients = page.getByRole('table', { name: 'Patients who got lot FLU-A' });
  await expect(patients.getByRole('row', { name: /Lena Ortiz .* 1/ })).toBeVisible();
  await screenshot(page, '172-stock-recall');
  await expectAccessible(page, 'stock recall');

  await recall.getByLabel('Lot number').fill('NOPE');
  await recall.getByRole('button', { name: 'Find patients' }).click();
  await expect(recall.getByText('no lot of this item has that number')).toBeVisible();
});

test('a manager opens an item, receives a box by its scan, moves doses to the nurse station and corrects a count', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { locationId } = await stockedClinic(page);
  await invoke(page, 'stockroom.saveLocation', {
    locationId,
    name: 'Nurse station',
    kind: 'nurse_station',
    active: true,
  });

  await app.open('Stock room');
  const find = page.getByRole('form', { name: 'Find an item' });
  await find.getByLabel('Name, code or scan').fill('FLU');
  await find.getByRole('button', { name: 'Find' }).click();
  await page.getByRole('table', { name: 'Items' }).getByRole('link', { name: 'Flu vaccine' }).click();
  await expect(page.getByRole('heading', { name: 'Flu vaccine', level: 1 })).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Lots on hand' }).getByRole('row', { name: /FLU-A .* 4 Expires soon/ }),
  ).toBeVisible();

  // The scanner fills lot and expiry; two packs of ten are twenty doses.
  const receive = page.getByRole('form', { name: 'Receive stock' });
  await receive.getByLabel('Scan').fill('(01)09506000134352(17)280630(10)FLU-C');
  await receive.getByLabel('Scan').press('Enter');
  await expect(receive.getByLabel('Lot number')).toHaveValue('FLU-C');
  await expect(receive.getByLabel('Expiry')).toHaveValue('2028-06-30');
  await receive.getByLabel('Into').selectOption({ label: 'Vaccine fridge (Riverside)' });
  await receive.getByLabel('Packs').fill('2');
  await expect(receive.getByLabel('Units (dose)')).toHaveValue('20');
  await receive.getByRole('button', { name: 'Receive' }).click();
  await expect(receive.getByText('Received 20 doses, lot FLU-C.')).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Lots on hand' }).getByRole('row', { name: /FLU-C .* 20/ }),
  ).toBeVisible();

  // More than the lot holds is refused beside the units; then five move to the nurse station.
  const transfer = page.getByRole('form', { name: 'Transfer stock' });
  await transfer
    .getByLabel('Lot and place')
    .selectOption({ label: 'FLU-C · Vaccine fridge · 20 left · expires 2028-06-30' });
  await transfer.getByLabel('To').selectOption({ label: 'Nurse station (Riverside)' });
  await transfer.getByLabel('Units').fill('99');
  await transfer.getByRole('button', { name: 'Transfer' }).click();
  await expect(transfer.getByLabel('Units')).toHaveAccessibleDescription(/.+/);
  await expect(transfer.getByLabel('Units')).toHaveAttribute('aria-invalid', 'true');
  await transfer.getByLabel('Units').fill('5');
  await transfer.getByRole('button', { name: 'Transfer' }).click();
  await expect(transfer.getByText('Moved 5 to Nurse station.')).toBeVisible();
  const lots = page.getByRole('table', { name: 'Lots on hand' });
  await expect(lots.getByRole('row', { name: /FLU-C .* Nurse station 5/ })).toBeVisible();
  await expect(lots.getByRole('row', { name: /FLU-C .* Vaccine fridge 15/ })).toBeVisible();

  // An adjustment needs its reason, named beside the field; with it, the lot holds one fewer.
  const adjust = page.getByRole('form', { name: 'Adjust stock' });
  await adjust
    .getByLabel('Lot and place')
    .selectOption({ label: 'FLU-C · Nurse station · 5 left · expires 2028-06-30' });
  await adjust.getByLabel('Units').fill('-1');
  await adjust.getByRole('button', { name: 'Adjust' }).click();
  await expect(adjust.getByLabel('Reason')).toHaveAttribute('aria-invalid', 'true');
  await adjust.getByLabel('Reason').fill('Vial dropped');
  await adjust.getByRole('button', { name: 'Adjust' }).click();
  await expect(adjust.getByText('Adjusted by -1.')).toBeVisible();
  await expect(lots.getByRole('row', { name: /FLU-C .* Nurse station 4/ })).toBeVisible();
  const movements = page.getByRole('table', { name: 'Movements' });
  await expect(movements.getByRole('row', { name: /Adjusted FLU-C Nurse station -1 Vial dropped/ })).toBeVisible();
  await screenshot(page, '173-stock-item');
  await expectAccessible(page, 'stock item');
});

test('at the nurse intake a billable vaccine is dispensed first-expiring, and the visit’s invoice gains its line', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { visitId, fridgeId } = await stockedClinic(page);
  const tetanus = await invoke<{ id: string }>(page, 'stockroom.saveItem', {
    name: 'Tetanus vaccine',
    code: 'TET',
    gtin: null,
    category: 'Vaccines',
    dispensingUnit: 'dose',
    packSize: 1,
    unitCostMinor: 900,
    billable: true,
    sellingPriceMinor: 2500,
    taxId: null,
    reorderLevel: 0,
    reorderQuantity: 10,
    maximumLevel: null,
    active: true,
  });
  const receipt = { itemId: tetanus.id, stockLocationId: fridgeId, quantity: 3 };
  await invoke(page, 'stock.receive', { ...receipt, lotNumber: 'TET-LATE', expiryOn: '2029-01-31' });
  await invoke(page, 'stock.receive', { ...receipt, lotNumber: 'TET-EARLY', expiryOn: '2028-01-31' });

  await app.open('Flow board');
  await page.getByRole('link', { name: 'Ortiz, Lena', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Nurse intake' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Dispense' });
  await card.getByLabel('Item').fill('tetanus');
  await card.getByLabel('Item').press('Enter');
  const form = card.getByRole('form', { name: 'Dispense' });
  await expect(form.getByLabel('Lot')).toHaveValue('');
  // More than the shelf holds is refused beside the units.
  await form.getByLabel('Units (dose)').fill('9');
  await form.getByRole('button', { name: 'Dispense Tetanus vaccine' }).click();
  await expect(form.getByLabel('Units (dose)')).toHaveAttribute('aria-invalid', 'true');
  await form.getByLabel('Units (dose)').fill('1');
  await form.getByRole('button', { name: 'Dispense Tetanus vaccine' }).click();
  await expect(card.getByRole('status')).toHaveText(
    'Gave Tetanus vaccine: 1 from lot TET-EARLY. Added to the visit’s invoice.',
  );
  await screenshot(page, '174-intake-dispense');
  await expectAccessible(page, 'intake dispense');

  // The desk's check-out shows the vaccine on the visit's invoice.
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/billing/checkout/${visitId}`);
  const lines = page.getByRole('form', { name: 'Invoice lines' });
  await expect(lines.getByRole('textbox', { name: /^Description, line/ }).last()).toHaveValue(
    /Tetanus vaccine \(lot TET-EARLY\)/,
  );
});

test('a lot past its expiry stays on the shelf but is refused at dispense, beside the lot', async ({ page, desk }) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  // A lot expiring "today" where the day ends last (UTC−11) has expired where it starts first (UTC+14):
  // the two dates are always a day or more apart. Stock cannot be received already expired, so the
  // clinic's own time zone setting is what ages it, with no clock to fake.
  const dateIn = (timeZone: string) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      Date.now(),
    );
  await invoke(page, 'settings.update', { timeZone: 'Pacific/Pago_Pago' });
  const { locationId, providerId, typeId, patientId } = await clinicWithPatient(page);
  const fridge = await invoke<{ id: string }>(page, 'stockroom.saveLocation', {
    locationId,
    name: 'Vaccine fridge',
    kind: 'fridge',
    active: true,
  });
  const flu = await invoke<{ id: string }>(page, 'stockroom.saveItem', {
    name: 'Flu vaccine',
    code: 'FLU',
    gtin: null,
    category: 'Vaccines',
    dispensingUnit: 'dose',
    packSize: 1,
    unitCostMinor: 600,
    billable: false,
    sellingPriceMinor: null,
    taxId: null,
    reorderLevel: 0,
    reorderQuantity: 10,
    maximumLevel: null,
    active: true,
  });
  const receipt = { itemId: flu.id, stockLocationId: fridge.id, quantity: 3 };
  await invoke(page, 'stock.receive', { ...receipt, lotNumber: 'FLU-OLD', expiryOn: dateIn('Pacific/Pago_Pago') });
  await invoke(page, 'stock.receive', { ...receipt, lotNumber: 'FLU-NEW', expiryOn: '2029-12-31' });
  await invoke(page, 'settings.update', { timeZone: 'Pacific/Kiritimati' });
  const appointment = await invoke<{ id: string }>(page, 'appointments.book', {
    patientId,
    providerId,
    typeId,
    start: { date: dateIn('Pacific/Kiritimati'), time: '09:00' },
  });
  await invoke(page, 'visits.checkIn', { appointmentId: appointment.id });

  await app.open('Flow board');
  await page.getByRole('link', { name: 'Ortiz, Lena', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Nurse intake' })).toBeVisible();
  const card = page.getByRole('region', { name: 'Dispense' });
  await card.getByLabel('Item').fill('flu');
  await card.getByLabel('Item').press('Enter');
  const form = card.getByRole('form', { name: 'Dispense' });
  const lot = form.getByLabel('Lot');
  const expired = lot.locator('option', { hasText: 'FLU-OLD' });
  await expect(expired).toHaveText(/EXPIRED/i);
  await lot.selectOption({ label: (await expired.textContent()) ?? '' });
  await form.getByLabel('Units (dose)').fill('1');
  await form.getByRole('button', { name: 'Dispense Flu vaccine' }).click();
  await expect(lot).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/lot FLU-OLD expired on .*: it cannot be dispensed/)).toBeVisible();
  await screenshot(page, '194-intake-expired-lot-refused');
  await expectAccessible(page, 'intake dispense, expired lot refused');

  // First-expiring that has not expired: the nurse goes back to the default and gets FLU-NEW.
  await lot.selectOption({ index: 0 });
  await expect(lot).not.toHaveAttribute('aria-invalid', 'true');
  await form.getByRole('button', { name: 'Dispense Flu vaccine' }).click();
  await expect(card.getByRole('status')).toHaveText(/Gave Flu vaccine: 1 from lot FLU-NEW/);
});

test('a count of the fridge: the counter scans to a line and types what she finds, the manager approves the variance', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await stockedClinic(page);

  await app.open('Stock room');
  await page.getByRole('link', { name: 'Stock counts' }).click();
  const start = page.getByRole('form', { name: 'Start a count' });
  await start.getByLabel('Place').selectOption({ label: 'Vaccine fridge (Riverside)' });
  await start.getByRole('button', { name: 'Start count' }).click();
  await expect(page.getByRole('heading', { name: 'Count of Vaccine fridge' })).toBeVisible();
  const sheet = page.getByRole('table', { name: 'Count sheet' });
  await expect(sheet.getByRole('row', { name: /Flu vaccine FLU-B .* 5/ })).toBeVisible();

  // A scan puts the cursor on its lot's line; she types 4 there (one is missing) and 4 for FLU-A.
  await page.getByLabel('Scan a lot').fill('(01)09506000134352(17)271231(10)FLU-B');
  await page.getByLabel('Scan a lot').press('Enter');
  await expect(page.getByLabel('Counted, Flu vaccine lot FLU-B')).toBeFocused();
  await page.keyboard.type('4');
  await page.getByLabel('Counted, Flu vaccine lot FLU-A').fill('4');
  await page.getByRole('button', { name: 'Save counts' }).click();
  await expect(page.getByText('Saved 2 counts.')).toBeVisible();
  await expect(sheet.getByRole('row', { name: /FLU-B .* -1$/ })).toBeVisible();
  await screenshot(page, '175-stock-count');
  await expectAccessible(page, 'stock count');

  await page.getByRole('button', { name: 'Approve count' }).click();
  await expect(page.getByText('Approved: the variances are posted.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve count' })).toHaveCount(0);
  await page.getByRole('link', { name: '← Stock counts' }).click();
  await expect(
    page.getByRole('table', { name: 'Counts' }).getByRole('row', { name: /Vaccine fridge .* Approved 2 of 2 lots/ }),
  ).toBeVisible();
});

test('a manager orders what is below its reorder level, marks it sent and receives the delivery by scanning the box', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { fluId } = await stockedClinic(page);
  await invoke(page, 'stockroom.saveSupplier', {
    name: 'Northwind Pharma',
    contact: null,
    phone: null,
    email: null,
    leadTimeDays: 3,
    active: true,
    itemIds: [fluId],
  });

  await app.open('Stock room');
  await page.getByRole('link', { name: 'Purchase orders' }).click();
  const suggested = page.getByRole('region', { name: 'Suggested order' });
  await suggested.getByLabel('Supplier').selectOption({ label: 'Northwind Pharma' });
  await suggested.getByLabel('Deliver to').selectOption({ label: 'Vaccine fridge (Riverside)' });
  await expect(suggested.getByLabel('Order quantity, Flu vaccine')).toHaveValue('50');
  await suggested.getByLabel('Order quantity, Flu vaccine').fill('30');
  await suggested.getByRole('button', { name: 'Make a draft order' }).click();
  await expect(page.getByRole('heading', { name: 'Order from Northwind Pharma' })).toBeVisible();
  await expect(page.getByText(/^Draft · £180\.00 at cost/)).toBeVisible();

  // The order to send, as a PDF.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save order (PDF)' }).click();
  expect((await downloading).suggestedFilename()).toMatch(/^purchase-order-.+\.pdf$/);
  await page.getByRole('button', { name: 'Mark as sent' }).click();
  await expect(page.getByText('Marked as sent.')).toBeVisible();
  // The delivery: a scanned box fills the line's lot and expiry; the units start at what is still expected.
  await page.getByLabel('Scan a box').fill('(01)09506000134352(17)280531(10)FLU-D');
  await page.getByLabel('Scan a box').press('Enter');
  await expect(page.getByLabel('Lot number, Flu vaccine')).toHaveValue('FLU-D');
  await expect(page.getByLabel('Expiry, Flu vaccine')).toHaveValue('2028-05-31');
  await expect(page.getByLabel('Units, Flu vaccine')).toHaveValue('30');
  // More than the line still expects is refused beside the units.
  await page.getByLabel('Units, Flu vaccine').fill('31');
  await page.getByRole('button', { name: 'Receive delivery' }).click();
  await expect(page.getByLabel('Units, Flu vaccine')).toHaveAttribute('aria-invalid', 'true');
  await screenshot(page, '176-stock-order-receive');
  await expectAccessible(page, 'stock order');
  await page.getByLabel('Units, Flu vaccine').fill('30');
  await page.getByRole('button', { name: 'Receive delivery' }).click();
  await expect(page.getByText('Received 1 line.')).toBeVisible();
  await expect(page.getByText(/^Received · £180\.00 at cost/)).toBeVisible();
  await expect(
    page.getByRole('table', { name: 'Order lines' }).getByRole('row', { name: /Flu vaccine 30 30/ }),
  ).toBeVisible();

  // Back on the stock home Flu vaccine is no longer below its reorder level.
  await app.open('Stock room');
  await expect(page.getByRole('table', { name: 'Below reorder level' })).toContainText(
    'Everything is at or above its reorder level.',
  );
});

test('a manager sets up the stock room on screen: a place, an item (a bad code refused beside it), a supplier', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await invoke(page, 'schedule.createLocation', { name: 'Riverside' });

  await app.open('Stock room');
  await page.getByRole('link', { name: 'Stock set-up' }).click();
  await expect(page.getByRole('heading', { name: 'Stock set-up', level: 1 })).toBeVisible();

  const place = page.getByRole('form', { name: 'Add a place' });
  await place.getByLabel('Place name').fill('Vaccine fridge');
  await place.getByLabel('Kind').selectOption({ label: 'Fridge' });
  await place.getByRole('button', { name: 'Add place' }).click();
  await expect(
    page.getByRole('table', { name: 'Places' }).getByRole('row', { name: /Vaccine fridge Fridge Riverside Yes/ }),
  ).toBeVisible();

  const item = page.getByRole('form', { name: 'Add an item' });
  await item.getByLabel('Item name').fill('Hepatitis B vaccine');
  await item.getByLabel('Item code').fill('HEP B');
  await item.getByLabel('Dispensing unit').fill('dose');
  await item.getByLabel('Pack size').fill('10');
  await item.getByLabel('Unit cost').fill('12.50');
  await item.getByLabel('Reorder level').fill('5');
  await item.getByLabel('Reorder quantity').fill('20');
  await item.getByRole('checkbox', { name: /Billable/ }).check();
  await item.getByLabel('Selling price').fill('30');
  await item.getByRole('button', { name: 'Add item' }).click();
  await expect(item.getByLabel('Item code')).toHaveAttribute('aria-invalid', 'true');
  await expect(item.getByText('must be letters, digits, dots, dashes or underscores')).toBeVisible();
  await item.getByLabel('Item code').fill('HEPB');
  await item.getByRole('button', { name: 'Add item' }).click();
  await expect(item.getByText('Saved Hepatitis B vaccine.')).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Stock items' })
      .getByRole('row', { name: /Hepatitis B vaccine HEPB dose \(pack of 10\) 5 \(order 20\) Yes/ }),
  ).toBeVisible();

  const supplier = page.getByRole('form', { name: 'Add a supplier' });
  await supplier.getByLabel('Supplier name').fill('Northwind Pharma');
  await supplier.getByLabel('Lead time (days)').fill('3');
  await supplier.getByRole('checkbox', { name: 'Hepatitis B vaccine' }).check();
  await supplier.getByRole('button', { name: 'Add supplier' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Suppliers' })
      .getByRole('row', { name: /Northwind Pharma.* 3 days Hepatitis B vaccine/ }),
  ).toBeVisible();
  await screenshot(page, '177-stock-setup');
  await expectAccessible(page, 'stock set-up');

  // Editing keeps what was there: the item's cost reads back as typed.
  await page.getByRole('button', { name: 'Edit Hepatitis B vaccine' }).click();
  const edit = page.getByRole('form', { name: 'Edit Hepatitis B vaccine' });
  await expect(edit.getByLabel('Unit cost')).toHaveValue('12.50');
  await edit.getByLabel('Reorder level').fill('8');
  await edit.getByRole('button', { name: 'Save item' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Stock items' })
      .getByRole('row', { name: /Hepatitis B vaccine .* 8 \(order 20\)/ }),
  ).toBeVisible();
});

test('a stock room of sixty items: the set-up lists the first fifty and finds the others by name or code', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  for (let n = 1; n <= 60; n += 1)
    await invoke(page, 'stockroom.saveItem', {
      name: `Dressing size ${String(n).padStart(2, '0')}`,
      code: `DR${n}`,
      gtin: null,
      category: 'Dressings',
      dispensingUnit: 'piece',
      packSize: 1,
      unitCostMinor: 100,
      billable: false,
      sellingPriceMinor: null,
      taxId: null,
      reorderLevel: 0,
      reorderQuantity: 10,
      maximumLevel: null,
      active: true,
    });
  await app.open('Stock room');
  await page.getByRole('link', { name: 'Stock set-up' }).click();
  const table = page.getByRole('table', { name: 'Stock items' });
  await expect(table.getByRole('row')).toHaveCount(51); // the header and the first fifty
  await expect(page.getByText('Showing the first 50 items. Type in Find items to narrow the list.')).toBeVisible();
  await expect(table.getByRole('row', { name: /Dressing size 58/ })).toHaveCount(0);

  await page.getByLabel('Find items').fill('size 58');
  await expect(table.getByRole('row', { name: /Dressing size 58 DR58/ })).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(page.getByText('Showing the first 50 items.', { exact: false })).toHaveCount(0);
  // What a supplier supplies is chosen from the same matches.
  await expect(
    page.getByRole('form', { name: 'Add a supplier' }).getByRole('checkbox', { name: 'Dressing size 58' }),
  ).toBeVisible();
  await page.getByLabel('Find items').fill('no such dressing');
  await expect(table.getByRole('cell', { name: 'No item matches.' })).toBeVisible();
  await expectAccessible(page, 'stock set-up, items found by name');
});
