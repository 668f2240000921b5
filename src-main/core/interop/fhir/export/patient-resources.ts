import type {
  AllergyIntolerance,
  ContactPoint,
  Consent,
  Coverage,
  DocumentReference,
  Patient,
  PatientContact,
  PatientLink,
} from 'fhir/r4';
import {
  ALLERGY_SEVERITY_TO_FHIR,
  CONSENT_CATEGORY_LOINC,
  CONSENT_KIND_TO_SCOPE,
  CONTACT_KIND_TO_V2,
  FHIR_EXTENSIONS,
  FHIR_SYSTEMS,
  INSURANCE_PRIORITY_TO_ORDER,
  PHONE_KIND_TO_FHIR_USE,
  SEX_TO_FHIR_GENDER,
  languageTag,
  type DeskSex,
} from '../../../../../src-shared/fhir/codes';
import type { PatientBatch } from './export-repository';
import { CLINIC_ORGANIZATION_ID, compact, instant, ref, rowIdentifier } from './references';

/** Resources about the person: who they are, what they react to, who pays, what they agreed to, their papers. */

type Row<K extends keyof PatientBatch> = PatientBatch[K][number];

const identifierType = (code: string, display: string) => ({
  coding: [{ system: FHIR_SYSTEMS.identifierType, code, display }],
});

export function patientResource(batch: PatientBatch, p: Row<'patients'>): Patient {
  const phones: ContactPoint[] = batch.phones
    .filter((phone) => phone.patient_id === p.id)
    .map((phone, index) => ({
      system: 'phone',
      value: phone.number,
      use: PHONE_KIND_TO_FHIR_USE[phone.kind as keyof typeof PHONE_KIND_TO_FHIR_USE] ?? 'mobile',
      rank: phone.is_primary === 1 ? 1 : index + 2,
    }));
  const telecom = [...phones, ...(p.email ? [{ system: 'email' as const, value: p.email }] : [])];
  const lines = [p.address_line1, p.address_line2].filter((l): l is string => !!l);
  const hasAddress = lines.length > 0 || p.city || p.region || p.postal_code || p.country;
  const contacts: PatientContact[] = batch.contacts
    .filter((c) => c.patient_id === p.id)
    .map((c) =>
      compact<PatientContact>({
        relationship: [
          compact({
            coding: [
              {
                system: FHIR_SYSTEMS.contactRelationship,
                code: CONTACT_KIND_TO_V2[c.kind as 'emergency' | 'guarantor'],
              },
            ],
            text: c.relationship ?? undefined,
          }),
        ],
        name: { text: c.name },
        telecom: [
          ...(c.phone ? [{ system: 'phone' as const, value: c.phone }] : []),
          ...(c.email ? [{ system: 'email' as const, value: c.email }] : []),
        ],
      }),
    );
  const links: PatientLink[] = [
    ...(p.merged_into_id ? [{ other: ref('Patient', p.merged_into_id), type: 'replaced-by' as const }] : []),
    ...batch.merges
      .filter((m) => m.survivor_id === p.id)
      .map((m) => ({ other: ref('Patient', m.merged_id), type: 'replaces' as const })),
  ];
  const language = p.preferred_language ? languageTag(p.preferred_language) : null;
  const sex = p.sex as DeskSex;
  return compact<Patient>({
    resourceType: 'Patient',
    id: p.id,
    extension: sex === 'intersex' ? [{ url: FHIR_EXTENSIONS.patientSex, valueCode: sex }] : undefined,
    identifier: [
      { use: 'usual', type: identifierType('MR', 'Medical record number'), system: FHIR_SYSTEMS.mrn, value: p.mrn },
      ...(p.national_id
        ? [
            {
              type: identifierType('NI', 'National unique individual identifier'),
              system: FHIR_SYSTEMS.nationalId,
              value: p.national_id,
            },
          ]
        : []),
      rowIdentifier('patient', p.id),
    ],
    active: p.active === 1 && p.merged_into_id === null,
    name: [
      compact({
        use: 'official' as const,
        family: p.last_name,
        given: [p.first_name, p.middle_name].filter((g): g is string => !!g),
      }),
      ...(p.preferred_name ? [{ use: 'usual' as const, given: [p.preferred_name] }] : []),
    ],
    telecom,
    gender: SEX_TO_FHIR_GENDER[sex] ?? 'unknown',
    birthDate: p.dob,
    deceasedDateTime: p.deceased_at !== null ? instant(p.deceased_at) : (p.deceased_date ?? undefined),
    address: hasAddress
      ? [
          compact({
            line: lines,
            city: p.city ?? undefined,
            state: p.region ?? undefined,
            postalCode: p.postal_code ?? undefined,
            country: p.country ?? undefined,
          }),
        ]
      : undefined,
    contact: contacts,
    communication: p.preferred_language
      ? [
          {
            language: compact({
              coding: language ? [{ system: FHIR_SYSTEMS.bcp47, code: language }] : undefined,
              text: p.preferred_language,
            }),
            preferred: true,
          },
        ]
      : undefined,
    managingOrganization: ref('Organization', CLINIC_ORGANIZATION_ID),
    link: links,
  });
}

export function allergyResource(a: Row<'allergies'>): AllergyIntolerance {
  const severity = ALLERGY_SEVERITY_TO_FHIR[a.severity as keyof typeof ALLERGY_SEVERITY_TO_FHIR] ?? null;
  // A reaction needs a manifestation; a severity without a described reaction says so with data-absent-reason.
  const manifestation = a.reaction
    ? [{ text: a.reaction }]
    : [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'unknown' }] }];
  return compact<AllergyIntolerance>({
    resourceType: 'AllergyIntolerance',
    id: a.id,
    identifier: [rowIdentifier('allergy', a.id)],
    clinicalStatus: { coding: [{ system: FHIR_SYSTEMS.allergyClinical, code: 'active' }] },
    verificationStatus: { coding: [{ system: FHIR_SYSTEMS.allergyVerification, code: 'confirmed' }] },
    code: { text: a.substance },
    patient: ref('Patient', a.patient_id),
    recordedDate: instant(a.created_at),
    reaction: a.reaction || severity ? [compact({ manifestation, severity: severity ?? undefined })] : undefined,
  });
}

export function coverageResource(i: Row<'insurance'>): Coverage {
  return compact<Coverage>({
    resourceType: 'Coverage',
    id: i.id,
    identifier: [rowIdentifier('insurance', i.id)],
    status: 'active',
    subscriber: i.holder_name ? { display: i.holder_name } : undefined,
    subscriberId: i.member_id,
    beneficiary: ref('Patient', i.patient_id),
    relationship: { coding: [{ system: FHIR_SYSTEMS.subscriberRelationship, code: i.holder_relationship }] },
    period:
      i.effective_date || i.termination_date
        ? compact({ start: i.effective_date ?? undefined, end: i.termination_date ?? undefined })
        : undefined,
    payor: [{ display: i.payer }],
    class: [
      ...(i.plan ? [{ type: { coding: [{ system: FHIR_SYSTEMS.coverageClass, code: 'plan' }] }, value: i.plan }] : []),
      ...(i.group_number
        ? [{ type: { coding: [{ system: FHIR_SYSTEMS.coverageClass, code: 'group' }] }, value: i.group_number }]
        : []),
    ],
    order: INSURANCE_PRIORITY_TO_ORDER[i.priority as keyof typeof INSURANCE_PRIORITY_TO_ORDER],
  });
}

export function consentResource(c: Row<'consents'>): Consent {
  const kind = c.kind;
  return compact<Consent>({
    resourceType: 'Consent',
    id: c.id,
    identifier: [rowIdentifier('consent', c.id)],
    status: c.revoked_at !== null ? 'inactive' : 'active',
    scope: { coding: [{ system: FHIR_SYSTEMS.consentScope, code: CONSENT_KIND_TO_SCOPE[kind] }] },
    category: [
      { coding: [{ system: FHIR_SYSTEMS.consentCategory, ...CONSENT_CATEGORY_LOINC }] },
      { coding: [{ system: FHIR_SYSTEMS.consentKind, code: kind }] },
    ],
    patient: ref('Patient', c.patient_id),
    dateTime: c.given_on,
    organization: [ref('Organization', CLINIC_ORGANIZATION_ID)],
    sourceReference: c.document_id ? ref('DocumentReference', c.document_id) : undefined,
    policyRule: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'OPTIN' }] },
    provision: { type: 'permit', period: compact({ start: c.given_on, end: c.expires_on ?? undefined }) },
  });
}

export function documentResource(d: Row<'documents'>): DocumentReference {
  return compact<DocumentReference>({
    resourceType: 'DocumentReference',
    id: d.id,
    identifier: [rowIdentifier('document', d.id)],
    status: 'current',
    type: { coding: [{ system: FHIR_SYSTEMS.documentKind, code: d.kind }], text: d.title },
    subject: ref('Patient', d.patient_id),
    date: instant(d.created_at),
    description: d.title,
    content: [
      {
        attachment: compact({
          contentType: d.mime_type,
          title: d.file_name,
          size: d.size_bytes,
          creation: instant(d.created_at),
          data: d.content ? Buffer.from(d.content).toString('base64') : undefined,
        }),
      },
    ],
  });
}
