import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic;

beforeAll(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  const patient = await clinic.ok('admin', 'patients.create', {
    firstName: 'Ada',
    lastName: 'Byron',
    dob: '1985-12-10',
  });
  for (let i = 0; i < 3; i += 1) await clinic.ok('admin', 'patients.get', { patientId: patient.id });
  await clinic.ok('admin', 'settings.update', { lockTimeoutMinutes: 12 });
});

afterAll(async () => {
  await clinic.close();
});

const actions = async (entries?: 'all' | 'changes' | 'views') =>
  (await clinic.ok('admin', 'audit.list', entries ? { entries } : {})).entries.map((entry) => entry.action);

describe('the audit log told apart: changes and record views', () => {
  it('lists everything unless told, the views of patient records among the rest', async () => {
    const all = await actions();
    expect(all.filter((action) => action === 'patients.get')).toHaveLength(3);
    expect(all).toContain('patients.create');
    expect(all).toContain('settings.update');
    expect(all).toContain('auth.login');
    expect(await actions('all')).toEqual(all);
  });

  it('leaves the record views out for "changes", and lists only them for "views"', async () => {
    const changes = await actions('changes');
    expect(changes).not.toContain('patients.get');
    expect(changes).toEqual(expect.arrayContaining(['patients.create', 'settings.update', 'auth.login']));
    expect(await actions('views')).toEqual(['patients.get', 'patients.get', 'patients.get']);
  });

  it('refuses a kind it does not know, naming the field', async () => {
    const refused = await clinic.call('admin', 'audit.list', { entries: 'reads' as never });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.details?.fields?.entries).toBe('must be one of all, changes, views');
  });
});

describe('the audit screen’s user and date filters', () => {
  it('find a user by the start of their name as well as by username', async () => {
    const byUsername = await clinic.ok('admin', 'audit.list', { actor: ADMIN.username });
    expect(byUsername.entries.length).toBeGreaterThan(0);
    const byName = await clinic.ok('admin', 'audit.list', { actor: ADMIN.displayName.slice(0, 3) });
    expect(byName.entries.map((entry) => entry.seq)).toEqual(byUsername.entries.map((entry) => entry.seq));
    expect((await clinic.ok('admin', 'audit.list', { actor: 'Nobody' })).entries).toEqual([]);
    // A wildcard typed is a character, not "anyone".
    expect((await clinic.ok('admin', 'audit.list', { actor: '%' })).entries).toEqual([]);
  });

  it('refuse a range that ends before it starts, beside its end', async () => {
    const refused = await clinic.call('admin', 'audit.list', { from: 2_000, to: 1_000 });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.details?.fields?.to).toBe('must be on or after the start date');
  });
});
