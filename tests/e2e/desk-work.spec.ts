import { test, expect, screenshot } from './fixtures';
import { invoke, invokeResult } from './pages/bridge';
import { clinicDate, providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage, NURSE, RECEPTIONIST } from './pages/front-desk';

test("from an appointment's panel a receptionist logs a call and makes a task for the nurses; the nurse's bell tells her", async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await app.open('Users');
  await app.addUser(RECEPTIONIST, 'receptionist');
  await app.addUser(NURSE, 'nurse');
  const { providerId } = await providerAllWeek(page, {
    location: 'Riverside',
    provider: 'Dr Amara Okafor',
  });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const patient = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Lina',
    lastName: 'Haddad',
    dob: '1982-04-19',
    phones: [{ kind: 'mobile', number: '07700 900456' }],
  });
  const tomorrow = clinicDate(1);
  const appointment = await invoke<{ id: string }>(page, 'appointments.book', {
    patientId: patient.id,
    providerId,
    typeId: type.id,
    start: { date: tomorrow, time: '11:00' },
  });
  await app.signOut();
  await app.signIn(RECEPTIONIST);

  // The appointment's panel: Log a call, already an outgoing call about this appointment.
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/calendar/${tomorrow}?appointment=${appointment.id}`);
  const panel = page.getByRole('region', { name: 'Appointment' });
  await panel.getByRole('button', { name: 'Log a call' }).click();
  const logForm = panel.getByRole('form', { name: 'Log a contact' });
  await expect(logForm.getByLabel('Direction')).toHaveValue('out');
  await expect(logForm.getByLabel('Appointment (optional)')).toHaveValue(appointment.id);
  await logForm.getByLabel('Outcome').selectOption('no_answer');
  await logForm.getByLabel('What it was about').fill('Asked to bring her inhaler');
  await logForm.getByRole('button', { name: 'Save to the log' }).click();
  await expect(logForm.getByRole('status')).toHaveText('Logged.');

  // New task from the same panel: about this patient and appointment, for every nurse, already late.
  await panel.getByRole('button', { name: 'New task' }).click();
  await expect(logForm).toBeHidden();
  const taskForm = panel.getByRole('form', { name: 'New task' });
  await expect(taskForm).toContainText('About: Haddad, Lina, ');
  await taskForm.getByLabel('Title').fill('Check Lina’s inhaler technique');
  await taskForm.getByLabel('Assign to').selectOption({ label: 'All nurses' });
  await taskForm.getByLabel('Due date').fill(clinicDate(0));
  await taskForm.getByLabel('Due time', { exact: true }).fill('00:00');
  await screenshot(page, '268-appointment-panel-new-task');
  await taskForm.getByRole('button', { name: 'Create task' }).click();
  await expect(taskForm.getByRole('status')).toHaveText(
    'Task created: Check Lina’s inhaler technique, for All nurses.',
  );

  // Both are on the patient's page: the call in the log, the task in Tasks with its appointment.
  await panel.getByRole('link', { name: 'Haddad, Lina' }).click();
  const log = page.getByRole('region', { name: 'Communication log' });
  const row = log.getByRole('row', { name: /Asked to bring her inhaler/ });
  await expect(row).toContainText('Phone call · Out · No answer');
  await expect(row).toContainText(`Appointment ${tomorrow} 11:00`);
  await app.open('Tasks');
  await page.getByRole('button', { name: 'Team tasks' }).click();
  await expect(page.getByRole('row', { name: /Check Lina’s inhaler technique/ })).toContainText('Haddad, Lina');

  // Reception's own bell: nothing for her (the task is the nurses').
  const bell = page.getByRole('banner').getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications');

  // The nurse: the bell counts the task given to the nurses and that it is late, live as she signs in.
  await app.signOut();
  await app.signIn(NURSE);
  await expect(bell).toHaveAccessibleName('Notifications, 2 unread');
  await bell.click();
  const list = page.getByRole('region', { name: 'Notifications' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').nth(0)).toContainText('Overdue task: Check Lina’s inhaler technique');
  await expect(list.getByRole('listitem').nth(1)).toContainText('Task for you: Check Lina’s inhaler technique');
  await screenshot(page, '269-notification-bell');
  await list.getByRole('button', { name: /^Mark read: Task for you/ }).click();
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await expect(list.getByRole('listitem').nth(1)).not.toContainText('New');

  // Preferences per kind: overdue tasks off, the bell has nothing new; back on, it counts again.
  await list.getByText('What the bell shows').click();
  await list.getByLabel('My tasks that are overdue').uncheck();
  await expect(bell).toHaveAccessibleName('Notifications');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByLabel('My tasks that are overdue').check();
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');

  // Locked: the bell and its list are gone with the app; nothing of the task is on the lock screen.
  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: /^Notifications/ })).toHaveCount(0);
  await expect(page.getByText(/inhaler/)).toHaveCount(0);
  expect(await invokeResult(page, 'notifications.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
});
