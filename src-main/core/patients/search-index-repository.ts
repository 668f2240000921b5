import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ftsName, searchFields } from './search-index';

/**
 * Writes the local search index (patient_search, patient_name_tokens, patient_fts): a local-only table set
 * derived from the patient's rows, so sync leaves it out and each desk rebuilds it.
 */

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
