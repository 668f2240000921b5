import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Consent, ConsentKind } from '../../../src-shared/patients/consents';
import type {
  DocumentContent,
  DocumentKind,
  DocumentSummary,
  DocumentType,
} from '../../../src-shared/patients/documents';
import { MAX_DOCUMENT_BYTES } from '../../../src-shared/patients/documents';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { Database } from '../db/schema';
import type { PatientConsentRow, PatientDocumentRow } from '../db/schema-documents';
import { newId } from '../ids';
import type { ReadDb } from '../db/handles';

/** What a file's first bytes must be for its declared type: a renamed file is refused, not stored. */
const SIGNATURES: Record<DocumentType, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

const TYPE_NAMES: Record<DocumentType, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

export async function requirePatient(db: ReadDb, patientId: string): Promise<void> {
  const row = await db
    .selectFrom('patients')
    .select('id')
    .where('id', '=', patientId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', 'There is no such patient.', { fields: { patientId: 'no such patient' } });
}

export interface NewDocument {
  patientId: string;
  kind: DocumentKind;
  title: string;
  fileName: string;
  mimeType: DocumentType;
  contentBase64: string;
}

export async function addDocument(
  db: Kysely<Database>,
  input: NewDocument,
  uploadedBy: string | null,
  now: number,
): Promise<DocumentSummary> {
  await requirePatient(db, input.patientId);
  const content = Buffer.from(input.contentBase64, 'base64');
  if (content.length === 0) throw fieldError('contentBase64', 'the file is empty');
  if (content.length > MAX_DOCUMENT_BYTES) throw fieldError('contentBase64', 'must be at most 5 MiB');
  const signature = SIGNATURES[input.mimeType];
  if (!signature.every((byte, index) => content[index] === byte)) {
    throw fieldError('contentBase64', `is not a ${TYPE_NAMES[input.mimeType]} file`);
  }
  const row: PatientDocumentRow = {
    id: newId(),
    patient_id: input.patientId,
    kind: input.kind,
    title: input.title,
    file_name: input.fileName,
    mime_type: input.mimeType,
    size_bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
    uploaded_by: uploadedBy,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await db.insertInto('patient_documents').values(row).execute();
  return toSummary(row);
}

const SUMMARY_COLUMNS = [
  'id',
  'patient_id',
  'kind',
  'title',
  'file_name',
  'mime_type',
  'size_bytes',
  'sha256',
  'uploaded_by',
  'created_at',
] as const;

export async function listDocuments(db: ReadDb, patientId: string): Promise<DocumentSummary[]> {
  await requirePatient(db, patientId);
  const rows = await db
    .selectFrom('patient_documents')
    .select(SUMMARY_COLUMNS)
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toSummary);
}

export async function getDocument(db: ReadDb, documentId: string): Promise<DocumentContent> {
  const row = await db
    .selectFrom('patient_documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such document.', { fields: { documentId: 'no such document' } });
  return { ...toSummary(row), contentBase64: row.content.toString('base64') };
}

/** Soft delete: the row (and its bytes) stay for the record, hidden from screens. */
export async function removeDocument(db: Kysely<Database>, documentId: string, now: number): Promise<string> {
  const row = await db
    .selectFrom('patient_documents')
    .select(['id', 'patient_id'])
    .where('id', '=', documentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such document.', { fields: { documentId: 'no such document' } });
  await db
    .updateTable('patient_documents')
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', documentId)
    .execute();
  return row.patient_id;
}

function toSummary(row: Omit<PatientDocumentRow, 'content' | 'updated_at' | 'deleted_at'>): DocumentSummary {
  return {
    id: row.id,
    patientId: row.patient_id,
    kind: row.kind,
    title: row.title,
    fileName: row.file_name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    createdAt: row.created_at,
  };
}

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
    const document = await db
      .selectFrom('patient_documents')
      .select('patient_id')
      .where('id', '=', input.documentId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
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
  await db.insertInto('patient_consents').values(row).execute();
  return toConsent(row);
}

export async function listConsents(db: ReadDb, patientId: string): Promise<Consent[]> {
  await requirePatient(db, patientId);
  const rows = await db
    .selectFrom('patient_consents')
    .selectAll()
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .orderBy('given_on', 'desc')
    .execute();
  return rows.map(toConsent);
}

export async function revokeConsent(
  db: Kysely<Database>,
  consentId: string,
  revokedBy: string | null,
  now: number,
): Promise<Consent> {
  const row = await db
    .selectFrom('patient_consents')
    .selectAll()
    .where('id', '=', consentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND', 'There is no such consent.', { fields: { consentId: 'no such consent' } });
  if (row.revoked_at !== null) throw new ApiError('CONFLICT', 'This consent was already revoked.');
  await db
    .updateTable('patient_consents')
    .set({ revoked_at: now, revoked_by: revokedBy, updated_at: now })
    .where('id', '=', consentId)
    .execute();
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
