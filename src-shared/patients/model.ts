/** What the patients.* procedures answer, and the fixed lists their fields take. */

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
  /** The policy's terms when the desk recorded them: copay per visit, deductible per year, coinsurance (ppm). */
  copayMinor: number | null;
  deductibleMinor: number | null;
  coinsurancePpm: number | null;
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
  /** Possible only: a twin looks like this too. */
  | 'same_dob_family_address'
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

/** One change to a patient's record, as the summary's history lists it. */
export interface PatientHistoryEntry {
  /** The audit entry's sequence number: the history is read from the audit log. */
  seq: number;
  at: number;
  /** The user's display name (or username if the user was since removed); null for the system. */
  by: string | null;
  action: string;
  /** A sentence for the screen: "Changed the record: email, phones". */
  description: string;
}

/** A face to recognise at the desk needs no more; a phone's full-size picture should be scaled first. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

export interface PatientPhoto {
  documentId: string;
  mimeType: 'image/png' | 'image/jpeg';
  /** Empty while `arriving`. */
  contentBase64: string;
  createdAt: number;
  /** Set on another desk whose bytes are still on their way (they travel in chunks): shown as a label. */
  arriving: boolean;
}

export const ALLERGY_REMOVAL_REASONS = ['entered_in_error', 'no_longer_applies'] as const;
export type AllergyRemovalReason = (typeof ALLERGY_REMOVAL_REASONS)[number];
export const ALLERGY_REMOVAL_LABELS: Record<AllergyRemovalReason, string> = {
  entered_in_error: 'Entered in error',
  no_longer_applies: 'No longer applies',
};
