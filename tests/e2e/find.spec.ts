import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { moveClinicToDaytime } from './pages/clinic-seed';
import { FrontDeskPage } from './pages/front-desk';

/** A Wednesday well in the future: nothing is "in the past". */
const DATE = '2027-03-10';

/** Two providers seeing patients 09:00–12:00 on weekdays, a 30-minute type, two patients; García already booked at 10:00 with Dr Okafor. */
async function configure(
  page: Page,
  withVisit: boolean,
): Promise<{
  patients: Record<'garcia' | 'baker', string>;
  providers: string[];
  typeId: string;
  garciaAppointmentId: string;
}> {
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: 'Riverside' });
  const room = await invoke<{ id: string }>(page, 'schedule.createRoom', { locationId: location.id, name: 'Room 1' });
  const providers: string[] = [];
  for (const displayName of ['Dr Amara Okafor', 'Dr Ben Carter']) {
    const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
      displayName,
      colour: '#1f5fa8',
      defaultLocationId: location.id,
    });
    providers.push(provider.id);
    for (let weekday = 1; weekday <= 5; weekday += 1) {
      await invoke(page, 'schedule.createTemplate', {
        providerId: provider.id,
        locationId: location.id,
        weekday,
        start: '09:00',
        end: '12:00',
        breaks: [],
      });
    }
  }
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const garcia = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'María José',
    lastName: 'García',
    dob: '1964-06-29',
  });
  const baker = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Tom',
    lastName: 'Baker',
    dob: '1981-01-15',
  });
  const booked = await invoke<{ id: string }>(page, 'appointments.book', {
    patientId: garcia.id,
    providerId: providers[0],
    typeId: type.id,
    start: { date: DATE, time: '10:00' },
  });
  if (withVisit) {
    // Tom Baker walked in to see Dr Carter today, was seen and is checked out.
    const visit = await invoke<{ id: string }>(page, 'visits.checkIn', {
      patientId: baker.id,
      providerId: providers[1],
    });
    await invoke(page, 'visits.move', { visitId: visit.id, to: 'roomed', roomId: room.id });
    await invoke(page, 'visits.move', { visitId: visit.id, to: 'ready_for_checkout' });
    await invoke(page, 'visits.checkOut', { visitId: visit.id });
  }
  return {
    patients: { garcia: garcia.id, baker: baker.id },
    providers,
    typeId: type.id,
    garciaAppointmentId: booked.id,
  };
}

test('find a slot: the first free times for a type avoid the patient’s own booking, and one press books one', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await configure(page, false);
  await app.open('Find a slot');
  const form = page.getByRole('form', { name: 'Find a slot' });

  // Nothing chosen: the patient is asked for beside the picker; dates the wrong way round, beside "To".
  await form.getByRole('button', { name: 'Find slots' }).click();
  await expect(form.getByText('choose a patient')).toBeVisible();
  await form.getByLabel('Patient').fill('garcia');
  await form.getByRole('button', { name: /García, María José/ }).click();
  await form.getByLabel('Provider').selectOption({ label: 'Dr Amara Okafor' });
  await form.getByLabel('From').fill(DATE);
  await form.getByLabel('To').fill('2027-03-09');
  await form.getByRole('button', { name: 'Find slots' }).click();
  await expect(form.getByText('must not be before from')).toBeVisible();

  await form.getByLabel('To').fill('2027-03-11');
  await form.getByRole('button', { name: 'Find slots' }).click();
  const results = page.getByRole('region', { name: /free slots/ });
  await expect(results.getByRole('heading', { name: 'First 19 free slots' })).toBeFocused();
  const rows = results.getByRole('row');
  // 09:00–11:30 each day, without the three starts that would overlap García's own 10:00–10:30.
  await expect(rows.nth(1)).toContainText('09:00');
  await expect(rows.nth(1)).toContainText('Dr Amara Okafor');
  await expect(results.getByRole('row', { name: /10 Mar.*10:00/ })).toHaveCount(0);
  await expect(results.getByRole('row', { name: /10 Mar.*09:45/ })).toHaveCount(0);
  await expect(results.getByRole('row', { name: /10 Mar.*10:30/ })).toHaveCount(1);
  await screenshot(page, '94-find-a-slot');

  await results
    .getByRole('button', { name: /at 09:00 with Dr Amara Okafor/ })
    .first()
    .click();
  await expect(page.getByRole('status')).toContainText('Booked García, María José with Dr Amara Okafor');
  // Read again: her 09:00 is taken now, so the first free start is 09:30.
  await expect(rows.nth(1)).toContainText('09:30');
  // Another question hides the old answer: no Book button is left for a slot found for other criteria.
  await form.getByLabel('Provider').selectOption({ label: 'Any provider' });
  await expect(results).toHaveCount(0);
  await page.getByRole('link', { name: /in the calendar/ }).click();
  const grid = page.getByRole('region', { name: 'Day schedule' });
  await expect(grid.getByRole('button', { name: /09:00–09:30.*García, María José/ })).toBeVisible();
});

test('a checked-out visit’s "Book follow-up" opens Find a slot with the patient and the provider chosen', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { providers } = await configure(page, true);
  await app.open('Flow board');
  await page.getByRole('link', { name: 'Book a follow-up for Baker, Tom' }).click();
  await expect(page.getByRole('heading', { name: 'Find a slot', level: 1 })).toBeVisible();
  const form = page.getByRole('form', { name: 'Find a slot' });
  await expect(form.getByText('Baker, Tom')).toBeVisible();
  await expect(form.getByLabel('Provider')).toHaveValue(providers[1] ?? '');
  await form.getByLabel('From').fill(DATE);
  await form.getByRole('button', { name: 'Find slots' }).click();
  await expect(
    page
      .getByRole('region', { name: /free slots/ })
      .getByRole('row')
      .nth(1),
  ).toContainText('Dr Ben Carter');
});

test('a missed appointment’s "Book again" finds a slot for the same patient and provider; the new one says what it replaces', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const { patients, providers, typeId } = await configure(page, false);
  // García was due at midnight today (booked outside hours): a no-show can be recorded once the start
  // has passed by the clinic's grace, here none.
  const { today } = await moveClinicToDaytime(page);
  await invoke(page, 'settings.update', { noShowGraceMinutes: 0 });
  await invoke(page, 'appointments.book', {
    patientId: patients.garcia,
    providerId: providers[0],
    typeId,
    start: { date: today, time: '00:00' },
    override: { reason: 'seen before opening' },
  });
  await app.open('Calendar');
  await page
    .getByRole('region', { name: 'Day schedule' })
    .getByRole('button', { name: /García, María José/ })
    .click();
  const panel = page.getByRole('region', { name: 'Appointment' });
  await panel.getByRole('button', { name: 'Mark no-show' }).click();
  await expect(panel.getByRole('status')).toHaveText('Mark no-show: García, María José is now no-show.');
  await expect(panel.getByRole('group', { name: 'Change status' }).getByRole('button')).toHaveText(['Undo no-show']);
  await page.getByRole('region', { name: 'Appointment' }).getByRole('link', { name: 'Book again' }).click();

  await expect(page.getByRole('heading', { name: 'Find a slot', level: 1 })).toBeVisible();
  await expect(
    page.getByText('Booking again: the new appointment is recorded as replacing the missed one.'),
  ).toBeVisible();
  const form = page.getByRole('form', { name: 'Find a slot' });
  await expect(form.getByText('García, María José')).toBeVisible();
  await form.getByLabel('From').fill('2027-03-11');
  await form.getByRole('button', { name: 'Find slots' }).click();
  await page
    .getByRole('region', { name: /free slots/ })
    .getByRole('button', { name: /Thu 11 Mar at 09:00 with Dr Amara Okafor/ })
    .click();
  await expect(page.getByRole('status')).toContainText('Booked García, María José with Dr Amara Okafor');
  await page.getByRole('link', { name: /in the calendar/ }).click();
  await page
    .getByRole('region', { name: 'Day schedule' })
    .getByRole('button', { name: /García, María José/ })
    .click();
  await expect(
    page.getByRole('region', { name: 'Appointment' }).getByRole('link', { name: /, 00:00 \(no-show\)$/ }),
  ).toBeVisible();
});
