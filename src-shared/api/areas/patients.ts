import { z } from 'zod';
import { procedure } from '../procedure';
import {
  address,
  allergyFields,
  allergyRemoval,
  contacts,
  nationalId,
  optionalDate,
  patientFields,
  patientId,
} from '../../patients/fields';
import type {
  DuplicateCandidate,
  DuplicatePair,
  PatientHistoryEntry,
  PatientMergeSummary,
  PatientPhoto,
  PatientRecord,
  PatientSearchRow,
} from '../../patients/model';
import {
  ALERT_KINDS,
  HOLDER_RELATIONSHIPS,
  INSURANCE_PRIORITIES,
  MAX_PHOTO_BYTES,
  MERGE_FIELDS,
} from '../../patients/model';
import { boundedString, id, optionalText, requiredText } from '../../validation';
import { amountMinor } from '../../billing/fields';

/** patients.*: registration, search, the record and its parts, duplicates and merges, history and photo. */

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
  firstName: boundedString(80).optional(),
  middleName: boundedString(80).nullish(),
  lastName: boundedString(80).optional(),
  dob: boundedString(10).nullish(),
  email: boundedString(254).nullish(),
  nationalId: boundedString(40).nullish(),
  phones: z
    .array(z.object({ number: boundedString(40) }))
    .max(6)
    .default([]),
  /** The address as typed so far: it supports a likeness (and finds candidates by postcode or town). */
  address,
  limit: z.number().int().min(1).max(20).default(5),
});

/** Also what a FHIR import checks an incoming patient against, so both refuse the same things. */
export { createInput as patientCreateInput };
export type PatientCreateInput = z.output<typeof createInput>;
export type PatientUpdateInput = z.output<typeof updateInput>;
export type PatientDraftInput = z.output<typeof draftInput>;

export const patientsProcedures = {
  'patients.search': procedure<PatientSearchRow[]>()({
    input: z.object({
      query: boundedString(200),
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
        /** The policy's terms, when known: they split an insured invoice's lines (copay, deductible, coinsurance). */
        copayMinor: amountMinor.nullish().transform((v) => v ?? null),
        deductibleMinor: amountMinor.nullish().transform((v) => v ?? null),
        coinsurancePpm: z
          .number({ error: 'must be a number' })
          .int('must be a whole number of parts per million')
          .min(0, 'must not be negative')
          .max(1_000_000, 'must not be more than 100 %')
          .nullish()
          .transform((v) => v ?? null),
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
    input: z.object({ mergeId: id('a merge') }),
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
  /**
   * Emergency contacts and guarantor, saved as a whole list (the summary edits them on their own).
   * Carries the record's updatedAt like patients.update: a change by someone else in between is refused.
   */
  'patients.saveContacts': procedure<PatientRecord>()({
    input: z.object({
      patientId,
      expectedUpdatedAt: z.number({ error: 'must be the updatedAt the record was loaded with' }).int(),
      contacts,
    }),
    access: 'patients:write',
    kind: 'write',
  }),
  /** Who changed what and when on this patient, newest first. An audited read: it is about a patient. */
  'patients.history': procedure<{ entries: PatientHistoryEntry[]; nextBeforeSeq: number | null }>()({
    input: z.object({
      patientId,
      beforeSeq: z.number().int().positive().optional(),
      limit: z.number().int().min(1).max(200).default(50),
    }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
  /** Stored like a document, encrypted inside the database; replaces the previous photo. */
  'patients.setPhoto': procedure<PatientPhoto>()({
    input: z.object({
      patientId,
      mimeType: z.enum(['image/png', 'image/jpeg'], { error: 'must be a PNG or JPEG image' }),
      contentBase64: boundedString(Math.ceil(MAX_PHOTO_BYTES / 3) * 4, 'must be at most 2 MiB')
        .min(1, 'the file is empty')
        .regex(z.regexes.base64, 'must be the image encoded as base64'),
    }),
    access: 'patients:write',
    kind: 'write',
  }),
  'patients.removePhoto': procedure<null>()({
    input: z.object({ patientId }),
    access: 'patients:write',
    kind: 'write',
  }),
  /** The current photo, or null. An audited read: a face identifies the patient. */
  'patients.photo': procedure<PatientPhoto | null>()({
    input: z.object({ patientId }),
    access: 'patients:read',
    kind: 'read',
    phi: true,
  }),
};
