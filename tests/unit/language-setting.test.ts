import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap, EventTopic } from '../../src-shared/api/events';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic | undefined;
afterEach(async () => {
  await clinic?.close();
  clinic = undefined;
});

describe('the screens’ language: a clinic setting with a per-user override', () => {
  it('is English for a new clinic; an administrator switches the clinic to Spanish and every window hears of it', async () => {
    clinic = await openTestClinic();
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    expect((await clinic.ok('admin', 'settings.get', {})).language).toBe('en');
    const heard: { topic: EventTopic; payload: unknown }[] = [];
    clinic.core.subscribe('admin', <T extends EventTopic>(topic: T, payload: EventMap[T]) => {
      heard.push({ topic, payload });
    });
    expect((await clinic.ok('admin', 'settings.update', { language: 'es' })).language).toBe('es');
    const changed = heard.find((event) => event.topic === 'settings.changed')?.payload as EventMap['settings.changed'];
    expect(changed.settings.language).toBe('es');
    expect((await clinic.ok('admin', 'settings.get', {})).language).toBe('es');
  });

  it('refuses a language it has no catalogue for, naming the field', async () => {
    clinic = await openTestClinic();
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const refused = await clinic.call('admin', 'settings.update', { language: 'fr' as 'es' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { language: 'must be en or es' } } },
    });
  });

  it('lets any user choose their own, kept across sign-ins and told to their other windows; null follows the clinic', async () => {
    clinic = await openTestClinic();
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await clinic.ok('admin', 'users.create', {
      username: 'nina',
      displayName: 'Nina Nurse',
      role: 'nurse',
      password: 'triage room 42',
    });
    const first = await clinic.ok('ward-1', 'auth.login', { username: 'nina', password: 'triage room 42' });
    expect(first.user.language).toBeNull();
    await clinic.ok('ward-2', 'auth.login', { username: 'nina', password: 'triage room 42' });
    const told: unknown[] = [];
    clinic.core.subscribe('ward-2', <T extends EventTopic>(topic: T, payload: EventMap[T]) => {
      if (topic === 'session.changed') told.push(payload);
    });

    // A nurse may not manage settings, but may choose her own language.
    expect(await clinic.call('ward-1', 'settings.update', { language: 'es' })).toMatchObject({ ok: false });
    const mine = await clinic.ok('ward-1', 'users.setMyLanguage', { language: 'es' });
    expect(mine.user).toMatchObject({ username: 'nina', language: 'es' });
    expect(told.map((event) => (event as EventMap['session.changed']).session?.user.language)).toEqual(['es']);
    // The administrator's own choice is untouched.
    expect((await clinic.ok('admin', 'auth.session', {}))?.user.language).toBeNull();

    await clinic.ok('ward-1', 'auth.logout', {});
    const again = await clinic.ok('ward-1', 'auth.login', { username: 'nina', password: 'triage room 42' });
    expect(again.user.language).toBe('es');

    const cleared = await clinic.ok('ward-1', 'users.setMyLanguage', { language: null });
    expect(cleared.user.language).toBeNull();
    const audit = await clinic.ok('admin', 'audit.list', { action: 'users.setMyLanguage', limit: 10 });
    expect(audit.entries.map((entry) => entry.outcome)).toEqual(['ok', 'ok']);
  });
});
