import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { moveClinicToDaytime, providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage } from './pages/front-desk';
import { pdfText } from '../helpers/pdf-text';

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * Today's clinic through the page's bridge: Dr Amara Okafor works all day; Lena at 09:00 and Omar at
 * 09:30 are seen, invoiced £80.00 each and checked out; Lena pays £20.00 twice by card, Omar £20.00 in
 * cash; Noor at 00:00 does not come. The desk's drawer was opened with a £100.00 float.
 */
async function configureClinic(page: Page): Promise<{ today: string; drawerId: string }> {
  const { today } = await moveClinicToDaytime(page);
  const { providerId, roomIds } = await providerAllWeek(page, {
    location: 'Riverside',
    provider: 'Dr Amara Okafor',
    rooms: ['Room 1'],
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
  const drawer = await invoke<{ drawer: { id: string } }>(page, 'drawers.open', { floatMinor: 10_000 });

  const book = async (firstName: string, time: string) => {
    const patient = await invoke<{ id: string }>(page, 'patients.create', {
      firstName,
      lastName: 'Okoro',
      dob: `1980-01-${String(Number(time.slice(0, 2)) + 1).padStart(2, '0')}`,
    });
    const booked = await invoke<{ id: string }>(page, 'appointments.book', {
      patientId: patient.id,
      providerId,
      typeId: type.id,
      start: { date: today, time },
    });
    return { patientId: patient.id, appointmentId: booked.id };
  };
  const seen = async (firstName: string, time: string) => {
    const { patientId, appointmentId } = await book(firstName, time);
    const visit = await invoke<{ id: string }>(page, 'visits.checkIn', { appointmentId });
    const view = await invoke<{ invoice: { id: string } }>(page, 'invoices.forVisit', { visitId: visit.id });
    await invoke(page, 'invoices.issue', { invoiceId: view.invoice.id });
    await invoke(page, 'visits.move', { visitId: visit.id, to: 'roomed', roomId: roomIds[0] });
    await invoke(page, 'visits.move', { visitId: visit.id, to: 'with_provider' });
    await invoke(page, 'visits.move', { visitId: visit.id, to: 'ready_for_checkout' });
    await invoke(page, 'visits.checkOut', { visitId: visit.id });
    return patientId;
  };
  const lena = await seen('Lena', '09:00');
  const omar = await seen('Omar', '09:30');
  const noor = await book('Noor', '00:00');
  await invoke(page, 'appointments.setStatus', { appointmentId: noor.appointmentId, status: 'no_show' });
  for (const [patientId, kind] of [
    [lena, 'card'],
    [lena, 'card'],
    [omar, 'cash'],
  ] as const)
    await invoke(page, 'payments.take', { patientId, amountMinor: 2000, methodId: method(kind), reference: null });
  return { today, drawerId: drawer.drawer.id };
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file: Download = await downloading;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) ?? '') };
}

const textOfPdf = (bytes: Buffer, fileName: string) =>
  pdfText({ fileName, mimeType: 'application/pdf', base64: bytes.toString('base64') });

test('the administrator reads the charts, the day sheet and exports reports as PDF', async ({ page, desk }) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { today, drawerId } = await configureClinic(page);
  await app.open('Reports');
  await page.evaluate(`window.location.hash = '#/reports?from=${today}&to=${today}'`);

  // The dashboard's trend: three appointments, stacked by what became of them, named and tabled.
  const dashboard = page.getByRole('region', { name: 'Dashboard' });
  const trend = dashboard.getByRole('img', { name: /^3 appointments booked: 2 completed, 1 no-shows, 0 cancelled/ });
  await expect(trend).toBeVisible();
  await expect(dashboard.getByText('Appointments', { exact: true })).toBeVisible();
  await dashboard.getByText(/^The figures: Appointments by day/).click();
  await expect(dashboard.getByRole('table', { name: 'Appointments by day, by status' })).toContainText('1');
  await screenshot(page, '225-reports-dashboard-chart');

  // Revenue: accrual beside cash, the axis in the clinic's currency.
  const revenue = page.getByRole('region', { name: 'Revenue' });
  await expect(
    revenue.getByRole('img', {
      name: /£160\.00 invoiced \(accrual, net of credit notes\) and £60\.00 collected \(cash\)/,
    }),
  ).toBeVisible();
  await expect(revenue.getByText('Amount (GBP)')).toBeVisible();
  await revenue.getByRole('img').first().scrollIntoViewIfNeeded();
  await screenshot(page, '226-reports-revenue-chart');
  const revenuePdf = await download(page, 'Export revenue (PDF)');
  expect(revenuePdf.name).toBe(`revenue-${today}-to-${today}.pdf`);
  const revenueText = await textOfPdf(revenuePdf.bytes, revenuePdf.name);
  expect(revenueText).toContain('Collected (cash) £60.00');
  expect(revenueText).toContain('Invoiced (accrual basis): totals of invoices issued in the range');

  // Waiting times by hour of arrival.
  const waits = page.getByRole('region', { name: 'Waiting times' });
  await expect(waits.getByRole('img', { name: /^The longest median wait/ })).toBeVisible();
  await expect(waits.getByRole('img').getByText('Hour of arrival', { exact: true })).toBeVisible();
  await waits.scrollIntoViewIfNeeded();
  await screenshot(page, '227-reports-waits-by-hour');

  // The week's heat map: today's weekday row, the minutes printed in the cell, the figures in a table.
  const heat = waits.getByRole('img', {
    name: /^By weekday and hour, the longest median wait, \d+ minutes, was for visits arriving on /,
  });
  await expect(heat).toBeVisible();
  await expect(waits.getByRole('list', { name: 'Shades, lightest to darkest' })).toBeVisible();
  await waits.getByText(/^The figures: Arrival → out by weekday and hour/).click();
  const heatTable = waits.getByRole('table', { name: /^Arrival → out by weekday and hour of arrival/ });
  await expect(heatTable.getByRole('row')).toHaveCount(2);
  await heat.scrollIntoViewIfNeeded();
  await screenshot(page, '485-reports-waits-heat-map');
  const waitsPdf = await download(page, 'Export waiting times (PDF)');
  expect(waitsPdf.name).toBe(`waitingTimes-${today}-to-${today}.pdf`);
  expect(await textOfPdf(waitsPdf.bytes, waitsPdf.name)).toContain('By weekday and hour of arrival: the figures');

  // The day sheet: Lena's two £20.00 card payments are two rows; the drawer is open, so the day is not closed.
  const sheet = page.getByRole('region', { name: 'Day sheet' });
  await expect(sheet.getByText(/^Not closed yet/)).toBeVisible();
  await expect(sheet.getByRole('columnheader', { name: 'No-show', exact: true })).toBeVisible();
  const money = sheet.getByRole('table', { name: 'Payments, refunds and reversals (3)' });
  await expect(money.getByRole('row', { name: /Okoro, Lena/ })).toHaveCount(2);
  await expect(
    sheet.getByRole('table', { name: 'Money by method' }).getByRole('row', { name: /^Card \(2\)/ }),
  ).toContainText('£40.00');
  await sheet.scrollIntoViewIfNeeded();
  await screenshot(page, '228-reports-day-sheet');
  const csv = await download(page, 'Export day sheet (CSV)');
  expect(csv.name).toBe(`daySheet-${today}-to-${today}.csv`);
  expect(csv.bytes.toString('utf8')).toContain('Day closed,no: a drawer is open or none was opened');

  // Closing the drawer closes the day; the PDF says so and prints every payment.
  await invoke(page, 'drawers.close', { drawerId, countedMinor: 12_000, overShortReason: null });
  await page.reload();
  await expect(page.getByRole('region', { name: 'Day sheet' }).getByText(/^Closed day/)).toBeVisible();
  const pdf = await download(page, 'Export day sheet (PDF)');
  expect(pdf.name).toBe(`daySheet-${today}.pdf`);
  const text = await textOfPdf(pdf.bytes, pdf.name);
  expect(text).toContain('Closed day: every drawer is closed.');
  expect(text.match(/Okoro, Lena Card £20\.00/g)).toHaveLength(2);
  expect(text).toContain('£120.00 £120.00 £0.00');
  await page.getByRole('region', { name: 'Day sheet' }).scrollIntoViewIfNeeded();
  await screenshot(page, '229-reports-day-sheet-closed');
});
