import type { Kysely } from 'kysely';
import type { PatientCreateInput, PatientDraftInput, PatientUpdateInput } from '../../../src-shared/api/areas/patients';
import type { AllergyRemovalReason, PatientRecord } from '../../../src-shared/patients/model';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { todayIn } from '../../../src-shared/patients/dates';
import type { Database, NewPatient, PatientRow } from '../db/schema';
import { newId } from '../ids';
import { requireSetUp } from '../settings/repository';
import { findDuplicates } from './duplicate-check';
import {
  allocateMrn,
  findPatientRow,
  insertPatient,
  loadRecord,
  normaliseNationalId,
  readPatientContext,
  reindexPatient,
  updatePatientRow,
  type PatientContext,
} from './repository';
import { activePolicyAt, insertInsurance, type InsuranceInput } from './insurance-repository';
import { findAllergyOf, insertAllergy, insertAlert, softDeleteAllergy } from './clinical-repository';
import { recordNotDuplicates } from './not-duplicate-repository';
import { phoneAndContactSignatures, replaceContacts, replacePhones } from './contact-repository';
import { assertLivePatient } from './live-patient';
import type { ReadDb } from '../db/handles';

const EARLIEST_DOB = '1900-01-01';

export async function patientContext(db: ReadDb): Promise<PatientContext> {
  return requireSetUp(await readPatientContext(db));
}

export function today(context: PatientContext, now: number): string {
  return todayIn(context.timeZone, now);
}

type Fields = Omit<PatientCreateInput, 'notDuplicateOf' | 'nationalId'>;

/** Rules the schema cannot know: they depend on today in the clinic's time zone. */
function checkDates(fields: Fields, todayIso: string): void {
  if (fields.dob > todayIso) throw fieldError('dob', 'must not be in the future');
  if (fields.dob < EARLIEST_DOB) throw fieldError('dob', `must be on or after ${EARLIEST_DOB}`);
  if (fields.deceasedDate !== null) {
    if (fields.deceasedDate > todayIso) throw fieldError('deceasedDate', 'must not be in the future');
    if (fields.deceasedDate < fields.dob) throw fieldError('deceasedDate', 'must not be before the date of birth');
  }
}

function columns(fields: Fields) {
  return {
    first_name: fields.firstName,
    middle_name: fields.middleName,
    last_name: fields.lastName,
    preferred_name: fields.preferredName,
    dob: fields.dob,
    sex: fields.sex,
    gender_identity: fields.genderIdentity,
    email: fields.email,
    address_line1: fields.address.line1,
    address_line2: fields.address.line2,
    city: fields.address.city,
    region: fields.address.region,
    postal_code: fields.address.postalCode,
    country: fields.address.country,
    preferred_language: fields.preferredLanguage,
    notes: fields.notes,
    deceased_date: fields.deceasedDate,
  } satisfies Partial<NewPatient>;
}

/** Strong candidates not yet confirmed as other people stop the save, with the candidates as details. */
async function refuseStrongDuplicates(
  db: Kysely<Database>,
  context: PatientContext,
  todayIso: string,
  draft: PatientDraftInput,
  confirmed: readonly string[],
): Promise<void> {
  const candidates = await findDuplicates(db, context, todayIso, draft);
  const blocking = candidates.filter((c) => c.strength === 'strong' && !confirmed.includes(c.patient.id));
  if (blocking.length === 0) return;
  const first = blocking[0];
  throw new ApiError(
    'CONFLICT',
    `This may be a patient who is already registered: ${first?.patient.name} (${first?.patient.mrn}) — ${first?.reasons[0]?.message}. ` +
      'Open that record, or confirm that this is a different person to save.',
    { duplicates: blocking },
  );
}

export function draftOf(fields: Fields, nationalId: string | null, excludePatientId?: string): PatientDraftInput {
  return {
    excludePatientId,
    firstName: fields.firstName,
    middleName: fields.middleName,
    lastName: fields.lastName,
    dob: fields.dob,
    email: fields.email,
    nationalId,
    phones: fields.phones.map((phone) => ({ number: phone.number })),
    address: fields.address,
    limit: 20,
  };
}

export async function createPatient(
  db: Kysely<Database>,
  input: PatientCreateInput,
  actor: string | null,
  now: number,
  /** `review`: a FHIR import registers a likely duplicate anyway and leaves the pair to the duplicate review. */
  duplicates: 'refuse' | 'review' = 'refuse',
): Promise<PatientRecord> {
  const context = await patientContext(db);
  const todayIso = today(context, now);
  checkDates(input, todayIso);
  const nationalId = normaliseNationalId(input.nationalId);
  if (duplicates === 'refuse')
    await refuseStrongDuplicates(db, context, todayIso, draftOf(input, nationalId), input.notDuplicateOf);
  const id = newId();
  await insertPatient(db, {
    id,
    mrn: await allocateMrn(db, now),
    ...columns(input),
    national_id: nationalId,
    deceased_at: input.deceasedDate ? now : null,
    active: 1,
    merged_into_id: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  await replacePhones(db, id, input.phones, context.callingCode, now);
  await replaceContacts(db, id, input.contacts, context.callingCode, now);
  await recordNotDuplicates(db, id, input.notDuplicateOf, actor, now);
  await reindexPatient(db, id);
  return requireRecord(db, id, todayIso);
}

export async function existingPatient(db: ReadDb, id: string): Promise<PatientRow> {
  const row = await findPatientRow(db, id);
  if (!row) throw new ApiError('NOT_FOUND', 'There is no such patient.', { fields: { patientId: 'no such patient' } });
  return row;
}

export async function updatePatient(
  db: Kysely<Database>,
  input: PatientUpdateInput,
  actor: string | null,
  now: number,
): Promise<{ record: PatientRecord; changed: string[] }> {
  const context = await patientContext(db);
  const todayIso = today(context, now);
  const before = assertLivePatient(await existingPatient(db, input.patientId));
  if (before.updated_at !== input.expectedUpdatedAt) {
    throw new ApiError(
      'CONFLICT',
      'Someone else changed this patient since you opened the record. Reload it and make your change again.',
    );
  }
  checkDates(input, todayIso);
  const nationalId = input.nationalId === undefined ? before.national_id : normaliseNationalId(input.nationalId);
  await refuseStrongDuplicates(db, context, todayIso, draftOf(input, nationalId, before.id), input.notDuplicateOf);
  const after = {
    ...columns(input),
    national_id: nationalId,
    active: input.active ? 1 : 0,
    deceased_at: input.deceasedDate ? (before.deceased_at ?? now) : null,
  };
  const changed = Object.entries(after)
    .filter(([key, value]) => before[key as keyof PatientRow] !== value)
    .map(([key]) => key);
  const childrenBefore = await phoneAndContactSignatures(db, before.id);
  await updatePatientRow(db, before.id, { ...after, updated_at: Math.max(now, before.updated_at + 1) });
  await replacePhones(db, before.id, input.phones, context.callingCode, now);
  await replaceContacts(db, before.id, input.contacts, context.callingCode, now);
  const childrenAfter = await phoneAndContactSignatures(db, before.id);
  if (childrenAfter.phones !== childrenBefore.phones) changed.push('phones');
  if (childrenAfter.contacts !== childrenBefore.contacts) changed.push('contacts');
  await recordNotDuplicates(db, before.id, input.notDuplicateOf, actor, now);
  await reindexPatient(db, before.id);
  return { record: await requireRecord(db, before.id, todayIso), changed };
}

export async function requireRecord(db: ReadDb, id: string, todayIso: string): Promise<PatientRecord> {
  const record = await loadRecord(db, id, todayIso);
  if (!record)
    throw new ApiError('NOT_FOUND', 'There is no such patient.', { fields: { patientId: 'no such patient' } });
  return record;
}

export async function addAllergy(
  db: Kysely<Database>,
  input: {
    patientId: string;
    substance: string;
    reaction: string | null;
    severity: 'mild' | 'moderate' | 'severe' | 'unknown';
  },
  actor: string | null,
  now: number,
): Promise<{ record: PatientRecord; id: string }> {
  const context = await patientContext(db);
  await existingPatient(db, input.patientId);
  const id = await insertAllergy(db, { ...input, recordedBy: actor }, now);
  return { record: await requireRecord(db, input.patientId, today(context, now)), id };
}

/** Takes an allergy off this patient's record; the audit entry keeps what it was and why. */
export async function removeAllergy(
  db: Kysely<Database>,
  input: { patientId: string; allergyId: string; reason: AllergyRemovalReason },
  now: number,
): Promise<{ record: PatientRecord }> {
  const context = await patientContext(db);
  assertLivePatient(await existingPatient(db, input.patientId));
  const allergy = await findAllergyOf(db, input.patientId, input.allergyId);
  if (!allergy) throw fieldError('allergyId', 'this patient has no such allergy on record');
  await softDeleteAllergy(db, allergy.id, now);
  return { record: await requireRecord(db, input.patientId, today(context, now)) };
}

export async function addAlert(
  db: Kysely<Database>,
  input: { patientId: string; kind: 'clinical' | 'administrative' | 'safety' | 'billing'; text: string },
  actor: string | null,
  now: number,
): Promise<{ record: PatientRecord; id: string }> {
  const context = await patientContext(db);
  await existingPatient(db, input.patientId);
  const id = await insertAlert(db, { ...input, recordedBy: actor }, now);
  return { record: await requireRecord(db, input.patientId, today(context, now)), id };
}

export async function addInsurance(
  db: Kysely<Database>,
  input: InsuranceInput,
  now: number,
): Promise<{ record: PatientRecord; id: string }> {
  const context = await patientContext(db);
  const todayIso = today(context, now);
  await existingPatient(db, input.patientId);
  const clash = await activePolicyAt(db, input.patientId, input.priority, todayIso);
  if (clash && (input.terminationDate === null || input.terminationDate >= todayIso)) {
    throw fieldError(
      'priority',
      `this patient already has a ${input.priority} policy in force (${clash.payer}); end it first or choose another priority`,
    );
  }
  const id = await insertInsurance(db, input, now);
  return { record: await requireRecord(db, input.patientId, todayIso), id };
}
