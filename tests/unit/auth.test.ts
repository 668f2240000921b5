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

  it('audits a failed sign-in with an unknown username only as a short keyed hash, never the text typed', async () => {
    clinic = await openTestClinic();
    // A password typed into the username field by mistake.
    const typed = 'hunter2-staple-battery';
    for (const client of ['desk', 'desk']) {
      expect(await clinic.call(client, 'auth.login', { username: typed, password: 'guess' })).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', message: 'Wrong username or password.' },
      });
    }
    await clinic.call('desk', 'auth.login', { username: 'mallory', password: 'guess' });
    const rows = await clinic.core.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'auth.login')
      .orderBy('seq')
      .execute();
    expect(rows.map((row) => row.outcome)).toEqual(['failed', 'failed', 'failed']);
    expect(JSON.stringify(rows)).not.toContain(typed);
    expect(JSON.stringify(rows)).not.toContain('mallory');
    const [first, second, third] = rows.map((row) => row.actor_username ?? '');
    expect(first).toMatch(/^unknown #[0-9a-f]{10}$/);
    expect(second).toBe(first);
    expect(third).not.toBe(first);
  });

  it('refuses a username over 100 characters before anything is looked up or audited', async () => {
    clinic = await openTestClinic();
    const huge = await clinic.call('desk', 'auth.login', { username: 'x'.repeat(8 * 1024 * 1024), password: 'p' });
    expect(huge).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { username: expect.any(String) as string } } },
    });
    const audited = await clinic.core.database.db
      .selectFrom('audit_log')
      .select('seq')
      .where('action', '=', 'auth.login')
      .execute();
    expect(audited).toEqual([]);
  });

  it('limits failed sign-ins per window: after ten, that window waits, others do not', async () => {
    clinic = await openTestClinic();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      await clinic.call('kiosk', 'auth.login', { username: `guess${attempt}`, password: 'nope' });
    }
    const refused = await clinic.call('kiosk', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    expect(await login(clinic, 'desk', ADMIN.password)).toMatchObject({ ok: true });
    clinic.clock.advance(15 * 60_000);
    expect(await login(clinic, 'kiosk', ADMIN.password)).toMatchObject({ ok: true });
  });

  it('limits failed sign-ins for the whole computer, so a page that keeps changing its client id is stopped too', async () => {
    clinic = await openTestClinic();
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await clinic.call(`tab-${attempt}`, 'auth.login', { username: `guess${attempt}`, password: 'nope' });
    }
    const auditedBefore = await clinic.core.database.db.selectFrom('audit_log').select('seq').execute();
    const refused = await clinic.call('fresh-tab', 'auth.login', { username: 'anyone', password: 'nope' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
    // Refused attempts are neither checked nor audited: a flood adds nothing to the log.
    expect(await clinic.core.database.db.selectFrom('audit_log').select('seq').execute()).toHaveLength(
      auditedBefore.length,
    );
    clinic.clock.advance(5 * 60_000);
    expect(await login(clinic, 'fresh-tab', ADMIN.password)).toMatchObject({ ok: true });
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

describe('locks that others cause', () => {
  it('lets a signed-in user unlock their own desk while others have throttled the account', async () => {
    clinic = await openTestClinic();
    await login(clinic, 'desk', ADMIN.password);
    await clinic.ok('desk', 'auth.lock', {});
    for (let attempt = 0; attempt < 6; attempt += 1) await login(clinic, 'intruder', 'guess');
    expect(await login(clinic, 'elsewhere', ADMIN.password)).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    expect(await clinic.ok('desk', 'auth.unlock', { password: ADMIN.password })).toMatchObject({ locked: false });
    expect(await clinic.call('desk', 'settings.get', {})).toMatchObject({ ok: true });
  });

  it('signs a desk out after five wrong passwords at its lock screen, without counting them against the account', async () => {
    clinic = await openTestClinic();
    await login(clinic, 'desk', ADMIN.password);
    await clinic.ok('desk', 'auth.lock', {});
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      const wrong = await clinic.call('desk', 'auth.unlock', { password: 'not it' });
      expect(wrong).toMatchObject({
        ok: false,
        error: { code: 'UNAUTHENTICATED', details: { fields: { password: 'is wrong' } } },
      });
      if (!wrong.ok) expect(wrong.error.message).toContain(`${5 - attempt} more wrong`);
    }
    const fifth = await clinic.call('desk', 'auth.unlock', { password: 'not it' });
    expect(fifth.ok ? null : fifth.error.message).toMatch(/Signed out after 5 wrong passwords/);
    expect(await clinic.ok('desk', 'auth.session', {})).toBeNull();
    expect(await clinic.call('desk', 'auth.unlock', { password: ADMIN.password })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    const account = await clinic.core.database.db
      .selectFrom('users')
      .select(['failed_login_count', 'login_blocked_until'])
      .where('username', '=', ADMIN.username)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ failed_login_count: 0, login_blocked_until: null });
    expect(await login(clinic, 'desk', ADMIN.password)).toMatchObject({ ok: true });
  });

  it("an administrator clears an account's sign-in lock (audited); other roles may not", async () => {
    clinic = await openTestClinic();
    await login(clinic, 'admin', ADMIN.password);
    const nurse = await clinic.ok('admin', 'users.create', {
      username: 'nina',
      displayName: 'Nina Nurse',
      role: 'nurse',
      password: 'triage room 42',
    });
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await clinic.call('intruder', 'auth.login', { username: 'nina', password: 'guess' });
    }
    const listed = (await clinic.ok('admin', 'users.list', {})).find((user) => user.id === nurse.id);
    expect(listed).toMatchObject({ failedSignIns: 5, signInBlockedUntil: expect.any(Number) as number });
    expect(await clinic.call('ward', 'auth.login', { username: 'nina', password: 'triage room 42' })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    });
    await clinic.ok('ward', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await clinic.ok('ward', 'auth.logout', {});
    expect(await clinic.call('ward', 'users.clearLock', { userId: nurse.id })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await clinic.ok('admin', 'users.clearLock', { userId: nurse.id })).toMatchObject({
      failedSignIns: 0,
      signInBlockedUntil: null,
    });
    await clinic.ok('ward', 'auth.login', { username: 'nina', password: 'triage room 42' });
    expect(await clinic.call('ward', 'users.clearLock', { userId: nurse.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const audited = await clinic.core.database.db
      .selectFrom('audit_log')
      .select(['actor_username', 'outcome', 'target_id'])
      .where('action', '=', 'users.clearLock')
      .orderBy('seq')
      .execute();
    expect(audited).toEqual([
      { actor_username: 'ada', outcome: 'ok', target_id: nurse.id },
      { actor_username: 'nina', outcome: 'denied', target_id: null },
    ]);
  });
});
