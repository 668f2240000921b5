import type { Migration } from './types';

/**
 * Appointment reminders: one settings row (offsets, SMTP, SMS webhook, sender, templates) and an
 * outbox with one row per (appointment, channel, offset, planned start).
 *
 * The planned start is part of the unique key: planning twice adds nothing, and an appointment
 * moved to another time gets fresh rows while the old ones are skipped at send time (their start no
 * longer matches). Secrets (the SMTP password, the webhook's Authorization value) stay in this
 * encrypted database and are never sent back to the renderer.
 *
 * `reminders:manage` (admin, manager) edits the settings; the desk works the lists with
 * `appointments:read` / `appointments:write`.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'reminders',
  up(db, now) {
    db.exec(`
      CREATE TABLE reminder_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        email_enabled INTEGER NOT NULL DEFAULT 0 CHECK (email_enabled IN (0, 1)),
        sms_enabled INTEGER NOT NULL DEFAULT 0 CHECK (sms_enabled IN (0, 1)),
        -- JSON array of minutes before the start, e.g. [2880, 120] for 48 h and 2 h.
        offsets_minutes TEXT NOT NULL DEFAULT '[2880,120]' CHECK (json_valid(offsets_minutes) AND json_type(offsets_minutes) = 'array'),
        max_attempts INTEGER NOT NULL DEFAULT 4 CHECK (max_attempts BETWEEN 1 AND 10),
        retry_minutes INTEGER NOT NULL DEFAULT 5 CHECK (retry_minutes BETWEEN 1 AND 240),
        smtp_host TEXT,
        smtp_port INTEGER NOT NULL DEFAULT 587 CHECK (smtp_port BETWEEN 1 AND 65535),
        smtp_secure INTEGER NOT NULL DEFAULT 0 CHECK (smtp_secure IN (0, 1)),
        smtp_user TEXT,
        smtp_password TEXT,
        from_name TEXT,
        from_address TEXT,
        sms_webhook_url TEXT,
        sms_auth_header TEXT,
        email_subject TEXT NOT NULL DEFAULT 'Your appointment at {clinic} on {date}',
        email_body TEXT NOT NULL DEFAULT 'Dear {firstName},

This is a reminder of your appointment with {provider} on {date} at {time} at {location}.

If you cannot come, please call us so that someone else can have the time.

{clinic}',
        sms_body TEXT NOT NULL DEFAULT '{clinic}: reminder of your appointment with {provider} on {date} at {time}.',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      ) STRICT;

      CREATE TABLE reminder_outbox (
        id TEXT PRIMARY KEY,
        appointment_id TEXT NOT NULL REFERENCES appointments(id),
        channel TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
        offset_minutes INTEGER NOT NULL CHECK (offset_minutes > 0),
        -- The appointment's start when this row was planned; a different start at send time = moved.
        appointment_start_at INTEGER NOT NULL,
        due_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
        attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error TEXT,
        -- Earliest time of the next try: due_at at first, later the backoff (or a claim's lease).
        next_attempt_at INTEGER NOT NULL,
        recipient TEXT,
        sent_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        CHECK ((status = 'sent') = (sent_at IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX reminder_outbox_plan ON reminder_outbox (appointment_id, channel, offset_minutes, appointment_start_at);
      CREATE INDEX reminder_outbox_next ON reminder_outbox (next_attempt_at) WHERE status = 'pending';
      CREATE INDEX reminder_outbox_due ON reminder_outbox (due_at);
    `);
    db.prepare('INSERT INTO reminder_settings (id, created_at, updated_at) VALUES (1, ?, ?)').run(now, now);
    const grant = db.prepare(
      'INSERT INTO role_permissions (role_id, permission, created_at, updated_at) VALUES (?, ?, ?, ?)',
    );
    for (const role of ['admin', 'manager']) grant.run(role, 'reminders:manage', now, now);
  },
};
