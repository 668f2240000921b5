import type { Migration } from './types';

/**
 * The clinic's locale and the shape of its patient flow, on the clinic's settings row.
 *
 * - `country` (ISO 3166 alpha-2, null for a clinic set up before it was asked): set-up defaults the
 *   formats below from it; they stay separate settings because a clinic may differ from its country.
 * - `time_format` '24h' | '12h', `week_start` 1 (Monday) | 7 (Sunday) | 6 (Saturday), ISO weekday
 *   numbers as the scheduling module uses; `phone_region` the region numbers without a country code
 *   are read in (alpha-2).
 * - `no_show_grace_minutes`: a no-show may be recorded only this long after the start (10 by default:
 *   a patient ten minutes late is late, not absent).
 * - `provider_step`: 1 when the board has a "With provider" step between "In room" and check-out; a clinic
 *   without one goes from the room straight to "Ready for check-out" or out.
 *
 * Existing clinics keep what they showed before: 24-hour times, weeks from Monday, region unknown (numbers
 * are then shown as stored), with the provider step.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'clinic_locale_and_flow',
  up(db) {
    db.exec(`
      ALTER TABLE clinic_settings ADD COLUMN country TEXT CHECK (country IS NULL OR (length(country) = 2 AND country = upper(country)));
      ALTER TABLE clinic_settings ADD COLUMN time_format TEXT NOT NULL DEFAULT '24h' CHECK (time_format IN ('24h', '12h'));
      ALTER TABLE clinic_settings ADD COLUMN week_start INTEGER NOT NULL DEFAULT 1 CHECK (week_start IN (1, 6, 7));
      ALTER TABLE clinic_settings ADD COLUMN phone_region TEXT CHECK (phone_region IS NULL OR (length(phone_region) = 2 AND phone_region = upper(phone_region)));
      ALTER TABLE clinic_settings ADD COLUMN no_show_grace_minutes INTEGER NOT NULL DEFAULT 10 CHECK (no_show_grace_minutes BETWEEN 0 AND 240);
      ALTER TABLE clinic_settings ADD COLUMN provider_step INTEGER NOT NULL DEFAULT 1 CHECK (provider_step IN (0, 1));
    `);
  },
};
