import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { ApiError } from '../../../src-shared/api/errors';
import { SEED_CHUNK_BYTES, type SeedInfo, type SeedResponse } from '../../../src-shared/sync/seed';
import type { ClinicDatabase } from '../db/open';
import { readProgress } from './bootstrap-repository';
import { ask } from './client-requests';
import { readSyncState } from './repository';
import { seedCanFill, SeedUnusable, writeSeedFile, type SeedMeta } from './seed-file-repository';
import type { DeskSync } from './service';
import type { SyncTransport } from './transport';

/**
 * Starting copies of the clinic (src-shared/sync/seed.ts): this desk publishing one, and a new desk
 * taking one in instead of the snapshot's pages. The copy is a file beside the database while it is
 * made or fetched, encrypted under its own key, and removed once sent or taken in.
 */
const REQUEST_TIMEOUT_MS = 60_000;
/** Chunks asked for at once while downloading: the server reads the next while this desk writes one. */
const CHUNKS_IN_FLIGHT = 6;
/** Chunks handed to the disk and not yet written. */
const WRITES_IN_FLIGHT = 3;
const CURSOR = /^[0-9a-f-]{36}:\d{1,19}$/;

export interface SeedTalk {
  database: ClinicDatabase;
  transport: SyncTransport;
  token: string;
}

export interface PublishedSeed {
  seedId: string;
  cursor: string;
  size: number;
  chunks: number;
}

/**
 * Publishes a copy of this desk for new desks. Only a desk whose every change the server accepted, that
 * has pulled (its cursor names the log), and that is not downloading a snapshot: otherwise the copy would
 * hold rows no other desk can get from the server.
 */
export async function publishSeed(talk: SeedTalk, desk: DeskSync, clinicId: string): Promise<PublishedSeed> {
  const { handle } = talk.database;
  const status = desk.status();
  if (status.pending > 0 || desk.rejected().length > 0)
    throw new ApiError(
      'CONFLICT',
      'This desk has changes the server has not accepted yet: sync now, settle any refused change, then make the copy.',
    );
  const cursor = status.pullCursor;
  if (cursor === null || !CURSOR.test(cursor) || !cursor.startsWith(`${clinicId}:`) || readProgress(handle) !== null)
    throw new ApiError(
      'CONFLICT',
      'This desk has not finished taking in the clinic yet: sync now, then make the copy.',
    );
  const file = `${handle.name}.seed-out`;
  const key = randomBytes(32);
  rmSync(file, { force: true });
  try {
    const meta = writeSeedFile(handle, file, key, { clinicId, cursor, clock: readSyncState(handle).clock });
    return await uploadSeedFile(talk, file, key, meta);
  } finally {
    rmSync(file, { force: true });
  }
}

/** Sends a copy made by writeSeedFile, chunk by chunk, then its description: the clinic's seed from then on. */
export async function uploadSeedFile(
  talk: Omit<SeedTalk, 'database'>,
  file: string,
  key: Buffer,
  meta: SeedMeta,
): Promise<PublishedSeed> {
  const size = statSync(file).size;
  const chunks = Math.ceil(size / SEED_CHUNK_BYTES);
  const seedId = randomUUID();
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(SEED_CHUNK_BYTES);
    for (let index = 0; index < chunks; index += 1) {
      const read = readSync(fd, buffer, 0, SEED_CHUNK_BYTES, index * SEED_CHUNK_BYTES);
      const data = buffer.subarray(0, read);
      hash.update(createHash('sha256').update(data).digest());
      await ask(talk.transport, {
        method: 'POST',
        path: `/v1/seed/chunks?seedId=${seedId}&index=${index}`,
        authorization: talk.token,
        body: Buffer.from(data),
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
    }
  } finally {
    closeSync(fd);
  }
  const info: SeedInfo = {
    seedId,
    cursor: meta.cursor,
    schemaVersion: meta.schemaVersion,
    size,
    sha256: hash.digest('hex'),
    chunks,
    key: key.toString('hex'),
  };
  await ask<SeedResponse>(talk.transport, {
    method: 'POST',
    path: '/v1/seed',
    authorization: talk.token,
    body: info,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  return { seedId, cursor: meta.cursor, size, chunks };
}

/**
 * A new desk's start from the clinic's copy: null when there is none this desk can use (none published,
 * another schema, rows of its own), and the desk starts from the snapshot's pages instead. The bytes go
 * to a file beside the database, each chunk hashed as it comes; a copy whose chunks' digests do not hash
 * to what the server said is never opened. Network failures are thrown (the round fails and the next one starts again).
 */
export async function bootstrapFromSeed(
  talk: SeedTalk,
  desk: DeskSync,
  clinicId: string,
  onBytes: (bytes: number, size: number) => void,
): Promise<{ cursor: string; rows: number; fromCopy: true } | null> {
  const { handle, schemaVersion } = talk.database;
  if (!seedCanFill(handle) || readProgress(handle) !== null) return null;
  const { seed } = await ask<SeedResponse>(talk.transport, {
    method: 'GET',
    path: '/v1/seed',
    authorization: talk.token,
    timeoutMs: REQUEST_TIMEOUT_MS,
  });
  if (!seed || seed.schemaVersion !== schemaVersion || !seed.cursor.startsWith(`${clinicId}:`)) return null;
  const file = `${handle.name}.seed-in`;
  rmSync(file, { force: true });
  try {
    await download(talk, seed, file, onBytes);
    try {
      const { rows } = await desk.applySeed(file, Buffer.from(seed.key, 'hex'), { clinicId, cursor: seed.cursor });
      talk.database.fitPageCache();
      return { cursor: seed.cursor, rows, fromCopy: true };
    } catch (error) {
      if (error instanceof SeedUnusable) return null;
      throw error;
    }
  } finally {
    rmSync(file, { force: true });
  }
}

async function download(
  talk: SeedTalk,
  seed: SeedInfo,
  file: string,
  onBytes: (bytes: number, size: number) => void,
): Promise<void> {
  const fetchChunk = (index: number) =>
    ask<unknown>(talk.transport, {
      method: 'GET',
      path: `/v1/seed/chunks?seedId=${seed.seedId}&index=${index}`,
      authorization: talk.token,
      timeoutMs: REQUEST_TIMEOUT_MS,
    });
  const hash = createHash('sha256');
  const out = await open(file, 'w');
  // Written by the thread pool while the next chunks arrive: copying a chunk into the file held this
  // loop for about as long as receiving it (40 % of a download's time, profiled at the quick size).
  const writing = new Set<Promise<unknown>>();
  // Set from the writes' callbacks (a holder: a plain variable would read as never set here).
  const disk: { failed: Error | null } = { failed: null };
  try {
    const coming: Promise<unknown>[] = [];
    let asked = 0;
    const askMore = () => {
      while (asked < seed.chunks && coming.length < CHUNKS_IN_FLIGHT) {
        const next = fetchChunk(asked);
        // Writing an earlier chunk may fail first; the error that stops the download is that one.
        next.catch(() => undefined);
        coming.push(next);
        asked += 1;
      }
    };
    askMore();
    let received = 0;
    let written = 0;
    for (let index = 0; index < seed.chunks; index += 1) {
      const answer = await coming.shift();
      askMore();
      if (disk.failed) throw disk.failed;
      // Sent as bytes (transport.ts); anything else is no chunk.
      const data = Buffer.isBuffer(answer) ? answer : Buffer.alloc(0);
      const expected = index < seed.chunks - 1 ? SEED_CHUNK_BYTES : seed.size - SEED_CHUNK_BYTES * index;
      if (data.length !== expected) throw new Error(`Chunk ${index} of the clinic's starting copy arrived damaged`);
      hash.update(createHash('sha256').update(data).digest());
      const write: Promise<unknown> = out.write(data, 0, data.length, received).then(
        () => {
          writing.delete(write);
          onBytes((written += data.length), seed.size);
        },
        (error: unknown) => {
          writing.delete(write);
          disk.failed ??= error instanceof Error ? error : new Error(String(error));
        },
      );
      writing.add(write);
      received += data.length;
      // Chunks waiting for the disk are held in memory: a few at most.
      while (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
    }
  } finally {
    await Promise.all(writing);
    await out.close();
  }
  if (disk.failed) throw disk.failed;
  if (hash.digest('hex') !== seed.sha256)
    throw new Error("The clinic's starting copy arrived damaged (its hash differs)");
}
