import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap, EventTopic } from '../../src-shared/api/events';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic | undefined;
afterEach(async () => {
  await clinic?.close();
  clinic = undefined;
});

const login = (c: TestClinic, clientId: string, password: string) =>
  c.call(clientId, 'auth.login', { username: ADMIN.username, password });

describe('signing in', () => {
  it('signs in with the right password and reports the role and its permissions', async () => {
    clinic = await openTestClinic();
    const session = await clinic.ok('desk', 'auth.login', { username: 'ADA', password: ADMIN.password });
    expect(session.user).toMatchObject({ username: 'ada', role: 'admin', displayName: 'Ada Admin' });
    expect(session.permissions).toContain('users:manage');
    expect(await clinic.ok('desk', 'auth.session', {})).toMatchObject({ locked: false });
  });

  it('throttles an account after five wrong passwords, even against the right one, until the wait passes', async () => {
    clinic = await openTestClinic();
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await login(clinic, 'desk', 'wrong password')).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED' },
      });
    }
    const throttled = await login(clinic, 'desk', ADMIN.password);
    expect(throttled).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    if (!throttled.ok) expect(throttled.error.message).toMatch(/Try again in 30 seconds/);

    clinic.clock.advance(31_000);
    expect(await login(clinic, 'desk', ADMIN.password)).toMatchObject({ ok: true });

    const failures = await clinic.core.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'actor_username'])
      .where('action', '=', 'auth.login')
      .where('outcome', '=', 'failed')
      .execute();
    expect(failures).toHaveLength(6);
    expect(failures.every((row) => row.actor_username === 'ada')).toBe(true);
  });

  it('audits a failed sign-in with an unknown username', async () => {
    clinic = await openTestClinic();
    expect(await clinic.call('desk', 'auth.login', { username: 'mallory', password: 'guess' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password.' },
    });
    const row = await clinic.core.database.db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ action: 'auth.login', outcome: 'failed', actor_username: 'mallory' });
  });

  it('refuses a disabled account and signs out its open sessions', async () => {
    clinic = await openTestClinic();
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const nurse = await clinic.ok('admin', 'users.create', {
      username: 'nina',
      displayName: 'Nina Nurse',
      role: 'nurse',
      password: 'triage room 42',
    });
    await clinic.ok('ward', 'auth.login', { username: 'nina', password: 'triage room 42' });
    await clinic.ok('admin', 'users.setDisabled', { userId: nurse.id, disabled: true });
    expect(await clinic.call('ward', 'settings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const refused = await clinic.call('ward', 'auth.login', { username: 'nina', password: 'triage room 42' });
    expect(refused.ok ? null : refused.error.message).toContain('disabled');
  });

  it('keeps one enabled administrator', async () => {
    clinic = await openTestClinic();
    const session = await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(await clinic.call('admin', 'users.changeRole', { userId: session.user.id, role: 'nurse' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });
});

describe('locking', () => {
  it('locks after the idle timeout, refuses work while locked, and unlocks only with the password', async () => {
    clinic = await openTestClinic();
    await login(clinic, 'desk', ADMIN.password);
    clinic.clock.advance(9 * 60_000);
    expect(await clinic.call('desk', 'settings.get', {})).toMatchObject({ ok: true });
    clinic.clock.advance(10 * 60_000 + 1);
    expect(await clinic.call('desk', 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await clinic.ok('desk', 'auth.session', {})).toMatchObject({ locked: true });

    expect(await clinic.call('desk', 'auth.unlock', { password: 'not it' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await clinic.call('desk', 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await clinic.ok('desk', 'auth.unlock', { password: ADMIN.password })).toMatchObject({ locked: false });
    expect(await clinic.call('desk', 'settings.get', {})).toMatchObject({ ok: true });
  });

  it('locks on demand, only that window', async () => {
    clinic = await openTestClinic();
    await login(clinic, 'desk-1', ADMIN.password);
    await login(clinic, 'desk-2', ADMIN.password);
    await clinic.ok('desk-1', 'auth.lock', {});
    expect(await clinic.call('desk-1', 'settings.get', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await clinic.call('desk-2', 'settings.get', {})).toMatchObject({ ok: true });
  });

  it('the idle sweep locks a quiet window, tells it, and stops sending it other events', async () => {
    clinic = await openTestClinic();
    await login(clinic, 'desk-1', ADMIN.password);
    await login(clinic, 'desk-2', ADMIN.password);
    const received: { client: string; topic: EventTopic }[] = [];
    const payloads: unknown[] = [];
    for (const client of ['desk-1', 'desk-2']) {
      clinic.core.subscribe(client, <T extends EventTopic>(topic: T, payload: EventMap[T]) => {
        received.push({ client, topic });
        payloads.push(payload);
      });
    }
    clinic.clock.advance(6 * 60_000);
    await clinic.ok('desk-2', 'settings.get', {});
    clinic.clock.advance(5 * 60_000);
    await clinic.core.lockIdleSessions();
    expect(received).toEqual([{ client: 'desk-1', topic: 'session.changed' }]);
    expect(payloads[0]).toMatchObject({ session: { locked: true, user: { username: 'ada' } } });

    await clinic.ok('desk-2', 'settings.update', { clinicName: 'Riverside Family Clinic' });
    expect(received).toEqual([
      { client: 'desk-1', topic: 'session.changed' },
      { client: 'desk-2', topic: 'settings.changed' },
    ]);
  });
});
