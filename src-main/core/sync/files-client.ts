import { createHash } from 'node:crypto';
import {
  CHUNK_BYTES,
  fileResponseSchema,
  SHA256_PATTERN,
  type ChunkHasResponse,
  type ChunkResponse,
} from '../../../src-shared/sync/protocol';
import type { ClinicDatabase } from '../db/open';
import { ask, SyncServerError } from './client-requests';
import {
  chunksHere,
  completeFile,
  contentOf,
  dropChunks,
  filesToDownload,
  filesToUpload,
  markUploaded,
  readChunk,
  saveChunk,
  type FileRef,
} from './files-repository';
import type { SyncTransport } from './transport';

const REQUEST_TIMEOUT_MS = 30_000;
/** Files looked at per round each way; the rest wait for the next round. */
const FILES_PER_ROUND = 50;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export interface FileTransfer {
  uploaded: number;
  chunksSent: number;
  downloaded: number;
  chunksReceived: number;
  /** Files the server refused or whose bytes did not check, with why (tried again next round). */
  problems: string[];
}

interface Talk {
  database: ClinicDatabase;
  transport: SyncTransport;
  token: string;
  now: () => number;
}

/** Through Kysely's transaction, which holds the one connection (a procedure's may be open). */
function write(database: ClinicDatabase, work: () => void): Promise<void> {
  return database.db.transaction().execute(async () => {
    work();
    await Promise.resolve();
  });
}

/** A file's chunks: every CHUNK_BYTES of it, the last one shorter. */
export function chunksOf(content: Buffer): Buffer[] {
  const chunks: Buffer[] = [];
  for (let at = 0; at < content.length; at += CHUNK_BYTES) chunks.push(content.subarray(at, at + CHUNK_BYTES));
  return chunks;
}

/**
 * Sends this desk's documents the server lacks (issue 17): for each file, asks which of its chunks the
 * server holds, sends only the others, one request each, then the file's chunk list. A transfer cut
 * mid-way (a drop, a stopped server) leaves the chunks sent on the server, and the next round sends only
 * the rest. A network failure ends the round (it is retried); a refusal skips that file only.
 */
export async function uploadFiles(talk: Talk, transfer: FileTransfer): Promise<void> {
  const { database, transport, token } = talk;
  for (const file of filesToUpload(database.handle, FILES_PER_ROUND)) {
    const content = contentOf(database.handle, file.sha256);
    if (!content) continue;
    const chunks = chunksOf(content);
    const hashes = chunks.map(sha256);
    try {
      const { have } = await ask<ChunkHasResponse>(transport, {
        method: 'POST',
        path: '/v1/chunks/has',
        authorization: token,
        body: { hashes: [...new Set(hashes)] },
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      const there = new Set(Array.isArray(have) ? have : []);
      for (const [index, hash] of hashes.entries()) {
        if (there.has(hash)) continue;
        await ask(transport, {
          method: 'POST',
          path: '/v1/chunks',
          authorization: token,
          body: { hash, b64: chunks[index]?.toString('base64') ?? '' },
          timeoutMs: REQUEST_TIMEOUT_MS,
        });
        there.add(hash);
        transfer.chunksSent += 1;
      }
      await ask(transport, {
        method: 'POST',
        path: '/v1/files',
        authorization: token,
        body: { sha256: file.sha256, size: content.length, chunks: hashes },
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      await write(database, () => markUploaded(database.handle, file.sha256, talk.now()));
      transfer.uploaded += 1;
    } catch (error) {
      if (!(error instanceof SyncServerError) || error.status >= 500) throw error;
      transfer.problems.push(`upload ${file.sha256.slice(0, 12)}…: ${error.message}`);
    }
  }
}

/**
 * Fetches the bytes of documents synced here without them: the file's chunk list, then each chunk not
 * already here, each checked against its hash and saved as it arrives (a cut download resumes from
 * them). Only a whole file whose SHA-256 and size are the row's becomes the document's bytes; until
 * then the patient's page says it is still arriving. A file the server does not hold yet (its desk has
 * not sent it) waits for a later round.
 */
export async function downloadFiles(talk: Talk, transfer: FileTransfer): Promise<string[]> {
  const { database, transport, token } = talk;
  const completed: string[] = [];
  for (const file of filesToDownload(database.handle, FILES_PER_ROUND)) {
    if (!SHA256_PATTERN.test(file.sha256)) continue;
    try {
      const answer = await ask<unknown>(transport, {
        method: 'GET',
        path: `/v1/files?sha256=${file.sha256}`,
        authorization: token,
        timeoutMs: REQUEST_TIMEOUT_MS,
      });
      const listed = fileResponseSchema.safeParse(answer);
      if (!listed.success || listed.data.sha256 !== file.sha256 || listed.data.size !== file.size) {
        transfer.problems.push(`download ${file.sha256.slice(0, 12)}…: the server's chunk list does not fit the row`);
        continue;
      }
      const hashes = listed.data.chunks;
      const here = chunksHere(database.handle, hashes);
      for (const hash of hashes) {
        if (here.has(hash)) continue;
        const chunk = await ask<ChunkResponse>(transport, {
          method: 'GET',
          path: `/v1/chunks?hash=${hash}`,
          authorization: token,
          timeoutMs: REQUEST_TIMEOUT_MS,
        });
        const data = Buffer.from(typeof chunk.b64 === 'string' ? chunk.b64 : '', 'base64');
        if (data.length === 0 || data.length > CHUNK_BYTES || sha256(data) !== hash) {
          throw new SyncServerError(200, 'BAD_CHUNK', `chunk ${hash.slice(0, 12)}… does not hash to its name`);
        }
        await write(database, () => saveChunk(database.handle, hash, data, talk.now()));
        here.add(hash);
        transfer.chunksReceived += 1;
      }
      if (await assemble(talk, file, hashes)) {
        transfer.downloaded += 1;
        completed.push(file.sha256);
      } else transfer.problems.push(`download ${file.sha256.slice(0, 12)}…: the chunks do not hash to the file`);
    } catch (error) {
      if (!(error instanceof SyncServerError) || error.status >= 500) throw error;
      // NOT_FOUND: not on the server yet (its desk has not sent it): still arriving, asked again later.
      if (error.code !== 'NOT_FOUND') transfer.problems.push(`download ${file.sha256.slice(0, 12)}…: ${error.message}`);
    }
  }
  return completed;
}

/** The chunks in order, checked whole against the row's hash and size; a file that fails is fetched again. */
async function assemble(talk: Talk, file: FileRef, hashes: readonly string[]): Promise<boolean> {
  const { database } = talk;
  const parts = hashes.map((hash) => readChunk(database.handle, hash));
  const whole = parts.every((part): part is Buffer => part !== null) ? Buffer.concat(parts) : null;
  const sound = whole !== null && whole.length === file.size && sha256(whole) === file.sha256;
  await write(database, () => {
    if (sound) completeFile(database.handle, file, whole, hashes, talk.now());
    else dropChunks(database.handle, hashes);
  });
  return sound;
}
