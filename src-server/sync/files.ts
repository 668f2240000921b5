import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  CHUNK_BYTES,
  chunkHasRequestSchema,
  chunkPutRequestSchema,
  filePutRequestSchema,
  SHA256_PATTERN,
  type ChunkHasResponse,
  type ChunkPutResponse,
  type ChunkResponse,
  type FileResponse,
} from '../../src-shared/sync/protocol';
import { chunksHeld, readChunk, readFile, storeChunk, storeFile } from '../db/files';
import * as repo from '../db/repository';
import { SyncError } from './errors';
import type { ServerContext } from './service';

/**
 * Documents' bytes in chunks (issue 17): a desk asks which chunks the server has, sends the others one
 * by one, then the file's chunk list; another desk reads the list and fetches the chunks it lacks. A
 * transfer cut anywhere resumes from what is already on the other side. Everything is the device's own
 * clinic's: a hash of another clinic is answered as unknown, never read.
 */
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export async function hasChunks(ctx: ServerContext, device: repo.DeviceRow, body: unknown): Promise<ChunkHasResponse> {
  const parsed = chunkHasRequestSchema.safeParse(body);
  if (!parsed.success) throw malformed(parsed.error);
  return { have: await chunksHeld(ctx.db, device.clinicId, parsed.data.hashes) };
}

export async function putChunk(ctx: ServerContext, device: repo.DeviceRow, body: unknown): Promise<ChunkPutResponse> {
  const parsed = chunkPutRequestSchema.safeParse(body);
  if (!parsed.success) throw malformed(parsed.error);
  const data = Buffer.from(parsed.data.b64, 'base64');
  if (data.length === 0 || data.length > CHUNK_BYTES)
    throw new SyncError('TOO_LARGE', `b64: a chunk holds 1 to ${CHUNK_BYTES} bytes, this one ${data.length}`);
  if (sha256(data) !== parsed.data.hash) {
    await repo.audit(ctx.db, {
      clinicId: device.clinicId,
      deviceId: device.id,
      action: 'chunk.refused',
      detail: { hash: parsed.data.hash, why: 'bytes do not hash to it' },
    });
    throw new SyncError('MALFORMED', 'hash: the bytes sent do not hash to it');
  }
  const stored = await storeChunk(ctx.db, {
    clinicId: device.clinicId,
    hash: parsed.data.hash,
    data,
    deviceId: device.id,
  });
  return { stored };
}

const hashQuery = (field: string) =>
  z.object({ [field]: z.string().regex(SHA256_PATTERN, 'must be a SHA-256 in lower-case hex') }).strict();

export async function getChunk(
  ctx: ServerContext,
  device: repo.DeviceRow,
  query: Record<string, string>,
): Promise<ChunkResponse> {
  const parsed = hashQuery('hash').safeParse(query);
  if (!parsed.success) throw malformed(parsed.error);
  const hash = String(parsed.data.hash);
  const data = await readChunk(ctx.db, device.clinicId, hash);
  if (!data) throw new SyncError('NOT_FOUND', 'This clinic has no chunk with that hash (yet)');
  return { hash, b64: data.toString('base64') };
}

/**
 * A whole file, accepted once every chunk is here with the size its place gives it (every chunk full
 * but the last) and the chunks hash together to the file's SHA-256. Sending it again changes nothing.
 */
export async function putFile(ctx: ServerContext, device: repo.DeviceRow, body: unknown): Promise<FileResponse> {
  const parsed = filePutRequestSchema.safeParse(body);
  if (!parsed.success) throw malformed(parsed.error);
  const file = parsed.data;
  const known = await readFile(ctx.db, device.clinicId, file.sha256);
  if (known) return known;
  const whole = createHash('sha256');
  for (const [index, hash] of file.chunks.entries()) {
    const data = await readChunk(ctx.db, device.clinicId, hash);
    if (!data) throw new SyncError('NOT_FOUND', `chunks.${index}: this clinic has no chunk ${hash.slice(0, 12)}… yet`);
    const expected = index < file.chunks.length - 1 ? CHUNK_BYTES : file.size - CHUNK_BYTES * index;
    if (data.length !== expected)
      throw new SyncError('MALFORMED', `chunks.${index}: holds ${data.length} bytes where the file needs ${expected}`);
    whole.update(data);
  }
  if (whole.digest('hex') !== file.sha256) {
    await repo.audit(ctx.db, {
      clinicId: device.clinicId,
      deviceId: device.id,
      action: 'file.refused',
      detail: { sha256: file.sha256, why: 'chunks do not hash to it' },
    });
    throw new SyncError('MALFORMED', 'sha256: the chunks together do not hash to it');
  }
  await storeFile(ctx.db, device.clinicId, device.id, file);
  return file;
}

export async function getFile(
  ctx: ServerContext,
  device: repo.DeviceRow,
  query: Record<string, string>,
): Promise<FileResponse> {
  const parsed = hashQuery('sha256').safeParse(query);
  if (!parsed.success) throw malformed(parsed.error);
  const file = await readFile(ctx.db, device.clinicId, String(parsed.data.sha256));
  if (!file) throw new SyncError('NOT_FOUND', 'This clinic has no file with that hash (yet)');
  return file;
}

function malformed(error: z.ZodError): SyncError {
  const issue = error.issues[0];
  return new SyncError(
    'MALFORMED',
    issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'malformed request',
  );
}
