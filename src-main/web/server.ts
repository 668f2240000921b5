import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MAX_REQUEST_BYTES } from '../../src-shared/api/limits';
import type { Core } from '../core/app';
import { REMINDER_SWEEP_MS } from '../core/reminders/runner';
import { SECURITY_HEADERS, bearerToken, isSameOriginRequest, tokensMatch } from './security';
import { serveStatic } from './static-files';
import { serveCalendarFeed } from './calendar-feed-route';

const HEARTBEAT_MS = 15_000;
const IDLE_SWEEP_MS = 5_000;
const CLIENT_ID = /^[0-9a-f-]{36}$/;

export interface WebHostOptions {
  core: Core;
  rendererDir: string;
  port?: number;
  /** Fixed only in tests; a random one otherwise. */
  token?: string;
}

export interface WebHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Browser mode: the built renderer and core's procedures over HTTP, events over server-sent events,
 * on 127.0.0.1 only and behind a per-run token. For development and end-to-end tests on machines
 * without Electron; not a server for other computers.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!existsSync(join(options.rendererDir, 'index.html'))) {
    throw new Error(`No built renderer in ${options.rendererDir}: run \`npm run build:renderer\` first.`);
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { core } = options;
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      console.error('[front-desk] browser-mode request failed:', error);
      if (!response.headersSent) response.writeHead(500, SECURITY_HEADERS);
      response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isSameOriginRequest(request, port)) {
      response.writeHead(403, SECURITY_HEADERS).end('Forbidden');
      return;
    }
    const url = URL.parse(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url) {
      response.writeHead(400, SECURITY_HEADERS).end('Bad request');
      return;
    }
    if (url.pathname === '/api/invoke' && request.method === 'POST') return invoke(request, response);
    if (url.pathname === '/api/events' && request.method === 'GET') return events(request, response);
    if (request.method === 'GET' && (await serveCalendarFeed(core, url.pathname, response))) return;
    if (request.method !== 'GET') {
      response.writeHead(405, SECURITY_HEADERS).end();
      return;
    }
    serveStatic(options.rendererDir, url.pathname, response);
  }

  /** The page's client id when the request carries the token (as a header, never in the address); else null. */
  function authorisedClient(request: IncomingMessage): string | null {
    const clientId = request.headers['x-clinic-client'];
    if (!tokensMatch(bearerToken(request), token) || typeof clientId !== 'string' || !CLIENT_ID.test(clientId)) {
      return null;
    }
    return clientId;
  }

  async function invoke(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const clientId = authorisedClient(request);
    if (!clientId) {
      response.writeHead(401, SECURITY_HEADERS).end();
      return;
    }
    const body = await readBody(request);
    if (body === TOO_LARGE) {
      // Answered before parsing; the connection is closed so the rest of the body is never read.
      response.writeHead(413, { ...SECURITY_HEADERS, Connection: 'close' }).end();
      request.destroy();
      return;
    }
    const message = parseJson(body) as { name?: unknown; input?: unknown } | undefined;
    const result =
      message && typeof message.name === 'string'
        ? await core.invoke(clientId, message.name, message.input)
        : { ok: false, error: { code: 'VALIDATION', message: 'The request must be JSON {name, input}.' } };
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(result));
  }

  function events(request: IncomingMessage, response: ServerResponse): void {
    const clientId = authorisedClient(request);
    if (!clientId) {
      response.writeHead(401, SECURITY_HEADERS).end();
      return;
    }
    response.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    streams.add(response);
    const unsubscribe = core.subscribe(clientId, (topic, payload) => {
      response.write(`data: ${JSON.stringify({ topic, payload })}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    });
  }

  const idleSweep = setInterval(() => {
    void core.lockIdleSessions().catch((error: unknown) => console.error('[front-desk] idle lock failed:', error));
    try {
      core.checkpoint();
    } catch (error) {
      console.error('[front-desk] checkpoint failed:', error);
    }
  }, IDLE_SWEEP_MS);
  // Reminders: plan what is missing and send what is due, once a minute (the runner never overlaps).
  const reminderSweep = setInterval(() => {
    void core.sweepReminders().catch((error: unknown) => console.error('[front-desk] reminder sweep failed:', error));
    // The same minute's tick starts the day's scheduled backup when it is due.
    void core.sweepBackups().catch((error: unknown) => console.error('[front-desk] backup sweep failed:', error));
  }, REMINDER_SWEEP_MS);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  core.serveCalendarFeedsAt(`http://127.0.0.1:${port}`);

  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    close: async () => {
      core.serveCalendarFeedsAt(null);
      clearInterval(idleSweep);
      clearInterval(reminderSweep);
      for (const stream of streams) stream.end();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // Open pages keep idle keep-alive connections; they must not hold the shutdown.
      server.closeAllConnections();
      await closed;
    },
  };
}

const TOO_LARGE = Symbol('too large');

/** The request's body, or TOO_LARGE as soon as its declared or received size passes the limit. */
async function readBody(request: IncomingMessage): Promise<Buffer | typeof TOO_LARGE> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_REQUEST_BYTES) return TOO_LARGE;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_REQUEST_BYTES) return TOO_LARGE;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
