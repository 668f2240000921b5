import { sql, type Kysely } from 'kysely';
import { nameWords, searchWords } from '../../../src-shared/patients/names';
import { phoneDigits } from '../../../src-shared/patients/phones';
import type { Database, PatientRow } from '../db/schema';

/**
 * The local search index: patient_search (one row per findable patient), patient_name_tokens
 * (word prefixes, in name order) and patient_fts (trigram substrings). Derived from the patient's
 * rows and rewritten by {@link reindexPatient} in the same transaction as every change to them.
 */

export type IndexedPatient = Pick<
  PatientRow,
  'first_name' | 'middle_name' | 'last_name' | 'preferred_name' | 'dob' | 'mrn' | 'email'
>;

export interface SearchFields {
  sortName: string;
  /** ' maria jose garcia lopez': a leading space so "LIKE '% gar%'" means "a word starting with gar". */
  nameWords: string;
  tokens: string[];
  dob: string;
  phones: string;
  mrn: string;
  email: string;
}

/** Pure: what the index holds for a patient with these phone numbers. */
export function searchFields(patient: IndexedPatient, phoneNumbers: readonly string[]): SearchFields {
  const tokens = searchWords([patient.first_name, patient.middle_name, patient.last_name, patient.preferred_name]);
  const sortName = [patient.last_name, patient.first_name, patient.middle_name ?? '']
    .map((part) => nameWords(part).join(' '))
    .join(' ')
    .trim();
  return {
    sortName,
    nameWords: ` ${tokens.join(' ')}`,
    tokens,
    dob: patient.dob,
    phones: phoneNumbers.map(phoneDigits).join(' '),
    mrn: patient.mrn.toLowerCase(),
    email: patient.email ?? '',
  };
}

/** The FTS row's name column: the words without the leading space. */
export function ftsName(fields: SearchFields): string {
  return fields.nameWords.trimStart();
}

/** Brings the index in step with the patient's rows; call inside the transaction that changed them. */
export async function reindexPatient(db: Kysely<Database>, patientId: string): Promise<void> {
  const patient = await db
    .selectFrom('patients')
    .select([
      'first_name',
      'middle_name',
      'last_name',
      'preferred_name',
      'dob',
      'mrn',
      'email',
      'deleted_at',
      'merged_into_id',
    ])
    .where('id', '=', patientId)
    .executeTakeFirst();
  const existing = await db
    .selectFrom('patient_search')
    .select('key')
    .where('patient_id', '=', patientId)
    .executeTakeFirst();
  if (existing) {
    await db.deleteFrom('patient_name_tokens').where('key', '=', existing.key).execute();
    await sql`DELETE FROM patient_fts WHERE rowid = ${existing.key}`.execute(db);
  }
  const findable = patient !== undefined && patient.deleted_at === null && patient.merged_into_id === null;
  if (!findable) {
    if (existing) await db.deleteFrom('patient_search').where('key', '=', existing.key).execute();
    return;
  }
  const phones = await db
    .selectFrom('patient_phones')
    .select('number')
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const fields = searchFields(
    patient,
    phones.map((row) => row.number),
  );
  const values = {
    sort_name: fields.sortName,
    name_words: fields.nameWords,
    dob: fields.dob,
    phones: fields.phones,
    mrn: fields.mrn,
    email: fields.email,
  };
  let key: number;
  if (existing) {
    key = existing.key;
    await db.updateTable('patient_search').set(values).where('key', '=', key).execute();
  } else {
    const inserted = await db
      .insertInto('patient_search')
      .values({ patient_id: patientId, ...values })
      .returning('key')
      .executeTakeFirstOrThrow();
    key = inserted.key;
  }
  await sql`INSERT INTO patient_fts (rowid, name, phones, mrn, email) VALUES (${key}, ${ftsName(fields)}, ${fields.phones}, ${fields.mrn}, ${fields.email})`.execute(
    db,
  );
  if (fields.tokens.length > 0) {
    await db
      .insertInto('patient_name_tokens')
      .values(fields.tokens.map((token) => ({ token, sort_name: fields.sortName, key, name_words: fields.nameWords })))
      .execute();
  }
}
