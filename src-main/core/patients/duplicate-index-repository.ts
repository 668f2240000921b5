import { sql } from 'kysely';
import type { ReadDb } from '../db/handles';
import { POSTCODE_KEY, type CandidateRow } from './duplicate-candidate-repository';

/**
 * What the snapshot's duplicate pass reads, once, for its in-memory blocks (duplicate-index.ts): every
 * live patient with the values the live check's candidate queries compare (duplicate-candidate-repository.ts)
 * computed by the same SQL, so a block holds exactly who that query would fetch.
 */

export type IndexedPatientRow = Pick<
  CandidateRow,
  | 'id'
  | 'first_name'
  | 'middle_name'
  | 'last_name'
  | 'dob'
  | 'email'
  | 'national_id'
  | 'address_line1'
  | 'address_line2'
  | 'city'
  | 'postal_code'
> & {
  region: string | null;
  country: string | null;
  /** The patient's row in the search index, and its date of birth there (null: not indexed). */
  search_key: number | null;
  search_dob: string | null;
  /** POSTCODE_KEY and lower(city), as the candidate query computes them. */
  postcode_key: string | null;
  city_key: string | null;
};

export async function readIndexedPatients(db: ReadDb): Promise<IndexedPatientRow[]> {
  const result = await sql<IndexedPatientRow>`
    SELECT p.id, p.first_name, p.middle_name, p.last_name, p.dob, p.email, p.national_id,
      p.address_line1, p.address_line2, p.city, p.region, p.postal_code, p.country,
      s.key AS search_key, s.dob AS search_dob, ${POSTCODE_KEY} AS postcode_key, lower(p.city) AS city_key
    FROM patients p LEFT JOIN patient_search s ON s.patient_id = p.id
    WHERE p.deleted_at IS NULL AND p.merged_into_id IS NULL
    ORDER BY p.rowid`.execute(db);
  return result.rows;
}

/** The search index's name words, by its key (the words the name sources match). */
export async function readNameTokens(db: ReadDb): Promise<{ key: number; token: string }[]> {
  return (await sql<{ key: number; token: string }>`SELECT key, token FROM patient_name_tokens`.execute(db)).rows;
}

/** Every phone not deleted, as typed and as its tail. */
export async function readLivePhones(db: ReadDb): Promise<{ patient_id: string; number: string; tail: string }[]> {
  return (
    await sql<{ patient_id: string; number: string; tail: string }>`
      SELECT patient_id, number, tail FROM patient_phones WHERE deleted_at IS NULL`.execute(db)
  ).rows;
}

/** Pairs marked as two people, as `a|b` with a < b (the table's own order). */
export async function readNotDuplicatePairs(db: ReadDb): Promise<Set<string>> {
  const rows = (
    await sql<{
      patient_a: string;
      patient_b: string;
    }>`SELECT patient_a, patient_b FROM patient_not_duplicates`.execute(db)
  ).rows;
  return new Set(rows.map((row) => `${row.patient_a}|${row.patient_b}`));
}
