import { sql, type Kysely } from 'kysely';
import type {
  AlertKind,
  AllergySeverity,
  ContactKind,
  HolderRelationship,
  InsurancePriority,
  PatientRecord,
  PhoneKind,
  Sex,
} from '../../../src-shared/patients/model';
import type { DateFormat } from '../../../src-shared/api/areas/settings';
import { ageOn } from '../../../src-shared/patients/dates';
import { displayName, foldText } from '../../../src-shared/patients/names';
import { normalisePhone, phoneTail } from '../../../src-shared/patients/phones';
import type { Database, NewPatient, PatientRow } from '../db/schema';
import { newId } from '../ids';
import { reindexPatient } from './search-index';
import type { ReadDb } from '../db/handles';

/** Every change here goes through these functions, which keep the search index in step. */

export interface PatientContext {
  dateFormat: DateFormat;
  timeZone: string;
  mrnPrefix: string;
  mrnDigits: number;
  callingCode: string | null;
}

export async function readPatientContext(db: ReadDb): Promise<PatientContext | null> {
  const row = await sql<{
    date_format: string;
    time_zone: string;
    mrn_prefix: string;
    mrn_digits: number;
    default_calling_code: string | null;
  }>`
    SELECT c.date_format, c.time_zone, p.mrn_prefix, p.mrn_digits, p.default_calling_code
    FROM clinic_settings c, patient_settings p WHERE c.id = 1 AND p.id = 1`.execute(db);
  const first = row.rows[0];
  if (!first) return null;
  return {
    dateFormat: first.date_format as DateFormat,
    timeZone: first.time_zone,
    mrnPrefix: first.mrn_prefix,
    mrnDigits: first.mrn_digits,
    callingCode: first.default_calling_code,
  };
}

/** National ids are stored as upper-case letters and digits only, and matched exactly. */
export function normaliseNationalId(text: string | null | undefined): string | null {
  if (!text) return null;
  const value = foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toUpperCase();
  return value === '' ? null : value;
}

export function maskNationalId(value: string | null): string | null {
  if (!value) return null;
  return `•••• ${value.slice(-Math.min(4, Math.max(1, value.length - 2)))}`;
}

/** The next MRN: prefix and zero-padded counter, skipping any already taken. */
export async function allocateMrn(db: Kysely<Database>, now: number): Promise<string> {
  for (;;) {
    const row = await db
      .updateTable('patient_settings')
      .set((eb) => ({ mrn_next: eb('mrn_next', '+', 1), updated_at: now }))
      .where('id', '=', 1)
      .returning(['mrn_next', 'mrn_prefix', 'mrn_digits'])
      .executeTakeFirstOrThrow();
    const mrn = `${row.mrn_prefix}${String(row.mrn_next - 1).padStart(row.mrn_digits, '0')}`;
    const taken = await db.selectFrom('patients').select('id').where('mrn', '=', mrn).executeTakeFirst();
    if (!taken) return mrn;
  }
}

export function findPatientRow(db: ReadDb, id: string): Promise<PatientRow | undefined> {
  return db.selectFrom('patients').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertPatient(db: Kysely<Database>, patient: NewPatient): Promise<void> {
  await db.insertInto('patients').values(patient).execute();
}

export async function updatePatientRow(db: Kysely<Database>, id: string, changes: Partial<NewPatient>): Promise<void> {
  await db.updateTable('patients').set(changes).where('id', '=', id).execute();
}

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

export interface InsuranceInput {
  patientId: string;
  payer: string;
  plan: string | null;
  memberId: string;
  groupNumber: string | null;
  holderName: string | null;
  holderRelationship: HolderRelationship;
  priority: InsurancePriority;
  effectiveDate: string | null;
  terminationDate: string | null;
  lastVerifiedDate: string | null;
}

export async function insertInsurance(db: Kysely<Database>, values: InsuranceInput, now: number): Promise<string> {
  const id = newId();
  await db
    .insertInto('patient_insurance')
    .values({
      id,
      patient_id: values.patientId,
      payer: values.payer,
      plan: values.plan,
      member_id: values.memberId,
      group_number: values.groupNumber,
      holder_name: values.holderName,
      holder_relationship: values.holderRelationship,
      priority: values.priority,
      effective_date: values.effectiveDate,
      termination_date: values.terminationDate,
      last_verified_date: values.lastVerifiedDate,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    })
    .execute();
  return id;
}

/** Policies in force on `today` (not terminated before it) at this priority. */
export async function activePolicyAt(
  db: Kysely<Database>,
  patientId: string,
  priority: InsurancePriority,
  today: string,
) {
  return db
    .selectFrom('patient_insurance')
    .select(['id', 'payer'])
    .where('patient_id', '=', patientId)
    .where('priority', '=', priority)
    .where('deleted_at', 'is', null)
    .where((eb) => eb.or([eb('termination_date', 'is', null), eb('termination_date', '>=', today)]))
    .executeTakeFirst();
}

export async function recordNotDuplicates(
  db: Kysely<Database>,
  patientId: string,
  others: readonly string[],
  decidedBy: string | null,
  now: number,
) {
  for (const other of others) {
    if (other === patientId) continue;
    const [a, b] = patientId < other ? [patientId, other] : [other, patientId];
    await db
      .insertInto('patient_not_duplicates')
      .values({ patient_a: a, patient_b: b, decided_by: decidedBy, created_at: now, updated_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

export async function notDuplicatesOf(db: ReadDb, patientId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('patient_not_duplicates')
    .select(['patient_a', 'patient_b'])
    .where((eb) => eb.or([eb('patient_a', '=', patientId), eb('patient_b', '=', patientId)]))
    .execute();
  return new Set(rows.map((row) => (row.patient_a === patientId ? row.patient_b : row.patient_a)));
}

export { reindexPatient };

/** The whole record as the summary screen shows it. */
export async function loadRecord(db: ReadDb, id: string, today: string): Promise<PatientRecord | null> {
  const row = await findPatientRow(db, id);
  if (!row) return null;
  const [phones, contacts, allergies, alerts, insurance] = await Promise.all([
    db
      .selectFrom('patient_phones')
      .selectAll()
      .where('patient_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('patient_contacts')
      .selectAll()
      .where('patient_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('patient_allergies')
      .selectAll()
      .where('patient_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('patient_alerts')
      .selectAll()
      .where('patient_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('patient_insurance')
      .selectAll()
      .where('patient_id', '=', id)
      .where('deleted_at', 'is', null)
      .execute(),
  ]);
  const priorityOrder: Record<string, number> = { primary: 0, secondary: 1, tertiary: 2 };
  return {
    id: row.id,
    mrn: row.mrn,
    firstName: row.first_name,
    middleName: row.middle_name,
    lastName: row.last_name,
    preferredName: row.preferred_name,
    name: displayName({
      firstName: row.first_name,
      middleName: row.middle_name,
      lastName: row.last_name,
      preferredName: row.preferred_name,
    }),
    dob: row.dob,
    age: ageOn(row.dob, row.deceased_date ?? today),
    sex: row.sex as Sex,
    genderIdentity: row.gender_identity,
    email: row.email,
    address: {
      line1: row.address_line1,
      line2: row.address_line2,
      city: row.city,
      region: row.region,
      postalCode: row.postal_code,
      country: row.country,
    },
    preferredLanguage: row.preferred_language,
    nationalIdMasked: maskNationalId(row.national_id),
    notes: row.notes,
    deceasedDate: row.deceased_date,
    active: row.active === 1,
    mergedIntoId: row.merged_into_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    phones: phones.map((p) => ({
      id: p.id,
      kind: p.kind as PhoneKind,
      number: p.number,
      isPrimary: p.is_primary === 1,
    })),
    contacts: contacts.map((c) => ({
      id: c.id,
      kind: c.kind as ContactKind,
      name: c.name,
      relationship: c.relationship,
      phone: c.phone,
      email: c.email,
    })),
    allergies: allergies.map((a) => ({
      id: a.id,
      substance: a.substance,
      reaction: a.reaction,
      severity: a.severity as AllergySeverity,
      createdAt: a.created_at,
    })),
    alerts: alerts.map((a) => ({ id: a.id, kind: a.kind as AlertKind, text: a.text, createdAt: a.created_at })),
    insurance: insurance
      .map((p) => ({
        id: p.id,
        payer: p.payer,
        plan: p.plan,
        memberId: p.member_id,
        groupNumber: p.group_number,
        holderName: p.holder_name,
        holderRelationship: p.holder_relationship as HolderRelationship,
        priority: p.priority as InsurancePriority,
        effectiveDate: p.effective_date,
        terminationDate: p.termination_date,
        lastVerifiedDate: p.last_verified_date,
      }))
      .sort((x, y) => (priorityOrder[x.priority] ?? 9) - (priorityOrder[y.priority] ?? 9)),
  };
}
