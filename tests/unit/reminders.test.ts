import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReminderClinic, type ReminderClinic } from '../helpers/reminder-clinic';
import type { SchedulingClinic } from '../helpers/scheduling-clinic';

// The clinic is in New York (UTC-5 in November) and writes dates DD/MM/YYYY. The clock starts on
// Monday 2026-11-23 at 08:00 New York time (13:00 UTC). Patients have a consent for each channel
// they have an address for, unless a test says otherwise (reminders-consent.test.ts covers that).
const HOUR = 3_600_000;
const MINUTE = 60_000;

let r: ReminderClinic;
let s: SchedulingClinic;

beforeEach(async () => {
  r = await openReminderClinic();
  s = r.s;
});
afterEach(() => r.close());

describe('reminder settings', () => {
  it('keeps the SMTP password and the webhook secret write-only, out of answers and the audit log', async () => {
    await r.useSmtp({ user: 'clinic', password: 'smtp-pa55word' });
    await r.useWebhook();
    const settings = await s.clinic.ok('admin', 'reminders.getSettings', {});
    expect(settings).toMatchObject({
      emailEnabled: true,
      smsEnabled: true,
      smtpUser: 'clinic',
      smtpPasswordSet: true,
      smsAuthHeaderSet: true,
      offsetsMinutes: [2880, 120],
    });
    expect(JSON.stringify(settings)).not.toContain('smtp-pa55word');
    expect(JSON.stringify(settings)).not.toContain('s3cret-token');
    const audit = await s.clinic.core.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'reminders.updateSettings')
      .execute();
    expect(audit.length).toBe(2);
    expect(JSON.stringify(audit)).not.toContain('smtp-pa55word');
    expect(JSON.stringify(audit)).not.toContain('s3cret-token');

    // Leaving the password out keeps it; null removes it.
    await s.clinic.ok('admin', 'reminders.updateSettings', { smtpPort: 2525 });
    expect((await s.clinic.ok('admin', 'reminders.getSettings', {})).smtpPasswordSet).toBe(true);
    await s.clinic.ok('admin', 'reminders.updateSettings', { smtpPassword: null });
    expect((await s.clinic.ok('admin', 'reminders.getSettings', {})).smtpPasswordSet).toBe(false);
  });

  it('refuses incomplete or wrong settings naming the field, and a receptionist cannot read them', async () => {
    const noHost = await s.clinic.call('admin', 'reminders.updateSettings', { emailEnabled: true });
    expect(noHost.ok || noHost.error.details).toMatchObject({
      fields: { smtpHost: expect.any(String) as unknown, fromAddress: expect.any(String) as unknown },
    });
    const badTemplate = await s.clinic.call('admin', 'reminders.updateSettings', { smsBody: 'See you at {tiem}' });
    expect(badTemplate.ok || badTemplate.error.details).toMatchObject({
      fields: { smsBody: expect.stringContaining('{tiem}') as unknown },
    });
    const badOffsets = await s.clinic.call('admin', 'reminders.updateSettings', { offsetsMinutes: [120, 120] });
    expect(badOffsets.ok || badOffsets.error.code).toBe('VALIDATION');
    const badUrl = await s.clinic.call('admin', 'reminders.updateSettings', { smsWebhookUrl: 'ftp://gateway' });
    expect(badUrl.ok || badUrl.error.details).toMatchObject({
      fields: { smsWebhookUrl: expect.any(String) as unknown },
    });
    const desk = await s.clinic.call('desk', 'reminders.getSettings', {});
    expect(desk.ok || desk.error.code).toBe('FORBIDDEN');
  });
});

describe('planning and sending', () => {
  it('emails the patient at the 48-hour mark with the date and time on the clinic wall clock', async () => {
    const server = await r.useSmtp({ user: 'clinic', password: 'smtp-pa55word' });
    const patientId = await r.patientWith({ email: 'maria@example.org' });
    await r.book(patientId, '2026-11-25', '10:00'); // Wednesday 10:00 New York = 15:00 UTC

    const first = await s.clinic.core.sweepReminders();
    expect(first).toMatchObject({ planned: 2, sent: 0 });
    expect((await r.outbox('pending')).map((entry) => [entry.channel, entry.offsetMinutes, entry.dueAt])).toEqual([
      ['email', 2880, Date.UTC(2026, 10, 23, 15, 0)],
      ['email', 120, Date.UTC(2026, 10, 25, 13, 0)],
    ]);
    expect(server.messages).toHaveLength(0);

    await r.setClock(Date.UTC(2026, 10, 23, 15, 0));
    expect(await s.clinic.core.sweepReminders()).toMatchObject({ planned: 0, sent: 1 });
    expect(server.messages).toHaveLength(1);
    const mail = server.messages[0];
    expect(mail?.to).toEqual(['maria@example.org']);
    expect(mail?.from).toBe('desk@riverside.example');
    expect(mail?.user).toBe('clinic');
    expect(mail?.text).toContain('Subject: Your appointment at Riverside Clinic on 25/11/2026');
    expect(mail?.text).toContain('with Dr Ana Ortiz on 25/11/2026 at 10:00 at Main Street');
    expect(mail?.text).not.toContain('15:00');
    const sent = await r.outbox('sent');
    expect(sent).toMatchObject([
      { channel: 'email', recipient: 'maria@example.org', sentAt: Date.UTC(2026, 10, 23, 15, 0), attempts: 1 },
    ]);

    // Nothing is sent twice.
    s.clinic.clock.advance(MINUTE);
    expect(await s.clinic.core.sweepReminders()).toMatchObject({ planned: 0, sent: 0 });
    expect(server.messages).toHaveLength(1);
  });

  it('plans each reminder once however often it runs', async () => {
    await r.useSmtp();
    await r.useWebhook();
    const both = await r.patientWith({ email: 'both@example.org', mobile: '+1 212 555 0142' });
    const none = await r.patientWith({ home: '+1 212 555 0199' });
    await r.book(both, '2026-11-25', '11:00');
    await r.book(none, '2026-11-25', '11:30');
    expect((await s.clinic.core.sweepReminders()).planned).toBe(4);
    expect((await s.clinic.ok('desk', 'reminders.sendNow', {})).due).toBe(0);
    expect((await s.clinic.core.sweepReminders()).planned).toBe(0);
    const rows = await s.clinic.core.database.db
      .selectFrom('reminder_outbox')
      .select(['channel', 'offset_minutes'])
      .orderBy('channel')
      .orderBy('offset_minutes')
      .execute();
    expect(rows).toEqual([
      { channel: 'email', offset_minutes: 120 },
      { channel: 'email', offset_minutes: 2880 },
      { channel: 'sms', offset_minutes: 120 },
      { channel: 'sms', offset_minutes: 2880 },
    ]);
  });

  it('a booking made after the 48-hour mark gets one reminder at once, not one per passed offset', async () => {
    await r.useSmtp();
    const patientId = await r.patientWith({ email: 'late@example.org' });
    await r.book(patientId, '2026-11-24', '09:00'); // 25 hours ahead
    await s.clinic.core.sweepReminders();
    const entries = await r.outbox();
    expect(entries.map((entry) => [entry.offsetMinutes, entry.status])).toEqual([
      [2880, 'sent'],
      [120, 'pending'],
    ]);
  });

  it('posts the SMS to the webhook as JSON with the Authorization header', async () => {
    const endpoint = await r.useWebhook();
    const patientId = await r.patientWith({ mobile: '+1 212 555 0142' });
    await r.book(patientId, '2026-11-24', '14:00');
    await r.setClock(Date.UTC(2026, 10, 24, 17, 0)); // two hours before 14:00 New York
    const summary = await s.clinic.core.sweepReminders();
    // Both marks have passed when it is first seen: only the latest, the 2-hour one, goes.
    expect(summary).toMatchObject({ planned: 1, sent: 1 });
    expect(endpoint.requests).toHaveLength(1);
    const request = endpoint.requests[0];
    expect(request?.method).toBe('POST');
    expect(request?.headers.authorization).toBe('Bearer s3cret-token');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toMatchObject({
      to: '+12125550142',
      message: 'Riverside Clinic: reminder of your appointment with Dr Ana Ortiz on 24/11/2026 at 14:00.',
      appointmentId: expect.any(String) as unknown,
      reminderId: expect.any(String) as unknown,
    });
  });

  it('retries a failing webhook with growing waits, then marks it failed and puts the patient on the call list', async () => {
    const endpoint = await r.useWebhook(503, { maxAttempts: 3, retryMinutes: 5 });
    const patientId = await r.patientWith({ mobile: '+1 212 555 0142' });
    const appointment = await r.book(patientId, '2026-11-24', '15:00'); // Tuesday: tomorrow
    await s.clinic.ok('admin', 'reminders.updateSettings', { offsetsMinutes: [120] });
    await r.setClock(Date.UTC(2026, 10, 24, 18, 0));

    expect(await s.clinic.core.sweepReminders()).toMatchObject({ sent: 0, retrying: 1 });
    let [entry] = await r.outbox();
    expect(entry).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: Date.UTC(2026, 10, 24, 18, 5) });
    expect(entry?.lastError).toContain('503');

    s.clinic.clock.advance(4 * MINUTE); // backoff not over yet
    expect(await s.clinic.core.sweepReminders()).toMatchObject({ retrying: 0, failed: 0 });
    await r.setClock(Date.UTC(2026, 10, 24, 18, 5));
    expect(await s.clinic.core.sweepReminders()).toMatchObject({ retrying: 1 });
    [entry] = await r.outbox();
    expect(entry).toMatchObject({ attempts: 2, nextAttemptAt: Date.UTC(2026, 10, 24, 18, 15) });
    await r.setClock(Date.UTC(2026, 10, 24, 18, 15));
    expect(await s.clinic.core.sweepReminders()).toMatchObject({ failed: 1 });
    [entry] = await r.outbox();
    expect(entry).toMatchObject({ status: 'failed', attempts: 3 });
    expect(endpoint.requests).toHaveLength(3);

    const calls = await s.clinic.ok('desk', 'reminders.callList', {});
    expect(calls).toMatchObject([
      {
        appointmentId: appointment.id,
        reason: 'reminder_failed',
        phones: [{ kind: 'mobile', number: '+12125550142' }],
      },
    ]);
    expect(calls[0]?.detail).toContain('503');
    // The receptionist's home shows only how many.
    expect(await s.clinic.ok('desk', 'reminders.callListCount', {})).toEqual({ count: 1 });

    // The gateway is back: Retry sends it and the patient leaves the call list.
    endpoint.status = 200;
    const retried = await s.clinic.ok('desk', 'reminders.retry', { id: entry?.id ?? '' });
    expect(retried).toMatchObject({ status: 'pending', attempts: 0 });
    await s.clinic.core.sweepReminders();
    expect(await r.outbox()).toMatchObject([{ status: 'sent', attempts: 1 }]);
    expect(await s.clinic.ok('desk', 'reminders.callList', {})).toEqual([]);
    expect(await s.clinic.ok('desk', 'reminders.callListCount', {})).toEqual({ count: 0 });
    const again = await s.clinic.call('desk', 'reminders.retry', { id: entry?.id ?? '' });
    expect(again.ok || again.error.code).toBe('CONFLICT');
  });

  it('an unreachable mail server is a failure with the reason, not a crash', async () => {
    await s.clinic.ok('admin', 'reminders.updateSettings', {
      emailEnabled: true,
      smtpHost: '127.0.0.1',
      smtpPort: 9, // nothing listens on discard
      fromAddress: 'desk@riverside.example',
      maxAttempts: 1,
    });
    const patientId = await r.patientWith({ email: 'maria@example.org' });
    await r.book(patientId, '2026-11-24', '10:00');
    expect(await s.clinic.core.sweepReminders()).toMatchObject({ failed: 1 });
    expect((await r.outbox('failed'))[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("a 12-hour, month-first clinic's reminder and skip reason read 11/25/2026 at 2:00 PM, never 14:00", async () => {
    await s.clinic.ok('admin', 'settings.update', { timeFormat: '12h', dateFormat: 'MM/DD/YYYY' });
    const server = await r.useSmtp();
    await r.book(await r.patientWith({ email: 'us@example.org' }), '2026-11-25', '14:00');
    const moved = await r.book(await r.patientWith({ email: 'moved@example.org' }), '2026-11-25', '11:00');
    await s.clinic.core.sweepReminders();
    await s.clinic.ok('desk', 'appointments.move', {
      appointmentId: moved.id,
      start: { date: '2026-11-25', time: '15:30' },
    });
    await r.setClock(Date.UTC(2026, 10, 23, 19, 0)); // both 48 h reminders are due
    await s.clinic.core.sweepReminders();
    expect(server.messages.map((m) => m.to)).toEqual([['us@example.org']]);
    expect(server.messages[0]?.text).toContain('on 11/25/2026 at 2:00 PM at Main Street');
    expect((await r.outbox('skipped')).map((entry) => entry.lastError)).toEqual([
      'The appointment was moved to 11/25/2026 3:30 PM.',
    ]);
  });

  it('skips the reminder of a cancelled appointment and the old time of a moved one', async () => {
    const server = await r.useSmtp();
    const cancelled = await r.book(await r.patientWith({ email: 'cancel@example.org' }), '2026-11-25', '10:00');
    const moved = await r.book(await r.patientWith({ email: 'move@example.org' }), '2026-11-25', '11:00');
    await s.clinic.core.sweepReminders();
    await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: cancelled.id, reason: 'Feeling better' });
    await s.clinic.ok('desk', 'appointments.move', {
      appointmentId: moved.id,
      start: { date: '2026-11-25', time: '14:00' },
    });

    await r.setClock(Date.UTC(2026, 10, 23, 16, 0)); // both 48 h reminders are due
    const summary = await s.clinic.core.sweepReminders();
    expect(summary).toMatchObject({ sent: 0, skipped: 2 });
    expect(server.messages).toHaveLength(0);
    const skipped = await r.outbox('skipped');
    expect(skipped.map((entry) => entry.lastError).sort()).toEqual([
      'The appointment was cancelled.',
      'The appointment was moved to 25/11/2026 14:00.',
    ]);
    // The moved appointment has fresh reminders for its new time.
    const pending = await r.outbox('pending');
    const newStart = Date.UTC(2026, 10, 25, 19, 0);
    expect(
      pending
        .filter((entry) => entry.appointmentId === moved.id && entry.appointmentStartAt === newStart)
        .map((entry) => entry.dueAt),
    ).toEqual([newStart - 48 * HOUR, newStart - 2 * HOUR]);
  });

  it('sendNow says when neither email nor SMS is turned on, so "nothing due" is not mistaken for it', async () => {
    const patientId = await r.patientWith({ email: 'off@example.org' });
    await r.book(patientId, '2026-11-24', '10:00');
    expect(await s.clinic.ok('desk', 'reminders.sendNow', {})).toEqual({ due: 0, channelsOn: false });
  });

  it('sendNow sends what is due without waiting for the minute sweep, and says so to every window', async () => {
    const server = await r.useSmtp();
    const patientId = await r.patientWith({ email: 'now@example.org' });
    await r.book(patientId, '2026-11-24', '10:00');
    const heard: unknown[] = [];
    s.clinic.core.subscribe('desk', (topic, payload) => {
      if (topic === 'reminders.changed') heard.push(payload);
    });
    expect(await s.clinic.ok('desk', 'reminders.sendNow', {})).toEqual({ due: 1, channelsOn: true });
    await s.clinic.core.sweepReminders(); // joins the run sendNow started
    await expect.poll(() => server.messages.length).toBe(1);
    await expect.poll(() => heard).toContainEqual({ sent: 1, failed: 0 });
  });
  it('one run works through a backlog larger than a batch', async () => {
    const server = await r.useSmtp();
    const endpoint = await r.useWebhook();
    // Tuesday, both providers, every half hour of their day: 28 appointments, 56 reminders due now.
    const times = [
      '09:00',
      '09:30',
      '10:00',
      '10:30',
      '11:00',
      '11:30',
      '12:00',
      '13:30',
      '14:00',
      '14:30',
      '15:00',
      '15:30',
      '16:00',
      '16:30',
    ];
    let count = 0;
    for (const providerId of [s.drAId, s.drBId]) {
      for (const time of times) {
        count += 1;
        const patientId = await r.patientWith({
          email: `p${count}@example.org`,
          mobile: `+1 212 555 ${String(1000 + count).slice(-4)}`,
        });
        const result = await s.book({ patientId, providerId, start: { date: '2026-11-24', time } });
        if (!result.ok) throw new Error(result.error.message);
      }
    }
    const summary = await s.clinic.core.sweepReminders();
    expect(summary).toMatchObject({ planned: 112, sent: 56, failed: 0 }); // the 2 h ones are planned for later
    expect(server.messages).toHaveLength(28);
    expect(endpoint.requests).toHaveLength(28);
  });
});

describe('call list', () => {
  it("lists today's and tomorrow's patients that no reminder reaches, with their phones", async () => {
    await r.useSmtp();
    const reachable = await r.patientWith({ email: 'ok@example.org' });
    const homeOnly = await r.patientWith({ home: '+1 212 555 0199' });
    const mobileOnly = await r.patientWith({ mobile: '+1 212 555 0177' });
    await r.book(reachable, '2026-11-23', '10:00');
    const today = await r.book(homeOnly, '2026-11-23', '11:00');
    const tomorrow = await r.book(mobileOnly, '2026-11-24', '09:30');
    await r.book(homeOnly, '2026-11-25', '09:00'); // the day after tomorrow: not yet
    const cancelled = await r.book(homeOnly, '2026-11-24', '16:00');
    await s.clinic.ok('desk', 'appointments.cancel', { appointmentId: cancelled.id, reason: 'Moved away' });

    const list = await s.clinic.ok('desk', 'reminders.callList', {});
    expect(list.map((entry) => [entry.appointmentId, entry.reason, entry.detail])).toEqual([
      [today.id, 'no_contact', 'No email address or mobile number on the record.'],
      [tomorrow.id, 'no_contact', 'Has a mobile number, but reminders by SMS are turned off; no email address.'],
    ]);
    expect(list[0]?.phones).toEqual([{ kind: 'home', number: '+12125550199' }]);

    // Once 11:00 has passed, the morning appointment is no longer a call to make.
    await r.setClock(Date.UTC(2026, 10, 23, 16, 30));
    expect((await s.clinic.ok('desk', 'reminders.callList', {})).map((entry) => entry.appointmentId)).toEqual([
      tomorrow.id,
    ]);
  });
});
