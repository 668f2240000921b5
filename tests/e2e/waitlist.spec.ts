import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clickSlot, FrontDeskPage } from './pages/front-desk';

/** A Wednesday well in the future, so nothing is "in the past". */
const DATE = '2027-03-10';

interface Setup {
  providers: { id: string; displayName: string }[];
  patients: Record<'garcia' | 'baker' | 'tanaka' | 'mensah', string>;
  typeId: string;
}

/** Configuration without a screen of its own (providers, hours, types) and a first booking, through the page's bridge. */
async function configure(page: Page): Promise<Setup> {
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: 'Riverside' });
  const providers: { id: string; displayName: string }[] = [];
  for (const [displayName, colour] of [
    ['Dr Amara Okafor', '#1f5fa8'],
    ['Dr Ben Carter', '#2e7d32'],
  ] as const) {
    const provider = await invoke<{ id: string; displayName: string }>(page, 'schedule.createProvider', {
      displayName,
      colour,
      defaultLocationId: location.id,
    });
    providers.push(provider);
    await invoke(page, 'schedule.createTemplate', {
      providerId: provider.id,
      locationId: location.id,
      weekday: 3,
      start: '08:00',
      end: '17:00',
      breaks: [{ start: '12:30', end: '13:30' }],
    });
  }
  const consult = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const ids: Record<string, string> = {};
  for (const [key, firstName, lastName, dob] of [
    ['garcia', 'María José', 'García', '1964-06-29'],
    ['baker', 'Tom', 'Baker', '1981-01-15'],
    ['tanaka', 'Aiko', 'Tanaka', '1990-09-03'],
    ['mensah', 'Kwame', 'Mensah', '1975-04-22'],
  ] as const) {
    ids[key] = (await invoke<{ id: string }>(page, 'patients.create', { firstName, lastName, dob })).id;
  }
  await invoke(page, 'appointments.book', {
    patientId: ids.garcia,
    providerId: providers[0]?.id,
    typeId: consult.id,
    start: { date: DATE, time: '10:00' },
  });
  // Two more waiting: one who fits any morning (normal priority), one who only takes afternoons.
  await invoke(page, 'waitlist.add', { patientId: ids.tanaka, typeId: consult.id, note: 'Can come at short notice' });
  await invoke(page, 'waitlist.add', {
    patientId: ids.mensah,
    typeId: consult.id,
    partsOfDay: ['afternoon'],
    priority: 'high',
  });
  return { providers, patients: ids, typeId: consult.id };
}

test('waitlist: add an entry, cancel an appointment, see the offer ranked, book from it; a repeating booking with a refused date', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await configure(page);

  // Add Tom Baker to the waitlist: urgent, Wednesday mornings.
  await app.open('Waitlist');
  const form = page.getByRole('form', { name: 'Add to waitlist' });
  await form.getByRole('button', { name: 'Add to waitlist' }).click();
  await expect(form.getByText('choose a patient')).toBeVisible();
  await form.getByLabel('Patient').fill('baker');
  await form.getByRole('button', { name: /Baker, Tom/ }).click();
  await form.getByLabel('Appointment type').selectOption({ label: 'Consultation (30 min)' });
  await form.getByLabel('Wednesday').check();
  await form.getByLabel('Morning (before 12:00)').check();
  await form.getByLabel('Priority').selectOption({ label: 'Urgent' });
  await form.getByLabel('Note').fill('Ankle still swollen');
  await form.getByRole('button', { name: 'Add to waitlist' }).click();
  await expect(form.getByRole('status')).toHaveText('Added Baker, Tom to the waitlist for Consultation.');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4); // header + three waiting, most urgent first
  await expect(rows.nth(1)).toContainText('Baker, Tom');
  await expect(rows.nth(1)).toContainText('Urgent');
  await expect(rows.nth(1)).toContainText('Wed; morning');
  await expect(rows.nth(2)).toContainText('Mensah, Kwame');
  await expect(rows.nth(3)).toContainText('Tanaka, Aiko');
  await screenshot(page, '51-waitlist-screen');

  // Cancel García's 10:00 in the calendar: the waitlist is offered the time, best first.
  await app.open('Calendar');
  await page.getByLabel('Date', { exact: true }).fill(DATE);
  const grid = page.getByRole('region', { name: 'Day schedule' });
  const amara = grid.getByRole('group', { name: 'Dr Amara Okafor' });
  await amara.getByRole('button', { name: /García, María José/ }).click();
  const cancel = page.getByRole('form', { name: 'Cancel appointment' });
  await cancel.getByLabel('Reason for cancelling').fill('Patient called: feeling better');
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  const offers = page.getByRole('region', { name: 'Waitlist offers' });
  await expect(offers.getByRole('heading')).toContainText('Waitlist offers for 10:00');
  const offered = offers.getByRole('listitem');
  await expect(offered).toHaveCount(2); // Mensah only takes afternoons
  await expect(offered.nth(0)).toContainText('Baker, Tom');
  await expect(offered.nth(0)).toContainText('urgent');
  await expect(offered.nth(1)).toContainText('Tanaka, Aiko');
  await screenshot(page, '52-waitlist-offers-after-cancel');

  await offers.getByRole('button', { name: 'Book Baker, Tom at 10:00' }).click();
  await expect(offers.getByRole('status')).toHaveText(
    'Booked Baker, Tom from the waitlist at 10:00 with Dr Amara Okafor.',
  );
  await expect(amara.getByRole('button', { name: /Baker, Tom/ })).toContainText('10:00–10:30');
  await screenshot(page, '53-booked-from-waitlist');
  await offers.getByRole('button', { name: 'Dismiss' }).click();
  await expect(offers).toHaveCount(0);

  // Dragging Tom's block over to Dr Carter frees Dr Okafor's 10:00 again: offered to the waitlist as after a cancel.
  const tom = amara.getByRole('button', { name: /Baker, Tom/ });
  const from = await tom.boundingBox();
  const ben = await grid.getByRole('group', { name: 'Dr Ben Carter' }).boundingBox();
  if (!from || !ben) throw new Error('no block or column');
  await page.mouse.move(from.x + from.width / 2, from.y + 8);
  await page.mouse.down();
  await page.mouse.move(ben.x + ben.width / 2, from.y + 8, { steps: 12 });
  await page.mouse.up();
  await expect(page.getByRole('status').filter({ hasText: 'Moved Baker, Tom' })).toHaveText(
    'Moved Baker, Tom to 10:00–10:30 with Dr Ben Carter.',
  );
  await expect(offers.getByRole('heading')).toContainText('Waitlist offers for 10:00');
  await expect(offers.getByRole('listitem')).toHaveCount(1);
  await expect(offers.getByRole('listitem').first()).toContainText('Tanaka, Aiko');
  await screenshot(page, '91-waitlist-offers-after-drag-move');
  await offers.getByRole('button', { name: 'Dismiss' }).click();

  // Tom has left the waitlist; the others still wait.
  await app.open('Waitlist');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
  await expect(page.getByRole('table')).not.toContainText('Baker, Tom');
  await page.getByRole('button', { name: 'Remove Mensah, Kwame from the waitlist' }).click();
  await expect(page.getByRole('status')).toHaveText('Removed Mensah, Kwame from the waitlist.');
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);

  // A weekly series from an empty slot; a holiday two weeks on is refused by date, then the others are booked.
  await invoke(page, 'schedule.createHoliday', { date: '2027-03-24', name: 'Staff training' });
  await app.open('Calendar');
  await page.getByLabel('Date', { exact: true }).fill(DATE);
  await clickSlot(page, amara, '14:00');
  const booking = page.getByRole('form', { name: 'Book appointment' });
  await booking.getByLabel('Patient').fill('garcia');
  await booking.getByRole('button', { name: /García, María José/ }).click();
  await booking.getByLabel('Repeat').check();
  await expect(booking.getByLabel('Every')).toHaveValue('1');
  await booking.getByLabel('Period').selectOption({ label: 'weeks' });
  await booking.getByLabel('Number of times').fill('4');
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  const refused = booking.getByRole('alert');
  await expect(refused).toContainText('Nothing booked: 1 of 4 dates cannot be booked.');
  await expect(refused).toContainText('2027-03-24 14:00: 2027-03-24 is a clinic holiday (Staff training).');
  await refused.scrollIntoViewIfNeeded();
  await screenshot(page, '54-repeat-refused-date');
  await refused.getByRole('button', { name: 'Book the 3 dates that fit' }).click();
  await expect(page.getByRole('region', { name: 'Appointment' }).getByRole('status')).toHaveText(
    'Booked García, María José at 14:00 with Dr Amara Okafor.',
  );
  await page.getByLabel('Date', { exact: true }).fill('2027-03-31');
  const later = amara.getByRole('button', { name: /García, María José/ });
  await expect(later).toContainText('14:00–14:30');
  await later.click();
  const panel = page.getByRole('region', { name: 'Appointment' });
  await expect(panel).toContainText('Wednesday, 31 March 2027, 14:00–14:30');
  const series = panel.getByRole('region', { name: 'Series' });
  await expect(series.getByRole('heading')).toContainText('Repeats: Every week, 4 times (3 of 3)');

  // Move this and the following ones to 15:00; then cancel the rest of the series from the first week.
  await series.getByLabel('This and the following ones').check();
  await series.getByLabel('New start time').fill('15:00');
  await series.getByRole('button', { name: 'Move to this time' }).click();
  await expect(series.getByRole('status')).toHaveText('Moved 1 appointment to 15:00.');
  await expect(later).toContainText('15:00–15:30');
  await later.scrollIntoViewIfNeeded();
  await screenshot(page, '55-series-this-and-following-moved');

  await page.getByLabel('Date', { exact: true }).fill('2027-03-17');
  await amara.getByRole('button', { name: /García, María José/ }).click();
  // The rule before the split: three weeks (the holiday week was never booked), ending before the 31st.
  await expect(series.getByRole('heading')).toContainText('Repeats: Every week, 3 times, until 2027-03-30 (2 of 2)');
  await series.getByLabel('The whole series (not those already past)').check();
  await series.getByLabel('Reason for cancelling these').fill('Course finished early');
  await series.getByRole('button', { name: 'Cancel these appointments' }).click();
  await expect(amara.getByRole('button', { name: /García, María José/ })).toHaveCount(0);
  await page.getByLabel('Date', { exact: true }).fill(DATE);
  await expect(amara.getByRole('button', { name: /García, María José/ })).toHaveCount(0);
  await page.getByLabel('Date', { exact: true }).fill('2027-03-31');
  await expect(amara.getByRole('button', { name: /García, María José/ })).toContainText('15:00–15:30');
});
