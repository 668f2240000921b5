import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  DocumentContent,
  DocumentKind,
  DocumentSummary,
  DocumentType,
} from '../../../src-shared/patients/documents';
import { MAX_DOCUMENT_BYTES } from '../../../src-shared/patients/documents';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { Database } from '../db/schema';
import type { PatientDocumentRow } from '../db/schema-documents';
import { newId } from '../ids';
import type { ReadDb } from '../db/handles';
import { findPatientRow } from './repository';
import {
  findDocument,
  findDocumentOwner,
  insertDocument,
  listDocumentSummaries,
  softDeleteDocument,
  type DocumentSummaryRow,
} from './document-repository';

/** What a file's first bytes must be for its declared type: a renamed file is refused, not stored. */
const SIGNATURES: Record<DocumentType, readonly number[]> = {
  'application/pdf': [0x25, 0x50, 0x44, 0x46, 0x2d],
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};

const TYPE_NAMES: Record<DocumentType, string> = { 'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG' };

export async function requirePatient(db: ReadDb, patientId: string): Promise<void> {
  const row = await findPatientRow(db, patientId);
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
    uploaded_by: uploadedBy,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  };
  await insertDocument(db, row, content);
  return toSummary({ ...row, here: 1 });
}

export async function listDocuments(db: ReadDb, patientId: string): Promise<DocumentSummary[]> {
  await requirePatient(db, patientId);
  return (await listDocumentSummaries(db, patientId)).map(toSummary);
}

export async function getDocument(db: ReadDb, documentId: string): Promise<DocumentContent> {
  const row = await findDocument(db, documentId);
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such document.', { fields: { documentId: 'no such document' } });
  // Synced from another desk, its bytes not all here yet: shown as still arriving, never half a file.
  if (row.content === null)
    throw new ApiError('CONFLICT', 'This document is still arriving from another desk; open it again in a moment.', {
      fields: { documentId: 'still arriving from another desk' },
    });
  return { ...toSummary({ ...row, here: 1 }), contentBase64: row.content.toString('base64') };
}

/** Soft delete: the row (and its bytes) stay for the record, hidden from screens. */
export async function removeDocument(db: Kysely<Database>, documentId: string, now: number): Promise<string> {
  const row = await findDocumentOwner(db, documentId);
  if (!row)
    throw new ApiError('NOT_FOUND', 'There is no such document.', { fields: { documentId: 'no such document' } });
  await softDeleteDocument(db, documentId, now);
  return row.patient_id;
}

function toSummary(row: DocumentSummaryRow): DocumentSummary {
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
    arriving: row.here === 0,
  };
}
