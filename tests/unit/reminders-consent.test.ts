import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentKind } from '../../src-shared/patients/consents';
import { openReminderClinic, type ReminderClinic } from '../helpers/reminder-clinic';

// New York, dates DD/MM/YYYY, Monday 2026-11-23 08:00 local (13:00 UTC); see reminder-clinic.ts.
// Consent to reminders is required by default: these tests are about what counts as consent.

let r: ReminderClinic;
beforeEach(async () => {
  r = await openReminderClinic();
});
afterEach(() => r.close());

async function recordConsent(patientId: string, kind: ConsentKind, givenOn: string, expiresOn?: string) {
  return r.s.clinic.ok('desk', 'consents.record', { patientId, kind, givenOn, expiresOn });
}

async function plannedChannels(appointmentId: string) {
  const rows = await r.s.clinic.core.database.db
    .selectFrom('reminder_outbox')
    .select(['channel', 'offset_minutes'])
    .where('appointment_id', '=', appointmentId)
    .orderBy('channel')
    .orderBy('offset_minutes', 'desc')
    .execute();
  return rows.map((row) => `${row.channel} ${row.offset_minutes}`);
}

describe('the setting', () => {
  it('is on for a new clinic, can be turned off by a manager, and must be a yes or no', async () => {
    expect(await r.s.clinic.ok('admin', 'reminders.getSettings', {})).toMatchObject({ requireConsent: true });
    const wrong = await r.s.clinic.call('admin', 'reminders.updateSettings', {
      requireConsent: 'yes' as unknown as boolean,
    });
    expect(wrong.ok || wrong.error).toMatchObject({
      code: 'VALIDATION',
      details: { fields: { requireConsent: 'must be on or off' } },
    });
    const off = await r.s.clinic.ok('admin', 'reminders.updateSettings', { requireConsent: false });
    expect(off.requireConsent).toBe(false);
    const audit = await r.s.clinic.core.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'reminders.updateSettings')
      .execute();
    expect(JSON.stringify(audit.at(-1))).toContain('requireConsent');
  });
});

describe('planning', () => {
  it('plans only the channels the patient consented to; a privacy or treatment consent does not count', async () => {
    await r.useSmtp();
    await r.useWebhook();
    const smsOnly = await r.patientWith({
      email: 'sms-only@example.org',
      mobile: '+1 212 555 0101',
      consents: ['sms_reminders'],
    });
    const general = await r.patientWith({
      email: 'general@example.org',
      mobile: '+1 212 555 0102',
      consents: ['privacy', 'treatment'],
    });
    const first = await r.book(smsOnly, '2026-11-25', '10:00');
    const second = await r.book(general, '2026-11-25', '10:30');

    expect((await r.s.clinic.core.sweepReminders()).planned).toBe(2);
    expect(await plannedChannels(first.id)).toEqual(['sms 2880', 'sms 120']);
    expect(await plannedChannels(second.id)).toEqual([]);

    // The email consent is signed at the desk: the next sweep plans the email reminders too.
    await recordConsent(smsOnly, 'email_reminders', '2026-11-23');
    expect((await r.s.clinic.core.sweepReminders()).planned).toBe(2);
    expect(await plannedChannels(first.id)).toEqual(['email 2880', 'email 120', 'sms 2880', 'sms 120']);
  });

  it('an expired, revoked or not yet given consent does not count; one that ends today still does', async () => {
    await r.useSmtp();
    const expired = await r.patientWith({ email: 'expired@example.org', consents: [] });
    await recordConsent(expired, 'email_reminders', '2026-01-01', '2026-11-22');
    const endsToday = await r.patientWith({ email: 'ends-today@example.org', consents: [] });
    await recordConsent(endsToday, 'email_reminders', '2026-01-01', '2026-11-23');
    const revoked = await r.patientWith({ email: 'revoked@example.org', consents: [] });
    const consent = await recordConsent(revoked, 'email_reminders', '2026-11-01');
    await r.s.clinic.ok('desk', 'consents.revoke', { consentId: consent.id });
    const tomorrow = await r.patientWith({ email: 'tomorrow@example.org', consents: [] });
    await recordConsent(tomorrow, 'email_reminders', '2026-11-24');

    const appointments = {
      expired: await r.book(expired, '2026-11-25', '09:00'),
      endsToday: await r.book(endsToday, '2026-11-25', '09:30'),
      revoked: await r.book(revoked, '2026-11-25', '10:00'),
      tomorrow: await r.book(tomorrow, '2026-11-25', '10:30'),
    };
    await r.s.clinic.core.sweepReminders();
    expect(await plannedChannels(appointments.expired.id)).toEqual([]);
    expect(await plannedChannels(appointments.endsToday.id)).toEqual(['email 2880', 'email 120']);
    expect(await plannedChannels(appointments.revoked.id)).toEqual([]);
    expect(await plannedChannels(appointments.tomorrow.id)).toEqual([]);

    // 03:00 UTC on the 24th is still the 23rd in New York: the consent given on the 24th waits.
    await r.setClock(Date.UTC(2026, 10, 24, 3, 0));
    await r.s.clinic.core.sweepReminders();
    expect(await plannedChannels(appointments.tomorrow.id)).toEqual([]);
    await r.setClock(Date.UTC(2026, 10, 24, 5, 0)); // 00:00 in New York
    await r.s.clinic.core.sweepReminders();
    expect(await plannedChannels(appointments.tomorrow.id)).toEqual(['email 2880', 'email 120']);
  });
});

describe('sending', () => {
  it('ends the waiting reminders of a channel whose consent is revoked at once, never sends them, and still sends the other channel', async () => {
    const smtp = await r.useSmtp();
    const hook = await r.useWebhook();
    const patientId = await r.patientWith({ email: 'maria@example.org', mobile: '+1 212 555 0142' });
    const appointment = await r.book(patientId, '2026-11-25', '10:00');
    expect((await r.s.clinic.core.sweepReminders()).planned).toBe(4);

    const [sms] = await r.s.clinic
      .ok('desk', 'consents.list', { patientId })
      .then((list) => list.filter((c) => c.kind === 'sms_reminders'));
    await r.s.clinic.ok('desk', 'consents.revoke', { consentId: sms?.id ?? '' });
    // The desk's list says so straight away, not when each reminder comes due.
    const status = async () =>
      (await r.outbox())
        .filter((entry) => entry.appointmentId === appointment.id)
        .map((entry) => [entry.channel, entry.offsetMinutes, entry.status, entry.lastError, entry.attempts]);
    const reason = 'The consent to SMS reminders was revoked on 23/11/2026.';
    expect(await status()).toEqual([
      ['email', 2880, 'pending', null, 0],
      ['sms', 2880, 'skipped', reason, 0],
      ['email', 120, 'pending', null, 0],
      ['sms', 120, 'skipped', reason, 0],
    ]);

    await r.setClock(Date.UTC(2026, 10, 23, 15, 0)); // the 48 h mark
    expect(await r.s.clinic.core.sweepReminders()).toMatchObject({ sent: 1, failed: 0 });
    await r.setClock(Date.UTC(2026, 10, 25, 13, 0)); // two hours before
    expect(await r.s.clinic.core.sweepReminders()).toMatchObject({ sent: 1, failed: 0 });
    expect(hook.requests).toHaveLength(0);
    expect(smtp.messages.map((mail) => mail.to)).toEqual([['maria@example.org'], ['maria@example.org']]);
    expect(
      (await status()).map(([channel, offset, state]) => `${String(channel)} ${String(offset)} ${String(state)}`),
    ).toEqual(['email 2880 sent', 'sms 2880 skipped', 'email 120 sent', 'sms 120 skipped']);
  });

  it('a second consent for the channel still in force keeps the reminders when one is revoked', async () => {
    await r.useWebhook();
    const patientId = await r.patientWith({ mobile: '+1 212 555 0143' });
    await r.book(patientId, '2026-11-25', '10:00');
    await r.s.clinic.core.sweepReminders();
    await r.s.clinic.ok('desk', 'consents.record', { patientId, kind: 'sms_reminders', givenOn: '2026-11-20' });
    const [first] = await r.s.clinic
      .ok('desk', 'consents.list', { patientId })
      .then((list) => list.filter((c) => c.kind === 'sms_reminders'));
    await r.s.clinic.ok('desk', 'consents.revoke', { consentId: first?.id ?? '' });
    expect((await r.outbox()).filter((entry) => entry.channel === 'sms').map((entry) => entry.status)).toEqual([
      'pending',
      'pending',
    ]);
  });

  it('does not send a reminder whose consent ran out after planning', async () => {
    const smtp = await r.useSmtp();
    const patientId = await r.patientWith({ email: 'maria@example.org', consents: [] });
    await recordConsent(patientId, 'email_reminders', '2026-11-01', '2026-11-24');
    await r.book(patientId, '2026-11-25', '10:00');
    await r.setClock(Date.UTC(2026, 10, 23, 15, 0));
    expect(await r.s.clinic.core.sweepReminders()).toMatchObject({ planned: 2, sent: 1 });

    await r.setClock(Date.UTC(2026, 10, 25, 13, 0)); // the 2 h mark, a day after the consent's last day
    expect(await r.s.clinic.core.sweepReminders()).toMatchObject({ sent: 0, skipped: 1 });
    expect(smtp.messages).toHaveLength(1);
    expect(await r.outbox('skipped')).toMatchObject([
      { offsetMinutes: 120, lastError: 'The consent to email reminders was valid until 24/11/2026.' },
    ]);
  });

  it('with the setting off, patients without consent are reminded as before', async () => {
    const smtp = await r.useSmtp();
    const hook = await r.useWebhook();
    await r.s.clinic.ok('admin', 'reminders.updateSettings', { requireConsent: false });
    const patientId = await r.patientWith({ email: 'maria@example.org', mobile: '+1 212 555 0142', consents: [] });
    await r.book(patientId, '2026-11-24', '10:00'); // 25 hours ahead: the 48 h mark has passed
    expect(await r.s.clinic.core.sweepReminders()).toMatchObject({ planned: 4, sent: 2, skipped: 0 });
    expect(smtp.messages).toHaveLength(1);
    expect(hook.requests).toHaveLength(1);
    expect(await r.s.clinic.ok('desk', 'reminders.callList', {})).toEqual([]);
  });
});

describe('call list', () => {
  it('names the patients no reminder reaches for want of consent, and why, beside those without an address', async () => {
    await r.useSmtp();
    await r.useWebhook();
    const none = await r.patientWith({ email: 'none@example.org', mobile: '+1 212 555 0111', consents: [] });
    const revoked = await r.patientWith({ mobile: '+1 212 555 0122' });
    const privacyOnly = await r.patientWith({ email: 'privacy@example.org', consents: ['privacy'] });
    const future = await r.patientWith({ email: 'future@example.org', consents: [] });
    await recordConsent(future, 'email_reminders', '2026-11-30');
    const emailReaches = await r.patientWith({
      email: 'ok@example.org',
      mobile: '+1 212 555 0133',
      consents: ['email_reminders'],
    });
    const homeOnly = await r.patientWith({ home: '+1 212 555 0199' });
    const booked = {
      none: await r.book(none, '2026-11-23', '10:00'),
      revoked: await r.book(revoked, '2026-11-23', '10:30'),
      privacyOnly: await r.book(privacyOnly, '2026-11-23', '11:00'),
      future: await r.book(future, '2026-11-23', '11:30'),
      emailReaches: await r.book(emailReaches, '2026-11-23', '14:00'),
      homeOnly: await r.book(homeOnly, '2026-11-24', '09:00'),
    };
    const heard: unknown[] = [];
    r.s.clinic.core.subscribe('desk', (topic) => heard.push(topic));
    const [sms] = await r.s.clinic.ok('desk', 'consents.list', { patientId: revoked });
    await r.s.clinic.ok('desk', 'consents.revoke', { consentId: sms?.id ?? '' });
    expect(heard).toContain('reminders.changed'); // the reminders screens reload their call list

    const list = await r.s.clinic.ok('desk', 'reminders.callList', {});
    expect(list.map((entry) => [entry.appointmentId, entry.reason, entry.detail])).toEqual([
      [
        booked.none.id,
        'no_consent',
        'No consent to email reminders is on file. No consent to SMS reminders is on file.',
      ],
      [booked.revoked.id, 'no_consent', 'The consent to SMS reminders was revoked on 23/11/2026.'],
      [booked.privacyOnly.id, 'no_consent', 'No consent to email reminders is on file.'],
      [booked.future.id, 'no_consent', 'The consent to email reminders holds only from 30/11/2026.'],
      [booked.homeOnly.id, 'no_contact', 'No email address or mobile number on the record.'],
    ]);
    expect(list[0]?.phones).toEqual([{ kind: 'mobile', number: '+12125550111' }]);

    // Without the setting, only the patient with no address is left to call.
    await r.s.clinic.ok('admin', 'reminders.updateSettings', { requireConsent: false });
    expect((await r.s.clinic.ok('desk', 'reminders.callList', {})).map((entry) => entry.appointmentId)).toEqual([
      booked.homeOnly.id,
    ]);
  });
});
