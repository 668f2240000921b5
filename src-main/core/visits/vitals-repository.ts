import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { VitalsRow } from '../db/schema-visits';
import type { ReadDb } from '../db/handles';
import { insertRow } from '../db/prepared';

/** Vitals: each set is one row, never changed once recorded. */

export async function insertVitals(db: Kysely<Database>, row: VitalsRow): Promise<void> {
  await insertRow(db, 'vitals', row);
}

/** The patient's vitals, newest first. */
export async function listVitals(db: ReadDb, patientId: string, limit: number): Promise<VitalsRow[]> {
  return db
    .selectFrom('vitals')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .orderBy('recorded_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
