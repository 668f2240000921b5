import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { openSchedulingClinic } from '../helpers/scheduling-clinic';

/** The administrator's first-run checklist ticks by itself as the clinic is set up (issue 19). */

const NOW = Date.UTC(2026, 11, 1, 9); // Tuesday 1 December 2026, 09:00 in London.
let opened: TestClinic | null = null;
afterEach(async () => {
  await opened?.close();
  opened = null;
});

const ticked = (steps: { step: string; done: boolean }[]) => steps.filter((s) => s.done).map((s) => s.step);

describe('settings.checklist', () => {
  it('has every step to do in a clinic just set up, in the order a new clinic does them', async () => {
    opened = await openTestClinic();
    await opened.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const steps = await opened.ok('admin', 'settings.checklist', {});
    expect(steps.map((s) => s.step)).toEqual(['clinic', 'users', 'locations', 'providers', 'types', 'book']);
    expect(ticked(steps)).toEqual([]);
  });

  it('ticks staff, rooms, hours and types once they exist, then clinic details and the first booking', async () => {
    const s = await openSchedulingClinic({ now: NOW });
    opened = s.clinic;
    expect(ticked(await s.clinic.ok('admin', 'settings.checklist', {}))).toEqual([
      'users',
      'locations',
      'providers',
      'types',
    ]);
    await s.clinic.ok('admin', 'settings.update', { country: 'GB' });
    const patientId = await s.patient('Cora');
    const booked = await s.book({ patientId, start: { date: '2026-12-02', time: '10:00' } });
    expect(booked.ok).toBe(true);
    expect(ticked(await s.clinic.ok('admin', 'settings.checklist', {}))).toEqual([
      'clinic',
      'users',
      'locations',
      'providers',
      'types',
      'book',
    ]);
  });

  it('is the administrator’s and the manager’s: a receptionist is refused', async () => {
    const s = await openSchedulingClinic({ now: NOW });
    opened = s.clinic;
    expect(await s.clinic.call('desk', 'settings.checklist', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
