import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { SHARED_DATA, sharedDataHere } from '../helpers/shared-data';
import { mixedLines, writeBulkExport, writeLines } from '../helpers/synthea-ndjson';
import { createCore, type Core } from '../../src-main/core/app';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

// Bulk NDJSON, streamed from the CLI (issue 21): the shared Synthea patients written as a FHIR Bulk
// Data export would write them, into a temp folder, and imported line by line.
const HERE = sharedDataHere('fhir/synthea', 'fhir-import-ndjson');
const SYNTHEA = join(SHARED_DATA, 'fhir', 'synthea');
type Entry = { fullUrl?: string; resource: Record<string, unknown> & { resourceType: string; id?: string } };
const bundles: Entry[][] = (HERE ? readdirSync(SYNTHEA) : [])
  .filter((name) => /_[0-9a-f-]{36}\.json$/.test(name))
  .sort()
  .map((name) => (JSON.parse(readFileSync(join(SYNTHEA, name), 'utf8')) as { entry: Entry[] }).entry);

const TABLES = ['patients', 'appointments', 'vitals', 'providers', 'patient_insurance', 'patient_allergies'] as const;
type Table = (typeof TABLES)[number];

async function counts(core: Core): Promise<Record<Table, number>> {
  const db = core.database.db;
  const out = {} as Record<Table, number>;
  for (const table of TABLES)
    out[table] = (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  return out;
}

let folder: string;
let clinic: TestClinic;
let env: NodeJS.ProcessEnv;
const cli = (args: string[]) => runCli(['import', 'fhir', ...args, '--data', clinic.folder.dir], { env });
/** The desk as it is now: the CLI has the database while it runs, so the test opens it between runs. */
async function deskCounts(): Promise<Record<Table, number>> {
  const core = await createCore({ file: clinic.folder.file, key: clinic.folder.key });
  try {
    return await counts(core);
  } finally {
    await core.close();
  }
}

beforeEach(async () => {
  folder = mkdtempSync(join(tmpdir(), 'front-desk-ndjson-'));
  clinic = await openTestClinic();
  await clinic.core.close();
  env = { CLINIC_DB_KEY: clinic.folder.key.toString('hex') };
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
  clinic.folder.remove();
});

describe.skipIf(!HERE)('clinic import fhir, bulk NDJSON streamed', () => {
  it('imports a bulk export folder (one file per type, manifest) as the Bundles would, and a second run changes nothing', async () => {
    // What the same patients give imported as their Bundles, on a desk of their own.
    const reference = await openTestClinic();
    let expected: Record<Table, number>;
    try {
      await reference.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      for (const entries of bundles)
        await reference.ok('admin', 'interop.importFhir', {
          fileName: 'bundle.json',
          text: JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: entries }),
        });
      expected = await counts(reference.core);
    } finally {
      await reference.close();
    }
    expect(expected.patients).toBe(bundles.length);

    const types = writeBulkExport(folder, bundles);
    expect(types.get('Patient')).toBe(bundles.length);
    // Batches of 25 resources: references cross batches and files (Observation → Patient/<id>).
    const done = await cli([folder, '--batch', '25']);
    expect(done.stderr).not.toContain('clinic:');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain(`Patient: ${bundles.length} created`);
    expect(done.stdout).toMatch(/peak memory \(RSS\) \d+ MiB/);
    expect(done.stderr).toMatch(/lines read, [\d,]+ resources done .* resources\/s, \d+%, about .* left/);
    expect(await deskCounts()).toEqual(expected);

    const again = await cli([folder]);
    expect(again.code).toBe(0);
    for (const match of again.stdout.matchAll(/^ {2}(\w+): (\d+) created, (\d+) updated/gm))
      expect([match[1], match[2], match[3]]).toEqual([match[1], '0', '0']);
    expect(await deskCounts()).toEqual(expected);
  }, 180_000);

  it('reads one mixed file: a bad line refuses the file (or with --skip-bad-lines is left out), a reference forward resolves, the dry run changes nothing', async () => {
    const first = bundles[0] ?? [];
    // The patient's records first and the patient last: every reference points further on.
    const lines = mixedLines([first]).reverse();
    const bad = 4;
    lines.splice(bad - 1, 0, '{"resourceType": "Observation", "id": "broken"');
    const file = join(folder, 'everything.ndjson');
    writeLines(file, lines);

    const dry = await cli([file, '--dry-run', '--batch', '10']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run (streamed): nothing was changed.');
    expect(dry.stdout).toContain('Patient: 1 would be created');
    expect(dry.stdout).toContain(`everything.ndjson line ${bad} is not valid JSON`);
    expect((await deskCounts()).patients).toBe(0);

    // Imported as it is, the file is refused whole with its bad line, and nothing is imported.
    const refused = await cli([file, '--batch', '10']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Nothing was imported: 1 line(s) could not be read.');
    expect(refused.stderr).toContain(`everything.ndjson line ${bad} is not valid JSON`);
    expect((await deskCounts()).patients).toBe(0);

    const done = await cli([file, '--batch', '10', '--skip-bad-lines']);
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Patient: 1 created');
    expect(done.stdout).toContain('1 line(s) could not be read and were left out:');
    expect(done.stdout).toContain(`everything.ndjson line ${bad} is not valid JSON`);
    expect(done.stdout).not.toMatch(/no patient|names no practitioner/);
    const desk = await deskCounts();
    expect(desk.patients).toBe(1);
    expect(desk.appointments).toBeGreaterThan(0);
    expect(desk.vitals).toBeGreaterThan(0);
  }, 120_000);

  it('stopped half-way, a second run imports the rest and nothing twice', async () => {
    const lines = mixedLines(bundles.slice(0, 3));
    const whole = join(folder, 'all.ndjson');
    writeLines(whole, lines);
    const half = join(folder, 'half.ndjson');
    // What had been committed when the run was stopped: the first half of the stream.
    writeLines(half, lines.slice(0, Math.floor(lines.length / 2)));
    expect((await cli([half])).code).toBe(0);
    const partly = await deskCounts();
    expect(partly.patients).toBeLessThan(3);

    const rest = await cli([whole]);
    expect(rest.code).toBe(0);
    const after = await deskCounts();
    expect(after.patients).toBe(3);
    expect((await cli([whole])).code).toBe(0);
    expect(await deskCounts()).toEqual(after);
  }, 180_000);
});

it('a bulk export without a manifest: files typed by name, a Coverage finds its patient and its payer in other files', async () => {
  const line = (resource: object) => `${JSON.stringify(resource)}\n`;
  // Named so that the file listed first is the one pointing at the others.
  writeFileSync(
    join(folder, 'Coverage.ndjson'),
    line({
      resourceType: 'Coverage',
      id: 'cov-1',
      status: 'active',
      subscriberId: 'M-555',
      beneficiary: { reference: 'Patient/p-1' },
      payor: [{ reference: 'Organization/org-1' }],
    }),
  );
  writeFileSync(
    join(folder, 'Organization.ndjson'),
    line({ resourceType: 'Organization', id: 'org-1', name: 'Acme Health' }),
  );
  writeFileSync(
    join(folder, 'Patient.ndjson'),
    line({ resourceType: 'Patient', id: 'p-1', name: [{ family: 'Ortiz', given: ['Lena'] }], birthDate: '1980-02-03' }),
  );
  const done = await cli([folder]);
  expect(done.code).toBe(0);
  expect(done.stdout).toContain('Patient: 1 created');
  expect(done.stdout).toContain('Coverage: 1 created');
  const core = await createCore({ file: clinic.folder.file, key: clinic.folder.key });
  try {
    const policy = await core.database.db
      .selectFrom('patient_insurance')
      .select(['payer', 'member_id'])
      .executeTakeFirst();
    expect(policy).toEqual({ payer: 'Acme Health', member_id: 'M-555' });
  } finally {
    await core.close();
  }
}, 60_000);
