import type { Selectable } from 'kysely';
import type { ConsentKind } from '../../../src-shared/patients/consents';
import type { DocumentKind, DocumentType } from '../../../src-shared/patients/documents';

export interface PatientDocumentsTable {
  id: string;
  patient_id: string;
  kind: DocumentKind;
  title: string;
  file_name: string;
  mime_type: DocumentType;
  size_bytes: number;
  sha256: string;
  uploaded_by: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export interface PatientConsentsTable {
  id: string;
  patient_id: string;
  kind: ConsentKind;
  given_on: string;
  expires_on: string | null;
  recorded_by: string | null;
  document_id: string | null;
  notes: string | null;
  revoked_at: number | null;
  revoked_by: string | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

/**
 * A document's bytes by the file's SHA-256 (migration 0036): kept apart from the synced row, they travel
 * in chunks. A row without its bytes here is still arriving from another desk.
 */
export interface DocumentContentsTable {
  sha256: string;
  size_bytes: number;
  content: Buffer;
  /** When the server confirmed it holds the whole file; null until then. */
  uploaded_at: number | null;
}

/** Chunks of a file being downloaded, by their own SHA-256, kept so a cut download resumes. */
export interface DocumentChunksInTable {
  hash: string;
  content: Buffer;
  received_at: number;
}

/** Merged into `Database` in schema.ts. */
export interface DocumentTables {
  patient_documents: PatientDocumentsTable;
  patient_consents: PatientConsentsTable;
  document_contents: DocumentContentsTable;
  document_chunks_in: DocumentChunksInTable;
}

export type PatientDocumentRow = Selectable<PatientDocumentsTable>;
export type PatientConsentRow = Selectable<PatientConsentsTable>;
