import type { Kysely } from 'kysely';
import type { PatientRecord } from '../../../src-shared/patients/model';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { Database } from '../db/schema';
import { updatePatientRow } from './repository';
import { listContactIds, replaceContacts, type ContactInput } from './contact-repository';
import { existingPatient, patientContext, requireRecord, today } from './service';
import { assertLivePatient } from './live-patient';

/**
 * Replaces a patient's emergency contacts and guarantor with `contacts` (ids kept are updated, new
 * ones added, missing ones soft-deleted). The contacts belong to the record, so saving them bumps the
 * record's updatedAt: an edit form opened before this save is then refused rather than overwriting it.
 */
export async function saveContacts(
  db: Kysely<Database>,
  input: { patientId: string; expectedUpdatedAt: number; contacts: readonly ContactInput[] },
  now: number,
): Promise<{ record: PatientRecord; before: number; after: number }> {
  const context = await patientContext(db);
  const patient = assertLivePatient(await existingPatient(db, input.patientId));
  if (patient.updated_at !== input.expectedUpdatedAt) {
    throw new ApiError(
      'CONFLICT',
      'Someone else changed this patient since you opened the record. Reload it and make your change again.',
    );
  }
  const existing = await listContactIds(db, patient.id);
  const mine = new Set(existing);
  for (const [index, contact] of input.contacts.entries()) {
    // An id from another patient (or made up) would otherwise be inserted as a new row silently.
    if (contact.id !== undefined && !mine.has(contact.id))
      throw fieldError(`contacts.${index}.id`, 'is not one of this patient’s contacts');
  }
  await replaceContacts(db, patient.id, input.contacts, context.callingCode, now);
  await updatePatientRow(db, patient.id, { updated_at: Math.max(now, patient.updated_at + 1) });
  return {
    record: await requireRecord(db, patient.id, today(context, now)),
    before: existing.length,
    after: input.contacts.length,
  };
}
