import { sql, type RawBuilder } from 'kysely';
import type { PatientRow } from '../db/schema';
import type { ReadDb } from '../db/handles';

/**
 * The live duplicate check's candidate queries (a repository: plain functions taking `db` first).
 * Each source is a block of patients who could give a reason in duplicates.ts, bounded on its own
 * so that one crowded block (a common birthday, a town's postcode) cannot crowd out the others:
 * - the same date of birth, or day and month swapped;
 * - a date of birth one slip apart, sharing a name word;
 * - the same postcode or town, sharing a name word (read from the name word's index: a postcode
 *   block can be most of a small town's clinic, the patients sharing a name word are fewer);
 * - a given-name word and a family-name word both in common (any date of birth, any address);
 * - a shared phone, email or national id.
 */

export interface CandidateKeys {
  /** The date of birth and its day/month swap. */
  dates: string[];
  /** Real dates one typing slip from the date of birth. */
  nearDates: string[];
  /** Name words (see blockingWords). */
  given: string[];
  family: string[];
  /** See postcodeKey. */
  postcode: string;
  /** The town in lower case (ASCII letters, as SQLite's lower()). */
  city: string;
  phoneTails: string[];
  email: string | null;
  nationalId: string | null;
}

/** A patient's fields the duplicate rules compare (duplicate-finder.ts reads the same for a whole clinic). */
export type DuplicateFields = Pick<
  PatientRow,
  | 'id'
  | 'mrn'
  | 'first_name'
  | 'middle_name'
  | 'last_name'
  | 'preferred_name'
  | 'dob'
  | 'sex'
  | 'active'
  | 'deceased_date'
  | 'deceased_at'
  | 'email'
  | 'national_id'
  | 'address_line1'
  | 'address_line2'
  | 'city'
  | 'postal_code'
>;

export type CandidateRow = DuplicateFields & {
  phone: string | null;
  tails: string | null;
};

/** Rows per source: far more than a form shows, few enough to score in a millisecond or two. */
export const PER_SOURCE = 100;

/** The postcode written one way in SQL; postcodeKey is its twin in TypeScript. */
export const POSTCODE_KEY = sql`upper(replace(replace(p.postal_code, ' ', ''), '-', ''))`;

/**
 * A list as one JSON parameter: the statement's text then does not change with the number of words
 * or dates, so it is prepared once and kept in the connection's statement cache, instead of each
 * draft adding a new statement that pushes other screens' statements out of that bounded cache.
 */
function list(values: readonly string[]): RawBuilder<unknown> {
  return sql`SELECT value FROM json_each(${JSON.stringify(values)})`;
}

function bounded(query: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`SELECT id FROM (${query} LIMIT ${PER_SOURCE})`;
}

export async function duplicateCandidateRows(db: ReadDb, keys: CandidateKeys): Promise<CandidateRow[]> {
  const words = [...new Set([...keys.given, ...keys.family])];
  const sources: RawBuilder<unknown>[] = [];
  if (keys.dates.length > 0)
    sources.push(bounded(sql`SELECT patient_id AS id FROM patient_search WHERE dob IN (${list(keys.dates)})`));
  if (keys.nearDates.length > 0 && words.length > 0)
    sources.push(
      bounded(sql`SELECT s.patient_id AS id FROM patient_search s WHERE s.dob IN (${list(keys.nearDates)})
        AND EXISTS (SELECT 1 FROM patient_name_tokens t WHERE t.key = s.key AND +t.token IN (${list(words)}))`),
    );
  const places = [
    ...(keys.postcode !== '' ? [sql`${POSTCODE_KEY} = ${keys.postcode}`] : []),
    ...(keys.city !== '' ? [sql`lower(p.city) = ${keys.city}`] : []),
  ];
  if (places.length > 0 && words.length > 0)
    sources.push(
      bounded(sql`SELECT DISTINCT s.patient_id AS id FROM patient_name_tokens t
        JOIN patient_search s ON s.key = t.key JOIN patients p ON p.id = s.patient_id
        WHERE t.token IN (${list(words)}) AND (${sql.join(places, sql` OR `)})`),
    );
  if (keys.given.length > 0 && keys.family.length > 0)
    sources.push(
      bounded(sql`SELECT s.patient_id AS id FROM patient_name_tokens g
        JOIN patient_name_tokens f ON f.key = g.key AND +f.token IN (${list(keys.family)})
        JOIN patient_search s ON s.key = g.key
        WHERE g.token IN (${list(keys.given)})`),
    );
  if (keys.phoneTails.length > 0)
    sources.push(
      bounded(
        sql`SELECT patient_id AS id FROM patient_phones WHERE tail IN (${list(keys.phoneTails)}) AND deleted_at IS NULL`,
      ),
    );
  if (keys.email) sources.push(bounded(sql`SELECT id FROM patients WHERE email = ${keys.email}`));
  if (keys.nationalId) sources.push(bounded(sql`SELECT id FROM patients WHERE national_id = ${keys.nationalId}`));
  if (sources.length === 0) return [];

  const result = await sql<CandidateRow>`
    WITH ids AS (${sql.join(sources, sql` UNION `)})
    SELECT p.id, p.mrn, p.first_name, p.middle_name, p.last_name, p.preferred_name, p.dob, p.sex, p.active, p.deceased_date,
      p.deceased_at, p.email, p.national_id, p.address_line1, p.address_line2, p.city, p.postal_code,
      (SELECT ph.number FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.is_primary = 1 AND ph.deleted_at IS NULL) AS phone,
      (SELECT group_concat(ph.tail, ' ') FROM patient_phones ph WHERE ph.patient_id = p.id AND ph.deleted_at IS NULL) AS tails
    FROM ids JOIN patients p ON p.id = ids.id
    WHERE p.deleted_at IS NULL AND p.merged_into_id IS NULL`.execute(db);
  return result.rows;
}

/** Every findable patient (not deleted, not merged) with the fields the rules compare: the duplicate finder's read. */
export async function findablePatients(db: ReadDb): Promise<DuplicateFields[]> {
  const { rows } = await sql<DuplicateFields>`
    SELECT id, mrn, first_name, middle_name, last_name, preferred_name, dob, sex, active, deceased_date, deceased_at, email, national_id,
      address_line1, address_line2, city, postal_code
    FROM patients WHERE deleted_at IS NULL AND merged_into_id IS NULL ORDER BY rowid`.execute(db);
  return rows;
}

/** Every phone number not deleted, with its tail (the finder's phone blocks). */
export async function livePhones(
  db: ReadDb,
): Promise<{ patient_id: string; number: string; tail: string; is_primary: number }[]> {
  const { rows } = await sql<{ patient_id: string; number: string; tail: string; is_primary: number }>`
    SELECT patient_id, number, tail, is_primary FROM patient_phones WHERE deleted_at IS NULL`.execute(db);
  return rows;
}
