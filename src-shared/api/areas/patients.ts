import { z } from 'zod';
import { procedure } from '../procedure';
import { isIsoDate } from '../../patients/dates';
import { isPlausiblePhone } from '../../patients/phones';

export const SEXES = ['female', 'male', 'intersex', 'unknown'] as const;
export const PHONE_KINDS = ['mobile', 'home', 'work'] as const;
export const CONTACT_KINDS = ['emergency', 'guarantor'] as const;
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'unknown'] as const;
export const ALERT_KINDS = ['clinical', 'administrative', 'safety', 'billing'] as const;
export const INSURANCE_PRIORITIES = ['primary', 'secondary', 'tertiary'] as const;
export const HOLDER_RELATIONSHIPS = ['self', 'spouse', 'parent', 'child', 'other'] as const;

export type Sex = (typeof SEXES)[number];
export type PhoneKind = (typeof PHONE_KINDS)[number];
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type AllergySeverity = (typeof ALLERGY_SEVERITIES)[number];
export type AlertKind = (typeof ALERT_KINDS)[number];
export type InsurancePriority = (typeof INSURANCE_PRIORITIES)[number];
export type HolderRelationship = (typeof HOLDER_RELATIONSHIPS)[number];

// ---- field rules -------------------------------------------------------------------------------

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const requiredText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
/** Optional free text: blank means none (null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((value) => (value ? value : null));
const isoDate = z.string().trim().refine(isIsoDate, 'must be a real date written as YYYY-MM-DD');
const optionalDate = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isIsoDate(value), 'must be a real date written as YYYY-MM-DD');
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'must be at most 254 characters')
  .refine((value) => value === '' || EMAIL.test(value), 'must be an email address like name@example.com')
  .nullish()
  .transform((value) => (value ? value : null));
const phoneNumber = z.string().trim().refine(isPlausiblePhone, 'must be a phone number of 6 to 15 digits');
const optionalPhone = z
  .string()
  .trim()
  .nullish()
  .transform((value) => (value ? value : null))
  .refine((value) => value === null || isPlausiblePhone(value), 'must be a phone number of 6 to 15 digits');
export const patientId = z.uuid('must be a patient id');
const rowId = z.uuid('must be an id').optional();

const phone = z.object({
  id: rowId,
  kind: z.enum(PHONE_KINDS, { error: `must be one of ${PHONE_KINDS.join(', ')}` }),
  number: phoneNumber,
  isPrimary: z.boolean().default(false),
});

const phones = z
  .array(phone)
  .max(6, 'at most 6 phone numbers')
  .default([])
  .superRefine((list, ctx) => {
    const primaries = list.flatMap((entry, index) => (entry.isPrimary ? [index] : []));
    for (const index of primaries.slice(1)) {
      ctx.addIssue({ code: 'custom', path: [index, 'isPrimary'], message: 'only one phone can be primary' });
    }
  });

export const contact = z
  .object({
    id: rowId,
    kind: z.enum(CONTACT_KINDS, { error: `must be one of ${CONTACT_KINDS.join(', ')}` }),
    name: requiredText(120),
    relationship: optionalText(60),
    phone: optionalPhone,
    email,
  })
  // Someone to ring when the patient collapses is no use without a number.
  .refine((entry) => entry.kind !== 'emergency' || entry.phone !== null, {
    path: ['phone'],
    message: 'an emergency contact needs a phone number',
  });

/** Contacts as a whole list: one guarantor at most (the one the bill goes to). */
export const contacts = z
  .array(contact)
  .max(10, 'at most 10 contacts')
  .default([])
  .superRefine((list, ctx) => {
    const guarantors = list.flatMap((entry, index) => (entry.kind === 'guarantor' ? [index] : []));
    for (const index of guarantors.slice(1)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'kind'],
        message: 'only one guarantor; change the other to an emergency contact or remove it',
      });
    }
  });

const address = z
  .object({
    line1: optionalText(120),
    line2: optionalText(120),
    city: optionalText(80),
    region: optionalText(80),
    postalCode: optionalText(20),
    country: optionalText(80),
  })
  .default({ line1: null, line2: null, city: null, region: null, postalCode: null, country: null });

/** The registration form's fields; create and update share them, so the messages name the same fields. */
const patientFields = {
  firstName: requiredText(80),
  middleName: optionalText(80),
  lastName: requiredText(80),
  preferredName: optionalText(80),
  dob: isoDate,
  sex: z.enum(SEXES, { error: `must be one of ${SEXES.join(', ')}` }).default('unknown'),
  genderIdentity: optionalText(80),
  email,
  address,
  preferredLanguage: optionalText(40),
  notes: optionalText(4000),
  deceasedDate: optionalDate,
  phones,
  contacts,
};

const nationalId = z
  .string()
  .trim()
  .max(40, 'must be at most 40 characters')
  .refine(
    (value) => value === '' || /^[\p{L}\p{N}\s./-]+$/u.test(value),
    'may hold only letters, digits, spaces, dots, dashes and slashes',
  );

// ---- outputs -----------------------------------------------------------------------------------

export interface PatientSearchRow {
  id: string;
  mrn: string;
  /** "Last, First Middle" with the preferred name in quotes. */
  name: string;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  dob: string;
  age: number;
  sex: Sex;
  /** The primary phone as stored (E.164 when the country is known). */
  phone: string | null;
  active: boolean;
  deceased: boolean;
  /** What the query matched, for the screen to explain an unexpected hit. */
  matchedOn: 'mrn' | 'nationalId' | 'email' | 'dob' | 'name' | 'phone' | 'partial';
  /** Search results only: the next booked or confirmed appointment, in the clinic's wall clock. */
  nextAppointment?: NextAppointment | null;
}

export interface NextAppointment {
  appointmentId: string;
  /** YYYY-MM-DD and HH:MM in the clinic's time zone. */
  date: string;
  time: string;
  providerName: string;
}

export interface PatientPhone {
  id: string;
  kind: PhoneKind;
  number: string;
  isPrimary: boolean;
}

export interface PatientContact {
  id: string;
  kind: ContactKind;
  name: string;
  relationship: string | null;
  phone: string | null;
  email: string | null;
}

export interface PatientAllergy {
  id: string;
  substance: string;
  reaction: string | null;
  severity: AllergySeverity;
  createdAt: number;
}

export interface PatientAlert {
  id: string;
  kind: AlertKind;
  text: string;
  createdAt: number;
}

export interface PatientInsurance {
  id: string;
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

export interface PatientAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string | null;
}

export interface PatientRecord {
  id: string;
  mrn: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  preferredName: string | null;
  name: string;
  dob: string;
  age: number;
  sex: Sex;
  genderIdentity: string | null;
  email: string | null;
  address: PatientAddress;
  preferredLanguage: string | null;
  /** Only the last characters are ever sent to a screen: "•••• 4321". */
  nationalIdMasked: string | null;
  notes: string | null;
  deceasedDate: string | null;
  active: boolean;
  mergedIntoId: string | null;
  createdAt: number;
  /** Send back with patients.update: a change by someone else in between is refused, not overwritten. */
  updatedAt: number;
  phones: PatientPhone[];
  contacts: PatientContact[];
  allergies: PatientAllergy[];
  alerts: PatientAlert[];
  insurance: PatientInsurance[];
}

export type DuplicateReasonCode =
  | 'same_national_id'
  | 'same_dob_same_name'
  | 'same_dob_name_accents'
  | 'same_dob_name_transposed'
  | 'same_dob_name_compound'
  | 'same_dob_name_phonetic'
  | 'same_dob_name_typo'
  | 'swapped_dob_same_name'
  | 'near_dob_same_name'
  | 'same_dob_address_part_name'
  | 'same_address_same_name'
  | 'same_email'
  | 'same_phone'
  /** Supporting only: never a reason on its own. */
  | 'same_address';

export interface DuplicateReason {
  code: DuplicateReasonCode;
  /** A sentence for the screen: "Same date of birth and a name that sounds the same (Katherine / Catherine)". */
  message: string;
}

export interface DuplicateCandidate {
  patient: PatientSearchRow;
  /** 0-100. */
  score: number;
  /** Saving over a strong candidate needs an explicit "not the same person" (notDuplicateOf). */
  strength: 'strong' | 'possible';
  reasons: DuplicateReason[];
}

/** The demographic fields a merge takes from one record or the other (address moves as a whole). */
export const MERGE_FIELDS = [
  'firstName',
  'middleName',
  'lastName',
  'preferredName',
  'dob',
  'sex',
  'genderIdentity',
  'email',
  'address',
  'preferredLanguage',
  'nationalId',
  'notes',
  'deceasedDate',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];
export type MergeChoice = 'survivor' | 'merged';

export interface PatientMergeSummary {
  id: string;
  survivorId: string;
  survivorMrn: string;
  survivorName: string;
  mergedId: string;
  mergedMrn: string;
  mergedName: string;
  mergedAt: number;
  mergedBy: string | null;
  /** Every merge field with the record it was taken from. */
  fields: Record<MergeField, MergeChoice>;
  /** Linked rows the merge moved, per table. */
  moved: Record<string, number>;
  undoneAt: number | null;
  undoneBy: string | null;
}

export interface DuplicatePair {
  a: PatientSearchRow;
  b: PatientSearchRow;
  /** 0-100. */
  score: number;
  strength: 'strong' | 'possible';
  reasons: DuplicateReason[];
}

// ---- procedures --------------------------------------------------------------------------------

const createInput = z.object({
  ...patientFields,
  nationalId: nationalId.optional(),
  /** Strong duplicate candidates the user has confirmed are other people. */
  notDuplicateOf: z.array(patientId).max(20).default([]),
});

const updateInput = z.object({
  patientId,
  expectedUpdatedAt: z.number({ error: 'must be the updatedAt the form was loaded with' }).int(),
  ...patientFields,
  /** Left out: unchanged (the screen only ever sees it masked). Blank: removed. */
  nationalId: nationalId.optional(),
  active: z.boolean().default(true),
  notDuplicateOf: z.array(patientId).max(20).default([]),
});

/** A registration form being filled in: every field optional, nothing refused for being half typed. */
const draftInput = z.object({
  excludePatientId: patientId.optional(),
  firstName: z.string().max(80).optional(),
  middleName: z.string().max(80).nullish(),
  lastName: z.string().max(80).optional(),
  dob: z.string().max(10).nullish(),
  email: z.string().max(254).nullish(),
  nationalId: z.string().max(40).nullish(),
  phones: z
    .array(z.object({ number: z.string().max(40) }))
    .max(6)
    .default([]),
  /** The address as typed so far: it supports a likeness (and finds candidates by postcode). */
  address,
  limit: z.number().int().min(1).max(20).default(5),
});

export type PatientCreateInput = z.output<typeof createInput>;
export type PatientUpdateInput = z.output<typeof updateInput>;
export type PatientDraftInput = z.output<typeof draftInput>;

/** What an allergy is recorded with, from the patient's page or the nurse's intake. */
export const allergyFields = {
  substance: requiredText(120),
  reaction: optionalText(200),
  severity: z.enum(ALLERGY_SEVERITIES, { error: `must be one of ${ALLERGY_SEVERITIES.join(', ')}` }).default('unknown'),
};

export const ALLERGY_REMOVAL_REASONS = ['entered_in_error', 'no_longer_applies'] as const;
export type AllergyRemovalReason = (typeof ALLERGY_REMOVAL_REASONS)[number];
export const ALLERGY_REMOVAL_LABELS: Record<AllergyRemovalReason, string> = {
  entered_in_error: 'Entered in error',
  no_longer_applies: 'No longer applies',
};

export const allergyRemoval = {
  allergyId: z.uuid('must be an allergy id'),
  reason: z.enum(ALLERGY_REMOVAL_REASONS, { error: `must be one of ${ALLERGY_REMOVAL_REASONS.join(', ')}` }),
};

export const patientsProcedures = {
  'patients.search': procedure<PatientSearchRow[]>()({
    input: z.object({
      query: z.string().max(200, 'must be at most 200 characters'),
      limit: z.number().int().min(1).max(50).default(20),
    }),
    access: 'patients:read',
    kind: 'read',
  }),
  'patients.get': procedure<PatientRecord>()({
    input: z.object({ patientId }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
  'patients.create': procedure<PatientRecord>()({ input: createInput, access: 'patients:write', kind: 'write' }),
  'patients.update': procedure<PatientRecord>()({ input: updateInput, access: 'patients:write', kind: 'write' }),
  'patients.findDuplicates': procedure<DuplicateCandidate[]>()({
    input: draftInput,
    access: 'patients:read',
    kind: 'read',
  }),
  'patients.addAllergy': procedure<PatientRecord>()({
    input: z.object({ patientId, ...allergyFields }),
    access: 'patients:write',
    kind: 'write',
  }),
  /** Takes an allergy off the record (kept in the audit log with why): entered in error, or no longer applies. */
  'patients.removeAllergy': procedure<PatientRecord>()({
    input: z.object({ patientId, ...allergyRemoval }),
    access: 'patients:write',
    kind: 'write',
  }),
  'patients.addAlert': procedure<PatientRecord>()({
    input: z.object({
      patientId,
      kind: z.enum(ALERT_KINDS, { error: `must be one of ${ALERT_KINDS.join(', ')}` }),
      text: requiredText(500),
    }),
    access: 'patients:write',
    kind: 'write',
  }),
  'patients.addInsurance': procedure<PatientRecord>()({
    input: z
      .object({
        patientId,
        payer: requiredText(120),
        plan: optionalText(120),
        memberId: requiredText(60),
        groupNumber: optionalText(60),
        holderName: optionalText(120),
        holderRelationship: z
          .enum(HOLDER_RELATIONSHIPS, { error: `must be one of ${HOLDER_RELATIONSHIPS.join(', ')}` })
          .default('self'),
        priority: z.enum(INSURANCE_PRIORITIES, { error: `must be one of ${INSURANCE_PRIORITIES.join(', ')}` }),
        effectiveDate: optionalDate,
        terminationDate: optionalDate,
        lastVerifiedDate: optionalDate,
      })
      .refine((p) => !p.effectiveDate || !p.terminationDate || p.terminationDate >= p.effectiveDate, {
        path: ['terminationDate'],
        message: 'must not be before the effective date',
      }),
    access: 'patients:write',
    kind: 'write',
  }),
  'patients.merge': procedure<PatientRecord>()({
    input: z
      .object({
        survivorId: patientId,
        mergedId: patientId,
        /** Fields left out are kept from the survivor. */
        fields: z
          .partialRecord(z.enum(MERGE_FIELDS), z.enum(['survivor', 'merged'], { error: 'must be survivor or merged' }))
          .default({}),
      })
      .refine((input) => input.survivorId !== input.mergedId, {
        path: ['mergedId'],
        message: 'must be another patient than the survivor',
      }),
    access: 'patients:merge',
    kind: 'write',
  }),
  'patients.unmerge': procedure<{ survivor: PatientRecord; restored: PatientRecord }>()({
    input: z.object({ mergeId: z.uuid('must be a merge id') }),
    access: 'patients:merge',
    kind: 'write',
  }),
  'patients.merges': procedure<PatientMergeSummary[]>()({
    input: z.object({ patientId }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
  'patients.duplicatePairs': procedure<DuplicatePair[]>()({
    input: z.object({
      limit: z.number().int().min(1).max(500).default(100),
      minScore: z.number().int().min(0).max(100).default(35),
    }),
    access: 'patients:merge',
    kind: 'read',
  }),
  'patients.markNotDuplicate': procedure<{ a: string; b: string }>()({
    input: z
      .object({ a: patientId, b: patientId })
      .refine((input) => input.a !== input.b, { path: ['b'], message: 'must be another patient' }),
    access: 'patients:merge',
    kind: 'write',
  }),
};
