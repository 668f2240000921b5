import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PatientConsentRow } from '../db/schema-documents';
import type { ReadDb } from '../db/handles';

/** A patient's consents: recorded once, revoked by stamping who and when (the row stays). */

export async function insertConsent(db: Kysely<Database>, row: PatientConsentRow): Promise<void> {
  await db.insertInto('patient_consents').values(row).execute();
}

/** The patient's consents, the most recently given first. */
export async function listConsentRows(db: ReadDb, patientId: string): Promise<PatientConsentRow[]> {
  return db
    .selectFrom('patient_consents')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .orderBy('given_on', 'desc')
    .execute();
}

export async function findConsent(db: ReadDb, consentId: string): Promise<PatientConsentRow | undefined> {
  return db
    .selectFrom('patient_consents')
    .selectAll()
    .where('id', '=', consentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function markConsentRevoked(
  db: Kysely<Database>,
  consentId: string,
  revokedBy: string | null,
  now: number,
): Promise<void> {
  await db
    .updateTable('patient_consents')
    .set({ revoked_at: now, revoked_by: revokedBy, updated_at: now })
    .where('id', '=', consentId)
    .execute();
}
