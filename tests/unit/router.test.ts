import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/api/contract';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic | undefined;
afterEach(async () => {
  await clinic?.close();
  clinic = undefined;
});

async function auditActions(c: TestClinic) {
  const rows = await c.core.database.db
    .selectFrom('audit_log')
    .select(['action', 'outcome', 'actor_username'])
    .orderBy('seq')
    .execute();
  return rows;
}

describe('the router', () => {
  it('rejects invalid input naming each field, and saves nothing', async () => {
    clinic = await openTestClinic({ setUp: false });
    const result = await clinic.call('desk', 'system.setup', {
      clinicName: '  ',
      timeZone: 'Mars/Olympus',
      currency: 'XYZ',
      admin: { username: 'ad', displayName: 'Ada', password: 'short' },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(Object.keys(result.error.details?.fields ?? {}).sort()).toEqual(
      ['admin.password', 'admin.username', 'clinicName', 'currency', 'timeZone'].sort(),
    );
    expect(result.error.message).toContain('timeZone: must be a time zone such as Europe/London');
    expect(await clinic.ok('desk', 'system.status', {})).toMatchObject({ setupRequired: true, clinicName: null });
    expect(await auditActions(clinic)).toEqual([]);
  });

  it('says a missing field is required', async () => {
    clinic = await openTestClinic();
    const result = await clinic.core.invoke('desk', 'auth.login', { username: 'ada' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { password: 'is required' } } },
    });
  });

  it('answers errors as data: unknown procedures, no session, and handler failures never throw', async () => {
    clinic = await openTestClinic();
    await expect(clinic.core.invoke('desk', 'patients.nuke', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    await expect(clinic.call('desk', 'users.list', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const again = await clinic.call('desk', 'system.setup', {
      clinicName: 'Other',
      timeZone: 'UTC',
      currency: 'EUR',
      admin: { username: 'eve', displayName: 'Eve', password: 'long enough password' },
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a procedure the role lacks, and audits the refusal', async () => {
    clinic = await openTestClinic();
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await clinic.ok('admin', 'users.create', {
      username: 'rita',
      displayName: 'Rita Reception',
      role: 'receptionist',
      password: 'reception desk 1',
    });
    await clinic.ok('desk', 'auth.login', { username: 'rita', password: 'reception desk 1' });
    const refused = await clinic.call('desk', 'users.list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!refused.ok) expect(refused.error.message).toContain('users:manage');
    expect(await auditActions(clinic)).toContainEqual({
      action: 'users.list',
      outcome: 'denied',
      actor_username: 'rita',
    });
  });

  it('audits every write with who did it, and a failed write leaves no audit entry and no change', async () => {
    clinic = await openTestClinic();
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 15 });
    const rows = await auditActions(clinic);
    expect(rows.map((row) => row.action)).toEqual(['system.setup', 'auth.login', 'settings.update']);
    expect(rows.at(-1)).toEqual({ action: 'settings.update', outcome: 'ok', actor_username: 'ada' });

    const duplicate = await clinic.call('admin', 'users.create', {
      username: 'ada',
      displayName: 'Another Ada',
      role: 'nurse',
      password: 'nurse station 12',
    });
    expect(duplicate).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { username: 'ada is already taken' } } },
    });
    expect((await auditActions(clinic)).length).toBe(3);
    expect((await clinic.ok('admin', 'users.list', {})).length).toBe(1);
  });

  it('declares every procedure as area.verb with an access rule', () => {
    for (const [name, def] of Object.entries(contract)) {
      expect(name).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      expect(def.access).toBeTruthy();
    }
  });

  it('checks session and permission before parsing: a crafted input from a caller who may not call is never read', async () => {
    clinic = await openTestClinic();
    const crafted = { firstName: 'A', lastName: 'B', dob: '1990-01-01', email: `a@${'.'.repeat(300_000)} ` };
    expect(await clinic.call('stranger', 'patients.create', crafted)).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await clinic.ok('admin', 'users.create', {
      username: 'nina',
      displayName: 'Nina Nurse',
      role: 'nurse',
      password: 'triage room 42',
    });
    await clinic.ok('ward', 'auth.login', { username: 'nina', password: 'triage room 42' });
    // A nurse may not manage users: refused for that, not for the (invalid) input.
    expect(await clinic.call('ward', 'users.create', { username: 'x'.repeat(500_000) } as never)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // The admin may: the input is parsed, and the over-long email is cut at its limit before any pattern.
    expect(await clinic.call('admin', 'patients.create', crafted)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { email: 'must be at most 254 characters' } } },
    });
  });
});
