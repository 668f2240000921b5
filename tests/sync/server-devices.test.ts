import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countFor } from '../../src-server/db/repository';
import type { DevicesResponse, EnrolCodeResponse } from '../../src-shared/sync/protocol';
import {
  BACKENDS,
  call,
  change,
  enrolDesk,
  freshDatabase,
  fullRow,
  newCode,
  pushChanges,
  startServer,
  userRow,
  type Desk,
  type TestServer,
} from './server-helpers';

// Two clinics on one server. North has an administrator (role admin holds users:manage), a receptionist
// (role reception without it) and a disabled administrator; South has its own administrator.
describe.each(BACKENDS)('sync server on $backend: devices managed from a desk', ({ backend, skip }) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  let north: Desk;
  let south: Desk;
  const northAdmin = randomUUID();
  const northClerk = randomUUID();
  const northFormer = randomUUID();
  const southAdmin = randomUUID();

  const devices = (desk: Desk, userId: string) =>
    call<DevicesResponse>(server.url, 'GET', `/v1/devices?userId=${encodeURIComponent(userId)}`, { token: desk.token });
  const makeCode = (desk: Desk, userId: string, hours = 24) =>
    call<EnrolCodeResponse>(server.url, 'POST', '/v1/enrol-codes', { token: desk.token, body: { userId, hours } });
  const audits = () => countFor(server.opened.db, 'server_audit', null);

  beforeAll(async () => {
    if (skip) return;
    const db = await freshDatabase(backend);
    drop = db.drop;
    server = await startServer(db.opened);
    north = await enrolDesk(server.url, await newCode(db.opened, 'North Clinic'), 'North reception');
    south = await enrolDesk(server.url, await newCode(db.opened, 'South Clinic'), 'South desk');
    const grant = (desk: Desk, role: string) =>
      change(desk, 'role_permissions', [role, 'users:manage'], fullRow('role_permissions', [role, 'users:manage']));
    const pushed = await pushChanges(server.url, north, [
      change(north, 'users', [northAdmin], userRow(northAdmin, { role_id: 'admin' })),
      change(north, 'users', [northClerk], userRow(northClerk, { role_id: 'reception' })),
      change(north, 'users', [northFormer], userRow(northFormer, { role_id: 'admin', disabled_at: 1 })),
      grant(north, 'admin'),
    ]);
    expect(pushed.body.results.every((r) => r.status === 'accepted')).toBe(true);
    await pushChanges(server.url, south, [
      change(south, 'users', [southAdmin], userRow(southAdmin, { role_id: 'admin' })),
      grant(south, 'admin'),
    ]);
    // PGlite starts and migrates in WebAssembly: on a loaded 2-core machine that alone took over 30 s.
  }, 120_000);
  afterAll(async () => {
    if (!skip) await drop();
  });

  it.skipIf(skip)('an administrator makes a code another desk enrols with, and sees it in the list', async () => {
    const made = await makeCode(north, northAdmin, 2);
    expect(made.status).toBe(200);
    expect(made.body.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(made.body.clinicName).toBe('North Clinic');
    expect(made.body.expiresAt - Date.now()).toBeGreaterThan(2 * 3_600_000 - 60_000);
    const nurse = await enrolDesk(server.url, made.body.code, 'Nurse station');
    expect(nurse.clinicId).toBe(north.clinicId);
    // The code is one-time.
    const again = await call(server.url, 'POST', '/v1/enrol', { body: { code: made.body.code, deviceName: 'x' } });
    expect(again.status).toBe(401);

    const list = await devices(north, northAdmin);
    expect(list.status).toBe(200);
    expect(list.body.clinicName).toBe('North Clinic');
    expect(list.body.devices.map((d) => [d.name, d.deskCode, d.revokedAt])).toEqual([
      ['North reception', 'A', null],
      ['Nurse station', 'B', null],
    ]);
    // North's own requests made it "seen"; the nurse station has not called yet.
    expect(list.body.devices[0]?.lastSeenAt).toBeGreaterThan(0);
    expect(list.body.devices[1]?.lastSeenAt).toBeNull();
    // Only North's: South's device is not in it, and South sees only its own.
    const southList = await devices(south, southAdmin);
    expect(southList.body.devices.map((d) => d.name)).toEqual(['South desk']);
  });

  it.skipIf(skip)('an administrator revokes a device, which is refused at once; the list says when', async () => {
    const spare = await enrolDesk(server.url, (await makeCode(north, northAdmin)).body.code, 'Old laptop');
    const revoke = await call(server.url, 'POST', '/v1/revoke', {
      token: north.token,
      body: { deviceId: spare.deviceId, userId: northAdmin },
    });
    expect(revoke).toMatchObject({ status: 200, body: { deviceId: spare.deviceId, revoked: true } });
    expect((await call(server.url, 'GET', '/v1/status', { token: spare.token })).status).toBe(401);
    const listed = (await devices(north, northAdmin)).body.devices.find((d) => d.id === spare.deviceId);
    expect(listed?.revokedAt).toBeGreaterThan(0);
    // A revoked device can neither list nor make codes, even naming an administrator.
    const before = await audits();
    expect((await devices(spare, northAdmin)).status).toBe(401);
    expect((await makeCode(spare, northAdmin)).status).toBe(401);
    expect(await audits()).toBe(before + 2);
  });

  it.skipIf(skip)('a user without users:manage, a disabled one, or an unknown one is refused and audited', async () => {
    for (const userId of [northClerk, northFormer, randomUUID()]) {
      const before = await audits();
      const codesBefore = await countFor(server.opened.db, 'enrolment_codes', north.clinicId);
      const list = await devices(north, userId);
      expect(list.status).toBe(403);
      expect(list.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await makeCode(north, userId)).status).toBe(403);
      const revoke = await call(server.url, 'POST', '/v1/revoke', {
        token: north.token,
        body: { deviceId: north.deviceId, userId },
      });
      expect(revoke.status).toBe(403);
      expect(await audits()).toBe(before + 3);
      expect(await countFor(server.opened.db, 'enrolment_codes', north.clinicId)).toBe(codesBefore);
    }
    expect((await call(server.url, 'GET', '/v1/status', { token: north.token })).status).toBe(200);
  });

  it.skipIf(skip)("another clinic's device cannot list, make codes for, nor revoke in North", async () => {
    // South names North's administrator: the user is looked up in South's own rows, where there is none.
    expect((await devices(south, northAdmin)).status).toBe(403);
    const codesBefore = await countFor(server.opened.db, 'enrolment_codes', north.clinicId);
    expect((await makeCode(south, northAdmin)).status).toBe(403);
    // South's own administrator makes a code for South, never for North.
    const southCode = await makeCode(south, southAdmin);
    expect(southCode.body.clinicName).toBe('South Clinic');
    expect(await countFor(server.opened.db, 'enrolment_codes', north.clinicId)).toBe(codesBefore);
    const cross = await call(server.url, 'POST', '/v1/revoke', {
      token: south.token,
      body: { deviceId: north.deviceId, userId: southAdmin },
    });
    expect(cross.status).toBe(403);
    expect((await call(server.url, 'GET', '/v1/status', { token: north.token })).status).toBe(200);
  });

  it.skipIf(skip)(
    'an administrator names a device as people know it; nobody else, and never across clinics',
    async () => {
      const rename = (desk: Desk, body: Record<string, unknown>) =>
        call<{ deviceId: string; name: string }>(server.url, 'POST', '/v1/rename', { token: desk.token, body });
      const renamed = await rename(north, { deviceId: north.deviceId, userId: northAdmin, name: '  Front counter ' });
      expect(renamed).toMatchObject({ status: 200, body: { deviceId: north.deviceId, name: 'Front counter' } });
      const listed = (await devices(north, northAdmin)).body.devices.find((d) => d.id === north.deviceId);
      expect(listed?.name).toBe('Front counter');
      const before = await audits();
      // A receptionist, another clinic's administrator, another clinic's device: refused, audited, unchanged.
      expect((await rename(north, { deviceId: north.deviceId, userId: northClerk, name: 'Mine' })).status).toBe(403);
      expect((await rename(south, { deviceId: north.deviceId, userId: southAdmin, name: 'Taken' })).status).toBe(403);
      expect((await rename(north, { deviceId: south.deviceId, userId: northAdmin, name: 'Taken' })).status).toBe(403);
      expect(await audits()).toBe(before + 3);
      for (const name of ['', '   ', 'x'.repeat(61), 'a\u0000b']) {
        expect((await rename(north, { deviceId: north.deviceId, userId: northAdmin, name })).status).toBe(400);
      }
      expect((await devices(south, southAdmin)).body.devices.map((d) => d.name)).toEqual(['South desk']);
      expect((await devices(north, northAdmin)).body.devices.find((d) => d.id === north.deviceId)?.name).toBe(
        'Front counter',
      );
    },
  );

  it.skipIf(skip)('a device is "last seen" to the half minute: its requests in between write nothing', async () => {
    const laptop = await enrolDesk(server.url, (await makeCode(north, northAdmin)).body.code, 'Spare laptop');
    const seenAt = async () =>
      (await devices(north, northAdmin)).body.devices.find((d) => d.id === laptop.deviceId)?.lastSeenAt;
    const start = Date.now() + 3_600_000;
    try {
      server.now.ms = start;
      await call(server.url, 'GET', '/v1/status', { token: laptop.token });
      expect(await seenAt()).toBe(start);
      server.now.ms = start + 29_000;
      await call(server.url, 'GET', '/v1/status', { token: laptop.token });
      expect(await seenAt()).toBe(start);
      server.now.ms = start + 30_000;
      await call(server.url, 'GET', '/v1/status', { token: laptop.token });
      expect(await seenAt()).toBe(start + 30_000);
    } finally {
      server.now.ms = null;
    }
  });

  it.skipIf(skip)('malformed requests and no credentials are refused', async () => {
    expect((await call(server.url, 'GET', '/v1/devices')).status).toBe(401);
    expect((await call(server.url, 'GET', '/v1/devices', { token: north.token })).status).toBe(400);
    for (const body of [{ userId: northAdmin }, { userId: northAdmin, hours: 0 }, { userId: northAdmin, hours: 721 }]) {
      expect((await call(server.url, 'POST', '/v1/enrol-codes', { token: north.token, body })).status).toBe(400);
    }
    const nul = await call(server.url, 'POST', '/v1/enrol-codes', {
      token: north.token,
      body: { userId: 'a\u0000b', hours: 1 },
    });
    expect(nul.status).toBe(400);
  });
});
