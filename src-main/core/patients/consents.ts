import type { Kysely } from 'kysely';
import type { Consent, ConsentKind } from '../../../src-shared/patients/consents';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { Database } from '../db/schema';
import type { PatientConsentRow } from '../db/schema-documents';
import type { ReadDb } from '../db/handles';
import { newId } from '../ids';
import { findConsent, insertConsent, listConsentRows, markConsentRevoked } from './consent-repository';
import { findDocumentOwner } from './document-repository';
import { requirePatient } from './documents';

/** A patient's consents (treatment, reminders …), each optionally backed by one of their documents. */

export interface NewConsent {
  patientId: string;
  kind: ConsentKind;
  givenOn: string;
  expiresOn: string | null;
  documentId: string | null;
  notes: string | null;
}

export async function recordConsent(
  db: Kysely<Database>,
  input: NewConsent,
  recordedBy: string | null,
  now: number,
): Promise<Consent> {
  await requirePatient(db, input.patientId);
  if (input.documentId) {
    const document = await findDocumentOwner(db, input.documentId);
    if (document?.patient_id !== input.patientId)
      throw fieldError('documentId', "is not one of this patient's documents");
  }
  const row: PatientConsentRow = {
    id: newId(),
    patient_id: input.patientId,
    kind: input.kind,
    given_on: input.givenOn,
    expires_on: input.expiresOn,
    recorded_by: recordedBy,
    document_id: input.documentId,
    notes: input.notes,
    revoked_at: null,
    revoked_by: null,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertConsent(db, row);
  return toConsent(row);
}

export async function listConsents(db: ReadDb, patientId: string): Promise<Consent[]> {
  await requirePatient(db, patientId);
  return (await listConsentRows(db, patientId)).map(toConsent);
}

export async function revokeConsent(
  db: Kysely<Database>,
  consentId: string,
  revokedBy: string | null,
  now: number,
): Promise<Consent> {
  const row = await findConsent(db, consentId);
  if (!row) throw new ApiError('NOT_FOUND', 'There is no such consent.', { fields: { consentId: 'no such consent' } });
  if (row.revoked_at !== null) throw new ApiError('CONFLICT', 'This consent was already revoked.');
  await markConsentRevoked(db, consentId, revokedBy, now);
  return toConsent({ ...row, revoked_at: now, revoked_by: revokedBy });
}

function toConsent(row: PatientConsentRow): Consent {
  return {
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind,
    givenOn: row.given_on,
    expiresOn: row.expires_on,
    recordedBy: row.recorded_by,
    documentId: row.document_id,
    notes: row.notes,
    revokedAt: row.revoked_at,
    createdAt: row.created_at,
  };
}
