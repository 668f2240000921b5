import type { Kysely } from 'kysely';
import type { PatientPhoto } from '../../../src-shared/patients/model';
import { MAX_PHOTO_BYTES } from '../../../src-shared/patients/model';
import { fieldError } from '../../../src-shared/api/errors';
import type { Database } from '../db/schema';
import { addDocument, requirePatient } from './documents';
import type { ReadDb } from '../db/handles';
import { findNewestPhoto, hidePhotos } from './document-repository';

/**
 * A patient's photo is a document of kind 'photo' (so it lives encrypted inside the database, moves with
 * a merge and comes back with an un-merge like any document). The newest one not removed is the photo;
 * setting a new one soft-deletes the older ones.
 */

export async function setPhoto(
  db: Kysely<Database>,
  input: { patientId: string; mimeType: 'image/png' | 'image/jpeg'; contentBase64: string },
  actor: string | null,
  now: number,
): Promise<PatientPhoto> {
  // Checked here too (the schema bounds the base64 length, not the decoded size).
  if (Buffer.byteLength(input.contentBase64, 'base64') > MAX_PHOTO_BYTES)
    throw fieldError('contentBase64', 'must be at most 2 MiB');
  const document = await addDocument(
    db,
    { ...input, kind: 'photo', title: 'Photo', fileName: input.mimeType === 'image/png' ? 'photo.png' : 'photo.jpg' },
    actor,
    now,
  );
  await hidePhotos(db, input.patientId, now, document.id);
  return {
    documentId: document.id,
    mimeType: input.mimeType,
    contentBase64: input.contentBase64,
    createdAt: now,
    arriving: false,
  };
}

export async function removePhoto(db: Kysely<Database>, patientId: string, now: number): Promise<number> {
  await requirePatient(db, patientId);
  return hidePhotos(db, patientId, now);
}

export async function getPhoto(db: ReadDb, patientId: string): Promise<PatientPhoto | null> {
  await requirePatient(db, patientId);
  const row = await findNewestPhoto(db, patientId);
  if (!row || (row.mime_type !== 'image/png' && row.mime_type !== 'image/jpeg')) return null;
  return {
    documentId: row.id,
    mimeType: row.mime_type,
    contentBase64: row.content?.toString('base64') ?? '',
    createdAt: row.created_at,
    arriving: row.content === null,
  };
}
