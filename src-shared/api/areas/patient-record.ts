import { z } from 'zod';
import { procedure } from '../procedure';
import { contacts, patientId, type PatientRecord } from './patients';

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
  contentBase64: string;
  createdAt: number;
}

export const patientRecordProcedures = {
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
      contentBase64: z
        .base64('must be the image encoded as base64')
        .min(1, 'the file is empty')
        .max(Math.ceil(MAX_PHOTO_BYTES / 3) * 4, 'must be at most 2 MiB'),
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
