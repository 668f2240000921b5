import { z } from 'zod';
import { SHA256_PATTERN } from './protocol';

/**
 * A starting copy of the clinic for new desks (issue 17: "a new desk bootstrapped from the full-size
 * clinic in ≤ 60 s"). An enrolled desk whose every change is on the server publishes a copy of its
 * database: its synced tables, their clocks and its caches, encrypted with a key of its own making, in
 * chunks, with the pull cursor the copy was taken at. A new desk downloads it, copies its tables into
 * its own encrypted file in one transaction (src-main/core/sync/seed-file-repository.ts) and pulls from
 * the cursor: no row merged one by one. Without a seed, or with one the desk cannot use (another schema,
 * a cursor the server compacted), the desk starts from the snapshot's pages as before.
 */
export const SEED_CHUNK_BYTES = 4 * 1024 * 1024;
/** A clinic ten times the bench's largest size still fits (about 40 GB). */
export const MAX_SEED_CHUNKS = 10_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const seedId = z.string().regex(UUID, 'must be a seed id (a UUID in lower case)');
const chunkIndex = z.coerce
  .number()
  .int()
  .min(0)
  .max(MAX_SEED_CHUNKS - 1);

export const seedChunkQuerySchema = z.object({ seedId, index: chunkIndex }).strict();

export const seedPublishSchema = z
  .object({
    seedId,
    /** The publishing desk's pull cursor when the copy was taken (`<clinicId>:<seq>`). */
    cursor: z.string().regex(/^[0-9a-f-]{36}:\d{1,19}$/, 'must be a cursor from an earlier pull'),
    /** The desk migrations the copy was made with: only a desk at the same one can use it. */
    schemaVersion: z.number().int().min(1).max(100_000),
    size: z
      .number()
      .int()
      .min(1)
      .max(SEED_CHUNK_BYTES * MAX_SEED_CHUNKS),
    /** SHA-256 of the chunks' SHA-256 digests (32 bytes each) in order: checked without reading the bytes back. */
    sha256: z.string().regex(SHA256_PATTERN, 'must be a SHA-256 in lower-case hex'),
    chunks: z.number().int().min(1).max(MAX_SEED_CHUNKS),
    /** The copy's key (AES-256), 32 bytes in hex: the file is never on the server unencrypted. */
    key: z.string().regex(/^[0-9a-f]{64}$/, 'must be 32 bytes in lower-case hex'),
  })
  .strict()
  .refine((seed) => seed.chunks === Math.ceil(seed.size / SEED_CHUNK_BYTES), {
    message: `must be one chunk per ${SEED_CHUNK_BYTES} bytes of the copy`,
    path: ['chunks'],
  });
export type SeedInfo = z.infer<typeof seedPublishSchema>;

export interface SeedResponse {
  /** The clinic's newest usable seed; null when none was published or the log moved past it. */
  seed: SeedInfo | null;
}

export interface SeedPutResponse {
  stored: boolean;
}
