import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { phoneTail } from '../../../src-shared/patients/phones';
import { newId } from '../ids';
import { ftsName, namePairs, searchFields } from './search-index';
import type { SeedPatient } from './seed';

/**
 * Bulk writes of made-up patients (development and the bench): the raw handle's prepared statements in
 * large transactions, which is what makes 100k patients take seconds. Never behind a procedure.
 */

export interface PatientSeedWriter {
  /** The MRN counter as it stands: the seeded patients take the next numbers after it. */
  mrnCounter: { prefix: string; digits: number; next: number };
  /** Writes the patients, their phones and their search index rows in one immediate transaction. */
  writeBatch(patients: SeedPatient[]): void;
  /** Moves the MRN counter past `count` patients and compacts the full-text index. */
  finish(count: number): void;
}

export function patientSeedWriter(handle: BetterSqlite3.Database, now: number): PatientSeedWriter {
  const settings = handle
    .prepare('SELECT mrn_prefix, mrn_digits, mrn_next FROM patient_settings WHERE id = 1')
    .get() as { mrn_prefix: string; mrn_digits: number; mrn_next: number };
  const insertPatient = handle.prepare(`
    INSERT INTO patients (id, mrn, first_name, middle_name, last_name, dob, sex, email, address_line1, city, postal_code, country,
      preferred_language, national_id, active, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'United Kingdom', ?, ?, 1, ?, ?)`);
  const insertPhone = handle.prepare(`
    INSERT INTO patient_phones (id, patient_id, kind, number, tail, is_primary, position, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSearch = handle.prepare(
    'INSERT INTO patient_search (patient_id, sort_name, name_words, dob, phones, mrn, email) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFts = handle.prepare('INSERT INTO patient_fts (rowid, name, phones, mrn, email) VALUES (?, ?, ?, ?, ?)');
  const insertToken = handle.prepare(
    'INSERT INTO patient_name_tokens (token, sort_name, key, name_words) VALUES (?, ?, ?, ?)',
  );
  const insertPair = handle.prepare('INSERT INTO patient_name_pairs (word, other, sort_name, key) VALUES (?, ?, ?, ?)');
  const insertPhoneSuffix = handle.prepare('INSERT INTO patient_phone_suffixes (reversed, key) VALUES (?, ?)');
  const batch = handle.transaction((patients: SeedPatient[]) => {
    // The full-text rows go in last, together: FTS5 writes its pending terms out as a new segment at the
    // start of every statement that opens a savepoint (any insert with triggers or several rows), so
    // interleaved with the other tables each patient became a segment of its own and the merges grew
    // with the index (300,000 patients: 140 s, 41 → 17.5 s for 150,000 in a scratch run).
    const fullText: [number, string, string, string, string][] = [];
    for (const p of patients) {
      insertPatient.run(
        p.id,
        p.mrn,
        p.firstName,
        p.middleName,
        p.lastName,
        p.dob,
        p.sex,
        p.email,
        p.address.line1,
        p.address.city,
        p.address.postalCode,
        p.language,
        p.nationalId,
        now,
        now,
      );
      p.phones.forEach((phone, position) => {
        insertPhone.run(
          newId(),
          p.id,
          phone.kind,
          phone.number,
          phoneTail(phone.number),
          position === 0 ? 1 : 0,
          position,
          now,
          now,
        );
      });
      const fields = searchFields(
        {
          first_name: p.firstName,
          middle_name: p.middleName,
          last_name: p.lastName,
          preferred_name: null,
          dob: p.dob,
          mrn: p.mrn,
          email: p.email,
        },
        p.phones.map((phone) => phone.number),
      );
      const key = Number(
        insertSearch.run(p.id, fields.sortName, fields.nameWords, fields.dob, fields.phones, fields.mrn, fields.email)
          .lastInsertRowid,
      );
      fullText.push([key, ftsName(fields), fields.phones, fields.mrn, fields.email]);
      for (const token of fields.tokens) insertToken.run(token, fields.sortName, key, fields.nameWords);
      for (const reversed of fields.phoneSuffixes) insertPhoneSuffix.run(reversed, key);
      for (const [word, other] of namePairs(fields.tokens)) insertPair.run(word, other, fields.sortName, key);
    }
    for (const row of fullText) insertFts.run(...row);
  });
  return {
    mrnCounter: { prefix: settings.mrn_prefix, digits: settings.mrn_digits, next: settings.mrn_next },
    writeBatch: (patients) => batch.immediate(patients),
    finish: (count) => {
      handle
        .prepare('UPDATE patient_settings SET mrn_next = mrn_next + ?, updated_at = ? WHERE id = 1')
        .run(count, now);
      handle.exec("INSERT INTO patient_fts (patient_fts) VALUES ('optimize')");
    },
  };
}
