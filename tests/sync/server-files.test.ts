import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFor } from '../../src-server/db/repository';
import { CHUNK_BYTES } from '../../src-shared/sync/protocol';
import {
  BACKENDS,
  call,
  enrolDesk,
  freshDatabase,
  newCode,
  startServer,
  type Desk,
  type TestServer,
} from './server-helpers';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

/**
 * The server's chunk store for documents (issue 17): chunks by SHA-256 and a file's chunk list, kept per
 * clinic. A device of another clinic never reads, finds or claims them; sizes and hashes are checked.
 */
describe.each(BACKENDS)('sync server on $backend: document chunks', ({ backend, skip }) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let north: Desk;
  let south: Desk;
  const file = randomBytes(CHUNK_BYTES + 1000);
  const parts = [file.subarray(0, CHUNK_BYTES), file.subarray(CHUNK_BYTES)];
  const hashes = parts.map(sha256);
  const whole = { sha256: sha256(file), size: file.length, chunks: hashes };

  beforeAll(async () => {
    if (skip) return;
    const db = await freshDatabase(backend);
    drop = db.drop;
    server = await startServer(db.opened);
    north = await enrolDesk(server.url, await newCode(db.opened, 'North Clinic'), 'North desk');
    south = await enrolDesk(server.url, await newCode(db.opened, 'South Clinic'), 'South desk');
  }, 60_000);
  afterAll(async () => {
    if (skip) return;
    await server.close();
    await drop();
  });

  const put = (desk: Desk, path: string, body: unknown) =>
    call<{ error?: { code: string; message: string } }>(server.url, 'POST', path, { token: desk.token, body });
  const get = (desk: Desk, path: string) =>
    call<{ error?: { code: string }; b64?: string; chunks?: string[] }>(server.url, 'GET', path, { token: desk.token });

  it.skipIf(skip)('takes chunks once, then the file once its chunks hash to it; answers which it has', async () => {
    expect((await put(north, '/v1/chunks/has', { hashes })).body).toEqual({ have: [] });
    expect((await put(north, '/v1/chunks', { hash: hashes[0], b64: parts[0]?.toString('base64') })).body).toEqual({
      stored: true,
    });
    // The file is refused while a chunk is missing; pushing a chunk twice changes nothing.
    expect((await put(north, '/v1/files', whole)).status).toBe(404);
    expect((await put(north, '/v1/chunks/has', { hashes })).body).toEqual({ have: [hashes[0]] });
    await put(north, '/v1/chunks', { hash: hashes[1], b64: parts[1]?.toString('base64') });
    expect((await put(north, '/v1/chunks', { hash: hashes[1], b64: parts[1]?.toString('base64') })).body).toEqual({
      stored: false,
    });
    expect((await put(north, '/v1/files', whole)).status).toBe(200);
    expect((await get(north, `/v1/files?sha256=${whole.sha256}`)).body).toEqual(whole);
    const chunk = await get(north, `/v1/chunks?hash=${hashes[1]}`);
    expect(Buffer.from(chunk.body.b64 ?? '', 'base64').equals(parts[1] ?? Buffer.alloc(0))).toBe(true);
  });

  it.skipIf(skip)("never lets another clinic's device read, find or claim them", async () => {
    const before = await countFor(server.opened.db, 'server_audit', null);
    expect((await put(south, '/v1/chunks/has', { hashes })).body).toEqual({ have: [] });
    expect((await get(south, `/v1/chunks?hash=${hashes[0]}`)).status).toBe(404);
    expect((await get(south, `/v1/files?sha256=${whole.sha256}`)).status).toBe(404);
    // Naming North's chunks does not make them South's: the file is refused, nothing stored for South.
    expect((await put(south, '/v1/files', whole)).status).toBe(404);
    expect((await get(south, `/v1/files?sha256=${whole.sha256}`)).status).toBe(404);
    // Without credentials, or with a forged secret: refused before anything is read.
    expect((await call(server.url, 'GET', `/v1/chunks?hash=${hashes[0]}`)).status).toBe(401);
    const forged = { ...south, token: `Bearer ${north.deviceId}.${'0'.repeat(64)}` };
    expect((await get(forged, `/v1/chunks?hash=${hashes[0]}`)).status).toBe(401);
    expect(await countFor(server.opened.db, 'server_audit', null)).toBeGreaterThan(before);
  });

  it.skipIf(skip)(
    'refuses a chunk whose bytes are not its hash, one too big, and a file of the wrong shape',
    async () => {
      const bytes = randomBytes(100);
      const lie = await put(north, '/v1/chunks', { hash: sha256(randomBytes(8)), b64: bytes.toString('base64') });
      expect(lie).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED' } } });
      const big = randomBytes(CHUNK_BYTES + 1);
      const tooBig = await put(north, '/v1/chunks', { hash: sha256(big), b64: big.toString('base64') });
      expect(tooBig).toMatchObject({ status: 413, body: { error: { code: 'TOO_LARGE' } } });
      expect((await put(north, '/v1/chunks/has', { hashes: ['not-a-hash'] })).status).toBe(400);
      // One chunk listed for a file of two chunks' size; the chunks in the wrong order; a size over 5 MiB.
      expect((await put(north, '/v1/files', { ...whole, chunks: [hashes[0]] })).status).toBe(400);
      const swapped = await put(north, '/v1/files', {
        ...whole,
        sha256: sha256(randomBytes(4)),
        chunks: [hashes[1], hashes[0]],
      });
      expect(swapped).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED' } } });
      expect((await put(north, '/v1/files', { ...whole, size: 6 * 1024 * 1024, chunks: [] })).status).toBe(400);
      const other = await put(north, '/v1/files', { ...whole, sha256: sha256(randomBytes(4)) });
      expect(other).toMatchObject({ status: 400, body: { error: { code: 'MALFORMED' } } });
      expect((await get(north, '/v1/chunks?hash=1234')).status).toBe(400);
    },
  );
});
