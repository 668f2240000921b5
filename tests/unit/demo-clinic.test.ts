import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src-main/core/app';
import { seedDemoClinic, type DemoClinic } from '../../src-main/core/demo/demo-clinic';
import type { Input, Output, ProcedureName } from '../../src-shared/api/contract';
import type { Result } from '../../src-shared/api/errors';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src-shared/demo';
import { ManualClock, openTestClinic, tempFolder, type TempFolder } from '../helpers/temp-core';

/** The demo clinic someone trying Front Desk opens: made-up, marked demo for good, a working morning. */

// Wednesday 2 December 2026, 10:30 in London.
const NOW = Date.UTC(2026, 11, 2, 10, 30);

describe('a demo clinic', () => {
  let folder: TempFolder;
  let core: Core;
  let made: DemoClinic;
  const clock = new ManualClock();
  clock.now = NOW;

  beforeAll(async () => {
    folder = tempFolder();
    core = await createCore({ file: folder.file, key: folder.key, create: true, clock: clock.read });
    made = await seedDemoClinic(core, { timeZone: 'Europe/London', now: NOW });
  }, 60_000);
  afterAll(async () => {
    await core.close();
    folder.remove();
  });

  it('is set up, says it is a demo, and lets every made-up account sign in with the shown password', async () => {
    const status = await core.invoke('visitor', 'system.status', {});
    expect(status).toMatchObject({ ok: true, value: { setupRequired: false, demo: true } });
    expect(made).toMatchObject({ clinicName: 'Sunnyside Clinic (demo)', today: '2026-12-02', patients: 400 });
    for (const user of DEMO_USERS) {
      const signedIn = await core.invoke(user.username, 'auth.login', {
        username: user.username,
        password: DEMO_PASSWORD,
      });
      expect(signedIn).toMatchObject({ ok: true, value: { user: { role: user.role } } });
    }
  });

  it('has a morning under way: named providers, today booked, a few patients already arrived', async () => {
    const day = (await core.invoke('reception', 'appointments.day', { date: '2026-12-02' })) as Result<
      Output<'appointments.day'>
    >;
    if (!day.ok) throw new Error(day.error.message);
    expect(day.value.providers.map((p) => p.provider.displayName)).toEqual([
      'Dr Ana Ortiz',
      'Dr Ben Lee',
      'Dr Chloe Park',
    ]);
    expect(day.value.providers.flatMap((p) => p.appointments).length).toBeGreaterThan(20);
    const board = (await core.invoke('reception', 'visits.board', { date: '2026-12-02' })) as Result<
      Output<'visits.board'>
    >;
    if (!board.ok) throw new Error(board.error.message);
    expect(board.value.visits.length).toBe(made.arrived);
    expect(made.arrived).toBeGreaterThan(0);
  });

  it('has a fee for each visit to check out and a stock room the nurse dispenses from, first to expire first', async () => {
    const ask = async <N extends ProcedureName>(client: string, name: N, input: Input<N>) => {
      const result = (await core.invoke(client, name, input)) as Result<Output<N>>;
      if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
      return result.value;
    };
    for (const username of ['reception', 'nurse'])
      await ask(username, 'auth.login', { username, password: DEMO_PASSWORD });
    const [visit] = (await ask('reception', 'visits.board', { date: '2026-12-02' })).visits;
    if (!visit) throw new Error('no patient arrived');
    const checkOut = await ask('reception', 'invoices.forVisit', { visitId: visit.id });
    expect(checkOut.invoice.lines.length).toBeGreaterThan(0);
    expect(checkOut.invoice.totalMinor).toBeGreaterThan(0);
    expect(checkOut.services.map((service) => service.code)).toEqual(
      expect.arrayContaining(['CONS-S', 'CONS', 'CONS-L', 'PROC', 'DRESS', 'INJ']),
    );

    const [flu] = await ask('nurse', 'stock.search', { text: 'flu' });
    expect(flu).toMatchObject({ name: 'Flu vaccine', onHand: 26 });
    const item = await ask('nurse', 'stock.item', { itemId: flu?.id ?? '' });
    const fridge = item.lots[0]?.stockLocationId ?? '';
    const dispensed = await ask('nurse', 'stock.dispense', {
      visitId: visit.id,
      itemId: flu?.id ?? '',
      stockLocationId: fridge,
      quantity: 1,
    });
    expect(dispensed.picks).toMatchObject([{ lotNumber: 'FV1102', quantity: 1 }]);
    expect(dispensed.invoiceId).toBe(checkOut.invoice.id);
  });

  it('counts its made-up patients as registered a year ago, not as today’s new patients', async () => {
    await core.invoke('manager', 'auth.login', { username: 'manager', password: DEMO_PASSWORD });
    const today = (await core.invoke('manager', 'reports.dashboard', {
      from: '2026-12-02',
      to: '2026-12-02',
    })) as Result<Output<'reports.dashboard'>>;
    if (!today.ok) throw new Error(today.error.message);
    expect(today.value.current.newPatients).toBe(0);
    const lastYear = (await core.invoke('manager', 'reports.dashboard', {
      from: '2025-12-01',
      to: '2025-12-03',
    })) as Result<Output<'reports.dashboard'>>;
    if (!lastYear.ok) throw new Error(lastYear.error.message);
    expect(lastYear.value.current.newPatients).toBe(made.patients);
  });

  it('is never made over a clinic that is set up', async () => {
    await expect(seedDemoClinic(core, { timeZone: 'Europe/London', now: NOW })).rejects.toThrow(/already set up/);
  });
});

describe('a demo made on a Sunday', () => {
  it('has a morning under way too: the demo clinic opens every day', async () => {
    // Sunday 6 December 2026, 10:30 in London.
    const sunday = Date.UTC(2026, 11, 6, 10, 30);
    const folder = tempFolder();
    const clock = new ManualClock();
    clock.now = sunday;
    const core = await createCore({ file: folder.file, key: folder.key, create: true, clock: clock.read });
    try {
      const made = await seedDemoClinic(core, { timeZone: 'Europe/London', now: sunday });
      expect(made.today).toBe('2026-12-06');
      expect(made.arrived).toBeGreaterThan(0);
      await core.invoke('reception', 'auth.login', { username: 'reception', password: DEMO_PASSWORD });
      const day = (await core.invoke('reception', 'appointments.day', { date: '2026-12-06' })) as Result<
        Output<'appointments.day'>
      >;
      if (!day.ok) throw new Error(day.error.message);
      expect(day.value.providers.flatMap((p) => p.appointments).length).toBeGreaterThan(20);
    } finally {
      await core.close();
      folder.remove();
    }
  }, 60_000);
});

describe('a clinic set up as usual', () => {
  it('is not marked demo', async () => {
    const clinic = await openTestClinic();
    try {
      expect(await clinic.ok('anyone', 'system.status', {})).toMatchObject({ demo: false, setupRequired: false });
    } finally {
      await clinic.close();
    }
  });
});

describe('"Try with sample data" from the set-up screen', () => {
  it('starts the demo in an empty clinic, reports it running, then the clinic is a demo anyone can try', async () => {
    const folder = tempFolder();
    const clock = new ManualClock();
    clock.now = NOW;
    const core = await createCore({ file: folder.file, key: folder.key, create: true, clock: clock.read });
    try {
      const started = await core.invoke('first-screen', 'system.startDemo', { timeZone: 'Europe/London' });
      expect(started).toMatchObject({ ok: true, value: { setupRequired: true, demoBuild: { state: 'running' } } });
      // A second press while it runs does not start another.
      expect(await core.invoke('other-screen', 'system.startDemo', { timeZone: 'Europe/London' })).toMatchObject({
        ok: true,
      });
      let status = await core.invoke('first-screen', 'system.status', {});
      for (let i = 0; i < 600 && status.ok && (status.value as { setupRequired: boolean }).setupRequired; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        status = await core.invoke('first-screen', 'system.status', {});
      }
      // Set-up is an early step of the making: closing waits for the rest (the demo mark is last).
      await core.close();
      const reopened = await createCore({ file: folder.file, key: folder.key, create: false, clock: clock.read });
      try {
        expect(await reopened.invoke('first-screen', 'system.status', {})).toMatchObject({
          ok: true,
          value: { setupRequired: false, demo: true, demoBuild: null, clinicName: 'Sunnyside Clinic (demo)' },
        });
        const signedIn = await reopened.invoke('reception', 'auth.login', {
          username: DEMO_USERS[1]?.username,
          password: DEMO_PASSWORD,
        });
        expect(signedIn).toMatchObject({ ok: true });
        expect(await reopened.invoke('again', 'system.startDemo', { timeZone: 'Europe/London' })).toMatchObject({
          ok: false,
          error: { code: 'CONFLICT', message: expect.stringMatching(/already set up/) as string },
        });
      } finally {
        await reopened.close();
      }
    } finally {
      folder.remove();
    }
  }, 60_000);

  it('refuses a time zone that is not one, naming the field', async () => {
    const folder = tempFolder();
    const core = await createCore({ file: folder.file, key: folder.key, create: true });
    try {
      const refused = await core.invoke('first-screen', 'system.startDemo', { timeZone: 'Mars/Olympus' });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', details: { fields: { timeZone: expect.any(String) as string } } },
      });
    } finally {
      await core.close();
      folder.remove();
    }
  });
});
