import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSchedulingClinic, RECEPTIONIST, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { ADMIN } from '../helpers/temp-core';
import { BACKENDS, newCode } from './server-helpers';
import { deskOver, freshDesk, twoDesks, type Desk } from './desk-helpers';

/**
 * Which providers offer a type, set on three desks that have not heard from each other (the
 * convergence suite's SYNC_SEED=1183651767 SYNC_PATH=11, by hand). Setting them deletes the type's
 * links and inserts the new set, so a link travels as an insert of a row the receiving desk may
 * already hold. B links both providers first; C links both, then only Dr Ortiz (deleting both links,
 * inserting one); A, which never saw a link, links both last. B takes A's inserts first and C's
 * delete-and-insert after: A's links are newer than C's delete, so they stay, on every desk.
 */
for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`a type's providers set on three desks offline (${backend})`, () => {
    let s: SchedulingClinic;
    let a: Desk;
    let c: Desk;
    let pair: Awaited<ReturnType<typeof twoDesks>>;

    beforeAll(async () => {
      s = await openSchedulingClinic();
      a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
      pair = await twoDesks(backend, a, s.clinic.clock);
      c = await freshDesk(s.clinic.clock, 'C');
      const code = await newCode(pair.database.opened, 'Riverside');
      await c.ok('stranger', 'sync.join', { serverUrl: pair.server.url, code, fingerprint: '' });
      await c.core.syncClient.syncOnce();
      await c.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      await c.ok('desk', 'auth.login', { username: RECEPTIONIST.username, password: RECEPTIONIST.password });
    }, 120_000);
    afterAll(async () => {
      await c?.close();
      await pair?.close();
      await a?.close();
    });

    it('ends with the last setting (both providers) on every desk', async () => {
      const both = [s.drAId, s.drBId];
      const clock = s.clinic.clock;
      const setProviders = async (desk: Desk, providerIds: string[]) => {
        clock.advance(60_000);
        await desk.ok('admin', 'schedule.updateType', { typeId: s.consultId, providerIds });
      };
      await setProviders(pair.b, both);
      await setProviders(c, both);
      await setProviders(c, [s.drAId]);
      await setProviders(a, both);

      await a.core.syncClient.syncOnce();
      await pair.b.core.syncClient.syncOnce();
      await c.core.syncClient.syncOnce();
      await pair.b.core.syncClient.syncOnce();
      await a.core.syncClient.syncOnce();

      for (const [name, desk] of [
        ['A', a],
        ['B', pair.b],
        ['C', c],
      ] as const) {
        const types = await desk.ok('desk', 'schedule.listTypes', {});
        const consult = types.find((t) => t.id === s.consultId);
        expect([...(consult?.providerIds ?? [])].sort(), name).toEqual([...both].sort());
        expect(desk.core.sync.problems(), name).toEqual([]);
      }
    });
  });
}
