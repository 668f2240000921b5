import { sql, type Kysely } from 'kysely';
import type { ReadDb } from '../../db/handles';
import type { Database } from '../../db/schema';

/** The SQL the CSV import needs beyond the shared repositories: finding a patient a row names, and row savepoints. */

/** A live, unmerged patient with exactly this name and date of birth (names compared without case). */
export async function patientByNameAndDob(
  db: ReadDb,
  firstName: string,
  lastName: string,
  dob: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('patients')
    .select('id')
    .where(sql<boolean>`lower(first_name) = lower(${firstName})`)
    .where(sql<boolean>`lower(last_name) = lower(${lastName})`)
    .where('dob', '=', dob)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  return row?.id;
}

export async function isLivePatient(db: ReadDb, patientId: string): Promise<boolean> {
  const row = await db
    .selectFrom('patients')
    .select('id')
    .where('id', '=', patientId)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Runs one row's writes so that a refusal part-way (a booking rule after the patient check) leaves none
 * of them, while the good rows around it are kept in the same transaction.
 */
export async function inRowSavepoint<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  await sql`SAVEPOINT csv_row`.execute(db);
  try {
    const result = await work();
    await sql`RELEASE csv_row`.execute(db);
    return result;
  } catch (error) {
    await sql`ROLLBACK TO csv_row`.execute(db);
    await sql`RELEASE csv_row`.execute(db);
    throw error;
  }
}
