import { z } from 'zod';
import { procedure } from '../procedure';
import { unknownPlaceholders } from '../../reminders/templates';
import { atMost, boundedString, clearableText, id, isEmailAddress } from '../../validation';
import type { PhoneKind } from '../../patients/model';

export const REMINDER_CHANNELS = ['email', 'sms'] as const;
export type ReminderChannel = (typeof REMINDER_CHANNELS)[number];
export const REMINDER_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** What the renderer may see of the settings: secrets only as "set" or "not set". */
export interface ReminderSettings {
  emailEnabled: boolean;
  smsEnabled: boolean;
  /** Minutes before the start, largest first. */
  offsetsMinutes: number[];
  maxAttempts: number;
  /** The first retry waits this long; each further one twice as long as the one before. */
  retryMinutes: number;
  smtpHost: string | null;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser: string | null;
  smtpPasswordSet: boolean;
  fromName: string | null;
  fromAddress: string | null;
  smsWebhookUrl: string | null;
  smsAuthHeaderSet: boolean;
  emailSubject: string;
  emailBody: string;
  smsBody: string;
  /**
   * On: SMS only to patients with an active `sms_reminders` consent, email only with an active
   * `email_reminders` one (given on or before today, not past its expiry, not revoked).
   */
  requireConsent: boolean;
  updatedAt: number;
}

export interface ReminderEntry {
  id: string;
  appointmentId: string;
  patientId: string;
  patientName: string;
  providerName: string;
  appointmentStartAt: number;
  channel: ReminderChannel;
  offsetMinutes: number;
  dueAt: number;
  status: ReminderStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: number;
  recipient: string | null;
  sentAt: number | null;
}

export type CallReason = 'no_contact' | 'no_consent' | 'reminder_failed';

export interface CallListEntry {
  appointmentId: string;
  patientId: string;
  patientName: string;
  phones: { kind: PhoneKind; number: string }[];
  startAt: number;
  providerName: string;
  reason: CallReason;
  /** A sentence for the desk: what is missing or what went wrong. */
  detail: string;
}

export interface ReminderRunSummary {
  planned: number;
  sent: number;
  retrying: number;
  failed: number;
  skipped: number;
}

// ---- field rules -------------------------------------------------------------------------------

const template = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, atMost(max))
    .superRefine((text, issue) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0)
        issue.addIssue({
          code: 'custom',
          message: `uses unknown placeholder ${unknown.map((name) => `{${name}}`).join(', ')}`,
        });
    });
const offsets = z
  .array(
    z
      .number({ error: 'must be a number of hours or minutes' })
      .int('must be whole minutes')
      .min(5, 'must be at least 5 minutes before the start')
      .max(20160, 'must be at most 14 days before the start'),
  )
  .min(1, 'must have at least one reminder time')
  .max(5, 'must have at most 5 reminder times')
  .refine((list) => new Set(list).size === list.length, 'must not repeat a reminder time')
  .transform((list) => [...list].sort((a, b) => b - a));
const webhookUrl = z
  .string()
  .trim()
  .max(2000, atMost(2000))
  .nullable()
  .refine((text) => {
    if (!text) return true;
    try {
      const url = new URL(text);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http:// or https:// address')
  .transform((value) => (value ? value : null));

const settingsInput = z
  .object({
    emailEnabled: z.boolean(),
    smsEnabled: z.boolean(),
    offsetsMinutes: offsets,
    maxAttempts: z.number().int('must be a whole number').min(1, 'must be 1 to 10').max(10, 'must be 1 to 10'),
    retryMinutes: z
      .number()
      .int('must be whole minutes')
      .min(1, 'must be 1 to 240 minutes')
      .max(240, 'must be 1 to 240 minutes'),
    smtpHost: clearableText(253).refine(
      (text) => !text || /^[A-Za-z0-9.-]+$/.test(text),
      'must be a host name or IP address',
    ),
    smtpPort: z
      .number()
      .int('must be a port number')
      .min(1, 'must be a port number (1-65535)')
      .max(65535, 'must be a port number (1-65535)'),
    smtpSecure: z.boolean(),
    smtpUser: clearableText(200),
    /** Write-only: a new password, or null to remove it; leave out to keep the stored one. */
    smtpPassword: boundedString(500).nullable(),
    fromName: clearableText(120),
    fromAddress: boundedString(254)
      .trim()
      .nullable()
      .refine((text) => !text || isEmailAddress(text), 'must be an email address')
      .transform((value) => (value ? value : null)),
    smsWebhookUrl: webhookUrl,
    /** Write-only: the Authorization header's value sent to the webhook, or null to remove it. */
    smsAuthHeader: boundedString(2000)
      .nullable()
      .refine((text) => !text || !/[\r\n]/.test(text), 'must be on one line'),
    emailSubject: template(200),
    emailBody: template(4000),
    smsBody: template(640),
    requireConsent: z.boolean({ error: 'must be on or off' }),
  })
  .partial();
export type ReminderSettingsUpdate = z.output<typeof settingsInput>;

export const remindersProcedures = {
  'reminders.getSettings': procedure<ReminderSettings>()({
    input: z.object({}),
    access: 'reminders:manage',
    kind: 'read',
  }),
  'reminders.updateSettings': procedure<ReminderSettings>()({
    input: settingsInput,
    access: 'reminders:manage',
    kind: 'write',
  }),
  /** Reminders due from yesterday to three days ahead, with their state: the desk's on-screen list. */
  'reminders.due': procedure<ReminderEntry[]>()({
    input: z.object({
      status: z
        .enum([...REMINDER_STATUSES, 'all'], { error: 'must be pending, sent, failed, skipped or all' })
        .default('all'),
    }),
    access: 'appointments:read',
    kind: 'read',
    phi: true,
  }),
  /** Today's and tomorrow's appointments no reminder will reach: the desk phones these patients. */
  'reminders.callList': procedure<CallListEntry[]>()({
    input: z.object({}),
    access: 'appointments:read',
    kind: 'read',
    phi: true,
  }),
  /**
   * How many are on the call list, without who (the receptionist's home shows the number and links to
   * the list): no patient data, so not an audited read each time an appointment changes.
   */
  'reminders.callListCount': procedure<{ count: number }>()({
    input: z.object({}),
    access: 'appointments:read',
    kind: 'read',
  }),
  /** A failed reminder goes back to the outbox with its attempts reset. */
  'reminders.retry': procedure<ReminderEntry>()({
    input: z.object({ id: id('a reminder') }),
    access: 'appointments:write',
    kind: 'write',
  }),
  /** Plans what is missing and sends everything due now, without waiting for the next sweep. */
  /** How many reminders are due now, and whether any channel is on to send them. */
  'reminders.sendNow': procedure<{ due: number; channelsOn: boolean }>()({
    input: z.object({}),
    access: 'appointments:write',
    kind: 'write',
  }),
};
