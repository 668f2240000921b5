import type { Migration } from './types';

/**
 * The language the desk's screens are worded in (issue 19): a clinic setting, 'en' or 'es', and a
 * per-user override on the user's row (NULL: the clinic's). Existing clinics stay in English. Main's
 * own refusals are not affected: they are worded in English whatever is chosen here.
 */
export const migration0028: Migration = {
  version: 28,
  name: 'language',
  up(db) {
    db.exec(`
      ALTER TABLE clinic_settings ADD COLUMN language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'es'));
      ALTER TABLE users ADD COLUMN language TEXT CHECK (language IS NULL OR language IN ('en', 'es'));
    `);
  },
};
