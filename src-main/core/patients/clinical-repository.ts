import type { Kysely } from 'kysely';
import type { AlertKind, AllergySeverity } from '../../../src-shared/patients/model';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import type { ReadDb } from '../db/handles';

/** Allergies and alerts on a patient's record. */

export async function insertAllergy(
  db: Kysely<Database>,
  values: {
    patientId: string;
    substance: string;
    reaction: string | null;
    severity: AllergySeverity;
    recordedBy: string | null;
  },
  now: number,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('patient_allergies')
    .values({
      id,
      patient_id: values.patientId,
      substance: values.substance,
      reaction: values.reaction,
      severity: values.severity,
      recorded_by: values.recordedBy,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  return id;
}

export async function insertAlert(
  db: Kysely<Database>,
  values: { patientId: string; kind: AlertKind; text: string; recordedBy: string | null },
  now: number,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('patient_alerts')
    .values({
      id,
      patient_id: values.patientId,
      kind: values.kind,
      text: values.text,
      recorded_by: values.recordedBy,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  return id;
}

/** The allergy when it is on this patient's record (not another's, not removed). */
export async function findAllergyOf(
  db: ReadDb,
  patientId: string,
  allergyId: string,
): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('patient_allergies')
    .select('id')
    .where('id', '=', allergyId)
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Takes an allergy off the record; the row stays (the audit entry says what it was and why). */
export async function softDeleteAllergy(db: Kysely<Database>, allergyId: string, now: number): Promise<void> {
  await db
    .updateTable('patient_allergies')
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', allergyId)
    .execute();
}
