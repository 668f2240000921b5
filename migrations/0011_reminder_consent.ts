import type { Migration } from './types';

/**
 * Reminders only to patients who agreed to them: `require_consent` on the reminder settings. On for
 * every clinic, existing ones included — texting a patient who never agreed (or who took the consent
 * back) is the thing to prevent; a clinic that does not record consents can turn it off.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'reminder_consent',
  up(db) {
    db.exec(
      `ALTER TABLE reminder_settings ADD COLUMN require_consent INTEGER NOT NULL DEFAULT 1 CHECK (require_consent IN (0, 1));`,
    );
  },
};
