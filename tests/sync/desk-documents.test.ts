import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport, SyncNetworkError, type SyncTransport } from '../../src-main/core/sync/transport';
import { CHUNK_BYTES } from '../../src-shared/sync/protocol';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { deskOver, twoDesks, type Desk } from './desk-helpers';
import { BACKENDS } from './server-helpers';

/** A transport that counts chunk requests and drops the connection at the `failAt`-th one (1-based). */
function dropping(kind: 'POST' | 'GET', failAt: number | null) {
  const seen = { chunks: 0 };
  const factory = (url: string, fingerprint: string | null): SyncTransport => {
    const inner = httpTransport(url, fingerprint);
    return async (request) => {
      if (
        request.method === kind &&
        request.path.startsWith('/v1/chunks') &&
        !request.path.startsWith('/v1/chunks/has')
      ) {
        seen.chunks += 1;
        if (failAt !== null && seen.chunks >= failAt) throw new SyncNetworkError('connection dropped mid-transfer');
      }
      return inner(request);
    };
  };
  return { factory, seen };
}

const rows = (desk: Desk, sql: string) => (desk.core.database.handle.prepare(sql).get() as { n: number }).n;

/**
 * Documents and photos sync in chunks that resume after a drop (issue 17): the record row travels as any
 * record, the bytes in 256 KiB chunks, each sent and fetched on its own. A few-MB scan moves from desk A
 * to desk B with the upload and then the download cut mid-way; each resumes from the chunks already on
 * the other side, and B shows the document only once it is whole and its hash checks.
 */
for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`documents in chunks between two desks (${backend})`, () => {
    let s: BillingClinic;
    let a: Desk;
    let pair: Awaited<ReturnType<typeof twoDesks>>;
    let patientId: string;

    beforeAll(async () => {
      s = await openBillingClinic();
      a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
      patientId = await s.patient('Amara', 'Okafor');
      pair = await twoDesks(backend, a, s.clinic.clock);
    }, 120_000);
    afterAll(async () => {
      await pair?.close();
      await a?.close();
    });

    it('moves a 3 MB scan from A to B, resuming a cut upload and a cut download, never starting over', async () => {
      const { b } = pair;
      const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3 * 1024 * 1024 + 4321)]);
      const total = Math.ceil(pdf.length / CHUNK_BYTES);
      expect(total).toBe(13);
      const added = await a.ok('admin', 'documents.add', {
        patientId,
        kind: 'referral',
        title: 'Cardiology referral',
        fileName: 'referral.pdf',
        mimeType: 'application/pdf',
        contentBase64: pdf.toString('base64'),
      });
      // The change that carries the row has the hash and size, not the bytes.
      const captured = a.core.sync.pending(1000).find((c) => c.table === 'patient_documents');
      expect(captured?.values).toMatchObject({ sha256: added.sha256, size_bytes: pdf.length });
      expect(captured?.values).not.toHaveProperty('content');

      // Upload cut after 5 chunks: they stay on the server; the next round sends only the other 8.
      const cutUp = dropping('POST', 6);
      a.core.syncClient.useTransport(cutUp.factory);
      await expect(a.core.syncClient.syncOnce()).rejects.toThrow(/connection dropped/);
      expect(a.core.syncClient.files?.chunksSent).toBe(5);
      const held = await pair.database.opened.db
        .selectFrom('file_chunks')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(held.n)).toBe(5);
      a.core.syncClient.useTransport(httpTransport);
      await a.core.syncClient.syncOnce();
      expect(a.core.syncClient.files?.chunksSent).toBe(total - 5);
      expect(a.core.syncClient.files?.uploaded).toBe(1);

      // Download cut after 4 chunks: B has the row and says the document is still arriving; the
      // patient's open page on B heard of it.
      const heard: string[][] = [];
      const unsubscribe = b.core.subscribe('admin', (topic, payload) => {
        if (topic === 'patients.changed') heard.push((payload as { patientIds: string[] }).patientIds);
      });
      const cutDown = dropping('GET', 5);
      b.core.syncClient.useTransport(cutDown.factory);
      await expect(b.core.syncClient.syncOnce()).rejects.toThrow(/connection dropped/);
      expect(heard).toEqual([[patientId]]);
      expect(b.core.syncClient.files?.chunksReceived).toBe(4);
      expect(rows(b, 'SELECT count(*) AS n FROM document_chunks_in')).toBe(4);
      const listed = await b.ok('admin', 'documents.list', { patientId });
      expect(listed).toEqual([expect.objectContaining({ id: added.id, arriving: true })]);
      const early = await b.call('admin', 'documents.get', { documentId: added.id });
      expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

      // Resumed: only the 9 chunks it lacks, then the whole file, hash checked.
      b.core.syncClient.useTransport(httpTransport);
      await b.core.syncClient.syncOnce();
      expect(b.core.syncClient.files?.chunksReceived).toBe(total - 4);
      expect(b.core.syncClient.files?.downloaded).toBe(1);
      // Once whole, the page that said "still arriving" is told to read it again.
      expect(heard).toEqual([[patientId], [patientId]]);
      unsubscribe();
      const fetched = await b.ok('admin', 'documents.get', { documentId: added.id });
      expect(Buffer.from(fetched.contentBase64, 'base64').equals(pdf)).toBe(true);
      expect(fetched.arriving).toBe(false);
      expect(rows(b, 'SELECT count(*) AS n FROM document_chunks_in')).toBe(0);
      // Nothing to send back: B's copy came from the server.
      await b.core.syncClient.syncOnce();
      expect(b.core.syncClient.files).toMatchObject({ chunksSent: 0, uploaded: 0 });
    }, 120_000);

    it("shows the patient's photo as still arriving until its bytes are whole", async () => {
      const { b } = pair;
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(400_000)]);
      await a.ok('admin', 'patients.setPhoto', {
        patientId,
        mimeType: 'image/png',
        contentBase64: png.toString('base64'),
      });
      await a.core.syncClient.syncOnce();
      const cut = dropping('GET', 1);
      b.core.syncClient.useTransport(cut.factory);
      await expect(b.core.syncClient.syncOnce()).rejects.toThrow(/connection dropped/);
      expect(await b.ok('admin', 'patients.photo', { patientId })).toMatchObject({ arriving: true, contentBase64: '' });
      b.core.syncClient.useTransport(httpTransport);
      await b.core.syncClient.syncOnce();
      const photo = await b.ok('admin', 'patients.photo', { patientId });
      expect(photo?.arriving).toBe(false);
      expect(Buffer.from(photo?.contentBase64 ?? '', 'base64').equals(png)).toBe(true);
    }, 120_000);
  });
}
