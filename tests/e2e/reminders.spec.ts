import type { Page } from '@playwright/test';
import { startSmtp, startWebhook, type LocalSmtp, type LocalWebhook } from '../helpers/reminder-endpoints';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage, RECEPTIONIST } from './pages/front-desk';

const ZONE = 'Europe/London';
const HOUR = 3_600_000;

/** Wall clock in London: { date: 'YYYY-MM-DD', time: 'HH:mm' } of an instant, minutes rounded down to :00 or :30. */
function londonSlot(instant: number): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const minute = Number(parts.minute) < 30 ? '00' : '30';
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${minute}` };
}

/**
 * Schedule data through the page's own bridge (quicker than the set-up screens, which setup.spec.ts covers): one provider who works
 * round the clock every day (the test runs at any hour), and four patients booked a few hours
 * from now — one with an email and a consent to email reminders, one with a mobile and a consent to
 * SMS reminders, one with a home phone only, and one with a mobile but no consent on file.
 */
async function configure(page: Page, slots: { date: string; time: string }[]): Promise<void> {
  const { providerId } = await providerAllWeek(page, {
    location: 'Riverside',
    provider: 'Dr Amara Okafor',
  });
  const type = await invoke<{ id: string }>(page, 'schedule.createType', {
    name: 'Consultation',
    durationMinutes: 30,
    colour: '#1f5fa8',
  });
  const people = [
    {
      firstName: 'María José',
      lastName: 'García',
      dob: '1964-06-29',
      email: 'maria@example.org',
      phones: [],
      consents: ['email_reminders'],
    },
    {
      firstName: 'Tom',
      lastName: 'Baker',
      dob: '1981-01-15',
      phones: [{ kind: 'mobile', number: '+44 7700 900123', isPrimary: true }],
      consents: ['sms_reminders'],
    },
    {
      firstName: 'Aiko',
      lastName: 'Tanaka',
      dob: '1990-09-03',
      phones: [{ kind: 'home', number: '+44 20 7946 0018' }],
      consents: [],
    },
    {
      firstName: 'Jonas',
      lastName: 'Weber',
      dob: '1975-03-12',
      phones: [{ kind: 'mobile', number: '+44 7700 900456', isPrimary: true }],
      consents: [],
    },
  ];
  for (const [index, { consents, ...person }] of people.entries()) {
    const patient = await invoke<{ id: string }>(page, 'patients.create', person);
    for (const kind of consents)
      await invoke(page, 'consents.record', { patientId: patient.id, kind, givenOn: '2020-01-01' });
    await invoke(page, 'appointments.book', {
      patientId: patient.id,
      providerId,
      typeId: type.id,
      start: slots[index],
    });
  }
}

let smtp: LocalSmtp | undefined;
let hook: LocalWebhook | undefined;
test.afterEach(async () => {
  await smtp?.close();
  await hook?.close();
});

test('reminders: settings, send now, a failed SMS on the call list, retry; patients without email or mobile to call', async ({
  page,
  desk,
}) => {
  smtp = await startSmtp();
  hook = await startWebhook(503);
  const app = new FrontDeskPage(page);
  await app.openNewClinic(desk.url);
  const now = Date.now();
  const slots = [3, 3.5, 4, 4.5].map((hours) => londonSlot(now + hours * HOUR));
  await configure(page, slots);
  await app.open('Users');
  await app.addUser(RECEPTIONIST, 'receptionist');

  // The manager's part: reminder settings, with errors next to their fields.
  await app.open('Reminders');
  const form = page.getByRole('form', { name: 'Reminder settings' });
  // On by default: only patients with a recorded consent for the channel are reminded.
  await expect(
    form.getByLabel('Send reminders only to patients with a recorded consent for that channel'),
  ).toBeChecked();
  await form.getByLabel('Send reminders by email').check();
  await form.getByLabel('Remind this many hours before').fill('48, two');
  await form.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(form.getByText('must be a number of hours or minutes')).toBeVisible();
  await form.getByLabel('Remind this many hours before').fill('48, 2');
  await form.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(form.getByText('is needed to send reminders by email')).toHaveCount(2);
  await expect(form.getByText('must be a number of hours or minutes')).toHaveCount(0);
  await form.getByLabel('Send reminders by email').scrollIntoViewIfNeeded();
  await screenshot(page, '63-reminders-settings-errors');

  await form.getByLabel('Tries before giving up').fill('1');
  await form.getByLabel('SMTP server').fill('127.0.0.1');
  await form.getByLabel('SMTP port').fill(String(smtp.port));
  await form.getByLabel('SMTP password').fill('not-shown-again');
  await form.getByLabel('From name').fill('Riverside Clinic');
  await form.getByLabel('From address').fill('desk@riverside.example');
  await form.getByLabel('Send reminders by SMS').check();
  await form.getByLabel('SMS webhook address').fill(hook.url);
  await form.getByLabel('Webhook Authorization header').fill('Bearer e2e-token');
  await form.getByRole('button', { name: 'Save reminder settings' }).click();
  await expect(form.getByRole('status')).toHaveText('Reminder settings saved.');
  await expect(form.getByLabel('SMTP password')).toHaveValue('');
  await expect(form.getByText('A password is saved. Type a new one to replace it.')).toBeVisible();
  await app.signOut();

  // The desk's part.
  await app.signIn(RECEPTIONIST);
  await app.open('Reminders');
  await expect(page.getByRole('form', { name: 'Reminder settings' })).toHaveCount(0);
  const calls = page.getByRole('table', { name: /Patients to call/ });
  await expect(calls.getByRole('row', { name: /Tanaka/ })).toContainText(
    'No email address or mobile number on the record.',
  );
  await expect(calls.getByRole('row', { name: /Tanaka/ })).toContainText('+44 20 7946 0018 Home');
  // Jonas Weber has a mobile but never agreed to SMS reminders: the desk calls him instead.
  await expect(calls.getByRole('row', { name: /Weber/ })).toContainText('No consent for reminders');
  await expect(calls.getByRole('row', { name: /Weber/ })).toContainText('No consent to SMS reminders is on file.');

  await page.getByRole('button', { name: 'Send due reminders now' }).click();
  const outbox = page.getByRole('table', { name: /Reminders, earliest due first/ });
  const email = outbox.getByRole('row', { name: /García/ }).filter({ hasText: 'Sent' });
  await expect(email).toContainText('maria@example.org');
  const failedSms = outbox.getByRole('row', { name: /Baker/ }).filter({ hasText: 'Failed' });
  await expect(failedSms).toContainText('The SMS webhook answered 503');
  await expect(calls.getByRole('row', { name: /Baker/ })).toContainText('Reminder failed');

  // The email really arrived, saying the appointment's time on the clinic's clock.
  await expect.poll(() => smtp?.messages.length).toBe(1);
  expect(smtp.messages[0]?.to).toEqual(['maria@example.org']);
  expect(smtp.messages[0]?.text).toContain(`at ${slots[0]?.time ?? ''} at Riverside`);
  expect(hook.requests[0]?.headers.authorization).toBe('Bearer e2e-token');
  await screenshot(page, '61-reminders-outbox-failed');
  // The outbox shows only failed reminders when asked.
  await page.getByLabel('Show').selectOption('failed');
  await expect(outbox.getByRole('row')).toHaveCount(2); // the header and Tom Baker's SMS
  await screenshot(page, '62-reminders-call-list-and-failed');
  await page.getByLabel('Show').selectOption('all');

  // The gateway is back: Retry sends it, and Tom Baker leaves the call list.
  hook.status = 200;
  await failedSms.getByRole('button', { name: 'Retry the SMS to Baker, Tom' }).click();
  // The retry only queues it: the runner sends on its next turn after the commit and the screen reloads
  // on its event, which took over the default 5 s once on a loaded CI machine.
  await expect(outbox.getByRole('row', { name: /Baker/ }).filter({ hasText: 'Sent' })).toBeVisible({
    timeout: 20_000,
  });
  await expect(calls.getByRole('row', { name: /Baker/ })).toHaveCount(0);
  expect(hook.requests.at(-1)?.body).toMatchObject({ to: '+447700900123' });
  await screenshot(page, '64-reminders-after-retry');
});
