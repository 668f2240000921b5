import type { ConsentKind } from '../../src-shared/patients/consents';
import type { ReminderEntry } from '../../src-shared/api/areas/reminders';
import type { AppointmentView } from '../../src-shared/scheduling/model';
import { startSmtp, startWebhook, type LocalSmtp, type LocalWebhook } from './reminder-endpoints';
import { RECEPTIONIST, openSchedulingClinic, type SchedulingClinic } from './scheduling-clinic';
import { ADMIN } from './temp-core';

/**
 * A scheduling clinic in New York (UTC-5 in November) that writes dates DD/MM/YYYY, with the clock on
 * Monday 2026-11-23 at 08:00 New York time (13:00 UTC), and what the reminder tests do to it.
 */
const MONDAY_8AM = Date.UTC(2026, 10, 23, 13, 0);

export interface PatientContact {
  email?: string;
  mobile?: string;
  home?: string;
  /**
   * Consents recorded on 01/11/2026, as a clinic that reminds would: by default one for each
   * channel the patient has an address for. `[]` records none.
   */
  consents?: ConsentKind[];
}

export interface ReminderClinic {
  s: SchedulingClinic;
  /** Moves the clock; hours later the screens have locked, so both people sign in again. */
  setClock(instant: number): Promise<void>;
  patientWith(contact: PatientContact): Promise<string>;
  book(patientId: string, date: string, time: string): Promise<AppointmentView>;
  useSmtp(login?: { user: string; password: string }): Promise<LocalSmtp>;
  useWebhook(status?: number, extra?: { maxAttempts?: number; retryMinutes?: number }): Promise<LocalWebhook>;
  outbox(status?: ReminderEntry['status'] | 'all'): Promise<ReminderEntry[]>;
  close(): Promise<void>;
}

let patientNo = 0;

export async function openReminderClinic(): Promise<ReminderClinic> {
  const s = await openSchedulingClinic({ timeZone: 'America/New_York', now: MONDAY_8AM });
  await s.clinic.ok('admin', 'settings.update', { dateFormat: 'DD/MM/YYYY' });
  const endpoints: { close(): Promise<void> }[] = [];

  return {
    s,
    async setClock(instant) {
      s.clinic.clock.now = instant;
      await s.clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      await s.clinic.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
    },

    async patientWith(contact) {
      patientNo += 1;
      const phones = [
        ...(contact.mobile ? [{ kind: 'mobile' as const, number: contact.mobile, isPrimary: true }] : []),
        ...(contact.home ? [{ kind: 'home' as const, number: contact.home }] : []),
      ];
      const dob = new Date(Date.UTC(1950, 0, 1) + patientNo * 86_400_000).toISOString().slice(0, 10);
      const created = await s.clinic.ok('desk', 'patients.create', {
        firstName: 'Maria',
        lastName: `Reyes${patientNo}`,
        dob,
        email: contact.email ?? '',
        phones,
      });
      const consents = contact.consents ?? [
        ...(contact.email ? ['email_reminders' as const] : []),
        ...(contact.mobile ? ['sms_reminders' as const] : []),
      ];
      for (const kind of consents)
        await s.clinic.ok('desk', 'consents.record', { patientId: created.id, kind, givenOn: '2026-11-01' });
      return created.id;
    },

    async book(patientId, date, time) {
      const result = await s.book({ patientId, start: { date, time } });
      if (!result.ok) throw new Error(`booking failed: ${result.error.message}`);
      return result.value;
    },

    async useSmtp(login) {
      const smtp = await startSmtp(login);
      endpoints.push(smtp);
      await s.clinic.ok('admin', 'reminders.updateSettings', {
        emailEnabled: true,
        smtpHost: '127.0.0.1',
        smtpPort: smtp.port,
        smtpSecure: false,
        smtpUser: login?.user ?? null,
        smtpPassword: login?.password ?? null,
        fromName: 'Riverside Clinic',
        fromAddress: 'desk@riverside.example',
      });
      return smtp;
    },

    async useWebhook(status = 200, extra = {}) {
      const hook = await startWebhook(status);
      endpoints.push(hook);
      await s.clinic.ok('admin', 'reminders.updateSettings', {
        smsEnabled: true,
        smsWebhookUrl: hook.url,
        smsAuthHeader: 'Bearer s3cret-token',
        ...extra,
      });
      return hook;
    },

    outbox: (status = 'all') => s.clinic.ok('desk', 'reminders.due', { status }),

    async close() {
      await s.clinic.close();
      for (const endpoint of endpoints) await endpoint.close();
    },
  };
}
