import type { Page } from '@playwright/test';
import type { ClinicBridge } from '../../src-shared/bridge';
import { test, expect, screenshot } from './fixtures';
import { ADMIN, FrontDeskPage, RECEPTIONIST } from './pages/front-desk';

/** `window.clinic` inside page.evaluate (the tests compile without the DOM library). */
type PageGlobals = { clinic?: ClinicBridge };

const MANAGER = { name: 'Mona Manager', username: 'mona', password: 'runs the clinic 7' };
/** A week well in the future: Tuesday has the hours, Wednesday is time off, Friday a holiday. */
const TUESDAY = '2027-03-09';
const WEDNESDAY = '2027-03-10';
const FRIDAY = '2027-03-12';

/** A patient and a booking with the provider, through the page's bridge (booking is the calendar's business). */
async function bookWith(page: Page, providerName: string, typeName: string): Promise<void> {
  await page.evaluate(
    async ({ providerName, typeName, date }) => {
      const clinic = (globalThis as unknown as PageGlobals).clinic;
      if (!clinic) throw new Error('no bridge');
      const invoke = async <T,>(name: string, input: unknown): Promise<T> => {
        const result = await clinic.invoke(name, input);
        if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
        return result.value as T;
      };
      const providers = await invoke<{ id: string; displayName: string }[]>('schedule.listProviders', {});
      const types = await invoke<{ id: string; name: string }[]>('schedule.listTypes', {});
      const patient = await invoke<{ id: string }>('patients.create', { firstName: 'Tom', lastName: 'Baker', dob: '1981-01-15' });
      await invoke('appointments.book', {
        patientId: patient.id,
        providerId: providers.find((p) => p.displayName === providerName)?.id,
        typeId: types.find((t) => t.name === typeName)?.id,
        start: { date, time: '10:00' },
      });
    },
    { providerName, typeName, date: TUESDAY },
  );
}

test('scheduling set-up: a manager adds a location, room, provider, type, weekly hours, time off and a holiday; the calendar follows; a receptionist has no entry', async ({ page, desk }) => {
  const app = new FrontDeskPage(page);
  await page.goto(desk.url);
  await app.setUpClinic();
  await page.getByRole('button', { name: 'Create clinic' }).click();
  await app.signIn(ADMIN);
  await app.open('Users');
  await app.addUser(MANAGER, 'manager');
  await app.addUser(RECEPTIONIST, 'receptionist');
  await app.signOut();

  await app.signIn(MANAGER);
  await app.open('Scheduling set-up');
  const tab = (name: string) => page.getByRole('tablist', { name: 'Set-up sections' }).getByRole('tab', { name });
  await expect(tab('Locations and rooms')).toHaveAttribute('aria-selected', 'true');

  // Locations and rooms.
  const addLocation = page.getByRole('form', { name: 'Add location' });
  await addLocation.getByLabel('Location name').fill('Riverside');
  await addLocation.getByLabel('Address').fill('1 River Road, Oxford');
  await addLocation.getByRole('button', { name: 'Add location' }).click();
  await expect(addLocation.getByRole('status')).toHaveText('Added Riverside.');
  const addRoom = page.getByRole('form', { name: 'Add room' });
  await addRoom.getByLabel('Location').selectOption({ label: 'Riverside' });
  await addRoom.getByLabel('Room name').fill('Room 1');
  await addRoom.getByRole('button', { name: 'Add room' }).click();
  await expect(addRoom.getByRole('status')).toHaveText('Added Room 1 at Riverside.');
  // The same name twice: main's refusal under the field.
  await addRoom.getByLabel('Room name').fill('Room 1');
  await addRoom.getByRole('button', { name: 'Add room' }).click();
  await expect(addRoom.getByLabel('Room name')).toHaveAccessibleDescription('this location already has a room called Room 1');
  await addRoom.getByLabel('Room name').fill('Room 2');
  await addRoom.getByRole('button', { name: 'Add room' }).click();
  await expect(addRoom.getByRole('status')).toHaveText('Added Room 2 at Riverside.');
  await expect(page.getByRole('row', { name: /Riverside/ })).toContainText('1 River Road, Oxford');
  await expect(page.getByRole('row', { name: /Riverside/ })).toContainText('Room 1, Room 2');
  await screenshot(page, '60-setup-locations-and-rooms');

  // Providers: reached from the keyboard (the arrow keys move between tabs); add, then edit the specialty.
  await tab('Locations and rooms').press('ArrowRight');
  await expect(tab('Providers')).toBeFocused();
  await expect(tab('Providers')).toHaveAttribute('aria-selected', 'true');
  const addProvider = page.getByRole('form', { name: 'Add provider' });
  await addProvider.getByLabel('Name').fill('Dr Amara Okafor');
  await addProvider.getByLabel('Specialty').fill('General practice');
  await addProvider.getByLabel('Colour').fill('#2e7d32');
  await addProvider.getByLabel('Default location').selectOption({ label: 'Riverside' });
  await addProvider.getByRole('button', { name: 'Add provider' }).click();
  await expect(addProvider.getByRole('status')).toHaveText('Added Dr Amara Okafor.');
  const amaraRow = page.getByRole('row', { name: /Dr Amara Okafor/ });
  await expect(amaraRow).toContainText('General practice');
  await expect(amaraRow).toContainText('#2e7d32');
  await expect(amaraRow).toContainText('Riverside');
  await amaraRow.getByRole('button', { name: 'Edit Dr Amara Okafor' }).click();
  const editProvider = page.getByRole('form', { name: 'Edit Dr Amara Okafor' });
  await editProvider.getByLabel('Specialty').fill('Family medicine');
  await editProvider.getByRole('button', { name: 'Save provider' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Saved Dr Amara Okafor.');
  await expect(amaraRow).toContainText('Family medicine');

  // Appointment types, with a price in the clinic's currency and the provider who sees it.
  await tab('Appointment types').click();
  const addType = page.getByRole('form', { name: 'Add appointment type' });
  await addType.getByLabel('Type name').fill('Consultation');
  await addType.getByLabel('Length (minutes)').fill('30');
  await addType.getByLabel('Price (GBP)').fill('45.5.0');
  await addType.getByRole('button', { name: 'Add appointment type' }).click();
  await expect(addType.getByLabel('Price (GBP)')).toHaveAccessibleDescription('must be an amount such as 45.00');
  await addType.getByLabel('Price (GBP)').fill('45');
  await addType.getByLabel('Dr Amara Okafor').check();
  await addType.getByRole('button', { name: 'Add appointment type' }).click();
  await expect(addType.getByRole('status')).toHaveText('Added Consultation.');
  const consultRow = page.getByRole('row', { name: /Consultation/ });
  await expect(consultRow).toContainText('30 min');
  await expect(consultRow).toContainText('£45.00');
  await expect(consultRow).toContainText('Dr Amara Okafor');

  // Weekly hours: Monday to Friday 09:00-17:00 with lunch. A wrong end first: the errors sit by the fields.
  await tab('Weekly hours').click();
  await expect(page.getByLabel('Provider')).toHaveValue(/.+/);
  await expect(page.getByText('No weekly hours for Dr Amara Okafor yet')).toBeVisible();
  const addHours = page.getByRole('form', { name: 'Add weekly hours for Dr Amara Okafor' });
  await addHours.getByRole('button', { name: 'Monday to Friday' }).click();
  await expect(addHours.getByLabel('Friday')).toBeChecked();
  await expect(addHours.getByLabel('Location')).toHaveValue(/.+/);
  await addHours.getByLabel('Starts', { exact: true }).fill('09:00');
  await addHours.getByLabel('Ends', { exact: true }).fill('08:00');
  await addHours.getByRole('button', { name: 'Add break' }).click();
  await addHours.getByLabel('Break 1 starts').fill('12:30');
  await addHours.getByLabel('Break 1 ends').fill('13:30');
  await addHours.getByRole('button', { name: 'Add hours' }).click();
  await expect(addHours.getByLabel('Ends', { exact: true })).toHaveAccessibleDescription('must be after the start');
  await expect(addHours.getByText('Break 1 must lie within the hours')).toBeVisible();
  await expect(addHours.getByRole('alert')).toHaveText('Please correct the fields marked above.');
  await screenshot(page, '65-setup-hours-field-errors');
  await addHours.getByLabel('Ends', { exact: true }).fill('17:00');
  await addHours.getByRole('button', { name: 'Add hours' }).click();
  await expect(addHours.getByRole('status')).toHaveText('Added 09:00–17:00 on Monday, Tuesday, Wednesday, Thursday, Friday.');
  const hours = page.getByRole('table', { name: 'Weekly hours of Dr Amara Okafor' });
  await expect(hours.getByRole('row')).toHaveCount(6);
  await expect(hours.getByRole('row', { name: /Tuesday/ })).toContainText('09:00–17:00');
  await expect(hours.getByRole('row', { name: /Tuesday/ })).toContainText('12:30–13:30');
  // Friday ends early: edit that row only; a break that no longer fits is refused by main, next to it.
  await hours.getByRole('button', { name: 'Edit Friday 09:00–17:00' }).click();
  const editFriday = page.getByRole('form', { name: 'Edit Friday 09:00–17:00' });
  await editFriday.getByLabel('Ends', { exact: true }).fill('12:00');
  await editFriday.getByRole('button', { name: 'Save hours' }).click();
  await expect(editFriday.getByText('Break 1 must lie within the hours')).toBeVisible();
  await editFriday.getByRole('button', { name: 'Remove break 1' }).click();
  await editFriday.getByRole('button', { name: 'Save hours' }).click();
  await expect(page.getByRole('status').first()).toHaveText('Saved Friday: 09:00–12:00.');
  await expect(hours.getByRole('row', { name: /Friday/ })).toContainText('09:00–12:00');
  await expect(hours.getByRole('row', { name: /Friday/ })).toContainText('None');
  await screenshot(page, '66-setup-weekly-hours');

  // A day of time off, and a clinic holiday.
  await tab('Time off and extra hours').click();
  const addOff = page.getByRole('form', { name: 'Add time off or extra hours' });
  await addOff.getByLabel('Kind').selectOption({ label: 'Time off' });
  await addOff.getByLabel('First day').fill(WEDNESDAY);
  await addOff.getByLabel('From').fill('10:00');
  await addOff.getByRole('button', { name: 'Add time off' }).click();
  await expect(addOff.getByLabel('Until')).toHaveAccessibleDescription('give both start and end, or neither for whole days');
  await addOff.getByLabel('From').fill('');
  await addOff.getByLabel('Reason').fill('Conference');
  await addOff.getByRole('button', { name: 'Add time off' }).click();
  await expect(addOff.getByRole('status')).toHaveText('Added time off for Dr Amara Okafor: Wed 2027-03-10.');
  await expect(page.getByRole('row', { name: /Time off/ })).toContainText('Whole day');
  await expect(page.getByRole('row', { name: /Time off/ })).toContainText('Conference');
  await screenshot(page, '67-setup-time-off');

  await tab('Clinic holidays').click();
  const addHoliday = page.getByRole('form', { name: 'Add clinic holiday' });
  await addHoliday.getByLabel('Date').fill(FRIDAY);
  await addHoliday.getByLabel('Holiday name').fill('Founders’ Day');
  await addHoliday.getByRole('button', { name: 'Add holiday' }).click();
  await expect(addHoliday.getByRole('status')).toHaveText('Added Founders’ Day on Fri 2027-03-12.');
  await expect(page.getByRole('row', { name: /Founders’ Day/ })).toContainText('All locations');
  await screenshot(page, '68-setup-holidays');

  // Removing a provider with an upcoming appointment: main's refusal beside the button.
  await bookWith(page, 'Dr Amara Okafor', 'Consultation');
  await tab('Providers').click();
  await page.getByRole('button', { name: 'Remove Dr Amara Okafor' }).click();
  await page.getByRole('button', { name: 'Yes, remove Dr Amara Okafor' }).click();
  await expect(amaraRow.getByRole('alert')).toHaveText('Dr Amara Okafor still has 1 upcoming appointment: move or cancel them first.');
  await screenshot(page, '69-setup-provider-remove-refused');

  // The calendar books against it: Tuesday shaded in two stretches around lunch, Wednesday time off, Friday a holiday.
  await app.open('Calendar');
  await page.getByLabel('Date', { exact: true }).fill(TUESDAY);
  const grid = page.getByRole('region', { name: 'Day schedule' });
  const column = grid.getByRole('group', { name: 'Dr Amara Okafor' });
  await expect(column.getByRole('button', { name: /Baker, Tom/ })).toBeVisible();
  await expect(column.locator('.cal-available')).toHaveCount(2);
  await page.getByLabel('Date', { exact: true }).fill(WEDNESDAY);
  await expect(column.getByText('Time off: Conference').first()).toBeVisible();
  await expect(column.locator('.cal-available')).toHaveCount(0);
  await page.getByLabel('Date', { exact: true }).fill(FRIDAY);
  await expect(page.getByText('Clinic holiday: Founders’ Day')).toBeVisible();
  await expect(column.locator('.cal-available')).toHaveCount(0);
  await app.signOut();

  // A receptionist has no Scheduling set-up entry, and is refused by address.
  await app.signIn(RECEPTIONIST);
  await expect(page.getByRole('heading', { name: `Welcome, ${RECEPTIONIST.name}` })).toBeVisible();
  await expect(app.nav().getByRole('link', { name: 'Calendar' })).toBeVisible();
  await expect(app.nav().getByRole('link', { name: 'Scheduling set-up' })).toHaveCount(0);
  await page.goto(`${desk.url.split('#')[0]}#/setup`);
  await expect(page.getByRole('alert')).toHaveText('You do not have permission to open Scheduling set-up.');
});
