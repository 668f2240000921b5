import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TLSSocket } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openServerDb, type OpenedDb } from '../../src-server/db/open';
import { startHttp, type SyncHttpServer } from '../../src-server/http';
import { PushSignal } from '../../src-server/sync/signal';

// A LAN server has no public certificate: the desk pins the SHA-256 fingerprint the server prints.
function openssl(): string | null {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return null;
  } catch {
    return 'openssl is not installed';
  }
}
const skipReason = openssl();
if (skipReason) console.warn(`sync server TLS test skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('sync server over TLS', () => {
  let dir: string;
  let opened: OpenedDb;
  let server: SyncHttpServer;
  let certPem: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sync-tls-'));
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '2',
        '-subj',
        '/CN=clinic-server.local',
      ],
      { stdio: 'ignore' },
    );
    certPem = readFileSync(cert);
    opened = await openServerDb({ dataDir: 'memory://' });
    server = await startHttp(
      { db: opened.db, now: () => Date.now(), signal: new PushSignal() },
      { host: '127.0.0.1', port: 0, tls: { cert: certPem, key: readFileSync(key) } },
    );
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await opened.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves HTTPS and reports the fingerprint a desk pins; a desk pinning it connects, one pinning another does not', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const expected = new X509Certificate(certPem).fingerprint256;
    expect(server.fingerprint).toBe(expected);
    expect(server.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

    const get = (pin: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(`${server.url}/v1/status`, {
          // Self-signed: trust comes from the pin (the desk side does this in its own client).
          rejectUnauthorized: false,
          agent: false,
        });
        req.on('socket', (socket: TLSSocket) => {
          socket.on('secureConnect', () => {
            if (socket.getPeerX509Certificate()?.fingerprint256 !== pin) req.destroy(new Error('pin mismatch'));
          });
        });
        req.on('response', (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await get(expected)).toBe(401);
    await expect(get(expected.replace(/^../, '00'))).rejects.toThrow('pin mismatch');
  });
});
