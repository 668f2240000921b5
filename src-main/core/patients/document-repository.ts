import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { PatientDocumentRow } from '../db/schema-documents';
import type { ReadDb } from '../db/handles';

/**
 * A patient's documents (scans, letters, the photo), bytes stored encrypted in the database. Removing one
 * is a soft delete: the row and its bytes stay for the record.
 */

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

export type DocumentSummaryRow = Pick<PatientDocumentRow, (typeof SUMMARY_COLUMNS)[number]>;

export async function insertDocument(db: Kysely<Database>, row: PatientDocumentRow): Promise<void> {
  await db.insertInto('patient_documents').values(row).execute();
}

/** The patient's documents without their bytes, newest first. */
export async function listDocumentSummaries(db: ReadDb, patientId: string): Promise<DocumentSummaryRow[]> {
  return db
    .selectFrom('patient_documents')
    .select(SUMMARY_COLUMNS)
    .where('patient_id', '=', patientId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function findDocument(db: ReadDb, documentId: string): Promise<PatientDocumentRow | undefined> {
  return db
    .selectFrom('patient_documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Whose document it is, when it exists and was not removed. */
export async function findDocumentOwner(
  db: ReadDb,
  documentId: string,
): Promise<Pick<PatientDocumentRow, 'id' | 'patient_id'> | undefined> {
  return db
    .selectFrom('patient_documents')
    .select(['id', 'patient_id'])
    .where('id', '=', documentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function softDeleteDocument(db: Kysely<Database>, documentId: string, now: number): Promise<void> {
  await db
    .updateTable('patient_documents')
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', documentId)
    .execute();
}

/** Soft-deletes the patient's photos (all but `except`); answers how many. */
export async function hidePhotos(
  db: Kysely<Database>,
  patientId: string,
  now: number,
  except?: string,
): Promise<number> {
  let query = db
    .updateTable('patient_documents')
    .set({ deleted_at: now, updated_at: now })
    .where('patient_id', '=', patientId)
    .where('kind', '=', 'photo')
    .where('deleted_at', 'is', null);
  if (except) query = query.where('id', '!=', except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The newest photo not removed: that one is the patient's photo. */
export async function findNewestPhoto(
  db: ReadDb,
  patientId: string,
): Promise<Pick<PatientDocumentRow, 'id' | 'mime_type' | 'content' | 'created_at'> | undefined> {
  return db
    .selectFrom('patient_documents')
    .select(['id', 'mime_type', 'content', 'created_at'])
    .where('patient_id', '=', patientId)
    .where('kind', '=', 'photo')
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}
