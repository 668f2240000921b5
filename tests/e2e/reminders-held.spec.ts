import { startSmtp, type LocalSmtp } from '../helpers/reminder-endpoints';
import { test, expect, screenshot } from './fixtures';
import { invoke } from './pages/bridge';
import { clinicDateAt, providerAllWeek } from './pages/clinic-seed';
import { FrontDeskPage } from './pages/front-desk';
import { connectFirstDesk, SyncServer, syncNow, syncStatus } from './sync-server';

const HOUR = 3_600_000;

/** The clinic's wall clock `hours` from now, on a half-hour boundary: { date, time }. */
function slotIn(hours: number): { date: string; time: string } {
  const instant = Date.now() + hours * HOUR;
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
  const [hour = '00', minute = '00'] = time.split(':');
  return { date: clinicDateAt(instant), time: `${hour}:${Number(minute) < 30 ? '00' : '30'}` };
}

let smtp: LocalSmtp | undefined;
test.afterEach(async () => {
  await smtp?.close();
});

test("a desk connected to the clinic's server holds due reminders while the server is down, says so on Settings → Sync, and sends each once the server answers", async ({
  page,
  desk,
}) => {
  // Two processes started twice (the desk and its server) on a 2-core machine.
  test.setTimeout(240_000);
  smtp = await startSmtp();
  const server = await SyncServer.create();
  try {
    const code = await server.enrolCode('Riverside Clinic');
    await server.start();
    const app = new FrontDeskPage(page);
    await app.openNewClinic(desk.url);
    await invoke(page, 'settings.update', { lockTimeoutMinutes: 60 });

    // María José García, who agreed to email reminders, is booked three hours from now; reminders go
    // 48 h and 2 h before, so one is due at once.
    const { providerId } = await providerAllWeek(page, { location: 'Riverside', provider: 'Dr Amara Okafor' });
    const type = await invoke<{ id: string }>(page, 'schedule.createType', {
      name: 'Consultation',
      durationMinutes: 30,
      colour: '#1f5fa8',
    });
    const patient = await invoke<{ id: string }>(page, 'patients.create', {
      firstName: 'María José',
      lastName: 'García',
      dob: '1964-06-29',
      email: 'maria@example.org',
      phones: [],
    });
    await invoke(page, 'consents.record', { patientId: patient.id, kind: 'email_reminders', givenOn: '2020-01-01' });
    await invoke(page, 'appointments.book', { patientId: patient.id, providerId, typeId: type.id, start: slotIn(3) });
    await invoke(page, 'reminders.updateSettings', {
      emailEnabled: true,
      offsetsMinutes: [48 * 60, 120],
      maxAttempts: 1,
      smtpHost: '127.0.0.1',
      smtpPort: smtp.port,
      fromName: 'Riverside Clinic',
      fromAddress: 'desk@riverside.example',
    });

    await connectFirstDesk(app, server, code);

    // The server goes down: the desk still sweeps, but may not send what it cannot claim.
    await server.stop();
    await app.open('Reminders');
    await page.getByRole('button', { name: 'Send due reminders now' }).click();
    await app.open('Settings');
    const held = page.getByRole('status').filter({ hasText: 'due reminder is held' });
    await expect(held).toHaveText(/^1 due reminder is held: this desk cannot reach the clinic's server to claim it/);
    await expect(syncStatus(page)).toHaveAttribute('title', /1 due reminder is held/);
    expect(smtp.messages, 'nothing was sent while the server was down').toHaveLength(0);
    await held.scrollIntoViewIfNeeded();
    await screenshot(page, '481-sync-reminders-held');

    // The server is back: the next sweep claims the reminder and sends it, once.
    await server.start();
    await syncNow(page);
    await app.open('Reminders');
    await page.getByRole('button', { name: 'Send due reminders now' }).click();
    await expect.poll(() => smtp?.messages.length).toBe(1);
    expect(smtp.messages[0]?.to).toEqual(['maria@example.org']);
    await app.open('Settings');
    await expect(page.getByText(/due reminders? (is|are) held/)).toHaveCount(0);
    await app.open('Reminders');
    await page.getByRole('button', { name: 'Send due reminders now' }).click();
    await expect(
      page
        .getByRole('table', { name: /Reminders, earliest due first/ })
        .getByRole('row')
        .filter({ hasText: 'García' })
        .filter({ hasText: '2 d before' }),
    ).toContainText('Sent');
    expect(smtp.messages, 'a second sweep sends nothing twice').toHaveLength(1);
  } finally {
    await server.remove();
  }
});
