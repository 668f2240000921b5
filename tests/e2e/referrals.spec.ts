import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clinicDate, providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage, NURSE, RECEPTIONIST } from './pages/front-desk';

const LETTER = Buffer.from('%PDF-1.4\n% Referral letter: Lina Haddad, knee pain\n%%EOF\n');

test('a receptionist records an urgent referral with its letter and books it from the work list; logs a call with a task for the nurses; a nurse sees it in her bell and completes it', async ({
  page,
  desk,
}) => {
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  await app.open('Users');
  await app.addUser(RECEPTIONIST, 'receptionist');
  await app.addUser(NURSE, 'nurse');
  // One provider working round the clock, one appointment type: Find a slot always has a time.
  await providerAllWeek(page, {
    location: 'Riverside',
    provider: 'Dr Amara Okafor',
  });
  await invoke(page, 'schedule.createType', { name: 'Orthopaedic review', durationMinutes: 30, colour: '#1f5fa8' });
  // Lina has a home phone only and no consent to reminders: once booked, she is on the call list.
  await invoke(page, 'patients.create', {
    firstName: 'Lina',
    lastName: 'Haddad',
    dob: '1982-04-19',
    phones: [{ kind: 'home', number: '020 7946 0456' }],
  });
  // An urgent letter from ten days ago, still not booked: past its 3-day target.
  const omar = await invoke<{ id: string }>(page, 'patients.create', {
    firstName: 'Omar',
    lastName: 'Said',
    dob: '1990-07-02',
    phones: [{ kind: 'mobile', number: '07700 900111' }],
  });
  const carter = await invoke<{ id: string }>(page, 'referrals.addReferrer', {
    name: 'Dr Ben Carter',
    organisation: 'Thames Medical Centre',
  });
  await invoke(page, 'referrals.create', {
    direction: 'in',
    letterOn: clinicDate(-10),
    referrerId: carter.id,
    patientId: omar.id,
    reason: 'Chest pain on exertion',
    urgency: 'urgent',
  });
  await app.signOut();
  await app.signIn(RECEPTIONIST);

  // Record the letter: a new referrer goes into the directory, the patient is found by the usual search.
  await app.open('Referrals');
  await page.getByRole('button', { name: 'Record a referral' }).click();
  const form = page.getByRole('form', { name: 'Record a referral in' });
  await expect(form.getByLabel('Letter received on')).toHaveValue(clinicDate(0));
  await form.getByRole('button', { name: 'Add to the directory' }).click();
  await form.getByLabel('Provider or clinic name').fill('Dr Ana Ortiz');
  await form.getByLabel('Organisation').fill('Hudson Family Practice');
  await form.getByRole('button', { name: 'Add and choose' }).click();
  await expect(form.getByLabel('Referred by')).toHaveValue(/.+/);
  await form.getByLabel('Patient', { exact: true }).fill('haddad');
  await form.getByRole('button', { name: /Haddad, Lina/ }).click();
  await form.getByLabel('Reason for referral').fill('Knee pain, suspected meniscus tear');
  await form.getByLabel('Urgency').selectOption('urgent');
  await form.getByLabel('Appointment wanted').selectOption({ label: 'Orthopaedic review' });
  await form.getByLabel('The letter (PDF, PNG or JPEG)').setInputFiles({
    name: 'ortiz-letter.pdf',
    mimeType: 'application/pdf',
    buffer: LETTER,
  });
  await screenshot(page, '476-referral-record');
  await form.getByRole('button', { name: 'Record referral' }).click();
  await expect(form.getByRole('status')).toHaveText('Referral recorded for Haddad, Lina.');
  await page.getByRole('button', { name: 'Hide the referral form' }).click();

  // The work list: urgent ones first, the older letter first; Omar's is overdue, in words.
  const list = page.getByRole('table', { name: /Referrals, most urgent first/ });
  const rows = list.getByRole('row');
  await expect(rows.nth(1)).toContainText('Said, Omar');
  await expect(rows.nth(1)).toContainText('Overdue by 7 days');
  await expect(rows.nth(2)).toContainText('Haddad, Lina');
  await expect(rows.nth(2)).toContainText(`Book by`);
  await expect(rows.nth(2)).toContainText("Letter in the patient's documents");
  await expect(page.getByText('1 referral is past its target date')).toBeVisible();
  await screenshot(page, '477-referral-work-list');

  // Triage, then Book: Find a slot with the patient and the wanted type already chosen.
  await list.getByRole('button', { name: 'Triage: Haddad, Lina' }).click();
  await expect(page.getByRole('status')).toHaveText('The referral for Haddad, Lina is now triaged.');
  await list.getByRole('link', { name: 'Book: Haddad, Lina' }).click();
  await expect(page.getByRole('heading', { name: 'Find a slot', level: 1 })).toBeVisible();
  await expect(page.getByText(/Booking the Urgent referral from Dr Ana Ortiz/)).toBeVisible();
  const find = page.getByRole('form', { name: 'Find a slot' });
  await expect(find).toContainText('Haddad, Lina');
  await expect(find.getByLabel('Appointment type')).toHaveValue(/.+/);
  await expect(find.getByLabel('Appointment type').locator('option:checked')).toHaveText('Orthopaedic review (30 min)');
  await find.getByRole('button', { name: 'Find slots' }).click();
  const results = page.getByRole('region', { name: /free slots/ });
  await results
    .getByRole('button', { name: /with Dr Amara Okafor/ })
    .first()
    .click();
  await expect(page.getByRole('status')).toContainText('The referral shows booked.');
  await screenshot(page, '478-referral-booked-from-find');
  await page.getByRole('link', { name: 'Back to referrals' }).click();
  const lina = page
    .getByRole('table', { name: /Referrals, most urgent first/ })
    .getByRole('row', { name: /Haddad, Lina/ });
  await expect(lina).toContainText('booked');
  await expect(lina).toContainText('Appointment');
  await expect(lina.getByRole('button', { name: 'Mark seen: Haddad, Lina' })).toBeVisible();

  // Reception's bell: Omar's referral is past its target; the patient is not named.
  const bell = page.getByRole('banner').getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('listitem').first()).toContainText(
    'Referral from Dr Ben Carter past its target date: book it',
  );
  await expect(panel).not.toContainText('Omar');
  await screenshot(page, '479-referral-bell');
  await panel.getByRole('button', { name: 'Close' }).click();

  // The call list: Lina's new appointment; a call logged with a follow-up task for every nurse.
  await app.open('Reminders');
  const calls = page.getByRole('table', { name: /Patients to call/ });
  await calls.getByRole('button', { name: 'Log a call to Haddad, Lina' }).click();
  const logForm = calls.getByRole('form', { name: 'Log a contact' });
  await logForm.getByLabel('Outcome').selectOption('spoke');
  await logForm.getByLabel('What it was about').fill('Told her about the orthopaedic appointment');
  await logForm.getByLabel('Make a follow-up task').check();
  const followUp = logForm.getByRole('group', { name: 'Follow-up task' });
  await followUp.getByLabel('Title').fill('Send Lina the knee questionnaire');
  await followUp.getByLabel('Assign to').selectOption({ label: 'All nurses' });
  await logForm.getByRole('button', { name: 'Save to the log' }).click();
  await expect(logForm.getByRole('status')).toHaveText('Logged, with a follow-up task for All nurses.');

  // The nurse: her bell has the task given to the nurses (and nothing of referrals); she completes it.
  await app.signOut();
  await app.signIn(NURSE);
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread');
  await bell.click();
  await expect(panel.getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('listitem').first()).toContainText('Task for you: Send Lina the knee questionnaire');
  await screenshot(page, '480-nurse-bell-follow-up');
  await panel.getByRole('link', { name: /Task for you: Send Lina the knee questionnaire/ }).click();
  await expect(page.getByRole('heading', { name: 'Tasks', level: 1 })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Referrals' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Complete “Send Lina the knee questionnaire”' }).click();
  await expect(page.getByRole('status')).toHaveText('Done: Send Lina the knee questionnaire.');
  await expect(bell).toHaveAccessibleName('Notifications');
});
