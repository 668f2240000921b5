import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/app';
import { runCli } from '../helpers/run-cli';
import { ADMIN, openTestClinic, type TempFolder } from '../helpers/temp-core';

const folders: TempFolder[] = [];
afterEach(() => folders.splice(0).forEach((f) => f.remove()));

/** A set-up clinic (Europe/London) on disk, closed, for the CLI to open; `withProvider` adds one provider and one type. */
async function setUpClinic(withProvider = false): Promise<TempFolder> {
  const clinic = await openTestClinic();
  if (withProvider) {
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const location = await clinic.ok('admin', 'schedule.createLocation', { name: 'Riverside', address: null });
    await clinic.ok('admin', 'schedule.createProvider', {
      displayName: 'Dr Own',
      colour: '#336699',
      defaultLocationId: location.id,
      specialty: null,
      userId: null,
    });
    await clinic.ok('admin', 'schedule.createType', {
      name: 'Visit',
      durationMinutes: 20,
      colour: '#22aa55',
      defaultPriceMinor: null,
      providerIds: [],
    });
  }
  await clinic.core.close();
  folders.push(clinic.folder);
  return clinic.folder;
}

const seedArgs = (folder: TempFolder, ...more: string[]) => ['seed', '--data', folder.dir, ...more];
const env = (folder: TempFolder) => ({ env: { CLINIC_DB_KEY: folder.key.toString('hex') } });

/** What a user would see of the clinic, without the random ids. */
async function snapshot(folder: TempFolder) {
  const core = await createCore({ file: folder.file, key: folder.key });
  try {
    const handle = core.database.handle;
    return {
      providers: handle
        .prepare('SELECT display_name FROM providers WHERE deleted_at IS NULL ORDER BY display_name')
        .pluck()
        .all(),
      templates: handle.prepare('SELECT count(*) FROM availability_templates').pluck().get(),
      appointments: handle
        .prepare(
          `SELECT p.mrn, pr.display_name AS provider, t.name AS type, a.start_at, a.end_at, a.status, a.cancel_reason, a.reason
           FROM appointments a JOIN patients p ON p.id = a.patient_id JOIN providers pr ON pr.id = a.provider_id
           JOIN appointment_types t ON t.id = a.type_id ORDER BY a.start_at, pr.display_name, a.status`,
        )
        .all() as { status: string; start_at: number; end_at: number; provider: string }[],
      history: handle
        .prepare('SELECT action, count(*) AS n FROM appointment_history GROUP BY action ORDER BY action')
        .all(),
      audits: handle.prepare(`SELECT action FROM audit_log WHERE action LIKE '%.seed' ORDER BY seq`).pluck().all(),
    };
  } finally {
    await core.close();
  }
}

describe('clinic seed with appointments', () => {
  it('sets up providers and books the appointments, with progress, the same for the same seed', async () => {
    const first = await setUpClinic();
    const args = [
      '--patients',
      '200',
      '--appointments',
      '3000',
      '--providers',
      '4',
      '--seed',
      '7',
      '--today',
      '2026-03-02',
    ];
    const run = await runCli(seedArgs(first, ...args), env(first));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Added 200 made-up patients (seed 7)');
    expect(run.stdout).toContain('Set up 4 providers');
    const progress = run.stdout.split('\n').filter((line) => /^ {2}\d+ of 3000 appointments \(\d+%\)$/.test(line));
    expect(progress.length).toBeGreaterThanOrEqual(5);
    expect(progress.at(-1)).toBe('  3000 of 3000 appointments (100%)');
    expect(run.stdout).toMatch(
      /Added 3000 made-up appointments for 4 providers, \d{4}-\d\d-\d\d to 2026-06-01 around 2026-03-02 \(seed 7\)/,
    );

    const data = await snapshot(first);
    expect(data.providers).toEqual(['Dr Seed 01', 'Dr Seed 02', 'Dr Seed 03', 'Dr Seed 04']);
    expect(data.templates).toBe(20);
    expect(data.appointments).toHaveLength(3000);
    const statuses = new Set(data.appointments.map((a) => a.status));
    expect([...statuses].sort()).toEqual(['booked', 'cancelled', 'completed', 'confirmed', 'no_show']);
    // No two live appointments of a provider overlap.
    const live = data.appointments.filter((a) => a.status !== 'cancelled');
    for (let i = 1; i < live.length; i += 1) {
      const before = live
        .slice(0, i)
        .filter((a) => a.provider === live[i]?.provider)
        .at(-1);
      if (before && live[i]) expect(before.end_at).toBeLessThanOrEqual(live[i]?.start_at ?? 0);
    }
    expect(data.audits).toEqual(['patients.seed', 'appointments.seed']);

    const second = await setUpClinic();
    const again = await runCli(seedArgs(second, ...args), env(second));
    expect(again.code, again.stderr).toBe(0);
    expect(await snapshot(second)).toEqual(data);

    // Appointments never go into a clinic that has some already (they would clash); nothing is added.
    const twice = await runCli(
      seedArgs(first, '--patients', '10', '--appointments', '100', '--today', '2026-03-02'),
      env(first),
    );
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('this clinic already has 3000 appointments');
    expect(await snapshot(first)).toEqual(data);
  }, 60_000);

  it("books with the clinic's own providers and types when it has them", async () => {
    const folder = await setUpClinic(true);
    const run = await runCli(
      seedArgs(folder, '--patients', '50', '--appointments', '200', '--providers', '9'),
      env(folder),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      "Booking with the clinic's 1 providers and 1 appointment types (--providers is only used for a clinic without providers)",
    );
    const data = await snapshot(folder);
    expect(data.providers).toEqual(['Dr Own']);
    expect(data.appointments).toHaveLength(200);
    expect(data.appointments.every((a) => a.end_at - a.start_at === 20 * 60_000)).toBe(true);
  }, 60_000);

  it('refuses a bad option by name, before writing anything', async () => {
    const folder = await setUpClinic();
    const cases: [string[], string][] = [
      [
        ['--patients', '10', '--appointments', 'lots'],
        '--appointments must be a whole number from 0 to 5000000 (got "lots")',
      ],
      [
        ['--patients', '10', '--appointments', '100', '--providers', '0'],
        '--providers must be a whole number from 1 to 200',
      ],
      [['--patients', '0'], '--patients must be a whole number from 1 to 1000000'],
      [['--patients', '10', '--seed', '1.5'], '--seed must be a whole number'],
      [['--patients', '10', '--appointments', '100', '--today', '2026-02-30'], '--today must be a date as YYYY-MM-DD'],
      [['--patients', '10', '--providers', '3'], '--providers only applies with --appointments'],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(seedArgs(folder, ...args), env(folder));
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
    }
    expect((await snapshot(folder)).audits).toEqual([]);
  }, 60_000);
});
