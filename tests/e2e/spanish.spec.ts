import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clinicDate, providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage } from './pages/front-desk';

test.use({ viewport: { width: 1366, height: 768 } });

/** A provider working all day, a priced type, Lena Ortiz booked today and checked in: every screen has something on it. */
async function seedMorning(page: Page): Promise<{ patientId: string; visitId: string }> {
  await invoke(page, 'settings.update', { lockTimeoutMinutes: 60 });
  const { providerId } = await providerAllWeek(page, {
    location: 'Riverside',
    provider: 'Dra. Amara Okafor',
    rooms: ['Consulta 1'],
  });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consulta general',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const service = await invoke<{ id: string }>(page, 'fees.saveService', {
    code: 'CONS',
    name: 'Consulta general',
    defaultPriceMinor: 8000,
    taxId: null,
  });
  await invoke(page, 'fees.setTypeServices', { typeId: type.id, services: [{ serviceId: service.id, quantity: 1 }] });
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
    start: { date: clinicDate(), time: '09:00' },
  });
  const visit = await invoke<{ id: string }>(page, 'visits.checkIn', { appointmentId: appointment.id });
  return { patientId: patient.id, visitId: visit.id };
}

/** The page itself never scrolls sideways at 1366 px (the calendar grid may, inside its own box). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const root = (
      globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }
    ).document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
  expect(overflow, 'the page does not scroll sideways').toBeLessThanOrEqual(0);
}

/** No button or nav link has its words cut off or spilling out of its box. */
async function expectNothingClipped(page: Page): Promise<void> {
  const clipped = await page.locator('nav a, button:visible').evaluateAll((elements) =>
    elements
      .map((element) => element as unknown as { scrollWidth: number; clientWidth: number; textContent: string | null })
      .filter((box) => box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1)
      .map((box) => box.textContent?.trim()),
  );
  expect(clipped, 'buttons and menu entries whose words do not fit').toEqual([]);
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((target) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = target;
  }, hash);
}

test('the whole desk in Spanish: a clinic setting switched at once, a user’s own choice, words that fit at 1366×768', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { patientId, visitId } = await seedMorning(page);
  // The menu's own name is translated too ("Principal").
  const nav = () => page.getByRole('navigation', { name: /^(Main|Principal)$/ });

  // The administrator makes Spanish the clinic's language: the screens switch as soon as it is saved.
  await app.open('Settings');
  const form = page.getByRole('form', { name: 'Clinic settings' });
  await form.getByLabel('Language').selectOption({ label: 'Español' });
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('heading', { name: 'Ajustes', level: 1 })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Ajustes de la clínica' }).getByRole('status')).toHaveText(
    'Ajustes guardados.',
  );
  await expect(nav().getByRole('link', { name: 'Agenda', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectNoSidewaysScroll(page);
  await expectNothingClipped(page);
  await screenshot(page, '470-es-settings');

  // Home.
  await nav().getByRole('link', { name: 'Inicio', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bienvenido/a');
  await expectNoSidewaysScroll(page);
  await expectNothingClipped(page);
  await screenshot(page, '471-es-home');

  // The calendar: its date in Spanish words, the patient booked today.
  await nav().getByRole('link', { name: 'Agenda', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeVisible();
  await expect(
    page.getByText(/(lunes|martes|miércoles|jueves|viernes|sábado|domingo), \d+ de \w+ de \d{4}/).first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /Ortiz, Lena/ }).first()).toBeVisible();
  await expectNothingClipped(page);
  await screenshot(page, '472-es-calendar');

  // The patient page.
  await go(page, `#/patients/${patientId}`);
  await expect(page.getByLabel('Cabecera del paciente')).toContainText('Ortiz');
  await expectNoSidewaysScroll(page);
  await expectNothingClipped(page);
  await screenshot(page, '473-es-patient');

  // Check-out: the visit's invoice, its amount in the clinic's money format.
  await go(page, `#/billing/checkout/${visitId}`);
  await expect(page.getByRole('heading', { name: 'Salida de Ortiz, Lena' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /Factura \(borrador\)/ })).toBeVisible();
  await expect(page.getByLabel('Totales de la factura')).toContainText('80.00');
  await expectNoSidewaysScroll(page);
  await expectNothingClipped(page);
  await screenshot(page, '474-es-check-out');

  // Reports.
  await nav().getByRole('link', { name: 'Informes', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Informes', level: 1 })).toBeVisible();
  await expect(page.getByText('Tasa de ausencias').first()).toBeVisible();
  await expectNoSidewaysScroll(page);
  await expectNothingClipped(page);
  await screenshot(page, '475-es-reports');

  // A refusal from main arrives in Spanish, under the field it names: the name is taken (only main knows).
  await nav().getByRole('link', { name: 'Configuración de agenda', exact: true }).click();
  const addLocation = page.getByRole('form', { name: 'Añadir centro' });
  await addLocation.getByLabel('Nombre del centro').fill('Riverside');
  await addLocation.getByRole('button', { name: 'Añadir centro' }).click();
  await expect(addLocation.getByLabel('Nombre del centro')).toHaveAccessibleDescription(
    'ya hay un centro llamado Riverside',
  );
  await expectNoSidewaysScroll(page);
  await screenshot(page, '476-es-refusal');
  // The form's own check before sending says what main would, in the same words.
  await addLocation.getByLabel('Nombre del centro').fill('  ');
  await addLocation.getByRole('button', { name: 'Añadir centro' }).click();
  await expect(addLocation.getByLabel('Nombre del centro')).toHaveAccessibleDescription('no puede estar vacío');

  // A user's own language wins over the clinic's, at once; "El de la clínica" follows the clinic again.
  const mine = page.getByRole('banner').getByLabel('Idioma');
  await mine.selectOption({ label: 'English' });
  await expect(nav().getByRole('link', { name: 'Calendar', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(nav().getByRole('link', { name: 'Calendar', exact: true })).toBeVisible();
  await page.getByRole('banner').getByLabel('Language').selectOption({ label: 'Clinic’s (Español)' });
  await expect(nav().getByRole('link', { name: 'Agenda', exact: true })).toBeVisible();
});
