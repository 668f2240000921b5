import type { Kysely } from 'kysely';
import type { ContactKind, PhoneKind } from '../../../src-shared/patients/model';
import { normalisePhone, phoneTail } from '../../../src-shared/patients/phones';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import type { ReadDb } from '../db/handles';

/** A patient's phones and emergency contacts: replaced as a set, each change keeping the search index in step. */

export interface PhoneInput {
  id?: string;
  kind: PhoneKind;
  number: string;
  isPrimary: boolean;
}

/**
 * Makes the patient's phones exactly `phones` (in order; the first is primary when none is marked):
 * listed ids are updated, new ones inserted, missing ones soft-deleted.
 */
export async function replacePhones(
  db: Kysely<Database>,
  patientId: string,
  phones: readonly PhoneInput[],
  callingCode: string | null,
  now: number,
) {
  const existing = await db
    .selectFrom('patient_phones')
    .select('id')
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .execute();
  const keep = new Set(phones.flatMap((phone) => (phone.id ? [phone.id] : [])));
  const primaryIndex = Math.max(
    0,
    phones.findIndex((phone) => phone.isPrimary),
  );
  // Clear first: the one-primary index must hold after every statement.
  await db
    .updateTable('patient_phones')
    .set({ is_primary: 0 })
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .execute();
  for (const row of existing) {
    if (!keep.has(row.id))
      await db
        .updateTable('patient_phones')
        .set({ deleted_at: now, updated_at: now })
        .where('id', '=', row.id)
        .execute();
  }
  const existingIds = new Set(existing.map((row) => row.id));
  for (const [position, phone] of phones.entries()) {
    const number = normalisePhone(phone.number, callingCode);
    const values = {
      kind: phone.kind,
      number,
      tail: phoneTail(number),
      is_primary: position === primaryIndex ? 1 : 0,
      position,
      updated_at: now,
    };
    if (phone.id && existingIds.has(phone.id)) {
      await db.updateTable('patient_phones').set(values).where('id', '=', phone.id).execute();
    } else {
      await db
        .insertInto('patient_phones')
        .values({ id: newId(), patient_id: patientId, ...values, created_at: now, deleted_at: null })
        .execute();
    }
  }
}

export interface ContactInput {
  id?: string;
  kind: ContactKind;
  name: string;
  relationship: string | null;
  phone: string | null;
  email: string | null;
}

export async function replaceContacts(
  db: Kysely<Database>,
  patientId: string,
  contacts: readonly ContactInput[],
  callingCode: string | null,
  now: number,
) {
  const existing = await db
    .selectFrom('patient_contacts')
    .select('id')
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .execute();
  const keep = new Set(contacts.flatMap((contact) => (contact.id ? [contact.id] : [])));
  for (const row of existing) {
    if (!keep.has(row.id))
      await db
        .updateTable('patient_contacts')
        .set({ deleted_at: now, updated_at: now })
        .where('id', '=', row.id)
        .execute();
  }
  const existingIds = new Set(existing.map((row) => row.id));
  for (const [position, contact] of contacts.entries()) {
    const values = {
      kind: contact.kind,
      name: contact.name,
      relationship: contact.relationship,
      phone: contact.phone ? normalisePhone(contact.phone, callingCode) : null,
      email: contact.email,
      position,
      updated_at: now,
    };
    if (contact.id && existingIds.has(contact.id)) {
      await db.updateTable('patient_contacts').set(values).where('id', '=', contact.id).execute();
    } else {
      await db
        .insertInto('patient_contacts')
        .values({ id: newId(), patient_id: patientId, ...values, created_at: now, deleted_at: null })
        .execute();
    }
  }
}

/** What the history should call a change of phones or contacts: their visible values in order. */
export async function phoneAndContactSignatures(
  db: ReadDb,
  patientId: string,
): Promise<{ phones: string; contacts: string }> {
  const [phones, contacts] = await Promise.all([
    db
      .selectFrom('patient_phones')
      .select(['kind', 'number', 'is_primary'])
      .where('patient_id', '=', patientId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('patient_contacts')
      .select(['kind', 'name', 'relationship', 'phone', 'email'])
      .where('patient_id', '=', patientId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute(),
  ]);
  return { phones: JSON.stringify(phones), contacts: JSON.stringify(contacts) };
}

/** The ids of the patient's emergency contacts and guarantor not removed. */
export async function listContactIds(db: ReadDb, patientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('patient_contacts')
    .select('id')
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((row) => row.id);
}
