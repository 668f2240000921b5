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

/** `here` is 0 while the document's bytes are still arriving from another desk. */
export type DocumentSummaryRow = Pick<PatientDocumentRow, (typeof SUMMARY_COLUMNS)[number]> & { here: number };

/** The row (which syncs) and its bytes under the file's hash (which travel in chunks; kept once per hash). */
export async function insertDocument(db: Kysely<Database>, row: PatientDocumentRow, content: Buffer): Promise<void> {
  await db
    .insertInto('document_contents')
    .values({ sha256: row.sha256, size_bytes: row.size_bytes, content, uploaded_at: null })
    .onConflict((conflict) => conflict.column('sha256').doNothing())
    .execute();
  await db.insertInto('patient_documents').values(row).execute();
}

/** The patient's documents without their bytes, newest first, each saying whether its bytes are here. */
export async function listDocumentSummaries(db: ReadDb, patientId: string): Promise<DocumentSummaryRow[]> {
  return db
    .selectFrom('patient_documents as d')
    .select(SUMMARY_COLUMNS.map((column) => `d.${column}` as const))
    .select((eb) =>
      eb
        .exists(eb.selectFrom('document_contents as c').select('c.sha256').whereRef('c.sha256', '=', 'd.sha256'))
        .as('here'),
    )
    .where('d.patient_id', '=', patientId)
    .where('d.deleted_at', 'is', null)
    .orderBy('d.created_at', 'desc')
    .execute() as Promise<DocumentSummaryRow[]>;
}

/** A document and its bytes (null while they are still arriving). */
export async function findDocument(
  db: ReadDb,
  documentId: string,
): Promise<(PatientDocumentRow & { content: Buffer | null }) | undefined> {
  return db
    .selectFrom('patient_documents as d')
    .leftJoin('document_contents as c', 'c.sha256', 'd.sha256')
    .selectAll('d')
    .select('c.content')
    .where('d.id', '=', documentId)
    .where('d.deleted_at', 'is', null)
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

/** The newest photo not removed: that one is the patient's photo (its bytes null while still arriving). */
export async function findNewestPhoto(
  db: ReadDb,
  patientId: string,
): Promise<(Pick<PatientDocumentRow, 'id' | 'mime_type' | 'created_at'> & { content: Buffer | null }) | undefined> {
  return db
    .selectFrom('patient_documents as d')
    .leftJoin('document_contents as c', 'c.sha256', 'd.sha256')
    .select(['d.id', 'd.mime_type', 'd.created_at', 'c.content'])
    .where('d.patient_id', '=', patientId)
    .where('d.kind', '=', 'photo')
    .where('d.deleted_at', 'is', null)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .executeTakeFirst();
}
