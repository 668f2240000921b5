import type { Page } from '@playwright/test';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { daytimeZone } from './pages/clinic-seed';
import { FrontDeskPage, NURSE, RECEPTIONIST } from './pages/front-desk';

const MANAGER = { name: 'Mona Manager', username: 'mona', password: 'manager office 1' };
const DOCTOR = { name: 'Amara Okafor', username: 'amara', password: 'consulting room 1' };

/** The clinic's date and wall-clock time `minutes` from now, on a five-minute step, kept within today. */
function clinicAt(zone: string, minutes: number): { date: string; time: string } {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(Date.now());
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(Date.now())
    .split(':')
    .map(Number);
  const at = Math.min(23 * 60 + 30, Math.max(0, (parts[0] ?? 0) * 60 + (parts[1] ?? 0) + minutes));
  const step = at - (at % 5);
  return { date, time: `${String(Math.floor(step / 60)).padStart(2, '0')}:${String(step % 60).padStart(2, '0')}` };
}

/** A morning at the clinic: one late, one still to come, one waiting, one in a room, one ready to pay. */
async function seedMorning(page: Page): Promise<void> {
  const zone = daytimeZone();
  if (zone !== 'Europe/London') await invoke(page, 'settings.update', { timeZone: zone });
  const location = await invoke<{ id: string }>(page, 'schedule.createLocation', { name: 'Riverside' });
  const room1 = await invoke<{ id: string }>(page, 'schedule.createRoom', { locationId: location.id, name: 'Room 1' });
  await invoke(page, 'schedule.createRoom', { locationId: location.id, name: 'Room 2' });
  const room3 = await invoke<{ id: string }>(page, 'schedule.createRoom', { locationId: location.id, name: 'Room 3' });
  // The doctor signs in too: her account is linked to her provider record.
  const doctor = await invoke<{ id: string }>(page, 'users.create', {
    username: DOCTOR.username,
    displayName: DOCTOR.name,
    role: 'provider',
    password: DOCTOR.password,
  });
  const provider = await invoke<{ id: string }>(page, 'schedule.createProvider', {
    userId: doctor.id,
    displayName: 'Dr Amara Okafor',
    colour: '#1f5fa8',
    defaultLocationId: location.id,
  });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 15,
    colour: '#1f5fa8',
  });
  const service = await invoke<{ id: string }>(page, 'fees.saveService', {
    code: 'CONS',
    name: 'Consultation',
    defaultPriceMinor: 8000,
    taxId: null,
  });
  await invoke(page, 'fees.setTypeServices', { typeId: type.id, services: [{ serviceId: service.id, quantity: 1 }] });
  const book = async (firstName: string, lastName: string, minutes: number) => {
    const patient = await invoke<{ id: string }>(page, 'patients.create', { firstName, lastName, dob: '1980-05-06' });
    const appointment = await invoke<{ id: string }>(page, 'appointments.book', {
      patientId: patient.id,
      providerId: provider.id,
      typeId: type.id,
      locationId: location.id,
      start: clinicAt(zone, minutes),
      override: { reason: 'the seeded morning' },
    });
    return appointment.id;
  };
  const arrive = async (appointmentId: string) =>
    (await invoke<{ id: string }>(page, 'visits.checkIn', { appointmentId })).id;

  await book('Lateef', 'Ahmed', -45);
  await book('Uma', 'Patel', 90);
  await arrive(await book('Wendy', 'Stone', -20));
  const roomed = await arrive(await book('Nadia', 'Karimi', -30));
  await invoke(page, 'visits.move', { visitId: roomed, to: 'roomed', roomId: room1.id });
  const done = await arrive(await book('Rhys', 'Owen', -60));
  const invoice = await invoke<{ invoice: { id: string } }>(page, 'invoices.forVisit', { visitId: done });
  await invoke(page, 'invoices.issue', { invoiceId: invoice.invoice.id });
  await invoke(page, 'visits.move', { visitId: done, to: 'roomed', roomId: room3.id });
  await invoke(page, 'visits.move', { visitId: done, to: 'with_provider' });
  await invoke(page, 'visits.move', { visitId: done, to: 'ready_for_checkout' });
  // A task for every receptionist, due by the end of today.
  await invoke(page, 'tasks.create', {
    title: 'Ask the lab for Rhys Owen’s results',
    assigneeRole: 'receptionist',
    dueDate: clinicAt(zone, 0).date,
  });
  for (const [person, role] of [
    [RECEPTIONIST, 'receptionist'],
    [NURSE, 'nurse'],
    [MANAGER, 'manager'],
  ] as const)
    await invoke(page, 'users.create', {
      username: person.username,
      displayName: person.name,
      role,
      password: person.password,
    });
}

test("each role's home after a seeded morning: arrivals (late ones say so), waiting, check-out with what is owed, rooms, today's figures; live from pushed events", async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await seedMorning(page);
  await app.signOut();

  // The receptionist: expected (Lateef late, in words), waiting (Wendy), ready to pay (Rhys owes £80.00).
  await app.signIn(RECEPTIONIST);
  const expected = page.getByRole('region', { name: /^Expected today/ });
  await expect(expected.getByRole('listitem').filter({ hasText: 'Ahmed, Lateef' })).toContainText('Late');
  await expect(expected.getByRole('listitem').filter({ hasText: 'Patel, Uma' })).not.toContainText('Late');
  const waiting = page.getByRole('region', { name: /^Waiting/ });
  await expect(waiting).toContainText('Stone, Wendy');
  const checkout = page.getByRole('region', { name: /^Ready for check-out/ });
  await expect(checkout.getByRole('listitem').filter({ hasText: 'Owen, Rhys' })).toContainText('owes £80.00');
  await expect(page.getByRole('region', { name: /^Call list/ })).toContainText(/patients? to call/);
  const tasks = page.getByRole('region', { name: /^Your tasks/ });
  await expect(tasks.getByRole('listitem').filter({ hasText: 'Ask the lab for Rhys Owen’s results' })).toContainText(
    'Due today',
  );
  await screenshot(page, '250-home-receptionist');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, '250-home-receptionist-1920');
  await page.setViewportSize({ width: 1366, height: 768 });

  // Checking Lateef in elsewhere (another desk) moves him from Expected to Waiting without a reload,
  // and the live region says so.
  const lateef = expected.getByRole('listitem').filter({ hasText: 'Ahmed, Lateef' });
  const appointmentId = ((await lateef.getByRole('link', { name: /^Check in/ }).getAttribute('href')) ?? '')
    .split('/')
    .pop();
  await invoke(page, 'visits.checkIn', { appointmentId });
  await expect(waiting).toContainText('Ahmed, Lateef');
  await expect(expected).not.toContainText('Ahmed, Lateef');
  await expect(page.getByTestId('live-announcer')).toContainText('Ahmed, Lateef arrived');

  // One click from the row to its action: Check out opens Rhys's check-out.
  await checkout.getByRole('link', { name: 'Check out Owen, Rhys' }).click();
  await expect(page).toHaveURL(/#\/billing\/checkout\//);
  await app.signOut();

  // The nurse: who waits to be taken in (longest first) with Intake; the rooms, free or in use in words.
  await app.signIn(NURSE);
  const queue = page.getByRole('region', { name: /^Waiting to be taken in/ });
  await expect(queue.getByRole('listitem').first()).toContainText('Stone, Wendy');
  await expect(queue).toContainText('Ahmed, Lateef');
  const rooms = page.getByRole('region', { name: /^Rooms free/ });
  await expect(rooms.getByRole('listitem').filter({ hasText: 'Room 2' })).toContainText('Free');
  await expect(rooms.getByRole('listitem').filter({ hasText: 'Room 1' })).toContainText('In use');
  await screenshot(page, '251-home-nurse');
  await queue.getByRole('link', { name: 'Intake for Stone, Wendy' }).click();
  await expect(page).toHaveURL(/#\/board\/intake\//);
  await app.signOut();

  // The doctor: those waiting for her, in the waiting room or already in a room.
  await app.signIn(DOCTOR);
  const mine = page.getByRole('region', { name: /^Waiting for Dr Amara Okafor/ });
  await expect(mine.getByRole('listitem').filter({ hasText: 'Karimi, Nadia' })).toContainText('Room 1');
  await expect(mine.getByRole('listitem').filter({ hasText: 'Stone, Wendy' })).toContainText('In the waiting room');
  await expect(mine).not.toContainText('Owen, Rhys');
  await screenshot(page, '253-home-provider');
  await app.signOut();

  // The manager: today's figures from the reports dashboard, each a link to where it comes from.
  await app.signIn(MANAGER);
  const figures = page.getByRole('region', { name: /^Today’s figures/ });
  await expect(figures.getByRole('link', { name: 'Appointments: 5' })).toBeVisible();
  await expect(figures.getByRole('link', { name: 'Invoiced: £80.00' })).toBeVisible();
  await screenshot(page, '252-home-manager');
  await figures.getByRole('link', { name: 'Appointments: 5' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
});
