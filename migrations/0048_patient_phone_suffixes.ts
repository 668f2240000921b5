import type { Migration } from './types';

/**
 * Issue 22: typed phone digits were found by a trigram match over every phone and MRN, whose posting
 * lists grow with the clinic (a phone search at a million patients took 3.5 times what it took at a
 * hundred thousand). `patient_phone_suffixes` holds each findable patient's phone digits reversed, so
 * the digits a receptionist types — the whole number or its last few digits, with or without the
 * country code or trunk zero — are a prefix range of one B-tree. A local table of the search index,
 * derived from patient_phones and rewritten with it; filled here from the phones already saved.
 */
export const migration0048: Migration = {
  version: 48,
  name: 'patient_phone_suffixes',
  up(db) {
    db.exec(`
      CREATE TABLE patient_phone_suffixes (
        reversed TEXT NOT NULL,
        key INTEGER NOT NULL,
        PRIMARY KEY (reversed, key)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX patient_phone_suffixes_key ON patient_phone_suffixes (key);
    `);
    const phones = db
      .prepare(
        `SELECT s.key, ph.number FROM patient_search s
         JOIN patient_phones ph ON ph.patient_id = s.patient_id AND ph.deleted_at IS NULL`,
      )
      .all() as { key: number; number: string }[];
    const insert = db.prepare('INSERT OR IGNORE INTO patient_phone_suffixes (reversed, key) VALUES (?, ?)');
    // Written out rather than imported, so that this migration stays what it was when it landed.
    for (const { key, number } of phones) {
      const digits = number.replace(/\D+/g, '');
      if (digits.length > 0) insert.run(digits.split('').reverse().join(''), key);
    }
  },
};
