import type { Migration } from './types';

/**
 * Issue 22: a first and a last name typed together ("jo smi") read the longest word's prefix range of
 * `patient_name_tokens` until enough rows also held the other word — ten times the rows at ten times the
 * patients (1.69–2.29× from 100k to 1M patients, the goal 1.3×). `patient_name_pairs` holds, for each
 * findable patient, every ordered pair of the words of their name (a word with itself too, as a typed
 * word may match the same name word as another), so the search seeks each distinct word of the first
 * range and reads the second word's range inside it: the work grows with the words, not the patients.
 * A local table of the search index, derived from patient_name_tokens and rewritten with it.
 */
export const migration0049: Migration = {
  version: 49,
  name: 'patient_name_pairs',
  up(db) {
    db.exec(`
      CREATE TABLE patient_name_pairs (
        word TEXT NOT NULL,
        other TEXT NOT NULL,
        sort_name TEXT NOT NULL,
        key INTEGER NOT NULL,
        PRIMARY KEY (word, other, sort_name, key)
      ) WITHOUT ROWID, STRICT;
      CREATE INDEX patient_name_pairs_key ON patient_name_pairs (key);
      INSERT INTO patient_name_pairs (word, other, sort_name, key)
        SELECT a.token, b.token, a.sort_name, a.key
        FROM patient_name_tokens a JOIN patient_name_tokens b ON b.key = a.key
        WHERE true ON CONFLICT DO NOTHING;
    `);
  },
};
