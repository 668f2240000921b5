import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clinicDate, clinicDateAt, providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage, NURSE, RECEPTIONIST } from './pages/front-desk';

test('a receptionist logs a call with a follow-up task for the nurses; a nurse sees it overdue in her list, comments and completes it', async ({
  page,
  context,
  desk,
}) => {
  const reception = new FrontDeskPage(page);
  await reception.openNewClinic(desk.url);
  await reception.open('Users');
  await reception.addUser(RECEPTIONIST, 'receptionist');
  await reception.addUser(NURSE, 'nurse');
  const patient = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Aiko',
    lastName: 'Tanaka',
    dob: '1990-09-03',
    phones: [{ kind: 'mobile', number: '07700 900123' }],
  });
  await reception.signOut();
  await reception.signIn(RECEPTIONIST);

  // Reception: the patient's page, "Log a call" with a follow-up task for every nurse, due at midnight today.
  await page.evaluate((hash) => {
    (globalThis as unknown as { location: { hash: string } }).location.hash = hash;
  }, `#/patients/${patient.id}`);
  const log = page.getByRole('region', { name: 'Communication log' });
  await expect(log.getByText('No contacts logged yet.')).toBeVisible();
  await log.getByRole('button', { name: 'Log a call' }).click();
  const form = log.getByRole('form', { name: 'Log a contact' });
  await form.getByLabel('Kind').selectOption('call');
  await form.getByLabel('Direction').selectOption('in');
  await form.getByLabel('Outcome').selectOption('spoke');
  await form.getByLabel('What it was about').fill('Asked for her blood test results');
  await form.getByLabel('Note').fill('Wants a nurse to explain the cholesterol figure');
  await form.getByLabel('Make a follow-up task').check();
  const followUp = form.getByRole('group', { name: 'Follow-up task' });
  await followUp.getByLabel('Title').fill('Call Aiko back about her results');
  await followUp.getByLabel('Assign to').selectOption({ label: 'All nurses' });
  await followUp.getByLabel('Due date').fill(clinicDate());
  await followUp.getByLabel('Due time', { exact: true }).fill('00:00');
  await followUp.getByLabel('Priority').selectOption('high');
  await screenshot(page, '260-log-a-call');
  await form.getByRole('button', { name: 'Save to the log' }).click();
  await expect(form.getByRole('status')).toHaveText('Logged, with a follow-up task for All nurses.');
  const rows = log.getByRole('table', { name: 'Contacts with the patient, newest first' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Phone call · In · Spoke');
  await expect(rows.nth(1)).toContainText('Asked for her blood test results');
  await expect(rows.nth(1)).toContainText('Follow-up task made');
  await expect(rows.nth(1)).toContainText(RECEPTIONIST.name);
  await log.getByRole('button', { name: 'Close the form' }).click();
  await screenshot(page, '261-communication-log');

  // Reception's team list follows the task she gave the nurses.
  await reception.open('Tasks');
  await page.getByRole('button', { name: 'Team tasks' }).click();
  const teamRow = page.getByRole('row', { name: /Call Aiko back about her results/ });
  await expect(teamRow).toContainText('Overdue');
  await expect(teamRow).toContainText('All nurses');
  await expect(teamRow).toContainText('Tanaka, Aiko');
  await screenshot(page, '262-team-tasks');

  // New task: refused empty, with the reasons under Title and Assign to; then made for reception itself.
  await page.getByRole('button', { name: 'New task' }).click();
  const newTask = page.getByRole('form', { name: 'New task' });
  await newTask.getByRole('button', { name: 'Create task' }).click();
  await expect(newTask.getByText('must not be empty')).toBeVisible();
  await expect(newTask.getByText('give the task to a person or to a role')).toBeVisible();
  await screenshot(page, '266-new-task-refused');
  await newTask.getByLabel('Title').fill('Order more reminder postcards');
  await newTask.getByLabel('Assign to').selectOption({ label: 'All receptionists' });
  await newTask.getByLabel('Priority').selectOption('low');
  await newTask.getByRole('button', { name: 'Create task' }).click();
  await expect(newTask.getByRole('status')).toHaveText(
    'Task created: Order more reminder postcards, for All receptionists.',
  );
  // Ordered by due time: the overdue call-back first, the task with no due time after it.
  const teamRows = page.getByRole('table', { name: 'Tasks, earliest due first' }).getByRole('row');
  await expect(teamRows).toHaveCount(3);
  await expect(teamRows.nth(1)).toContainText('Call Aiko back about her results');
  await expect(teamRows.nth(2)).toContainText('Order more reminder postcards');
  await expect(teamRows.nth(2)).toContainText('No due time');

  // Desk 2: the nurse's own list has it, overdue in words.
  const nursePage = await context.newPage();
  const nurse = new FrontDeskPage(nursePage);
  await nursePage.goto(desk.url);
  await nurse.signIn(NURSE);
  await nurse.open('Tasks');
  await expect(nursePage.getByRole('heading', { name: 'My tasks', level: 2 })).toBeVisible();
  // A nurse does not hand out work: no team list, no New task.
  await expect(nursePage.getByRole('button', { name: 'Team tasks' })).toHaveCount(0);
  await expect(nursePage.getByRole('button', { name: 'New task' })).toHaveCount(0);
  const row = nursePage.getByRole('row', { name: /Call Aiko back about her results/ });
  await expect(row).toContainText('Overdue');
  await expect(row).toContainText('High');
  await screenshot(nursePage, '263-nurse-my-tasks');

  await row.getByRole('button', { name: 'Comments on “Call Aiko back about her results” (0)' }).click();
  await nursePage.getByLabel('New comment').fill('Rang her back: the figure is fine, explained the diet sheet');
  await nursePage.getByRole('button', { name: 'Add comment' }).click();
  await expect(nursePage.getByText('Rang her back: the figure is fine, explained the diet sheet')).toBeVisible();
  await expect(nursePage.getByText(/Nina Nurse, /)).toBeVisible();
  await screenshot(nursePage, '264-task-comment');
  await row.getByRole('button', { name: 'Complete “Call Aiko back about her results”' }).click();
  await expect(nursePage.getByRole('status')).toHaveText('Done: Call Aiko back about her results.');
  await expect(nursePage.getByText('No open tasks here.')).toBeVisible();
  await nursePage.getByLabel('Show done and cancelled').check();
  await expect(nursePage.getByRole('row', { name: /Call Aiko back about her results/ })).toContainText(
    'Done by Nina Nurse',
  );
  await screenshot(nursePage, '265-nurse-task-done');

  // Reception sees it leave the team list without reloading: the list re-read on the pushed event.
  await page.bringToFront();
  await expect(teamRows).toHaveCount(2);
  await expect(teamRows.nth(1)).toContainText('Order more reminder postcards');

  // Cancelling asks why: refused without a reason, beside the field; then gone from the open list.
  await page.getByRole('button', { name: 'Cancel “Order more reminder postcards”' }).click();
  const cancelForm = page.getByRole('form', { name: 'Cancel “Order more reminder postcards”' });
  await cancelForm.getByRole('button', { name: 'Cancel the task' }).click();
  await expect(cancelForm.getByText('must not be empty')).toBeVisible();
  await cancelForm.getByLabel('Why is “Order more reminder postcards” cancelled?').fill('Switched to SMS only');
  await cancelForm.getByRole('button', { name: 'Cancel the task' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled' })).toHaveText(
    'Cancelled: Order more reminder postcards.',
  );
  await expect(page.getByText('No open tasks here.')).toBeVisible();
});

test('from the call list: a receptionist logs an outgoing call about the appointment, with a follow-up task; the patient’s log shows it', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await app.open('Users');
  await app.addUser(RECEPTIONIST, 'receptionist');
  // One provider working round the clock every day, and a patient booked tomorrow: with reminders off,
  // the call list has them.
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
    firstName: 'Kenji',
    lastName: 'Sato',
    dob: '1975-02-11',
    phones: [{ kind: 'home', number: '020 7946 0018' }],
  });
  const tomorrow = clinicDateAt(Date.now() + 24 * 3_600_000);
  await invoke(page, 'appointments.book', {
    patientId: patient.id,
    providerId,
    typeId: type.id,
    start: { date: tomorrow, time: '10:00' },
  });
  await app.signOut();
  await app.signIn(RECEPTIONIST);

  await app.open('Reminders');
  const calls = page.getByRole('table', { name: /Patients to call/ });
  await calls.getByRole('button', { name: 'Log a call to Sato, Kenji' }).click();
  const form = calls.getByRole('form', { name: 'Log a contact' });
  // An outgoing call about this appointment, already chosen.
  await expect(form.getByLabel('Direction')).toHaveValue('out');
  await expect(form.getByLabel('Appointment (optional)')).not.toHaveValue('');
  await form.getByLabel('Outcome').selectOption('voicemail');
  await form.getByLabel('What it was about').fill('Reminder of tomorrow’s appointment');
  await form.getByLabel('Make a follow-up task').check();
  const followUp = form.getByRole('group', { name: 'Follow-up task' });
  await followUp.getByLabel('Title').fill('Try Kenji again after lunch');
  await followUp.getByLabel('Assign to').selectOption({ label: 'All receptionists' });
  await screenshot(page, '267-call-list-log-a-call');
  await form.getByRole('button', { name: 'Save to the log' }).click();
  await expect(form.getByRole('status')).toHaveText('Logged, with a follow-up task for All receptionists.');

  await calls.getByRole('link', { name: 'Sato, Kenji' }).click();
  const log = page.getByRole('region', { name: 'Communication log' });
  const row = log.getByRole('row', { name: /Reminder of tomorrow’s appointment/ });
  await expect(row).toContainText('Phone call · Out · Voicemail');
  await expect(row).toContainText(`Appointment ${tomorrow} 10:00`);
  await expect(row).toContainText('Follow-up task made');
  await app.open('Tasks');
  await expect(page.getByRole('row', { name: /Try Kenji again after lunch/ })).toContainText('Sato, Kenji');
});
