import type { ConsentKind } from '../../../src-shared/patients/consents';
import type { ReadDb } from '../db/handles';

/** What reminders read about whom they reach: patients' email addresses, phones and reminder consents. */

export function patientEmails(db: ReadDb, patientIds: readonly string[]) {
  return db
    .selectFrom('patients')
    .select(['id', 'email'])
    .where('id', 'in', [...patientIds])
    .execute();
}

/** The patients' live phones of one kind (all kinds when left out), primary first, then in order. */
export function phonesOf(db: ReadDb, patientIds: readonly string[], kind?: 'mobile') {
  let query = db
    .selectFrom('patient_phones')
    .select(['patient_id', 'kind', 'number'])
    .where('patient_id', 'in', [...patientIds])
    .where('deleted_at', 'is', null)
    .orderBy('is_primary', 'desc')
    .orderBy('position');
  if (kind) query = query.where('kind', '=', kind);
  return query.execute();
}

/** The patients' live consents of these kinds. */
export function consentsOf(db: ReadDb, patientIds: readonly string[], kinds: readonly ConsentKind[]) {
  return db
    .selectFrom('patient_consents')
    .select(['patient_id', 'kind', 'given_on', 'expires_on', 'revoked_at', 'created_at'])
    .where('patient_id', 'in', [...patientIds])
    .where('kind', 'in', [...kinds])
    .where('deleted_at', 'is', null)
    .execute();
}
