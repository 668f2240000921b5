import type { Generated, Selectable } from 'kysely';
import type { ReminderChannel, ReminderStatus } from '../../../src-shared/api/areas/reminders';

export interface ReminderSettingsTable {
  id: number;
  email_enabled: Generated<number>;
  sms_enabled: Generated<number>;
  /** JSON array of minutes. */
  offsets_minutes: Generated<string>;
  max_attempts: Generated<number>;
  retry_minutes: Generated<number>;
  smtp_host: string | null;
  smtp_port: Generated<number>;
  smtp_secure: Generated<number>;
  smtp_user: string | null;
  smtp_password: string | null;
  from_name: string | null;
  from_address: string | null;
  sms_webhook_url: string | null;
  sms_auth_header: string | null;
  email_subject: Generated<string>;
  email_body: Generated<string>;
  sms_body: Generated<string>;
  /** 1: a channel needs the patient's active consent for it (migration 0011). */
  require_consent: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface ReminderOutboxTable {
  id: string;
  appointment_id: string;
  channel: ReminderChannel;
  offset_minutes: number;
  appointment_start_at: number;
  due_at: number;
  status: Generated<ReminderStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  next_attempt_at: number;
  recipient: string | null;
  sent_at: number | null;
  created_at: number;
  updated_at: number;
}

/** Merged into `Database` in schema.ts. */
export interface ReminderTables {
  reminder_settings: ReminderSettingsTable;
  reminder_outbox: ReminderOutboxTable;
}

export type ReminderSettingsRow = Selectable<ReminderSettingsTable>;
export type ReminderOutboxRow = Selectable<ReminderOutboxTable>;
