import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '../../src-shared/api/limits';
import { startWebHost, type WebHost } from '../../src-main/web/server';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

const TOKEN = 'test-token-0123456789abcdef';
const CLIENT = '0191e0a0-0000-7000-8000-000000000001';

let clinic: TestClinic | undefined;
let host: WebHost | undefined;
afterEach(async () => {
  await host?.close();
  await clinic?.close();
  host = undefined;
  clinic = undefined;
});

async function start(): Promise<WebHost> {
  clinic = await openTestClinic();
  const rendererDir = join(clinic.folder.dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Front Desk</title>');
  host = await startWebHost({ core: clinic.core, rendererDir, token: TOKEN });
  return host;
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const invoke = (port: number, name: string, input: unknown, token = TOKEN) =>
  send(port, '/api/invoke', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'X-Clinic-Client': CLIENT, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name, input }),
  });

describe('browser mode host', () => {
  it('listens on 127.0.0.1 and prints its address with the token in the fragment', async () => {
    const { url, port } = await start();
    expect(url).toBe(`http://127.0.0.1:${port}/#token=${TOKEN}`);
  });

  it('answers procedures only with the token, as the same Result the preload gives', async () => {
    const { port } = await start();
    expect((await invoke(port, 'system.status', {}, 'wrong')).status).toBe(401);
    const reply = await invoke(port, 'system.status', {});
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: {
        setupRequired: false,
        recoveryRequired: null,
        demo: false,
        demoBuild: null,
        clinicName: 'Riverside Clinic',
        version: expect.any(String) as string,
      },
    });
    const invalid = JSON.parse((await invoke(port, 'auth.login', { username: 'ada' })).body) as {
      ok: boolean;
      error: { code: string };
    };
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses another Host (DNS rebinding) and a cross-origin page', async () => {
    const { port } = await start();
    expect((await send(port, '/', { headers: { Host: 'evil.example:80' } })).status).toBe(403);
    const crossOrigin = await send(port, '/api/invoke', {
      method: 'POST',
      headers: { Origin: 'http://evil.example', Authorization: `Bearer ${TOKEN}`, 'X-Clinic-Client': CLIENT },
      body: '{}',
    });
    expect(crossOrigin.status).toBe(403);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const { port } = await start();
    const page = await send(port, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Front Desk</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await send(port, '/../clinic.db');
    expect(escape.body).not.toContain('SQLite');
    expect(escape.body).toContain('<title>Front Desk</title>');
  });

  it('pushes events to a signed-in page over server-sent events', async () => {
    const { port } = await start();
    await invoke(port, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const received = new Promise<string>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: '/api/events',
          headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${TOKEN}`, 'X-Clinic-Client': CLIENT },
        },
        (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => {
            text += chunk.toString();
            if (text.includes('connected') && !text.includes('data:'))
              void invoke(port, 'settings.update', { clinicName: 'Riverside Family Clinic' });
            if (text.includes('data:')) {
              resolve(text);
              req.destroy();
            }
          });
        },
      );
      req.on('error', reject);
      req.end();
    });
    const text = await received;
    const data = JSON.parse(/data: (.*)\n/.exec(text)?.[1] ?? '{}') as {
      topic: string;
      payload: { settings: { clinicName: string } };
    };
    expect(data.topic).toBe('settings.changed');
    expect(data.payload.settings.clinicName).toBe('Riverside Family Clinic');
  });

  it('takes the token for events only as a header, never from the address', async () => {
    const { port } = await start();
    expect((await send(port, `/api/events?token=${TOKEN}&client=${CLIENT}`)).status).toBe(401);
  });

  it('answers a malformed percent-encoded path with 400 and logs nothing', async () => {
    const { port } = await start();
    const logged: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => logged.push(args);
    try {
      const reply = await send(port, '/%E0%A4%A');
      expect(reply.status).toBe(400);
      expect((await send(port, '/assets/%ZZ.js')).status).toBe(400);
    } finally {
      console.error = original;
    }
    expect(logged).toEqual([]);
  });

  it('refuses a body over the limit before reading it as JSON (413), and still answers the next request', async () => {
    const { port } = await start();
    const declared = await send(port, '/api/invoke', {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${TOKEN}`,
        'X-Clinic-Client': CLIENT,
        'Content-Length': String(MAX_REQUEST_BYTES + 1),
      },
    }).catch((error: unknown) => ({ status: (error as { code?: string }).code === 'ECONNRESET' ? 413 : 0 }));
    expect(declared.status).toBe(413);
    const streamed = await send(port, '/api/invoke', {
      method: 'POST',
      headers: { Authorization: `Bearer ${TOKEN}`, 'X-Clinic-Client': CLIENT, 'Transfer-Encoding': 'chunked' },
      body: JSON.stringify({ name: 'auth.login', input: { username: 'x'.repeat(MAX_REQUEST_BYTES), password: 'p' } }),
    }).catch((error: unknown) => ({ status: (error as { code?: string }).code === 'EPIPE' ? 413 : 0 }));
    expect(streamed.status).toBe(413);
    // A document of 5 MiB (as base64) still fits.
    const document = await invoke(port, 'auth.login', { username: 'x', password: 'y'.repeat(7_000_000) });
    expect(document.status).toBe(200);
    expect(JSON.parse(document.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect((await invoke(port, 'system.status', {})).status).toBe(200);
  });
});
