import type { ReminderChannel } from '../../../src-shared/api/areas/reminders';
import type { ReadDb } from '../db/handles';
import { patientEmails, phonesOf } from './recipient-repository';

/** Where a patient's reminders go: the email on the record, the first (primary first) mobile. */
export interface PatientContacts {
  email: string | null;
  mobile: string | null;
}

export async function contactsOf(db: ReadDb, patientIds: readonly string[]): Promise<Map<string, PatientContacts>> {
  const result = new Map<string, PatientContacts>();
  if (patientIds.length === 0) return result;
  const unique = [...new Set(patientIds)];
  const patients = await patientEmails(db, unique);
  for (const patient of patients) result.set(patient.id, { email: patient.email, mobile: null });
  const mobiles = await phonesOf(db, unique, 'mobile');
  for (const phone of mobiles) {
    const contacts = result.get(phone.patient_id);
    if (contacts && contacts.mobile === null) contacts.mobile = phone.number;
  }
  return result;
}

export function addressFor(contacts: PatientContacts | undefined, channel: ReminderChannel): string | null {
  if (!contacts) return null;
  return channel === 'email' ? contacts.email : contacts.mobile;
}
