import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpTransport, type SyncRequest } from '../../src-main/core/sync/transport';
import { SEED_CHUNK_BYTES } from '../../src-shared/sync/seed';
import { openBillingClinic, type BillingClinic } from '../helpers/billing-clinic';
import { ADMIN } from '../helpers/temp-core';
import { RECEPTIONIST } from '../helpers/scheduling-clinic';
import { differences, deskState, hashOf } from './convergence-check';
import { BACKENDS, newCode } from './server-helpers';
import { deskOver, freshDesk, twoDesks, type Desk } from './desk-helpers';

/**
 * A new desk starts from the clinic's starting copy (src-shared/sync/seed.ts) instead of the snapshot's
 * pages: desk A, with billing, publishes a copy; a patient is registered after it; desk C joins and takes
 * the copy in (its requests show chunks fetched and no snapshot page), then pulls what came after. Desk
 * B joined from the pages before any copy existed. Every desk ends with the same synced rows, C finds
 * patients by search (the index came in the copy) and keeps syncing both ways.
 */
for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`a new desk starting from the clinic's copy (${backend})`, () => {
    let s: BillingClinic;
    let a: Desk;
    let c: Desk;
    let pair: Awaited<ReturnType<typeof twoDesks>>;
    const cPaths: string[] = [];
    let afterCopyId: string;
    let beforeCopyId: string;
    let published: { size: number; chunks: number; cursor: string };

    beforeAll(async () => {
      s = await openBillingClinic();
      a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
      const { visitId } = await s.visit('Ines');
      const view = await s.checkOut(visitId);
      await a.ok('desk', 'invoices.issue', { invoiceId: view.invoice.id });
      pair = await twoDesks(backend, a, s.clinic.clock);
      beforeCopyId = await s.patient('Beatrix', 'Copperfield');
      published = await a.ok('admin', 'sync.publishSeed', {});
      afterCopyId = await s.patient('Quentin', 'Afterwood');
      await a.core.syncClient.syncOnce();
      c = await freshDesk(s.clinic.clock, 'C');
      c.core.syncClient.useTransport((url, fingerprint) => {
        const inner = httpTransport(url, fingerprint);
        return (request: SyncRequest) => {
          cPaths.push(request.path);
          return inner(request);
        };
      });
      await c.ok('stranger', 'sync.join', {
        serverUrl: pair.server.url,
        code: await newCode(pair.database.opened, 'Riverside'),
        fingerprint: '',
      });
      await c.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      await c.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
    }, 180_000);
    afterAll(async () => {
      await c?.close();
      await pair?.close();
      await a?.close();
    });

    it('publishes a copy that names its place in the log', () => {
      expect(published.cursor).toMatch(/^[0-9a-f-]{36}:\d+$/);
      expect(published.chunks).toBe(Math.ceil(published.size / SEED_CHUNK_BYTES));
    });

    it('takes the copy in: chunks fetched, no snapshot page asked for', () => {
      const paths = cPaths.map((path) => path.split('?')[0]);
      expect(paths).toContain('/v1/seed');
      expect(paths).toContain('/v1/seed/chunks');
      // Enrolment asks for one row to learn whether the clinic has data; no page of rows is fetched.
      expect(cPaths.filter((path) => path.startsWith('/v1/snapshot'))).toEqual(['/v1/snapshot?limit=1']);
      expect(c.core.syncClient.status()).toMatchObject({ waiting: 0, applyProblems: 0, state: 'online' });
      expect(c.core.syncClient.status().bootstrap).toMatchObject({
        state: 'done',
        reason: 'new',
        copy: { bytes: published.size, size: published.size },
      });
      expect(c.core.syncClient.status().bootstrap?.rows).toBeGreaterThan(100);
      // Filled with a rollback journal, then back to the write-ahead log every desk runs with.
      expect(c.core.database.handle.pragma('journal_mode', { simple: true })).toBe('wal');
    });

    it('holds what came after the copy, and finds patients by search', async () => {
      const after = await c.ok('desk', 'patients.search', { query: 'afterwo' });
      expect(after.map((row) => row.id)).toEqual([afterCopyId]);
      const before = await c.ok('desk', 'patients.search', { query: 'ines' });
      expect(before.length).toBeGreaterThan(0);
      // Inside a word: the trigram index, which came in the copy (its FTS5 tables) and took rows after it.
      expect((await c.ok('desk', 'patients.search', { query: 'pperfie' })).map((row) => row.id)).toEqual([
        beforeCopyId,
      ]);
      expect((await c.ok('desk', 'patients.search', { query: 'terwoo' })).map((row) => row.id)).toEqual([afterCopyId]);
    });

    it('ends with the same synced rows as the desk that published and the desk that joined from pages', async () => {
      for (let round = 0; round < 2; round += 1) {
        await a.core.syncClient.syncOnce();
        await pair.b.core.syncClient.syncOnce();
        await c.core.syncClient.syncOnce();
      }
      const [onA, onB, onC] = [deskState(a.core), deskState(pair.b.core), deskState(c.core)];
      expect(differences(onA, onC, ['A', 'C'])).toEqual([]);
      expect(differences(onB, onC, ['B', 'C'])).toEqual([]);
      expect(hashOf(onC)).toBe(hashOf(onA));
    });

    it('keeps syncing both ways: an edit on C reaches A, and one on A reaches C', async () => {
      const booked = await c.ok('desk', 'appointments.book', {
        patientId: afterCopyId,
        providerId: s.drAId,
        typeId: s.consultId,
        start: { date: '2026-11-24', time: '10:00' },
      });
      await c.core.syncClient.syncOnce();
      await a.core.syncClient.syncOnce();
      expect(await a.ok('desk', 'appointments.get', { appointmentId: booked.id })).toMatchObject({ id: booked.id });
      const later = await s.patient('Lotte', 'Latecomer');
      await a.core.syncClient.syncOnce();
      await c.core.syncClient.syncOnce();
      expect((await c.ok('desk', 'patients.search', { query: 'latecom' })).map((row) => row.id)).toEqual([later]);
    });

    it('refuses a copy while the desk has changes the server has not taken', async () => {
      await s.patient('Nadia', 'Notyetsent');
      a.core.syncClient.useTransport((url, fingerprint) => {
        const inner = httpTransport(url, fingerprint);
        return (request: SyncRequest) =>
          request.path.startsWith('/v1/push') ? Promise.reject(new Error('cable out')) : inner(request);
      });
      const refused = await a.call('admin', 'sync.publishSeed', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      if (!refused.ok) expect(refused.error.message).toMatch(/not accepted yet/);
      a.core.syncClient.useTransport(httpTransport);
      await a.core.syncClient.syncOnce();
    });
  });
}
