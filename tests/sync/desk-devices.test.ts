import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';
import { BACKENDS } from './server-helpers';
import { deskOver, freshDesk, twoDesks, type Desk } from './desk-helpers';

/**
 * The Devices screen's procedures (issue 17) on a real server: desk A's administrator lists the
 * clinic's devices, makes a one-time code a new desk joins with, and revokes that desk, which the
 * server then refuses. The receptionist may do none of it; a desk not connected is told so.
 */
for (const { backend, skip } of BACKENDS) {
  describe.skipIf(skip)(`managing the clinic's devices from a desk (${backend})`, () => {
    let s: SchedulingClinic;
    let a: Desk;
    let pair: Awaited<ReturnType<typeof twoDesks>>;
    let c: Desk | null = null;

    beforeAll(async () => {
      s = await openSchedulingClinic();
      a = deskOver(s.clinic.core, 'A', () => s.clinic.close());
    }, 120_000);
    afterAll(async () => {
      await c?.close();
      await pair?.close();
      await a?.close();
    });

    it('a desk not connected says so rather than asking anyone', async () => {
      const refused = await a.call('admin', 'devices.list', {});
      expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /not connected/ } });
      pair = await twoDesks(backend, a, s.clinic.clock);
    }, 120_000);

    it('lists the clinic’s devices with this desk marked; the receptionist may not', async () => {
      const list = await a.ok('admin', 'devices.list', {});
      expect(list.clinicName).toBe('Riverside');
      expect(list.devices.map((d) => d.deskCode)).toEqual(['A', 'B']);
      expect(list.thisDeviceId).toBe(list.devices[0]?.id);
      expect(list.devices.every((d) => d.revokedAt === null && d.lastSeenAt !== null)).toBe(true);
      expect(await a.call('desk', 'devices.list', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await a.call('desk', 'devices.enrolCode', { hours: 24 })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await a.call('admin', 'devices.enrolCode', { hours: 0 })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    });

    it('makes a code a new desk joins with; revoked, that desk is refused by the server', async () => {
      const made = await a.ok('admin', 'devices.enrolCode', { hours: 4 });
      expect(made).toMatchObject({ clinicName: 'Riverside', serverUrl: pair.server.url, fingerprint: null });
      c = await freshDesk(s.clinic.clock, 'C');
      // sync.join answers once the first round took the clinic: its staff can sign in at once.
      const joined = await c.ok('stranger', 'sync.join', {
        serverUrl: pair.server.url,
        code: made.code,
        fingerprint: '',
      });
      expect(joined).toMatchObject({ state: 'online', lastError: null, lastSyncedAt: expect.any(Number) as number });
      expect(await c.ok('stranger', 'system.status', {})).toMatchObject({ setupRequired: false });
      const listed = await a.ok('admin', 'devices.list', {});
      const third = listed.devices[2];
      expect(third?.deskCode).toBe('C');

      // This desk cannot revoke itself from here (it could not sync again).
      expect(await a.call('admin', 'devices.revoke', { deviceId: listed.thisDeviceId })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT' },
      });
      expect(await a.call('desk', 'devices.revoke', { deviceId: third?.id ?? '' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(await a.ok('admin', 'devices.revoke', { deviceId: third?.id ?? '' })).toEqual({
        deviceId: third?.id,
        revoked: true,
      });
      await expect(c.core.syncClient.syncOnce()).rejects.toThrow(/revoked/);
      expect(c.core.syncClient.status().lastError).toMatch(/no longer knows this desk/);
      const after = await a.ok('admin', 'devices.list', {});
      expect(after.devices[2]?.revokedAt).toEqual(expect.any(Number));
      // Again: already revoked, said so.
      expect(await a.ok('admin', 'devices.revoke', { deviceId: third?.id ?? '' })).toMatchObject({ revoked: false });

      // On this desk's audit log, without the code itself.
      const audit = await a.ok('admin', 'audit.list', { limit: 20 });
      const actions = audit.entries.map((entry) => entry.action);
      expect(actions).toContain('devices.enrolCode');
      expect(actions).toContain('devices.revoke');
      expect(JSON.stringify(audit.entries)).not.toContain(made.code);
    }, 60_000);

    it('an unknown device is refused by the server, and a server that does not answer is said so', async () => {
      const unknown = await a.call('admin', 'devices.revoke', { deviceId: '00000000-0000-4000-8000-000000000000' });
      expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: /The server refused/ } });
      await pair.server.close();
      const down = await a.call('admin', 'devices.list', {});
      expect(down).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: /did not answer/ } });
    });
  });
}
