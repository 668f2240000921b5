import { fieldError } from '../../../src-shared/api/errors';
import type { PatientRow } from '../db/schema';
import type { ReadDb } from '../db/handles';
import { findPatientLiveness } from './repository';

/** What a write about a patient (booking, check-in, vitals, an edit, an invoice) needs to know first. */
export type PatientLiveness = Pick<PatientRow, 'id' | 'merged_into_id' | 'deleted_at'>;

/**
 * The one "live, unmerged patient" rule, one wording and one code (VALIDATION on the field that named
 * the patient): a write must go to a record that exists and was not merged into another.
 */
export function assertLivePatient<T extends { merged_into_id: string | null; deleted_at?: number | null }>(
  row: T | undefined | null,
  field = 'patientId',
): T {
  if (!row || (row.deleted_at ?? null) !== null) throw fieldError(field, 'no such patient');
  if (row.merged_into_id !== null)
    throw fieldError(field, 'this record was merged into another; use the surviving record');
  return row;
}

export async function requireLivePatient(db: ReadDb, patientId: string, field = 'patientId'): Promise<PatientLiveness> {
  return assertLivePatient(await findPatientLiveness(db, patientId), field);
}
