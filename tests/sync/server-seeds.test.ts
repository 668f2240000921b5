import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SeedResponse } from '../../src-shared/sync/seed';
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
/** A copy's hash: of its chunks' digests in order. */
const copyHash = (...chunks: Buffer[]) =>
  sha256(Buffer.concat(chunks.map((chunk) => createHash('sha256').update(chunk).digest())));

/**
 * The server's starting copies for new desks (src-shared/sync/seed.ts): a copy is published only whole,
 * hashing to what its desk said, with a cursor of the desk's own clinic within its log; a device of
 * another clinic never finds or reads it; a chunk is answered as the bytes sent.
 */
describe.each(BACKENDS)('sync server on $backend: starting copies', ({ backend, skip }) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let north: Desk;
  let south: Desk;
  const bytes = randomBytes(1000);

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

  const putChunk = (desk: Desk, seedId: string, index: number, data: Buffer) =>
    fetch(`${server.url}/v1/seed/chunks?seedId=${seedId}&index=${index}`, {
      method: 'POST',
      headers: { authorization: desk.token, 'content-type': 'application/octet-stream' },
      body: data,
    });
  const describeCopy = (desk: Desk, seedId: string, changes: Record<string, unknown> = {}) => ({
    seedId,
    cursor: `${desk.clinicId}:0`,
    schemaVersion: 50,
    size: bytes.length,
    sha256: copyHash(bytes),
    chunks: 1,
    key: 'ab'.repeat(32),
    ...changes,
  });
  const publish = (desk: Desk, body: unknown) =>
    call<{ error?: { code: string; message: string } }>(server.url, 'POST', '/v1/seed', { token: desk.token, body });
  const current = async (desk: Desk) =>
    (await call<SeedResponse>(server.url, 'GET', '/v1/seed', { token: desk.token })).body.seed;

  it.skipIf(skip)('publishes a whole copy and answers its chunk as the bytes sent', async () => {
    expect(await current(north)).toBeNull();
    const seedId = randomUUID();
    // Not yet whole: refused, and nothing is offered.
    expect((await publish(north, describeCopy(north, seedId))).status).toBe(400);
    expect((await putChunk(north, seedId, 0, bytes)).status).toBe(200);
    expect((await publish(north, describeCopy(north, seedId))).status).toBe(200);
    expect(await current(north)).toEqual(describeCopy(north, seedId));
    const chunk = await fetch(`${server.url}/v1/seed/chunks?seedId=${seedId}&index=0`, {
      headers: { authorization: north.token },
    });
    expect(chunk.headers.get('content-type')).toBe('application/octet-stream');
    expect(Buffer.from(await chunk.arrayBuffer()).equals(bytes)).toBe(true);
    // Published: its bytes no longer change.
    expect((await putChunk(north, seedId, 0, randomBytes(1000))).status).toBe(403);
  });

  it.skipIf(skip)(
    'refuses a copy whose chunks do not hash to it, or whose cursor is not within the clinic’s log',
    async () => {
      const before = await current(north);
      const seedId = randomUUID();
      await putChunk(north, seedId, 0, bytes);
      const wrongHash = await publish(north, describeCopy(north, seedId, { sha256: sha256(randomBytes(8)) }));
      expect(wrongHash.status).toBe(400);
      expect(wrongHash.body.error?.message).toMatch(/^sha256: /);
      const ahead = await publish(north, describeCopy(north, seedId, { cursor: `${north.clinicId}:999` }));
      expect(ahead.status).toBe(400);
      expect(ahead.body.error?.message).toMatch(/^cursor: must be within the clinic's log/);
      const elsewhere = await publish(north, describeCopy(north, seedId, { cursor: `${south.clinicId}:0` }));
      expect(elsewhere.status).toBe(403);
      // The copy offered is still the one published before.
      expect(await current(north)).toEqual(before);
    },
  );

  it.skipIf(skip)("never lets another clinic's device find, read or publish the copy", async () => {
    const offered = await current(north);
    expect(offered).not.toBeNull();
    expect(await current(south)).toBeNull();
    const read = await fetch(`${server.url}/v1/seed/chunks?seedId=${offered?.seedId ?? ''}&index=0`, {
      headers: { authorization: south.token },
    });
    expect(read.status).toBe(404);
    // Chunks south sends under north's copy id are south's own, unpublished: north's copy is unchanged.
    await putChunk(south, offered?.seedId ?? '', 0, randomBytes(1000));
    expect((await publish(south, describeCopy(south, offered?.seedId ?? ''))).status).toBe(400);
    expect(await current(north)).toEqual(offered);
  });
});
