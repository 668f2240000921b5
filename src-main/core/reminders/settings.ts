import type { Kysely } from 'kysely';
import type {
  ReminderChannel,
  ReminderSettings,
  ReminderSettingsUpdate,
} from '../../../src-shared/api/areas/reminders';
import { ApiError } from '../../../src-shared/api/errors';
import type { Database } from '../db/schema';
import type { ReminderSettingsRow } from '../db/schema-reminders';
import type { ReadDb } from '../db/handles';
import { readReminderSettingsRow, updateReminderSettingsRow } from './reminder-settings-repository';

/** The settings as main uses them, secrets included. Never returned to the renderer as is. */
export interface ReminderConfig {
  emailEnabled: boolean;
  smsEnabled: boolean;
  offsetsMinutes: number[];
  maxAttempts: number;
  retryMinutes: number;
  smtp: { host: string | null; port: number; secure: boolean; user: string | null; password: string | null };
  fromName: string | null;
  fromAddress: string | null;
  smsWebhookUrl: string | null;
  smsAuthHeader: string | null;
  emailSubject: string;
  emailBody: string;
  smsBody: string;
  requireConsent: boolean;
  updatedAt: number;
}

export async function readReminderConfig(db: ReadDb): Promise<ReminderConfig> {
  return toConfig(await readReminderSettingsRow(db));
}

export function channelOn(config: ReminderConfig, channel: ReminderChannel): boolean {
  return channel === 'email' ? config.emailEnabled : config.smsEnabled;
}

/** What the renderer sees: the password and the webhook's Authorization value only as "set". */
export function publicSettings(config: ReminderConfig): ReminderSettings {
  return {
    emailEnabled: config.emailEnabled,
    smsEnabled: config.smsEnabled,
    offsetsMinutes: config.offsetsMinutes,
    maxAttempts: config.maxAttempts,
    retryMinutes: config.retryMinutes,
    smtpHost: config.smtp.host,
    smtpPort: config.smtp.port,
    smtpSecure: config.smtp.secure,
    smtpUser: config.smtp.user,
    smtpPasswordSet: config.smtp.password !== null,
    fromName: config.fromName,
    fromAddress: config.fromAddress,
    smsWebhookUrl: config.smsWebhookUrl,
    smsAuthHeaderSet: config.smsAuthHeader !== null,
    emailSubject: config.emailSubject,
    emailBody: config.emailBody,
    smsBody: config.smsBody,
    requireConsent: config.requireConsent,
    updatedAt: config.updatedAt,
  };
}

/**
 * Applies a partial update. A channel can only be on with what it needs to send: email a server
 * and a from address, SMS a webhook address — checked on the settings as they would be after it.
 */
export async function updateReminderConfig(
  db: Kysely<Database>,
  changes: ReminderSettingsUpdate,
  now: number,
): Promise<void> {
  const before = await readReminderConfig(db);
  const emailEnabled = changes.emailEnabled ?? before.emailEnabled;
  const fields: Record<string, string> = {};
  if (emailEnabled && !(changes.smtpHost !== undefined ? changes.smtpHost : before.smtp.host))
    fields.smtpHost = 'is needed to send reminders by email';
  if (emailEnabled && !(changes.fromAddress !== undefined ? changes.fromAddress : before.fromAddress))
    fields.fromAddress = 'is needed to send reminders by email';
  if (
    (changes.smsEnabled ?? before.smsEnabled) &&
    !(changes.smsWebhookUrl !== undefined ? changes.smsWebhookUrl : before.smsWebhookUrl)
  ) {
    fields.smsWebhookUrl = 'is needed to send reminders by SMS';
  }
  if (Object.keys(fields).length > 0)
    throw new ApiError('VALIDATION', 'Some reminder settings are missing.', { fields });

  const bool = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);
  const set = {
    email_enabled: bool(changes.emailEnabled),
    sms_enabled: bool(changes.smsEnabled),
    offsets_minutes: changes.offsetsMinutes ? JSON.stringify(changes.offsetsMinutes) : undefined,
    max_attempts: changes.maxAttempts,
    retry_minutes: changes.retryMinutes,
    smtp_host: changes.smtpHost,
    smtp_port: changes.smtpPort,
    smtp_secure: bool(changes.smtpSecure),
    smtp_user: changes.smtpUser,
    smtp_password: changes.smtpPassword === undefined ? undefined : changes.smtpPassword || null,
    from_name: changes.fromName,
    from_address: changes.fromAddress,
    sms_webhook_url: changes.smsWebhookUrl,
    sms_auth_header: changes.smsAuthHeader === undefined ? undefined : changes.smsAuthHeader || null,
    email_subject: changes.emailSubject,
    email_body: changes.emailBody,
    sms_body: changes.smsBody,
    require_consent: bool(changes.requireConsent),
  };
  const defined = Object.fromEntries(Object.entries(set).filter(([, value]) => value !== undefined));
  await updateReminderSettingsRow(db, { ...defined, updated_at: now });
}

function toConfig(row: ReminderSettingsRow): ReminderConfig {
  return {
    emailEnabled: row.email_enabled === 1,
    smsEnabled: row.sms_enabled === 1,
    offsetsMinutes: (JSON.parse(row.offsets_minutes) as number[]).sort((a, b) => b - a),
    maxAttempts: row.max_attempts,
    retryMinutes: row.retry_minutes,
    smtp: {
      host: row.smtp_host,
      port: row.smtp_port,
      secure: row.smtp_secure === 1,
      user: row.smtp_user,
      password: row.smtp_password,
    },
    fromName: row.from_name,
    fromAddress: row.from_address,
    smsWebhookUrl: row.sms_webhook_url,
    smsAuthHeader: row.sms_auth_header,
    emailSubject: row.email_subject,
    emailBody: row.email_body,
    smsBody: row.sms_body,
    requireConsent: row.require_consent === 1,
    updatedAt: row.updated_at,
  };
}
