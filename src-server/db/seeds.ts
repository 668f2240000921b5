import { sql } from 'kysely';
import type { SeedInfo } from '../../src-shared/sync/seed';
import type { ServerDb } from './open';

/**
 * Starting copies for new desks (migrations/server/0007). Every query names the clinic: a device only
 * ever finds its own clinic's copy. A copy is written by one device, chunk by chunk, and is fixed once
 * published.
 */
export type ChunkStored = 'stored' | 'published' | 'not-yours';

/** Keeps a chunk of a copy being sent (sending it again replaces it: the same bytes after a drop). */
export async function storeSeedChunk(
  db: ServerDb,
  chunk: { clinicId: string; seedId: string; deviceId: string; index: number; data: Buffer; sha256: string },
): Promise<ChunkStored> {
  return db.transaction().execute(async (trx) => {
    await trx
      .insertInto('seeds')
      .values({ clinic_id: chunk.clinicId, id: chunk.seedId, device_id: chunk.deviceId })
      .onConflict((conflict) => conflict.columns(['clinic_id', 'id']).doNothing())
      .execute();
    const seed = await trx
      .selectFrom('seeds')
      .select(['device_id', 'published_at'])
      .where('clinic_id', '=', chunk.clinicId)
      .where('id', '=', chunk.seedId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (seed.device_id !== chunk.deviceId) return 'not-yours';
    if (seed.published_at !== null) return 'published';
    await trx
      .insertInto('seed_chunks')
      .values({
        clinic_id: chunk.clinicId,
        seed_id: chunk.seedId,
        idx: chunk.index,
        size: chunk.data.length,
        sha256: chunk.sha256,
        data: chunk.data,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['clinic_id', 'seed_id', 'idx'])
          .doUpdateSet({ size: chunk.data.length, sha256: chunk.sha256, data: chunk.data }),
      )
      .execute();
    return 'stored';
  });
}

/** The copy's owner and whether it is published, or null when this clinic has no such copy. */
export async function seedOwner(
  db: ServerDb,
  clinicId: string,
  seedId: string,
): Promise<{ deviceId: string; published: boolean } | null> {
  const row = await db
    .selectFrom('seeds')
    .select(['device_id', 'published_at'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', seedId)
    .executeTakeFirst();
  return row ? { deviceId: row.device_id, published: row.published_at !== null } : null;
}

/** The chunks held for a copy, in order, with their sizes and SHA-256 digests (not their bytes). */
export async function seedChunkSizes(
  db: ServerDb,
  clinicId: string,
  seedId: string,
): Promise<{ idx: number; size: number; sha256: string }[]> {
  return db
    .selectFrom('seed_chunks')
    .select(['idx', 'size', 'sha256'])
    .where('clinic_id', '=', clinicId)
    .where('seed_id', '=', seedId)
    .orderBy('idx')
    .execute();
}

export async function readSeedChunk(
  db: ServerDb,
  clinicId: string,
  seedId: string,
  idx: number,
): Promise<Buffer | null> {
  const row = await db
    .selectFrom('seed_chunks')
    .select('data')
    .where('clinic_id', '=', clinicId)
    .where('seed_id', '=', seedId)
    .where('idx', '=', idx)
    .executeTakeFirst();
  // `pg` reads bytea as a Buffer, PGlite as a Uint8Array.
  return row ? Buffer.from(row.data) : null;
}

/** Makes the copy the clinic's seed; the clinic's other copies (older, or abandoned) go with their chunks. */
export async function markSeedPublished(db: ServerDb, clinicId: string, seed: SeedInfo, seq: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('seeds')
      .set({
        published_at: sql<Date>`now()`,
        cursor_seq: seq,
        schema_version: seed.schemaVersion,
        size: seed.size,
        sha256: seed.sha256,
        chunks: seed.chunks,
        key_hex: seed.key,
      })
      .where('clinic_id', '=', clinicId)
      .where('id', '=', seed.seedId)
      .execute();
    await trx.deleteFrom('seeds').where('clinic_id', '=', clinicId).where('id', '!=', seed.seedId).execute();
  });
}

/** The clinic's published copy, if its cursor is not below the compacted horizon (a pull from it would be refused). */
export async function currentSeed(db: ServerDb, clinicId: string): Promise<SeedInfo | null> {
  const row = await db
    .selectFrom('seeds')
    .innerJoin('clinics', 'clinics.id', 'seeds.clinic_id')
    .select([
      'seeds.id',
      sql<string>`seeds.cursor_seq::text`.as('cursor_seq'),
      'seeds.schema_version',
      sql<string>`seeds.size::text`.as('size'),
      'seeds.sha256',
      'seeds.chunks',
      'seeds.key_hex',
    ])
    .where('seeds.clinic_id', '=', clinicId)
    .where('seeds.published_at', 'is not', null)
    .where(sql<boolean>`seeds.cursor_seq >= clinics.compacted_seq`)
    .orderBy('seeds.published_at', 'desc')
    .executeTakeFirst();
  if (!row || row.schema_version === null || row.sha256 === null || row.chunks === null || row.key_hex === null)
    return null;
  return {
    seedId: row.id,
    cursor: `${clinicId}:${row.cursor_seq}`,
    schemaVersion: row.schema_version,
    size: Number(row.size),
    sha256: row.sha256,
    chunks: row.chunks,
    key: row.key_hex,
  };
}

/**
 * After compaction: copies whose cursor the log moved past (a desk would be sent back to the snapshot's
 * pages) and copies never finished within a day go, with their chunks.
 */
export async function dropStaleSeeds(db: ServerDb, clinicId: string, horizon: string): Promise<number> {
  const result = await db
    .deleteFrom('seeds')
    .where('clinic_id', '=', clinicId)
    .where((eb) =>
      eb.or([
        eb('cursor_seq', '<', sql<string>`${horizon}::bigint`),
        eb.and([eb('published_at', 'is', null), eb('created_at', '<', sql<Date>`now() - interval '1 day'`)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
