import type { Kysely } from 'kysely';
import type { AlertKind, AllergySeverity } from '../../../src-shared/patients/model';
import type { Database } from '../db/schema';
import { newId } from '../ids';

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
