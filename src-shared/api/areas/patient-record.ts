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
};
