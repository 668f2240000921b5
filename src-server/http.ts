import { X509Certificate } from 'node:crypto';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { SNAPSHOT_STAMPS_COMPACT, SNAPSHOT_STAMPS_HEADER, type SyncErrorBody } from '../src-shared/sync/protocol';
import { SyncError } from './sync/errors';
import { enrolCodeFromDesk, listDevicesFromDesk, renameFromDesk, revokeFromDesk } from './sync/admin';
import { getChunk, getFile, hasChunks, putChunk, putFile } from './sync/files';
import { claimReminders, settleReminders } from './sync/reminders';
import { getSeed, getSeedChunk, publishSeed, putSeedChunk } from './sync/seeds';
import { authenticate, enrol, pull, push, snapshot, status, type ServerContext } from './sync/service';

/**
 * The sync server's HTTP layer on node:http: a dozen JSON endpoints need no framework, and plain
 * node:http keeps the dependency list (and what a clinic's server runs) short; src-main/web does the same.
 */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
}

export interface SyncHttpServer {
  server: Server;
  /** `https://host:port` or `http://host:port`. */
  url: string;
  /** SHA-256 of the certificate as `AB:CD:...`, for the desk to pin at enrolment; null on plain HTTP. */
  fingerprint: string | null;
  close(): Promise<void>;
}

export async function startHttp(
  ctx: ServerContext,
  options: { host: string; port: number; tls?: TlsFiles | undefined },
): Promise<SyncHttpServer> {
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    handle(ctx, request, response).catch((error: unknown) => {
      console.error('sync server: request failed', error);
      if (!response.headersSent) send(response, 500, errorBody('INTERNAL', 'The server failed; try again later'));
      else response.destroy();
    });
  };
  const server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, handler)
    : createHttpServer(handler);
  // Long polls wait up to 25 s; keep sockets longer than that.
  server.requestTimeout = 60_000;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}`,
    fingerprint: options.tls ? new X509Certificate(options.tls.cert).fingerprint256 : null,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function handle(ctx: ServerContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', 'http://server');
  const route = `${request.method ?? 'GET'} ${url.pathname}`;
  const abort = new AbortController();
  response.on('close', () => abort.abort());
  try {
    switch (route) {
      case 'POST /v1/enrol':
        return send(response, 200, await enrol(ctx, await readJson(request)));
      case 'POST /v1/push': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await push(ctx, device, await readJson(request)));
      }
      case 'GET /v1/pull': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await pull(ctx, device, Object.fromEntries(url.searchParams), abort.signal));
      }
      case 'GET /v1/snapshot': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        const compact = request.headers[SNAPSHOT_STAMPS_HEADER] === SNAPSHOT_STAMPS_COMPACT;
        return send(response, 200, await snapshot(ctx, device, Object.fromEntries(url.searchParams), compact));
      }
      case 'GET /v1/status': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, status(ctx, device));
      }
      case 'POST /v1/revoke': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await revokeFromDesk(ctx, device, await readJson(request)));
      }
      case 'POST /v1/rename': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await renameFromDesk(ctx, device, await readJson(request)));
      }
      case 'GET /v1/devices': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await listDevicesFromDesk(ctx, device, Object.fromEntries(url.searchParams)));
      }
      case 'POST /v1/enrol-codes': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await enrolCodeFromDesk(ctx, device, await readJson(request)));
      }
      case 'POST /v1/reminders/claim': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await claimReminders(ctx, device, await readJson(request)));
      }
      case 'POST /v1/reminders/settle': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await settleReminders(ctx, device, await readJson(request)));
      }
      case 'POST /v1/chunks/has': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await hasChunks(ctx, device, await readJson(request)));
      }
      case 'POST /v1/chunks': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await putChunk(ctx, device, await readJson(request)));
      }
      case 'GET /v1/chunks': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await getChunk(ctx, device, Object.fromEntries(url.searchParams)));
      }
      case 'POST /v1/files': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await putFile(ctx, device, await readJson(request)));
      }
      case 'GET /v1/files': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await getFile(ctx, device, Object.fromEntries(url.searchParams)));
      }
      case 'POST /v1/seed/chunks': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(
          response,
          200,
          await putSeedChunk(ctx, device, Object.fromEntries(url.searchParams), await readBytes(request)),
        );
      }
      case 'GET /v1/seed/chunks': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return sendBytes(response, await getSeedChunk(ctx, device, Object.fromEntries(url.searchParams)));
      }
      case 'POST /v1/seed': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await publishSeed(ctx, device, await readJson(request)));
      }
      case 'GET /v1/seed': {
        const device = await authenticate(ctx, request.headers.authorization, url.pathname);
        return send(response, 200, await getSeed(ctx, device));
      }
      default:
        throw new SyncError('NOT_FOUND', `No endpoint ${route}`);
    }
  } catch (error) {
    if (!(error instanceof SyncError)) throw error;
    // Drain what the client still sends, so it reads our answer rather than a reset connection.
    request.resume();
    send(response, error.status, errorBody(error.code, error.message));
  }
}

async function readBytes(request: IncomingMessage): Promise<Buffer> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new SyncError('TOO_LARGE', `Requests are at most ${MAX_BODY_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new SyncError('TOO_LARGE', `Requests are at most ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const body = await readBytes(request);
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new SyncError('MALFORMED', 'The body is not JSON');
  }
}

function errorBody(code: SyncErrorBody['error']['code'], message: string): SyncErrorBody {
  return { error: { code, message } };
}

/** A chunk of a starting copy as it is stored (already encrypted by the desk that made it). */
function sendBytes(response: ServerResponse, bytes: Buffer): void {
  if (response.destroyed) return;
  response.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': bytes.length,
    'cache-control': 'no-store',
  });
  response.end(bytes);
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}
