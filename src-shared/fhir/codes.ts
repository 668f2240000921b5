/**
 * The vocabulary FHIR R4 export and import share: which FHIR code each of our fixed values becomes and
 * back, LOINC + UCUM for vitals, and the identifier systems that let an import recognise what an
 * export wrote. Data and tiny pure functions only, so both directions (and their tests) agree by
 * construction. Where FHIR is coarser than the desk (a confirmed appointment is just "booked"), the
 * exact desk value travels in a Front Desk extension so a round trip loses nothing.
 */

/** Our own URIs. URNs, not URLs: no server answers at them, and a clinic's export must not depend on one. */
export const FHIR_SYSTEMS = {
  /** The clinic's medical record number (Patient.identifier, type MR). */
  mrn: 'urn:front-desk:mrn',
  /** A national identity number as typed at the desk (type NI); the issuing country is not known. */
  nationalId: 'urn:front-desk:national-id',
  /** Prefix of the system of our row ids, per resource: `${idSystemPrefix}patient`. */
  idSystemPrefix: 'urn:front-desk:id:',
  appointmentType: 'urn:front-desk:appointment-type',
  consentKind: 'urn:front-desk:consent-kind',
  documentKind: 'urn:front-desk:document-kind',
  specialty: 'urn:front-desk:specialty',
  // External code systems.
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  bcp47: 'urn:ietf:bcp:47',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  contactRelationship: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  encounterClass: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  subscriberRelationship: 'http://terminology.hl7.org/CodeSystem/subscriber-relationship',
  consentScope: 'http://terminology.hl7.org/CodeSystem/consentscope',
  consentCategory: 'http://loinc.org',
  allergyClinical: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  allergyVerification: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  claimType: 'http://terminology.hl7.org/CodeSystem/claim-type',
  processPriority: 'http://terminology.hl7.org/CodeSystem/processpriority',
} as const;

/** Extensions carrying the desk's exact value where FHIR's value set is coarser. */
export const FHIR_EXTENSIONS = {
  appointmentDeskStatus: 'urn:front-desk:extension:appointment-status',
  encounterDeskStatus: 'urn:front-desk:extension:visit-status',
  patientSex: 'urn:front-desk:extension:sex',
} as const;

/** The identifier system for our row ids of one kind of resource ('patient', 'appointment', ...). */
export function idSystem(kind: string): string {
  return `${FHIR_SYSTEMS.idSystemPrefix}${kind}`;
}

// ---- Appointment.status ----

export type DeskAppointmentStatus =
  'booked' | 'confirmed' | 'arrived' | 'in_room' | 'completed' | 'cancelled' | 'no_show';
export type FhirAppointmentStatus =
  | 'proposed'
  | 'pending'
  | 'booked'
  | 'arrived'
  | 'fulfilled'
  | 'cancelled'
  | 'noshow'
  | 'entered-in-error'
  | 'checked-in'
  | 'waitlist';

export const APPOINTMENT_STATUS_TO_FHIR: Record<DeskAppointmentStatus, FhirAppointmentStatus> = {
  booked: 'booked',
  confirmed: 'booked',
  arrived: 'arrived',
  in_room: 'arrived',
  completed: 'fulfilled',
  cancelled: 'cancelled',
  no_show: 'noshow',
};

/** null: nothing to import (an error, or a wish not yet an appointment). */
export const APPOINTMENT_STATUS_FROM_FHIR: Record<FhirAppointmentStatus, DeskAppointmentStatus | null> = {
  proposed: 'booked',
  pending: 'booked',
  booked: 'booked',
  arrived: 'arrived',
  'checked-in': 'arrived',
  fulfilled: 'completed',
  cancelled: 'cancelled',
  noshow: 'no_show',
  'entered-in-error': null,
  waitlist: null,
};

const DESK_APPOINTMENT_STATUSES = Object.keys(APPOINTMENT_STATUS_TO_FHIR) as DeskAppointmentStatus[];

/** The desk status for a FHIR status; our own extension (when a Front Desk export wrote it) wins if it agrees. */
export function appointmentStatusFromFhir(status: string, deskExtension?: string | null): DeskAppointmentStatus | null {
  const mapped = APPOINTMENT_STATUS_FROM_FHIR[status as FhirAppointmentStatus] ?? null;
  const exact = DESK_APPOINTMENT_STATUSES.find((s) => s === deskExtension);
  if (exact && APPOINTMENT_STATUS_TO_FHIR[exact] === status) return exact;
  return mapped;
}

// ---- Encounter.status (visits) ----

export type DeskVisitStatus =
  'arrived' | 'roomed' | 'with_provider' | 'ready_for_checkout' | 'checked_out' | 'cancelled';
export type FhirEncounterStatus =
  | 'planned'
  | 'arrived'
  | 'triaged'
  | 'in-progress'
  | 'onleave'
  | 'finished'
  | 'cancelled'
  | 'entered-in-error'
  | 'unknown';

export const VISIT_STATUS_TO_FHIR: Record<DeskVisitStatus, FhirEncounterStatus> = {
  arrived: 'arrived',
  roomed: 'triaged',
  with_provider: 'in-progress',
  ready_for_checkout: 'in-progress',
  checked_out: 'finished',
  cancelled: 'cancelled',
};

export const VISIT_STATUS_FROM_FHIR: Record<FhirEncounterStatus, DeskVisitStatus | null> = {
  planned: null,
  arrived: 'arrived',
  triaged: 'roomed',
  'in-progress': 'with_provider',
  onleave: 'with_provider',
  finished: 'checked_out',
  cancelled: 'cancelled',
  'entered-in-error': null,
  unknown: 'checked_out',
};

const DESK_VISIT_STATUSES = Object.keys(VISIT_STATUS_TO_FHIR) as DeskVisitStatus[];

export function visitStatusFromFhir(status: string, deskExtension?: string | null): DeskVisitStatus | null {
  const exact = DESK_VISIT_STATUSES.find((s) => s === deskExtension);
  if (exact && VISIT_STATUS_TO_FHIR[exact] === status) return exact;
  return VISIT_STATUS_FROM_FHIR[status as FhirEncounterStatus] ?? null;
}

/** Ambulatory: every visit at a front desk is an outpatient encounter. */
export const ENCOUNTER_CLASS = { system: FHIR_SYSTEMS.encounterClass, code: 'AMB', display: 'ambulatory' } as const;

// ---- Gender ----

export type DeskSex = 'female' | 'male' | 'intersex' | 'unknown';
export type FhirGender = 'male' | 'female' | 'other' | 'unknown';

export const SEX_TO_FHIR_GENDER: Record<DeskSex, FhirGender> = {
  female: 'female',
  male: 'male',
  intersex: 'other',
  unknown: 'unknown',
};

export const FHIR_GENDER_TO_SEX: Record<FhirGender, DeskSex> = {
  female: 'female',
  male: 'male',
  other: 'intersex',
  unknown: 'unknown',
};

export function sexFromFhirGender(gender: string | undefined | null): DeskSex {
  return FHIR_GENDER_TO_SEX[gender as FhirGender] ?? 'unknown';
}

// ---- Vitals: LOINC + UCUM ----

/** Our stored vitals columns (SI units, see src-shared/visits/vitals.ts). */
export type VitalKind =
  'systolic' | 'diastolic' | 'pulse' | 'respRate' | 'temperature' | 'spo2' | 'weight' | 'height' | 'bmi' | 'pain';

export interface VitalCode {
  loinc: string;
  display: string;
  /** The UCUM code of the unit we store in. */
  ucum: string;
  /** Human unit for Quantity.unit. */
  unit: string;
  column:
    | 'systolic_mmhg'
    | 'diastolic_mmhg'
    | 'pulse_per_min'
    | 'resp_per_min'
    | 'temperature_c'
    | 'spo2_percent'
    | 'weight_kg'
    | 'height_m'
    | 'bmi'
    | 'pain';
}

export const VITAL_CODES: Record<VitalKind, VitalCode> = {
  systolic: {
    loinc: '8480-6',
    display: 'Systolic blood pressure',
    ucum: 'mm[Hg]',
    unit: 'mmHg',
    column: 'systolic_mmhg',
  },
  diastolic: {
    loinc: '8462-4',
    display: 'Diastolic blood pressure',
    ucum: 'mm[Hg]',
    unit: 'mmHg',
    column: 'diastolic_mmhg',
  },
  pulse: { loinc: '8867-4', display: 'Heart rate', ucum: '/min', unit: 'beats/minute', column: 'pulse_per_min' },
  respRate: {
    loinc: '9279-1',
    display: 'Respiratory rate',
    ucum: '/min',
    unit: 'breaths/minute',
    column: 'resp_per_min',
  },
  temperature: { loinc: '8310-5', display: 'Body temperature', ucum: 'Cel', unit: '°C', column: 'temperature_c' },
  spo2: {
    loinc: '59408-5',
    display: 'Oxygen saturation in Arterial blood by Pulse oximetry',
    ucum: '%',
    unit: '%',
    column: 'spo2_percent',
  },
  weight: { loinc: '29463-7', display: 'Body weight', ucum: 'kg', unit: 'kg', column: 'weight_kg' },
  height: { loinc: '8302-2', display: 'Body height', ucum: 'm', unit: 'm', column: 'height_m' },
  bmi: { loinc: '39156-5', display: 'Body mass index (BMI) [Ratio]', ucum: 'kg/m2', unit: 'kg/m2', column: 'bmi' },
  pain: {
    loinc: '72514-3',
    display: 'Pain severity - 0-10 verbal numeric rating [Score] - Reported',
    ucum: '{score}',
    unit: '{score}',
    column: 'pain',
  },
};

/** Systolic and diastolic travel together as components of this panel, as the R4 vital-signs profile wants. */
export const BLOOD_PRESSURE_PANEL = {
  loinc: '85354-9',
  display: 'Blood pressure panel with all children optional',
} as const;
export const VITAL_SIGNS_CATEGORY = {
  system: FHIR_SYSTEMS.observationCategory,
  code: 'vital-signs',
  display: 'Vital Signs',
} as const;

/** Other LOINC codes a source may use for the same measurement (Synthea, other EHRs). */
const VITAL_LOINC_ALIASES: Record<string, VitalKind> = { '2708-6': 'spo2', '8302-2': 'height', '8306-3': 'height' };

export function vitalKindFromLoinc(code: string): VitalKind | null {
  const found = (Object.keys(VITAL_CODES) as VitalKind[]).find((k) => VITAL_CODES[k].loinc === code);
  return found ?? VITAL_LOINC_ALIASES[code] ?? null;
}

/** Factors from another UCUM unit to the one we store; temperature is affine and handled apart. */
const UNIT_FACTORS: Partial<Record<VitalKind, Record<string, number>>> = {
  weight: { kg: 1, g: 0.001, '[lb_av]': 0.453_592_37 },
  height: { m: 1, cm: 0.01, '[in_i]': 0.0254 },
};

/** A measured value in our stored unit, or null when the unit is not one we know for that kind. */
export function toStoredVitalValue(kind: VitalKind, value: number, ucum: string | undefined): number | null {
  const own = VITAL_CODES[kind].ucum;
  if (ucum === undefined || ucum === own) return value;
  if (kind === 'temperature' && ucum === '[degF]') return ((value - 32) * 5) / 9;
  if ((kind === 'pulse' || kind === 'respRate') && ucum === '{beats}/min') return value;
  const factor = UNIT_FACTORS[kind]?.[ucum];
  return factor === undefined ? null : value * factor;
}

// ---- Patient details ----

export const PHONE_KIND_TO_FHIR_USE = { mobile: 'mobile', home: 'home', work: 'work' } as const;

export function phoneKindFromFhirUse(use: string | undefined): 'mobile' | 'home' | 'work' {
  return use === 'home' || use === 'work' ? use : 'mobile';
}

/** HL7 v2 table 0131: C = emergency contact, BP = billing contact person (our guarantor). */
export const CONTACT_KIND_TO_V2 = { emergency: 'C', guarantor: 'BP' } as const;

export function contactKindFromV2(code: string | undefined): 'emergency' | 'guarantor' {
  return code === 'BP' ? 'guarantor' : 'emergency';
}

export const ALLERGY_SEVERITY_TO_FHIR = {
  mild: 'mild',
  moderate: 'moderate',
  severe: 'severe',
  unknown: null,
} as const;

export function allergySeverityFromFhir(severity: string | undefined): 'mild' | 'moderate' | 'severe' | 'unknown' {
  return severity === 'mild' || severity === 'moderate' || severity === 'severe' ? severity : 'unknown';
}

// ---- Coverage ----

export const INSURANCE_PRIORITY_TO_ORDER = { primary: 1, secondary: 2, tertiary: 3 } as const;

export function insurancePriorityFromOrder(order: number | undefined): 'primary' | 'secondary' | 'tertiary' {
  return order === 2 ? 'secondary' : order === 3 ? 'tertiary' : 'primary';
}

/** Our holder relationships are codes of subscriber-relationship already. */
export function holderRelationshipFromFhir(code: string | undefined): 'self' | 'spouse' | 'parent' | 'child' | 'other' {
  if (code === 'self' || code === 'spouse' || code === 'parent' || code === 'child') return code;
  if (code === 'common') return 'spouse';
  return code === undefined ? 'self' : 'other';
}

// ---- Consent ----

export type DeskConsentKind = 'treatment' | 'privacy' | 'sms_reminders' | 'email_reminders' | 'research' | 'other';

/** Consent.scope (required in R4); the exact kind travels as a category coding in FHIR_SYSTEMS.consentKind. */
export const CONSENT_KIND_TO_SCOPE: Record<DeskConsentKind, 'treatment' | 'patient-privacy' | 'research'> = {
  treatment: 'treatment',
  privacy: 'patient-privacy',
  sms_reminders: 'patient-privacy',
  email_reminders: 'patient-privacy',
  research: 'research',
  other: 'patient-privacy',
};

/** LOINC 59284-0 "Patient Consent": the R4 example category every consent can carry. */
export const CONSENT_CATEGORY_LOINC = { code: '59284-0', display: 'Patient Consent' } as const;

// ---- Language ----

const LANGUAGE_NAMES: Record<string, string> = {
  english: 'en',
  spanish: 'es',
  español: 'es',
  french: 'fr',
  portuguese: 'pt',
  german: 'de',
  italian: 'it',
  chinese: 'zh',
  mandarin: 'zh',
  cantonese: 'yue',
  arabic: 'ar',
  russian: 'ru',
  vietnamese: 'vi',
  korean: 'ko',
  japanese: 'ja',
  hindi: 'hi',
  tagalog: 'tl',
  polish: 'pl',
};

/** A BCP-47 tag for what the desk typed ("Spanish" or "es-MX"), or null when we cannot tell. */
export function languageTag(text: string): string | null {
  const trimmed = text.trim();
  if (/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(trimmed)) return trimmed;
  return LANGUAGE_NAMES[trimmed.toLowerCase()] ?? null;
}

// ---- Billing ----

export type DeskClaimStatus =
  'draft' | 'submitted' | 'accepted' | 'rejected' | 'paid' | 'partly_paid' | 'denied' | 'appealed' | 'closed';

export const CLAIM_STATUS_TO_FHIR: Record<DeskClaimStatus, 'draft' | 'active' | 'cancelled'> = {
  draft: 'draft',
  submitted: 'active',
  accepted: 'active',
  rejected: 'active',
  paid: 'active',
  partly_paid: 'active',
  denied: 'active',
  appealed: 'active',
  closed: 'cancelled',
};

/** ClaimResponse.outcome for a claim the payer has answered; null: no answer yet, so no ClaimResponse. */
export const CLAIM_STATUS_TO_OUTCOME: Record<DeskClaimStatus, 'complete' | 'partial' | 'error' | null> = {
  draft: null,
  submitted: null,
  accepted: 'complete',
  rejected: 'error',
  paid: 'complete',
  partly_paid: 'partial',
  denied: 'complete',
  appealed: 'partial',
  closed: 'complete',
};
