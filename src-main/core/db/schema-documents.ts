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
  content: Buffer;
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

/** Merged into `Database` in schema.ts. */
export interface DocumentTables {
  patient_documents: PatientDocumentsTable;
  patient_consents: PatientConsentsTable;
}

export type PatientDocumentRow = Selectable<PatientDocumentsTable>;
export type PatientConsentRow = Selectable<PatientConsentsTable>;
