import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ftsName, namePairs, searchFields, type SearchFields } from './search-index';

/**
 * Writes the local search index (patient_search, patient_name_tokens, patient_name_pairs, patient_phone_suffixes,
 * patient_fts): a local-only table set
 * derived from the patient's rows, so sync leaves it out and each desk rebuilds it.
 */

/** Brings the index in step with the patient's rows; call inside the transaction that changed them. */
export async function reindexPatient(db: Kysely<Database>, patientId: string): Promise<void> {
  await reindexPatients(db, [patientId]);
}

interface FullTextRow {
  key: number;
  fields: SearchFields;
}

/**
 * Brings the index in step with these patients' rows (a sync batch's, a snapshot step's). The full-text
 * rows are written last, together and in key order: FTS5 writes its pending terms out as a segment of
 * their own at the start of every statement that opens a savepoint (an insert with triggers, or of
 * several rows), so interleaved with the other tables each patient made a segment, and merging those
 * grew with the index (the bench's seed: 150,000 patients 41 → 17.5 s once its rows went in last).
 */
export async function reindexPatients(db: Kysely<Database>, patientIds: readonly string[]): Promise<void> {
  const removed: number[] = [];
  const added: FullTextRow[] = [];
  for (const patientId of new Set(patientIds)) await reindexTables(db, patientId, removed, added);
  for (const key of removed) await sql`DELETE FROM patient_fts WHERE rowid = ${key}`.execute(db);
  added.sort((a, b) => a.key - b.key);
  for (const { key, fields } of added) {
    await sql`INSERT INTO patient_fts (rowid, name, phones, mrn, email) VALUES (${key}, ${ftsName(fields)}, ${fields.phones}, ${fields.mrn}, ${fields.email})`.execute(
      db,
    );
  }
}

/**
 * Rewrites one patient's rows of patient_search, patient_name_tokens, patient_name_pairs and patient_phone_suffixes; its
 * full-text change is left to the caller.
 */
async function reindexTables(
  db: Kysely<Database>,
  patientId: string,
  removed: number[],
  added: FullTextRow[],
): Promise<void> {
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
    await db.deleteFrom('patient_phone_suffixes').where('key', '=', existing.key).execute();
    await db.deleteFrom('patient_name_pairs').where('key', '=', existing.key).execute();
    removed.push(existing.key);
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
  added.push({ key, fields });
  if (fields.tokens.length > 0) {
    await db
      .insertInto('patient_name_tokens')
      .values(fields.tokens.map((token) => ({ token, sort_name: fields.sortName, key, name_words: fields.nameWords })))
      .execute();
    await db
      .insertInto('patient_name_pairs')
      .values(namePairs(fields.tokens).map(([word, other]) => ({ word, other, sort_name: fields.sortName, key })))
      .execute();
  }
  if (fields.phoneSuffixes.length > 0) {
    await db
      .insertInto('patient_phone_suffixes')
      .values(fields.phoneSuffixes.map((reversed) => ({ reversed, key })))
      .execute();
  }
}
