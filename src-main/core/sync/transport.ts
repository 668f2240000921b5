import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { connect, type TLSSocket } from 'node:tls';
import { unreachableSentence } from './network-words';

/** The content type of an answer that is bytes, not JSON. */
export const OCTETS = 'application/octet-stream';

/** One HTTP exchange with the sync server: the status and the parsed JSON body (a Buffer when the answer is bytes). */
export interface SyncAnswer {
  status: number;
  body: unknown;
}

export interface SyncRequest {
  method: 'GET' | 'POST';
  /** `/v1/...` with its query string. */
  path: string;
  /** Sent as JSON; a Buffer is sent as bytes (a starting copy's chunks). */
  body?: unknown;
  /** `Bearer <deviceId>.<secret>`; absent for enrolment. */
  authorization?: string;
  /** Further request headers (the snapshot's SNAPSHOT_STAMPS_HEADER). */
  headers?: Readonly<Record<string, string>>;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** How the client reaches the server; tests wrap it to drop, delay or duplicate answers. */
export type SyncTransport = (req: SyncRequest) => Promise<SyncAnswer>;

/** The network failed (no answer): the loop backs off and retries. */
export class SyncNetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncNetworkError';
  }
}

/** The server's certificate is not the one pinned at enrolment: nothing was sent to it. */
export class SyncPinError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SyncPinError';
  }
}

export const FINGERPRINT_PATTERN = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/;

/** `ab:cd…` or `ABCD…` as the server prints it: upper-case pairs joined by colons. */
export function normaliseFingerprint(text: string): string {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  return (hex.match(/../g) ?? []).join(':');
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]' || hostname === '::1';
}

/**
 * Why a server address cannot be used, or null: https with a pinned fingerprint, or plain http on this
 * computer only (tests, a TLS proxy on the same machine).
 */
export function serverUrlProblem(serverUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return 'must be a server address such as https://clinic-server:8443';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https://';
  if (url.protocol === 'http:' && !isLoopback(url.hostname)) {
    return 'must start with https:// (plain http only to this computer)';
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return 'must be only the server address, such as https://clinic-server:8443';
  }
  return null;
}

/**
 * The TLS connection is made and its certificate checked against the pin before the HTTP request is
 * handed the socket, so a device's secret never reaches a server that is not the pinned one. Trust
 * comes from the pin alone: a clinic's LAN server has a self-signed certificate.
 */
function pinnedSocket(url: URL, fingerprint: string, timeoutMs: number): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    const socket = connect({
      host: hostname,
      port: Number(url.port || 443),
      rejectUnauthorized: false,
      ...(/^[\d.:]+$/.test(hostname) ? {} : { servername: hostname }),
    });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new SyncNetworkError(`No answer from ${url.host} within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
    socket.once('secureConnect', () => {
      clearTimeout(timer);
      const presented = socket.getPeerCertificate().fingerprint256;
      if (normaliseFingerprint(presented ?? '') !== normaliseFingerprint(fingerprint)) {
        socket.destroy();
        reject(
          new SyncPinError(
            `The server at ${url.host} presented a certificate with fingerprint ${presented ?? 'none'}, not the one this desk pinned (${fingerprint}). Nothing was sent.`,
          ),
        );
        return;
      }
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(new SyncNetworkError(unreachableSentence(url.host, error as Error)));
    });
  });
}

function readAnswer(req: ClientRequest, host: string, timeoutMs: number, signal?: AbortSignal): Promise<SyncAnswer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      req.destroy(new SyncNetworkError(`No answer within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
    const abort = () => req.destroy(new SyncNetworkError('Stopped.'));
    signal?.addEventListener('abort', abort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
    };
    req.once('error', (error) => {
      done();
      reject(error instanceof SyncNetworkError ? error : new SyncNetworkError(unreachableSentence(host, error)));
    });
    req.once('response', (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', (error) => {
        done();
        reject(new SyncNetworkError(error.message));
      });
      res.once('end', () => {
        done();
        // Bytes as they are (a starting copy's chunks): no base64 to make and undo on 4 MiB a request.
        if (res.statusCode === 200 && (res.headers['content-type'] ?? '').startsWith(OCTETS)) {
          resolve({ status: 200, body: Buffer.concat(chunks) });
          return;
        }
        const text = Buffer.concat(chunks).toString('utf8');
        try {
          resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null });
        } catch {
          reject(new SyncNetworkError(`The server answered ${res.statusCode ?? '?'} with something that is not JSON.`));
        }
      });
    });
  });
}

/** HTTPS pinned to `fingerprint`, or plain HTTP to this computer (see serverUrlProblem). */
export function httpTransport(serverUrl: string, fingerprint: string | null): SyncTransport {
  const base = new URL(serverUrl);
  return async (call) => {
    if (call.signal?.aborted) throw new SyncNetworkError('Stopped.');
    const bytes = Buffer.isBuffer(call.body);
    const body = call.body === undefined ? undefined : bytes ? (call.body as Buffer) : JSON.stringify(call.body);
    const headers: Record<string, string> = {
      ...call.headers,
      accept: `application/json, ${OCTETS}`,
      ...(call.authorization ? { authorization: call.authorization } : {}),
      ...(body === undefined
        ? {}
        : {
            'content-type': bytes ? OCTETS : 'application/json',
            'content-length': String(Buffer.byteLength(body)),
          }),
    };
    let req: ClientRequest;
    if (base.protocol === 'https:') {
      if (!fingerprint) throw new SyncPinError('No certificate fingerprint is pinned for this server.');
      const socket = await pinnedSocket(base, fingerprint, call.timeoutMs);
      req = request({
        host: base.hostname,
        port: base.port,
        method: call.method,
        path: call.path,
        headers,
        // No agent: with one (even `agent: false`) Node opens its own connection and ignores this one.
        createConnection: () => socket,
      });
    } else {
      if (!isLoopback(base.hostname)) throw new SyncPinError('Plain http is allowed only to this computer.');
      req = request({
        host: base.hostname.replace(/^\[|\]$/g, ''),
        port: base.port || 80,
        method: call.method,
        path: call.path,
        headers,
        agent: false,
      });
    }
    const answer = readAnswer(req, base.host, call.timeoutMs, call.signal);
    req.end(body);
    return answer;
  };
}
