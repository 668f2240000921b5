import type { Page } from '@playwright/test';
import { join } from 'node:path';
import { test, expect, screenshot, SCREENSHOTS } from './fixtures';
import { invoke, type PageGlobals } from './pages/bridge';
import { clickSlot, FrontDeskPage, RECEPTIONIST } from './pages/front-desk';

/** A Wednesday well in the future, so availability templates cover it and nothing is "in the past". */
const DATE = '2027-03-10';
const WEDNESDAY = 3;

const PROVIDERS = [
  ['Dr Amara Okafor', 'General practice', '#1f5fa8'],
  ['Dr Ben Carter', 'Paediatrics', '#2e7d32'],
  ['Dr Chloé Martin', 'Dermatology', '#8e24aa'],
  ['Dr Dev Patel', 'Cardiology', '#c62828'],
  ['Dr Elena Rossi', 'General practice', '#ef6c00'],
  ['Dr Farid Haddad', 'Orthopaedics', '#00838f'],
  ['Dr Grace Liu', 'General practice', '#6d4c41'],
  ['Dr Hugo Berg', 'ENT', '#3949ab'],
  ['Dr Isla Murray', 'Women’s health', '#d81b60'],
  ['Dr Jonas Weber', 'General practice', '#558b2f'],
  ['Nurse Kemi Ade', 'Practice nurse', '#00897b'],
  ['Dr Luis Moreno', 'Sports medicine', '#5e35b1'],
] as const;

interface Setup {
  providers: { id: string; displayName: string }[];
  patients: { id: string; name: string }[];
}

/** Set-up through the page's own bridge (quicker than the set-up screens, which setup.spec.ts covers): locations, providers, types, hours. */
async function configure(page: Page): Promise<Setup> {
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', {
    name: 'Riverside',
    address: '1 River Road',
  });
  const created: { id: string; displayName: string }[] = [];
  for (const [displayName, specialty, colour] of PROVIDERS) {
    const provider = await invoke<{ id: string; displayName: string }>(page, 'schedule.createProvider', {
      displayName,
      specialty,
      colour,
      defaultLocationId: location.id,
    });
    created.push(provider);
    await invoke(page, 'schedule.createTemplate', {
      providerId: provider.id,
      locationId: location.id,
      weekday: WEDNESDAY,
      start: created.length % 3 === 0 ? '10:00' : '08:00',
      end: created.length % 4 === 0 ? '14:00' : '17:00',
      breaks: [{ start: '12:30', end: '13:30' }],
    });
  }
  const consult = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const review = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Follow-up',
    durationMinutes: 15,
    colour: '#2e7d32',
  });
  const procedure = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Minor procedure',
    durationMinutes: 60,
    colour: '#c2185b',
  });
  const people = [
    ['María José', 'García', '1964-06-29'],
    ['Tom', 'Baker', '1981-01-15'],
    ['Aiko', 'Tanaka', '1990-09-03'],
    ['Kwame', 'Mensah', '1975-04-22'],
    ['Olivia', 'Smith', '2001-12-11'],
    ['Sven', 'Lindqvist', '1958-07-07'],
  ] as const;
  const patients: { id: string; name: string }[] = [];
  for (const [firstName, lastName, dob] of people) {
    const patient = await invoke<{ id: string }>(page, 'patients.create', { firstName, lastName, dob });
    patients.push({ id: patient.id, name: `${lastName}, ${firstName}` });
  }
  // Some of the day already booked, so the screenshot shows a working day.
  const book = (patient: number, provider: number, typeId: string, time: string) =>
    invoke(page, 'appointments.book', {
      patientId: patients[patient]?.id,
      providerId: created[provider]?.id,
      typeId,
      start: { date: DATE, time },
    });
  await book(2, 1, consult.id, '08:30');
  await book(3, 1, review.id, '09:00');
  await book(4, 2, procedure.id, '11:00');
  await book(5, 3, consult.id, '10:00');
  await book(2, 4, review.id, '14:00');
  await book(3, 6, procedure.id, '11:00');
  await book(4, 9, consult.id, '15:30');
  await book(5, 11, review.id, '11:15');
  return { providers: created, patients };
}

test('calendar: 12 provider columns, book from an empty slot, refused double booking with the reason, cancel', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const setup = await configure(page);
  expect(setup.providers).toHaveLength(12);

  await app.open('Calendar');
  await page.getByLabel('Date', { exact: true }).fill(DATE);
  await expect(page.getByText('Wednesday, 10 March 2027')).toBeVisible();
  const grid = page.getByRole('region', { name: 'Day schedule' });
  await expect(grid.getByRole('heading', { level: 3 })).toHaveCount(12);
  await expect(
    grid.getByRole('group', { name: 'Dr Ben Carter' }).getByRole('button', { name: /Tanaka, Aiko/ }),
  ).toBeVisible();
  // Columns keep a readable width: the grid scrolls sideways instead of squeezing 12 providers.
  const firstHead = grid.getByRole('heading', { level: 3 }).first();
  expect((await firstHead.boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(150);
  await screenshot(page, '41-calendar-day-12-providers');

  // Book from an empty slot with the inline patient search.
  const amara = grid.getByRole('group', { name: 'Dr Amara Okafor' });
  await clickSlot(page, amara, '10:00');
  const booking = page.getByRole('form', { name: 'Book appointment' });
  await expect(booking).toContainText('Wednesday, 10 March 2027, 10:00');
  await booking.getByLabel('Patient').fill('garcia');
  await booking.getByRole('button', { name: /García, María José/ }).click();
  await booking.getByLabel('Appointment type').selectOption({ label: 'Consultation (30 min)' });
  await screenshot(page, '42-calendar-booking-panel');
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  const panel = page.getByRole('region', { name: 'Appointment' });
  await expect(panel.getByRole('status')).toHaveText('Booked García, María José at 10:00 with Dr Amara Okafor.');
  const block = amara.getByRole('button', { name: /García, María José/ });
  await expect(block).toContainText('10:00–10:30');
  await expect(block).toContainText('Consultation');
  await expect(block).toContainText('booked');

  // The same provider and time for another patient: refused, with the reason next to the button.
  // The slot sits under the new block; the keyboard's slot (left where the click was) reaches it: focus and Enter.
  const slot = amara.getByRole('button', { name: 'Book Dr Amara Okafor at 10:00' });
  await slot.focus();
  await slot.press('Enter');
  await booking.getByLabel('Patient').fill('baker');
  await booking.getByRole('button', { name: /Baker, Tom/ }).click();
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  await expect(booking.getByRole('alert')).toContainText('Dr Amara Okafor is already booked');
  await screenshot(page, '43-calendar-double-booking-refused');
  await expect(amara.getByRole('button', { name: /Baker, Tom/ })).toHaveCount(0);
  // The grid has one focusable slot: arrow keys carry it (and its name) between rows and columns.
  await slot.focus();
  await page.keyboard.press('ArrowDown');
  await expect(amara.getByRole('button', { name: 'Book Dr Amara Okafor at 10:15' })).toBeFocused();
  await screenshot(page, '492-calendar-keyboard-step');
  // 10:15 lies under García's block: the focused slot is drawn above it, not hidden by it.
  const zIndex = (element: unknown) =>
    Number(
      (
        element as { ownerDocument: { defaultView: { getComputedStyle(e: unknown): { zIndex: string } } } }
      ).ownerDocument.defaultView.getComputedStyle(element).zIndex,
    );
  const stepped = amara.getByRole('button', { name: 'Book Dr Amara Okafor at 10:15' });
  expect(await stepped.evaluate(zIndex)).toBeGreaterThan(await block.evaluate(zIndex));
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAccessibleName(/^Book Dr (?!Amara).* at 10:00$/);
  await expect(grid.getByRole('button', { name: /^Book Dr/ })).toHaveCount(1);
  await page.keyboard.press('ArrowLeft');
  await expect(slot).toBeFocused();
  // A slot stepped onto under the sticky row of names is scrolled into sight below it, not hidden under it.
  const head = grid.locator('.cal-head').first();
  const top = async (box: Promise<{ y: number; height: number } | null>) => (await box)?.y ?? 0;
  const under = (await top(page.locator(':focus').boundingBox())) - (await top(grid.boundingBox())) - 4;
  await grid.evaluate((element, by) => {
    (element as unknown as { scrollTop: number }).scrollTop += by;
  }, under);
  await page.keyboard.press('ArrowUp');
  const headBox = await head.boundingBox();
  expect(await top(page.locator(':focus').boundingBox())).toBeGreaterThanOrEqual(
    (headBox?.y ?? 0) + (headBox?.height ?? 0) - 1,
  );
  await page.keyboard.press('ArrowDown');
  await expect(slot).toBeFocused();

  // Cancel the first appointment from its block.
  await block.click();
  const cancel = page.getByRole('form', { name: 'Cancel appointment' });
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(cancel.getByText('say why it is cancelled')).toBeVisible();
  await cancel.getByLabel('Reason for cancelling').fill('Patient called: feeling better');
  await screenshot(page, '44-calendar-cancel-panel');
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(page.getByRole('status')).toHaveText("Cancelled García, María José's Consultation at 10:00.");
  await expect(block).toHaveCount(0);
  // Undo beside the message takes the cancel back; cancelled again, for good this time.
  await page.getByRole('button', { name: 'Undo cancel' }).click();
  await expect(page.getByRole('status')).toHaveText("Cancel undone: García, María José's appointment is back.");
  await expect(block).toHaveCount(1);
  await block.click();
  await cancel.getByLabel('Reason for cancelling').fill('Patient called: feeling better');
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await expect(page.getByRole('status')).toHaveText("Cancelled García, María José's Consultation at 10:00.");
  await expect(block).toHaveCount(0);

  // The freed slot can be booked again (for Tom this time).
  await clickSlot(page, amara, '10:00');
  await booking.getByLabel('Patient').fill('baker');
  await booking.getByRole('button', { name: /Baker, Tom/ }).click();
  await booking.getByRole('button', { name: 'Book appointment' }).click();
  await expect(amara.getByRole('button', { name: /Baker, Tom/ })).toBeVisible();
  // Now the cancel cannot be undone: the time was booked since, and the refusal says so beside the button.
  await page.getByRole('button', { name: 'Undo cancel' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^Not undone: .*already booked/ })).toBeVisible();
  await screenshot(page, '44-calendar-undo-cancel-refused');
  await expect(block).toHaveCount(0);

  // A booking made elsewhere (another desk) appears without reload.
  const types = await invoke<{ id: string }[]>(page, 'schedule.listTypes', {});
  await invoke(page, 'appointments.book', {
    patientId: setup.patients[0]?.id,
    providerId: setup.providers[8]?.id,
    typeId: types[0]?.id,
    start: { date: DATE, time: '16:00' },
  });
  // Dr Isla Murray's column is the ninth, out of sight to the right: the grid draws what is in it once scrolled to.
  await grid.getByRole('group', { name: 'Dr Isla Murray' }).scrollIntoViewIfNeeded();
  await expect(
    grid.getByRole('group', { name: 'Dr Isla Murray' }).getByRole('button', { name: /García, María José/ }),
  ).toBeVisible();

  // Keyboard: Alt+→ and Alt+← step through days.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByText('Thursday, 11 March 2027')).toBeVisible();
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(page.getByText('Wednesday, 10 March 2027')).toBeVisible();
  await page.getByRole('button', { name: 'Today' }).click();
  await expect(page.locator('.cal-date-label').getByText('today', { exact: true })).toBeVisible();
  await page.getByLabel('Date', { exact: true }).fill(DATE);
  await grid.getByRole('group', { name: 'Dr Isla Murray' }).scrollIntoViewIfNeeded();
  await expect(
    grid.getByRole('group', { name: 'Dr Isla Murray' }).getByRole('button', { name: /García, María José/ }),
  ).toBeVisible();
  await grid.evaluate((element) => {
    const scroller = element as unknown as { scrollLeft: number; scrollWidth: number };
    scroller.scrollLeft = scroller.scrollWidth;
  });
  await screenshot(page, '45-calendar-scrolled-right');
});

/** Presses on a point of an element, drags in small steps to a point, and lets go: as a mouse would. */
async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  beforeRelease?: () => Promise<void>,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 12 });
  if (beforeRelease) await beforeRelease();
  await page.mouse.up();
}

test('calendar as a receptionist: drag to move and to resize, refused drop with the reason, status actions, Move… by keyboard, week, month, printable day sheet', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await configure(page);
  await app.open('Users');
  await app.addUser(RECEPTIONIST, 'receptionist');
  await app.signOut();
  await app.signIn(RECEPTIONIST);
  await app.open('Calendar');
  await page.getByLabel('Date', { exact: true }).fill(DATE);
  const grid = page.getByRole('region', { name: 'Day schedule' });
  const ben = grid.getByRole('group', { name: 'Dr Ben Carter' });
  const amara = grid.getByRole('group', { name: 'Dr Amara Okafor' });
  const tanaka = grid.getByRole('button', { name: /Tanaka, Aiko/ }).filter({ hasText: 'Consultation' });
  await expect(ben.getByRole('button', { name: /Tanaka, Aiko/ }).filter({ hasText: 'Consultation' })).toContainText(
    '08:30–09:00',
  );

  // Drag Aiko Tanaka's 08:30 with Dr Carter one column left and an hour down: 09:30 with Dr Okafor.
  const block = await tanaka.boundingBox();
  const target = await amara.boundingBox();
  if (!block || !target) throw new Error('grid not laid out');
  const start = { x: block.x + block.width / 2, y: block.y + block.height / 2 };
  const hour = 4 * 22;
  await drag(page, start, { x: target.x + target.width / 2, y: start.y + hour }, async () => {
    await expect(amara.locator('.cal-ghost')).toHaveText('09:30–10:00');
    await screenshot(page, '46-calendar-drag-ghost');
  });
  await expect(page.getByRole('status')).toHaveText('Moved Tanaka, Aiko to 09:30–10:00 with Dr Amara Okafor.');
  await expect(amara.getByRole('button', { name: /Tanaka, Aiko/ }).filter({ hasText: 'Consultation' })).toContainText(
    '09:30–10:00',
  );
  await expect(ben.getByRole('button', { name: /Tanaka, Aiko/ }).filter({ hasText: 'Consultation' })).toHaveCount(0);

  // It is saved: after a reload it is still there.
  await page.reload();
  await expect(amara.getByRole('button', { name: /Tanaka, Aiko/ }).filter({ hasText: 'Consultation' })).toContainText(
    '09:30–10:00',
  );

  // Drag its bottom edge down two slots: 09:30–10:30.
  const moved = await tanaka.boundingBox();
  if (!moved) throw new Error('block missing');
  const edge = { x: moved.x + moved.width / 2, y: moved.y + moved.height - 2 };
  await drag(page, edge, { x: edge.x, y: edge.y + 2 * 22 });
  await expect(page.getByRole('status')).toHaveText('Tanaka, Aiko now 09:30–10:30.');
  await page.reload();
  await expect(amara.getByRole('button', { name: /Tanaka, Aiko/ }).filter({ hasText: 'Consultation' })).toContainText(
    '09:30–10:30',
  );

  // Kwame Mensah's 09:00 onto Dr Patel at 10:00, where Sven Lindqvist is booked: refused, and why.
  const mensah = ben.getByRole('button', { name: /Mensah, Kwame/ });
  const from = await mensah.boundingBox();
  const patel = await grid.getByRole('group', { name: 'Dr Dev Patel' }).boundingBox();
  if (!from || !patel) throw new Error('grid not laid out');
  const grip = { x: from.x + from.width / 2, y: from.y + 6 };
  await drag(page, grip, { x: patel.x + patel.width / 2, y: grip.y + hour });
  const refusal = page.getByRole('alert');
  await expect(refusal).toContainText('Mensah, Kwame was not moved.');
  await expect(refusal).toContainText('Dr Dev Patel is already booked');
  await expect(mensah).toHaveAttribute('title', /^09:00–09:15 /); // a one-slot block shows its time on hover
  await screenshot(page, '47-calendar-drag-refused');
  await refusal.getByRole('button', { name: 'Dismiss' }).click();

  // Dragging against the grid's right edge scrolls it towards far columns; Escape puts the block back.
  const view = await grid.boundingBox();
  if (!view) throw new Error('grid not laid out');
  await page.mouse.move(grip.x, grip.y);
  await page.mouse.down();
  await page.mouse.move(view.x + view.width - 10, grip.y, { steps: 30 });
  for (let nudge = 0; nudge < 10; nudge += 1) await page.mouse.move(view.x + view.width - 10 - (nudge % 2), grip.y);
  expect(await grid.evaluate((element) => (element as unknown as { scrollLeft: number }).scrollLeft)).toBeGreaterThan(
    100,
  );
  await page.keyboard.press('Escape');
  await page.mouse.up();
  await expect(grid.locator('.cal-ghost')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Appointment' })).toHaveCount(0);
  await expect(mensah).toHaveAttribute('title', /^09:00–09:15 /); // a one-slot block shows its time on hover
  await grid.evaluate((element) => {
    (element as unknown as { scrollLeft: number }).scrollLeft = 0;
  });

  // Status actions on an appointment days ahead: it can be confirmed (and that undone), never marked
  // arrived or no-show before its day, and its panel keeps one "Edit details" however often it changes.
  await mensah.click();
  const panel = page.getByRole('region', { name: 'Appointment' });
  const statusActions = panel.getByRole('group', { name: 'Change status' });
  await expect(statusActions.getByRole('button')).toHaveText(['Confirm']);
  await expect(panel.getByRole('button', { name: 'Edit details' })).toHaveCount(1);
  await statusActions.getByRole('button', { name: 'Confirm' }).click();
  await expect(panel.getByRole('status')).toHaveText('Confirm: Mensah, Kwame is now confirmed.');
  await expect(mensah).toContainText('confirmed');
  await expect(statusActions.getByRole('button')).toHaveText(['Undo confirmation']);
  await expect(panel.getByRole('button', { name: 'Edit details' })).toHaveCount(1);
  await statusActions.getByRole('button', { name: 'Undo confirmation' }).click();
  await expect(panel.getByRole('status')).toHaveText('Undo confirmation: Mensah, Kwame is now booked.');
  await statusActions.getByRole('button', { name: 'Confirm' }).click();
  await expect(panel.getByRole('status')).toHaveText('Confirm: Mensah, Kwame is now confirmed.');
  await expect(panel.getByRole('button', { name: 'Edit details' })).toHaveCount(1);
  for (const absent of ['Mark arrived', 'Mark no-show', 'Check in'])
    await expect(panel.getByRole('button', { name: absent })).toHaveCount(0);

  // Move… without a mouse: a new start and provider typed into the form.
  await panel.getByRole('button', { name: 'Move…' }).click();
  const move = panel.getByRole('form', { name: 'Move appointment' });
  await move.getByLabel('New start').fill('10:00');
  await move.getByLabel('Provider').selectOption({ label: 'Dr Dev Patel' });
  await move.getByRole('button', { name: 'Move appointment' }).click();
  await expect(move.getByRole('alert')).toContainText('Dr Dev Patel is already booked');
  await move.getByRole('button', { name: 'Move anyway' }).click();
  await expect(move.getByText('say why it must be moved anyway')).toBeVisible();
  await move.getByLabel('New start').fill('09:30');
  // Scrolled down to the form, as a person reaching it on a 768-pixel screen is.
  await panel.evaluate((element) => {
    const scroller = element as unknown as { scrollTop: number; scrollHeight: number };
    scroller.scrollTop = scroller.scrollHeight;
  });
  await move.getByRole('button', { name: 'Move appointment' }).press('Enter');
  await expect(panel.getByRole('status')).toHaveText('Moved Mensah, Kwame to Wednesday, 10 March 2027, 09:30–09:45.');
  // Said at the panel's top while the form that moved it sits lower down: the panel scrolls back to it.
  await expect(panel.getByRole('status')).toBeInViewport();
  await expect(
    grid.getByRole('group', { name: 'Dr Dev Patel' }).getByRole('button', { name: /Mensah, Kwame/ }),
  ).toHaveAttribute('title', /^09:30–09:45 /);
  await screenshot(page, '48-calendar-status-and-move');
  await page.keyboard.press('Escape');

  // The keyboard's drag: on a focused block Shift+arrows move the ghost, Shift+- shortens, Enter drops.
  const olivia = grid.getByRole('button', { name: /Smith, Olivia/ }).filter({ hasText: 'Minor procedure' });
  await olivia.focus();
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowRight');
  await expect(grid.getByRole('group', { name: 'Dr Dev Patel' }).locator('.cal-ghost')).toHaveText('11:30–12:30');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Moved Smith, Olivia to 11:30–12:30 with Dr Dev Patel.');
  // The focus stays with her block, drawn again in Dr Patel's column: the keyboard goes on from there.
  await expect(
    grid.getByRole('group', { name: 'Dr Dev Patel' }).getByRole('button', { name: /Smith, Olivia/ }),
  ).toBeFocused();
  await page.keyboard.press('Shift+Minus');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Smith, Olivia now 11:30–12:15.');
  await expect(
    grid.getByRole('group', { name: 'Dr Dev Patel' }).getByRole('button', { name: /Smith, Olivia/ }),
  ).toContainText('11:30–12:15');

  // Week view for one provider, from the column header's link.
  await grid.getByRole('link', { name: 'Week of Dr Dev Patel' }).click();
  await expect(page).toHaveURL(/#\/calendar\/week\/[0-9a-f-]{36}\/2027-03-08$/);
  const week = page.getByRole('region', { name: 'Week schedule' });
  await expect(week.getByRole('heading', { level: 3 })).toHaveCount(7);
  await expect(page.getByText('Mon 8 Mar – Sunday, 14 March 2027')).toBeVisible();
  await expect(page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Week' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const wednesday = week.getByRole('group', { name: 'Wed 10 Mar' });
  await expect(wednesday.getByRole('button', { name: /Mensah, Kwame/ })).toHaveAttribute('title', /^09:30–09:45 /);
  await expect(wednesday.getByRole('button', { name: /Lindqvist, Sven/ })).toContainText('10:00–10:30');
  // Dr Patel works Wednesdays only: dragging Sven Lindqvist to Thursday is refused, with the reason.
  const sven = await wednesday.getByRole('button', { name: /Lindqvist, Sven/ }).boundingBox();
  const thursday = await week.getByRole('group', { name: 'Thu 11 Mar' }).boundingBox();
  if (!sven || !thursday) throw new Error('week not laid out');
  await drag(
    page,
    { x: sven.x + sven.width / 2, y: sven.y + 8 },
    { x: thursday.x + thursday.width / 2, y: sven.y + 8 },
  );
  await expect(page.getByRole('alert')).toContainText('Lindqvist, Sven was not moved.');
  await expect(page.getByRole('alert')).toContainText('Dr Dev Patel has no hours at Riverside on Thursday 2027-03-11.');
  await screenshot(page, '49-calendar-week-one-provider');
  await page.keyboard.press('Alt+ArrowRight');
  await expect(page.getByText('Mon 15 Mar – Sunday, 21 March 2027')).toBeVisible();
  await expect(week.getByRole('button', { name: /Lindqvist, Sven/ })).toHaveCount(0);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(wednesday.getByRole('button', { name: /Lindqvist, Sven/ })).toBeVisible();

  // Month overview: appointments per day; arrow keys move between days, Enter opens one.
  await page.getByRole('group', { name: 'View' }).getByRole('button', { name: 'Month' }).click();
  const month = page.getByRole('table', { name: 'Appointments in March 2027' });
  const tenth = month.getByRole('link', { name: 'Wednesday, 10 March 2027: 8 appointments' });
  await expect(tenth).toBeVisible();
  await expect(tenth).toContainText('1 confirmed');
  await expect(month.getByRole('link', { name: 'Thursday, 11 March 2027: 0 appointments' })).toBeVisible();
  await screenshot(page, '56-calendar-month');
  await tenth.focus();
  await page.keyboard.press('ArrowRight');
  await expect(month.getByRole('link', { name: /^Thursday, 11 March 2027/ })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(month.getByRole('link', { name: /^Thursday, 4 March 2027/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.locator('.cal-date-label')).toContainText('Wednesday, 10 March 2027');

  // The printable day sheet for one provider, and a PDF of it.
  await grid.getByRole('link', { name: 'Day sheet for Dr Amara Okafor' }).click();
  const sheet = page.getByRole('article', { name: 'Day sheet' });
  await expect(sheet.getByRole('heading', { name: 'Day sheet: Dr Amara Okafor' })).toBeVisible();
  await expect(sheet).toContainText('Wednesday, 10 March 2027');
  await expect(sheet).toContainText('Hours: 08:00–12:30, 13:30–17:00');
  await expect(sheet.getByRole('row', { name: /Tanaka, Aiko/ })).toContainText('09:30–10:30');
  // A status alone in its cell is written as a heading would be, not as inside a sentence.
  await expect(sheet.getByRole('row', { name: /Tanaka, Aiko/ })).toContainText('Booked');
  await screenshot(page, '58-calendar-day-sheet');
  await page.evaluate(() => {
    const target = globalThis as unknown as { print: () => void; printed?: number };
    target.print = () => {
      target.printed = (target.printed ?? 0) + 1;
    };
  });
  await page.getByRole('button', { name: 'Print day sheet' }).click();
  expect(await page.evaluate(() => (globalThis as unknown as { printed?: number }).printed)).toBe(1);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print day sheet' })).toBeHidden();
  await screenshot(page, '57-calendar-day-sheet-print');
  const pdf = await page.pdf({ format: 'A4', path: join(SCREENSHOTS, '57-calendar-day-sheet.pdf') });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5_000);
  await page.emulateMedia({ media: 'screen' });
});

test('calendar: a neighbouring day read ahead is drawn at once, forgotten when a change to it is announced; arrow keys reach columns out of sight', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const setup = await configure(page);
  await app.open('Calendar');
  const grid = page.getByRole('region', { name: 'Day schedule' });
  const tanaka = grid
    .getByRole('group', { name: 'Dr Ben Carter' })
    .getByRole('button', { name: /Tanaka, Aiko/ })
    .first();

  // Thursday shown: Wednesday (the day before) is read ahead.
  // Its answer, not only its request: the events stream is a fetch that never ends, so 'networkidle' never comes.
  const readAhead = page.waitForResponse(
    (response) =>
      response.url().endsWith('/api/invoke') &&
      /"appointments\.day".*"date":"2027-03-10"/.test(response.request().postData() ?? ''),
  );
  await page.getByLabel('Date', { exact: true }).fill('2027-03-11');
  await expect(page.getByText('Thursday, 11 March 2027')).toBeVisible();
  await readAhead;
  // From now on the day's procedure answers only after 1.5 s: what shows sooner came from the cache.
  await page.route('**/api/invoke', async (route) => {
    if (route.request().postData()?.includes('"appointments.day"'))
      await new Promise((resolve) => setTimeout(resolve, 1500));
    // On a loaded CI machine Playwright has reported a held request as "already handled" by the time its
    // delay ends (CI 2026-12-03): the request went on without us, which changes nothing this test asserts.
    await route.continue().catch((error: unknown) => {
      if (!String(error).includes('already handled')) throw error;
    });
  });
  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(page.getByText('Wednesday, 10 March 2027')).toBeVisible();
  await expect(tanaka).toBeVisible({ timeout: 1000 });

  // Back on Thursday, another desk books on Wednesday: the event forgets the cached Wednesday, so
  // going there waits for the new answer instead of drawing the old day.
  await page.getByRole('button', { name: 'Next day' }).click();
  await expect(page.getByText('Thursday, 11 March 2027')).toBeVisible();
  const types = await invoke<{ id: string }[]>(page, 'schedule.listTypes', {});
  await page.evaluate(
    async ({ patientId, providerId, typeId, date }) => {
      const clinic = (globalThis as unknown as PageGlobals).clinic;
      if (!clinic) throw new Error('no bridge');
      // The calendar's listener was added first, so it has run when this one hears the event.
      const heard = new Promise<void>((resolve) => {
        const off = clinic.on('appointments.changed', () => {
          off();
          resolve();
        });
      });
      const booked = await clinic.invoke('appointments.book', {
        patientId,
        providerId,
        typeId,
        start: { date, time: '15:00' },
      });
      if (!booked.ok) throw new Error(`appointments.book: ${booked.error.message}`);
      await heard;
    },
    { patientId: setup.patients[1]?.id, providerId: setup.providers[0]?.id, typeId: types[0]?.id, date: DATE },
  );
  await page.getByRole('button', { name: 'Previous day' }).click();
  await expect(page.getByText('Wednesday, 10 March 2027')).toBeVisible();
  await expect(grid).toHaveCount(0);
  await expect(
    grid.getByRole('group', { name: 'Dr Amara Okafor' }).getByRole('button', { name: /Baker, Tom/ }),
  ).toBeVisible();
  await page.unroute('**/api/invoke');

  // The keyboard's slot walks right into columns that were out of sight (they are drawn as it comes).
  await grid
    .getByRole('group', { name: 'Dr Amara Okafor' })
    .getByRole('button', { name: /^Book Dr Amara Okafor at / })
    .focus();
  for (let step = 0; step < 8; step += 1) await page.keyboard.press('ArrowRight');
  await expect(page.locator(':focus')).toHaveAccessibleName(/^Book Dr Isla Murray at \d\d:\d\d$/);
  await expect(page.locator(':focus')).toBeInViewport();
  // Scrolled to, the column is drawn: its hours are shaded as available.
  await expect(grid.getByRole('group', { name: 'Dr Isla Murray' }).locator('.cal-available').first()).toBeInViewport();

  // Tab walks every appointment of the day, column after column, those out of sight included.
  await grid.evaluate((element) => {
    (element as unknown as { scrollLeft: number }).scrollLeft = 0;
  });
  await grid
    .getByRole('group', { name: 'Dr Ben Carter' })
    .getByRole('button', { name: /Tanaka, Aiko/ })
    .first()
    .focus();
  const walked: string[] = [];
  for (let step = 0; step < 20; step += 1) {
    // The column of the focused block; '' for the grid's one bookable slot; null once out of the grid.
    const at = await page.evaluate<string | null>(`(() => {
      const focused = document.activeElement;
      const column = focused && focused.closest('.cal-column');
      if (!column) return null;
      return focused.classList.contains('cal-appointment') ? column.getAttribute('aria-label') : '';
    })()`);
    if (at === null) break;
    if (at !== '') walked.push(at);
    await page.keyboard.press('Tab');
  }
  expect(walked).toEqual([
    'Dr Ben Carter',
    'Dr Ben Carter',
    'Dr Chloé Martin',
    'Dr Dev Patel',
    'Dr Elena Rossi',
    'Dr Grace Liu',
    'Dr Jonas Weber',
    'Dr Luis Moreno',
  ]);
});
