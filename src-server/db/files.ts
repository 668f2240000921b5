import type { ServerDb } from './open';

/**
 * Documents' chunks and file lists (migrations/server/0006). Every query names the clinic: a device
 * finds only its own clinic's bytes, and another clinic's chunk of the same hash is a different row.
 */
export async function chunksHeld(db: ServerDb, clinicId: string, hashes: readonly string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  const rows = await db
    .selectFrom('file_chunks')
    .select('hash')
    .where('clinic_id', '=', clinicId)
    .where('hash', 'in', [...hashes])
    .execute();
  return rows.map((row) => row.hash);
}

/** Stores a chunk once; answers whether this call stored it (false: the clinic had it already). */
export async function storeChunk(
  db: ServerDb,
  chunk: { clinicId: string; hash: string; data: Buffer; deviceId: string },
): Promise<boolean> {
  const result = await db
    .insertInto('file_chunks')
    .values({
      clinic_id: chunk.clinicId,
      hash: chunk.hash,
      size: chunk.data.length,
      data: chunk.data,
      device_id: chunk.deviceId,
    })
    .onConflict((conflict) => conflict.columns(['clinic_id', 'hash']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function readChunk(db: ServerDb, clinicId: string, hash: string): Promise<Buffer | null> {
  const row = await db
    .selectFrom('file_chunks')
    .select('data')
    .where('clinic_id', '=', clinicId)
    .where('hash', '=', hash)
    .executeTakeFirst();
  // `pg` reads bytea as a Buffer, PGlite as a Uint8Array.
  return row ? Buffer.from(row.data) : null;
}

export interface StoredFile {
  sha256: string;
  size: number;
  chunks: string[];
}

export async function readFile(db: ServerDb, clinicId: string, sha256: string): Promise<StoredFile | null> {
  const row = await db
    .selectFrom('files')
    .select(['sha256', 'size', 'chunks'])
    .where('clinic_id', '=', clinicId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? { sha256: row.sha256, size: row.size, chunks: row.chunks as string[] } : null;
}

export async function storeFile(db: ServerDb, clinicId: string, deviceId: string, file: StoredFile): Promise<void> {
  await db
    .insertInto('files')
    .values({
      clinic_id: clinicId,
      sha256: file.sha256,
      size: file.size,
      chunks: JSON.stringify(file.chunks),
      device_id: deviceId,
    })
    .onConflict((conflict) => conflict.columns(['clinic_id', 'sha256']).doNothing())
    .execute();
}
