import type BetterSqlite3 from 'better-sqlite3-multiple-ciphers';

type Handle = Pick<BetterSqlite3.Database, 'prepare' | 'exec'>;

/**
 * Documents' bytes on this desk (migration 0036): `document_contents` by the file's SHA-256, and the
 * chunks of files being downloaded in `document_chunks_in`. files-client.ts moves them to and from the
 * server; these are its statements.
 */
export interface FileRef {
  sha256: string;
  size: number;
}

/** Files this desk holds that the server has not confirmed holding whole. */
export function filesToUpload(handle: Handle, limit: number): FileRef[] {
  return handle
    .prepare(
      'SELECT sha256, size_bytes AS size FROM document_contents WHERE uploaded_at IS NULL ORDER BY rowid LIMIT ?',
    )
    .all(limit) as FileRef[];
}

export function contentOf(handle: Handle, sha256: string): Buffer | null {
  const row = handle.prepare('SELECT content FROM document_contents WHERE sha256 = ?').get(sha256) as
    { content: Buffer } | undefined;
  return row?.content ?? null;
}

export function markUploaded(handle: Handle, sha256: string, now: number): void {
  handle.prepare('UPDATE document_contents SET uploaded_at = ? WHERE sha256 = ?').run(now, sha256);
}

/**
 * Documents synced here whose bytes are not: the ones on screen (not removed) first, newest first. A row
 * names its file's size; two rows naming one hash with different sizes cannot both be right, the
 * smaller is tried (the hash check decides).
 */
export function filesToDownload(handle: Handle, limit: number): FileRef[] {
  return handle
    .prepare(
      `SELECT d.sha256, min(d.size_bytes) AS size FROM patient_documents d
       WHERE NOT EXISTS (SELECT 1 FROM document_contents c WHERE c.sha256 = d.sha256)
       GROUP BY d.sha256
       ORDER BY min(d.deleted_at IS NOT NULL), max(d.created_at) DESC
       LIMIT ?`,
    )
    .all(limit) as FileRef[];
}

export function chunksHere(handle: Handle, hashes: readonly string[]): Set<string> {
  const read = handle.prepare('SELECT 1 FROM document_chunks_in WHERE hash = ?');
  return new Set(hashes.filter((hash) => read.get(hash) !== undefined));
}

export function saveChunk(handle: Handle, hash: string, content: Buffer, now: number): void {
  handle
    .prepare('INSERT OR IGNORE INTO document_chunks_in (hash, content, received_at) VALUES (?, ?, ?)')
    .run(hash, content, now);
}

export function readChunk(handle: Handle, hash: string): Buffer | null {
  const row = handle.prepare('SELECT content FROM document_chunks_in WHERE hash = ?').get(hash) as
    { content: Buffer } | undefined;
  return row?.content ?? null;
}

export function dropChunks(handle: Handle, hashes: readonly string[]): void {
  const drop = handle.prepare('DELETE FROM document_chunks_in WHERE hash = ?');
  for (const hash of hashes) drop.run(hash);
}

/** The whole file, checked, becomes the document's bytes (the server holds it: nothing to upload). */
export function completeFile(handle: Handle, file: FileRef, content: Buffer, chunks: readonly string[], now: number) {
  handle
    .prepare('INSERT OR IGNORE INTO document_contents (sha256, size_bytes, content, uploaded_at) VALUES (?, ?, ?, ?)')
    .run(file.sha256, file.size, content, now);
  dropChunks(handle, chunks);
}

/** The patients whose documents use this file (their pages show it from now on). */
export function patientsOfFile(handle: Handle, sha256: string): string[] {
  return (
    handle.prepare('SELECT DISTINCT patient_id FROM patient_documents WHERE sha256 = ?').all(sha256) as {
      patient_id: string;
    }[]
  ).map((row) => row.patient_id);
}
