import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  SEED_CHUNK_BYTES,
  seedChunkQuerySchema,
  seedPublishSchema,
  type SeedPutResponse,
  type SeedResponse,
} from '../../src-shared/sync/seed';
import { compactedSeq, latestSeq } from '../db/compaction';
import * as repo from '../db/repository';
import { currentSeed, markSeedPublished, readSeedChunk, seedChunkSizes, seedOwner, storeSeedChunk } from '../db/seeds';
import { SyncError } from './errors';
import { cachedSeedChunk, cacheSeedChunk, dropCachedSeedsExcept } from './seed-cache';
import type { ServerContext } from './service';

/**
 * Starting copies of the clinic for new desks (src-shared/sync/seed.ts). The server keeps the bytes as
 * sent, encrypted by the publishing desk, and checks what it can: the copy is whole and hashes to what
 * the desk said, its cursor is of the desk's own clinic and within the log. What is inside is the
 * publishing desk's: a copy of an enrolled desk is trusted as its pushes are trusted to come from it.
 */
/** A chunk arrives as the request's bytes, its copy and place in the query (`?seedId=…&index=…`). */
export async function putSeedChunk(
  ctx: ServerContext,
  device: repo.DeviceRow,
  query: Record<string, string>,
  data: Buffer,
): Promise<SeedPutResponse> {
  const parsed = seedChunkQuerySchema.safeParse(query);
  if (!parsed.success) throw malformed(parsed.error);
  if (data.length === 0 || data.length > SEED_CHUNK_BYTES)
    throw new SyncError('TOO_LARGE', `body: a chunk holds 1 to ${SEED_CHUNK_BYTES} bytes, this one ${data.length}`);
  const sha256 = createHash('sha256').update(data).digest('hex');
  const stored = await storeSeedChunk(ctx.db, {
    clinicId: device.clinicId,
    seedId: parsed.data.seedId,
    deviceId: device.id,
    index: parsed.data.index,
    data,
    sha256,
  });
  if (stored === 'not-yours') throw new SyncError('FORBIDDEN', 'seedId: this copy is being sent by another desk');
  if (stored === 'published')
    throw new SyncError('FORBIDDEN', 'seedId: this copy is published and can no longer change');
  await cacheSeedChunk(device.clinicId, parsed.data.seedId, parsed.data.index, data);
  return { stored: true };
}

export async function publishSeed(ctx: ServerContext, device: repo.DeviceRow, body: unknown): Promise<SeedResponse> {
  const parsed = seedPublishSchema.safeParse(body);
  if (!parsed.success) throw malformed(parsed.error);
  const seed = parsed.data;
  const refuse = async (code: 'MALFORMED' | 'FORBIDDEN', message: string) => {
    await repo.audit(ctx.db, {
      clinicId: device.clinicId,
      deviceId: device.id,
      action: 'seed.refused',
      detail: { seedId: seed.seedId, why: message },
    });
    return new SyncError(code, message);
  };
  const owner = await seedOwner(ctx.db, device.clinicId, seed.seedId);
  if (!owner) throw await refuse('MALFORMED', 'seedId: no chunk of this copy has arrived');
  if (owner.deviceId !== device.id) throw await refuse('FORBIDDEN', 'seedId: this copy is being sent by another desk');
  if (owner.published) return { seed };
  const [clinicId, seq = ''] = seed.cursor.split(':');
  if (clinicId !== device.clinicId)
    throw await refuse('FORBIDDEN', "cursor: this cursor belongs to another clinic's log");
  const [horizon, latest] = await Promise.all([
    compactedSeq(ctx.db, device.clinicId),
    latestSeq(ctx.db, device.clinicId),
  ]);
  if (BigInt(seq) < BigInt(horizon) || BigInt(seq) > BigInt(latest))
    throw await refuse('MALFORMED', `cursor: must be within the clinic's log (${horizon} to ${latest}), not ${seq}`);
  // Whole: every chunk there, each full but the last, hashing together to the copy's SHA-256.
  const sizes = await seedChunkSizes(ctx.db, device.clinicId, seed.seedId);
  const expected = (idx: number) => (idx < seed.chunks - 1 ? SEED_CHUNK_BYTES : seed.size - SEED_CHUNK_BYTES * idx);
  const gap = Array.from({ length: seed.chunks }, (_, idx) => idx).find(
    (idx) => sizes[idx]?.idx !== idx || sizes[idx]?.size !== expected(idx),
  );
  if (gap !== undefined || sizes.length !== seed.chunks)
    throw await refuse(
      'MALFORMED',
      `chunks: chunk ${gap ?? seed.chunks} is missing or not the size its place gives it`,
    );
  // The copy's hash is of its chunks' digests in order, each taken as its chunk arrived: checking it
  // reads no bytes back (a full-size clinic's copy is gigabytes, more than a request may take to read).
  const hash = createHash('sha256');
  for (const chunk of sizes) hash.update(Buffer.from(chunk.sha256, 'hex'));
  if (hash.digest('hex') !== seed.sha256) throw await refuse('MALFORMED', 'sha256: the chunks sent do not hash to it');
  await markSeedPublished(ctx.db, device.clinicId, seed, seq);
  await dropCachedSeedsExcept(device.clinicId, seed.seedId);
  await repo.audit(ctx.db, {
    clinicId: device.clinicId,
    deviceId: device.id,
    action: 'seed.published',
    detail: { seedId: seed.seedId, cursor: seed.cursor, size: seed.size, schemaVersion: seed.schemaVersion },
  });
  return { seed };
}

export async function getSeed(ctx: ServerContext, device: repo.DeviceRow): Promise<SeedResponse> {
  return { seed: await currentSeed(ctx.db, device.clinicId) };
}

export async function getSeedChunk(
  ctx: ServerContext,
  device: repo.DeviceRow,
  query: Record<string, string>,
): Promise<Buffer> {
  const parsed = seedChunkQuerySchema.safeParse(query);
  if (!parsed.success) throw malformed(parsed.error);
  const { seedId, index } = parsed.data;
  const owner = await seedOwner(ctx.db, device.clinicId, seedId);
  if (!owner?.published) throw new SyncError('NOT_FOUND', 'This clinic has no such starting copy');
  const cached = await cachedSeedChunk(device.clinicId, seedId, index);
  if (cached) return cached;
  const data = await readSeedChunk(ctx.db, device.clinicId, seedId, index);
  if (!data) throw new SyncError('NOT_FOUND', 'This clinic has no such chunk of a starting copy');
  await cacheSeedChunk(device.clinicId, seedId, index, data);
  return data;
}

function malformed(error: z.ZodError): SyncError {
  const issue = error.issues[0];
  return new SyncError(
    'MALFORMED',
    issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'malformed request',
  );
}
