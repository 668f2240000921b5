import { readFileSync } from 'node:fs';
import { pdfText } from '../helpers/pdf-text';
import type { Download, Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clinicDateAt } from './pages/clinic-seed';
import { FrontDeskPage } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

const DAY = 86_400_000;
/**
 * Today's clinic, set up through the page's bridge: Dr Amara Okafor works all day every day (24 h);
 * Lena (self-pay) at 09:00 and Omar (insured by Acme Health, £60.00 of his £80.00) at 09:30, both seen and
 * invoiced £80.00; Lena pays £20.00 twice by card, Omar £20.00 in cash. The stock room holds 7 ampoules
 * of saline at £2.50 (lot S-1, expiring in ten days).
 */
async function configureClinic(page: Page): Promise<{ today: string; omarInvoiceId: string }> {
  const today = clinicDateAt(Date.now());
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: 'Riverside' });
  const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
    displayName: 'Dr Amara Okafor',
    colour: '#1f5fa8',
    defaultLocationId: location.id,
  });
  for (let weekday = 1; weekday <= 7; weekday += 1)
    await invoke(page, 'schedule.createTemplate', {
      providerId: provider.id,
      locationId: location.id,
      weekday,
      start: '00:00',
      end: '24:00',
      breaks: [],
    });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const cons = await invoke<{ id: string }>(page, 'fees.saveService', {
    code: 'CONS',
    name: 'Consultation',
    defaultPriceMinor: 8000,
    taxId: null,
  });
  await invoke(page, 'fees.setTypeServices', { typeId: type.id, services: [{ serviceId: cons.id, quantity: 1 }] });
  const setup = await invoke<{ methods: { id: string; kind: string }[] }>(page, 'billing.setup', {});
  const method = (kind: string) => setup.methods.find((m) => m.kind === kind)?.id ?? '';
  await invoke(page, 'drawers.open', { floatMinor: 10_000 });

  const seen = async (firstName: string, time: string, insurer: string | null) => {
    const patient = await invoke<{ id: string }>(page, 'patients.create', {
      firstName,
      lastName: 'Okoro',
      dob: time === '09:00' ? '1988-04-12' : '1979-02-03',
    });
    if (insurer)
      await invoke(page, 'patients.addInsurance', {
        patientId: patient.id,
        payer: insurer,
        memberId: 'AC-1',
        priority: 'primary',
      });
    const booked = await invoke<{ id: string }>(page, 'appointments.book', {
      patientId: patient.id,
      providerId: provider.id,
      typeId: type.id,
      start: { date: today, time },
    });
    const visit = await invoke<{ id: string }>(page, 'visits.checkIn', { appointmentId: booked.id });
    const view = await invoke<{ invoice: { id: string; lines: { id: string }[] } }>(page, 'invoices.forVisit', {
      visitId: visit.id,
    });
    const line = view.invoice.lines[0];
    await invoke(page, 'invoices.issue', {
      invoiceId: view.invoice.id,
      ...(insurer
        ? { lines: [{ id: line?.id, serviceId: cons.id, quantity: 1, unitPriceMinor: 8000, insurerMinor: 6000 }] }
        : {}),
    });
    return { patientId: patient.id, invoiceId: view.invoice.id };
  };
  const lena = (await seen('Lena', '09:00', null)).patientId;
  const { patientId: omar, invoiceId: omarInvoiceId } = await seen('Omar', '09:30', 'Acme Health');
  for (const [patientId, kind] of [
    [lena, 'card'],
    [lena, 'card'],
    [omar, 'cash'],
  ] as const)
    await invoke(page, 'payments.take', { patientId, amountMinor: 2000, methodId: method(kind), reference: null });

  const store = await invoke<{ id: string }>(page, 'stockroom.saveLocation', {
    locationId: location.id,
    name: 'Stock room',
    kind: 'store',
    active: true,
  });
  const saline = await invoke<{ id: string }>(page, 'stockroom.saveItem', {
    name: 'Saline 10 ml',
    code: 'SAL10',
    gtin: null,
    category: null,
    dispensingUnit: 'ampoule',
    packSize: 1,
    unitCostMinor: 250,
    billable: false,
    sellingPriceMinor: null,
    taxId: null,
    reorderLevel: 10,
    reorderQuantity: 20,
    maximumLevel: null,
    active: true,
  });
  await invoke(page, 'stock.receive', {
    itemId: saline.id,
    stockLocationId: store.id,
    lotNumber: 'S-1',
    expiryOn: clinicDateAt(Date.now() + 10 * DAY),
    quantity: 7,
  });
  return { today, omarInvoiceId };
}

async function csvOf(page: Page, button: string): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const download: Download = await downloading;
  return { name: download.suggestedFilename(), text: readFileSync((await download.path()) ?? '', 'utf8') };
}

test('the administrator reads the providers report, revenue by payer and the stock report for one day, and exports them', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { today } = await configureClinic(page);
  // A second location where nothing happened today: choosing it empties the figures location narrows.
  await invoke(page, 'schedule.createLocation', { name: 'Hilltop' });
  await app.open('Reports');
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  // One day: the address holds the filters, as a bookmark would.
  await page.evaluate(`window.location.hash = '#/reports?from=${today}&to=${today}'`);

  // Providers: an hour booked of the 24 her hours offered today; two £80.00 invoices; £60.00 applied.
  const row = (table: string) =>
    page.getByRole('table', { name: `Providers: ${table}` }).getByRole('row', { name: /Dr Amara Okafor/ });
  await expect(row('utilisation').getByRole('cell')).toHaveText(['1 h 00 min', '24 h 00 min', '4.2%']);
  await expect(row('appointments').getByRole('cell')).toHaveText(['2', '0', '0', '0 (0)']);
  const money = page.getByRole('table', { name: 'Providers: revenue' });
  await expect(money.getByRole('row', { name: /Dr Amara Okafor/ }).getByRole('cell')).toHaveText([
    '£160.00',
    '£0.00',
    '£160.00',
    '£60.00',
  ]);
  await expect(page.getByText(/^Invoiced per provider \(accrual basis, by service date\)/)).toBeVisible();
  await page.getByRole('heading', { name: 'Providers', level: 2 }).scrollIntoViewIfNeeded();
  await screenshot(page, '220-reports-providers');
  const providersCsv = await csvOf(page, 'Export providers (CSV)');
  expect(providersCsv.name).toBe(`providers-${today}-to-${today}.csv`);
  expect(providersCsv.text).toContain('Dr Amara Okafor,60,1440,4.2,2,0,0,0,0,16000,0,16000,6000');
  expect(providersCsv.text).toContain('Definition,"Utilisation: booked minutes ÷');

  // Revenue for one payer: Acme Health's invoice and the copay applied to it; the address keeps it.
  const revenue = page.getByRole('region', { name: 'Revenue' });
  await revenue.getByLabel('Payer').selectOption({ label: 'Acme Health' });
  await expect(page).toHaveURL(/[?&]payer=Acme\+Health(&|$)/);
  const payerTable = revenue.getByRole('table', { name: 'Invoiced and collected: Acme Health' });
  await expect(payerTable.getByRole('row', { name: /^Invoiced \(accrual/ })).toContainText('£80.00');
  await expect(payerTable.getByRole('row', { name: /^Collected \(cash\)/ })).toContainText('£20.00');
  await expect(revenue.getByText(/^Payer: with one chosen/)).toBeVisible();
  await revenue.getByLabel('Payer').selectOption({ label: 'Self-pay' });
  await expect(revenue.getByRole('table', { name: 'Invoiced and collected: Self-pay' })).toContainText('£40.00');
  await revenue.scrollIntoViewIfNeeded();
  await screenshot(page, '221-reports-revenue-self-pay');
  const revenueCsv = await csvOf(page, 'Export revenue (CSV)');
  expect(revenueCsv.text).toContain('Payer,Self-pay');
  expect(revenueCsv.text).toContain(`${today},8000,0,8000,4000,0,0,4000,0`);

  // Stock: 7 × £2.50 = £17.50; the lot expiring in ten days within a 30-day window; below reorder level.
  const stock = page.getByRole('region', { name: 'Stock' });
  await expect(stock.getByRole('table', { name: 'Valuation: £17.50' })).toContainText('Saline 10 ml (SAL10)');
  await stock.getByLabel('Expiring within').selectOption({ label: '30 days' });
  await expect(page).toHaveURL(/[?&]expiring=30(&|$)/);
  await expect(stock.getByRole('table', { name: 'Lots expiring within 30 days (1)' })).toContainText('S-1');
  await expect(stock.getByRole('table', { name: 'Below reorder level (1)' })).toContainText('Saline 10 ml');
  await expect(stock.getByRole('table', { name: 'Movements in the range, by kind' })).toContainText('Received');
  await stock.scrollIntoViewIfNeeded();
  await screenshot(page, '222-reports-stock');
  const stockCsv = await csvOf(page, 'Export stock (CSV)');
  expect(stockCsv.text).toContain('SAL10,Saline 10 ml,7,250,1750');
  expect(stockCsv.text).toContain('Total,,,,1750');

  // A bookmark with the payer and the window opens with them; the dashboard follows a location.
  const bookmark = page.url();
  await page.goto('about:blank');
  await page.goto(bookmark);
  await expect(page.getByRole('region', { name: 'Revenue' }).getByLabel('Payer').locator('option:checked')).toHaveText(
    'Self-pay',
  );
  await expect(page.getByLabel('Expiring within').locator('option:checked')).toHaveText('30 days');
  await page.getByLabel('Location', { exact: true }).selectOption({ label: 'Riverside' });
  const figures = page.getByRole('list', { name: 'Figures' });
  await expect(figures.getByRole('button', { name: /^Appointments booked 2 before 0$/ })).toBeVisible();
  await expect(
    page.getByText(/^Location and appointment type narrow the appointments report, .* waiting times, revenue/),
  ).toBeVisible();
  await screenshot(page, '223-reports-dashboard-by-location');
  // Waiting times and revenue follow the location: both of today's visits were Riverside's, none Hilltop's.
  const waits = page.getByRole('region', { name: 'Waiting times' });
  await expect(waits.getByRole('table', { name: 'Waiting times over 2 visits' })).toBeVisible();
  await expect(waits.getByText(/^Location and type: with one chosen, only visits/)).toBeVisible();
  const selfPay = page.getByRole('region', { name: 'Revenue' }).getByRole('table', { name: /^Invoiced and collected/ });
  await expect(selfPay.getByRole('row', { name: /^Invoiced \(accrual/ })).toContainText('£80.00');
  await page.getByLabel('Location', { exact: true }).selectOption({ label: 'Hilltop' });
  await expect(page).toHaveURL(/[?&]location=/);
  await expect(waits.getByRole('table', { name: 'Waiting times over 0 visits' })).toBeVisible();
  await expect(selfPay.getByRole('row', { name: /^Invoiced \(accrual/ })).toContainText('£0.00');
  await expect(
    page.getByRole('region', { name: 'Revenue' }).getByText(/^Location and type: with one chosen, invoiced/),
  ).toBeVisible();
  const narrowedCsv = await csvOf(page, 'Export revenue (CSV)');
  expect(narrowedCsv.text).toContain('Location,Hilltop');
  expect(narrowedCsv.text).toContain(`${today},0,0,0,0,0,0,0,0`);
  await page.getByRole('region', { name: 'Revenue' }).scrollIntoViewIfNeeded();
  await screenshot(page, '490-reports-revenue-by-location');
});

test('the administrator reads A/R ageing and claims by status and age, narrows claims to a payer and exports both', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { today, omarInvoiceId } = await configureClinic(page);
  // Omar's £60.00 claim to Acme Health, submitted 40 days ago: 31–60 days old.
  const claim = await invoke<{ id: string }>(page, 'claims.create', { invoiceId: omarInvoiceId });
  await invoke(page, 'claims.move', {
    claimId: claim.id,
    to: 'submitted',
    onDate: clinicDateAt(Date.now() - 40 * DAY),
  });
  await app.open('Reports');
  await page.evaluate(`window.location.hash = '#/reports?from=${today}&to=${today}'`);

  // Ageing: Acme Health is expected to pay £60.00 of today's invoice; Lena owes £40.00, Omar nothing.
  const ageing = page.getByRole('region', { name: 'A/R ageing' });
  const payers = ageing.getByRole('table', { name: /^A\/R ageing by payer/ });
  await expect(payers.getByRole('row', { name: /^Acme Health/ }).getByRole('cell')).toHaveText([
    '£60.00',
    '£0.00',
    '£0.00',
    '£0.00',
    '£0.00',
    '£60.00',
  ]);
  const owing = ageing.getByRole('table', { name: /^A\/R ageing by patient: .*the largest 1 of 1$/ });
  await expect(owing.getByRole('row', { name: /Lena/ }).getByRole('cell').last()).toHaveText('£40.00');
  await expect(ageing.getByText(/^A\/R ageing: what is still open on issued invoices today/)).toBeVisible();
  // The dashboard's outstanding figure opens it: £60.00 from Acme Health and £40.00 from Lena.
  await page.getByRole('button', { name: /^Outstanding today £100\.00/ }).click();
  await expect(page.getByRole('heading', { name: 'A/R ageing', level: 2 })).toBeFocused();
  await screenshot(page, '268-reports-ar-ageing');

  // Claims: the one submitted claim, in the 31–60 bucket, £60.00 billed and outstanding.
  const claims = page.getByRole('region', { name: 'Claims by status and age' });
  const submitted = claims.getByRole('row', { name: /^Submitted/ }).getByRole('cell');
  await expect(submitted).toHaveText(['1', '0', '1', '0', '0', '0', '£60.00', '£60.00']);
  await claims.getByLabel('Payer').selectOption({ label: 'Acme Health' });
  await expect(page).toHaveURL(/[?&]payer=Acme\+Health(&|$)/);
  await expect(claims.getByRole('table', { name: 'Claims by status and age in days: Acme Health' })).toBeVisible();
  await expect(claims.getByText(/^Payer: with one chosen, only the claims made to it/)).toBeVisible();
  await claims.getByLabel('Payer').selectOption({ label: 'Self-pay' });
  await expect(
    claims
      .getByRole('row', { name: /^All claims/ })
      .getByRole('cell')
      .first(),
  ).toHaveText('0');
  await claims.getByLabel('Payer').selectOption({ label: 'Acme Health' });
  await claims.scrollIntoViewIfNeeded();
  await screenshot(page, '269-reports-claims-by-status-and-age');

  const csv = await csvOf(page, 'Export claims (CSV)');
  expect(csv.name).toBe(`claims-${today}-to-${today}.csv`);
  expect(csv.text).toContain('Payer,Acme Health');
  expect(csv.text).toContain('\r\nsubmitted,1,6000,6000,0,0,1,6000,0,0,0,0,0,0\r\n');
  expect(csv.text).toContain('Definition,"Claims by status and age: every claim as it stands today');
  const ageingCsv = await csvOf(page, 'Export A/R ageing (CSV)');
  expect(ageingCsv.text).toMatch(/\r\n[^\r]*Lena[^\r]*,4000,0,0,0,0,4000\r\n/);
  expect(ageingCsv.text).toContain('\r\nAcme Health,6000,0,0,0,0,6000\r\n');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export claims (PDF)' }).click();
  const file = await downloading;
  expect(file.suggestedFilename()).toBe(`claims-${today}.pdf`);
  const text = await pdfText({
    fileName: file.suggestedFilename(),
    mimeType: 'application/pdf',
    base64: readFileSync((await file.path()) ?? '').toString('base64'),
  });
  expect(text).toMatch(/submitted \(1\) 0 1 0 0 0 £60\.00/);
  expect(text).toContain('Payer: Acme Health');

  // The day sheet by provider: the page's provider filter narrows it, and it says the money is the clinic's.
  await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Dr Amara Okafor' });
  await expect(page).toHaveURL(/[?&]provider=[0-9a-f-]+(&|$)/);
  const sheet = page.getByRole('region', { name: 'Day sheet' });
  const theDay = sheet.getByRole('table', { name: 'The day: Dr Amara Okafor' });
  await expect(theDay.getByRole('row', { name: /^Appointments/ })).toContainText('2');
  await expect(theDay.getByRole('row', { name: /^Invoices issued \(2\)/ })).toContainText('£160.00');
  await expect(sheet.getByText(/^Dr Amara Okafor’s appointments, visits and invoices; the money taken/)).toBeVisible();
  await expect(sheet.getByText(/^Provider: with one chosen/)).toBeVisible();
  await sheet.scrollIntoViewIfNeeded();
  await screenshot(page, '270-reports-day-sheet-by-provider');
  const sheetCsv = await csvOf(page, 'Export day sheet (CSV)');
  expect(sheetCsv.text).toContain('\r\nProvider,Dr Amara Okafor\r\n');
});
