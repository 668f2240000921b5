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
import { callingCodeOf } from '../../../src-shared/locale/phone-format';
import type { Database, NewPatient, PatientRow } from '../db/schema';
import { reindexPatient } from './search-index-repository';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';

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
    phone_region: string | null;
  }>`
    SELECT c.date_format, c.time_zone, c.phone_region, p.mrn_prefix, p.mrn_digits, p.default_calling_code
    FROM clinic_settings c, patient_settings p WHERE c.id = 1 AND p.id = 1`.execute(db);
  const first = row.rows[0];
  if (!first) return null;
  return {
    dateFormat: first.date_format as DateFormat,
    timeZone: first.time_zone,
    mrnPrefix: first.mrn_prefix,
    mrnDigits: first.mrn_digits,
    // The patients' own setting first; else the clinic's phone region: numbers typed without a country
    // code are stored with the region's (a US clinic's 6175550142 is +16175550142).
    callingCode: first.default_calling_code ?? callingCodeOf(first.phone_region),
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

/**
 * The next MRN, skipping any already taken. A desk that never enrolled with a sync server: the clinic's
 * prefix and counter (patient_settings). An enrolled desk: prefix, its desk code and its own counter
 * (mrn_series, local), "PB000042", so two desks offline never give the same number.
 */
export async function allocateMrn(db: Kysely<Database>, now: number): Promise<string> {
  const desk = await db.selectFrom('sync_state').select('desk_code').where('id', '=', 1).executeTakeFirst();
  for (;;) {
    const mrn = desk?.desk_code ? await nextDeskMrn(db, desk.desk_code, now) : await nextClinicMrn(db, now);
    const taken = await db.selectFrom('patients').select('id').where('mrn', '=', mrn).executeTakeFirst();
    if (!taken) return mrn;
  }
}

async function nextClinicMrn(db: Kysely<Database>, now: number): Promise<string> {
  const row = await db
    .updateTable('patient_settings')
    .set((eb) => ({ mrn_next: eb('mrn_next', '+', 1), updated_at: now }))
    .where('id', '=', 1)
    .returning(['mrn_next', 'mrn_prefix', 'mrn_digits'])
    .executeTakeFirstOrThrow();
  return `${row.mrn_prefix}${String(row.mrn_next - 1).padStart(row.mrn_digits, '0')}`;
}

async function nextDeskMrn(db: Kysely<Database>, deskCode: string, now: number): Promise<string> {
  const settings = await db
    .selectFrom('patient_settings')
    .select(['mrn_prefix', 'mrn_digits'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const prefix = `${settings.mrn_prefix}${deskCode}`;
  const row = await db
    .insertInto('mrn_series')
    .values({ prefix, next_number: 2, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('prefix').doUpdateSet({ next_number: sql`next_number + 1`, updated_at: now }))
    .returning('next_number')
    .executeTakeFirstOrThrow();
  return `${prefix}${String(row.next_number - 1).padStart(settings.mrn_digits, '0')}`;
}

export function findPatientRow(db: ReadDb, id: string): Promise<PatientRow | undefined> {
  return db.selectFrom('patients').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

/** Whether the patient exists, was removed or merged: what a write about them checks first (live-patient.ts). */
const patientLiveness = preparedRead((db, v: { id: string }) =>
  db.selectFrom('patients').select(['id', 'merged_into_id', 'deleted_at']).where('id', '=', v.id),
);

export async function findPatientLiveness(
  db: ReadDb,
  id: string,
): Promise<Pick<PatientRow, 'id' | 'merged_into_id' | 'deleted_at'> | undefined> {
  return (await patientLiveness(db, { id }))[0];
}

export async function insertPatient(db: Kysely<Database>, patient: NewPatient): Promise<void> {
  await db.insertInto('patients').values(patient).execute();
}

export async function updatePatientRow(db: Kysely<Database>, id: string, changes: Partial<NewPatient>): Promise<void> {
  await db.updateTable('patients').set(changes).where('id', '=', id).execute();
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
        copayMinor: p.copay_minor,
        deductibleMinor: p.deductible_minor,
        coinsurancePpm: p.coinsurance_ppm,
      }))
      .sort((x, y) => (priorityOrder[x.priority] ?? 9) - (priorityOrder[y.priority] ?? 9)),
  };
}
