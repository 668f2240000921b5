import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { sharedDataHere } from '../helpers/shared-data';

const FHIR_DIR = resolve(import.meta.dirname, '../../../shared/data/fhir');
const HERE = sharedDataHere('fhir', 'fhir-import-records');
const SYNTHEA = join(FHIR_DIR, 'synthea');
const EXAMPLES = join(FHIR_DIR, 'r4-examples');
type Resource = Record<string, unknown> & { resourceType: string; id?: string };
const example = (name: string) => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Resource;
const collection = (resources: Resource[]) =>
  JSON.stringify({
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.resourceType}-${resource.id}`, resource })),
  });

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
});
afterEach(async () => {
  await clinic.close();
});
const importText = (text: string) => clinic.ok('admin', 'interop.importFhir', { fileName: 'test.json', text });

describe.skipIf(!HERE)('FHIR import: set-up files, insurance, bookings, permission', () => {
  it("imports Synthea's practitioner file as providers (one per name) and lists the hospital file's organizations", async () => {
    const files = readdirSync(SYNTHEA);
    const practitionerFile = readFileSync(
      join(SYNTHEA, files.find((n) => n.startsWith('practitionerInformation')) ?? ''),
      'utf8',
    );
    const bundle = JSON.parse(practitionerFile) as {
      entry: { resource: { name?: { given?: string[]; family?: string; prefix?: string[] }[] } }[];
    };
    const names = new Set(
      bundle.entry.map(({ resource }) => {
        const name = resource.name?.[0];
        return [...(name?.prefix ?? []), ...(name?.given ?? []), name?.family].join(' ').toLowerCase();
      }),
    );
    const report = await importText(practitionerFile);
    expect(report.counts.Practitioner?.created).toBe(names.size);
    expect(report.counts.Practitioner?.skipped).toBe(bundle.entry.length - names.size);

    const hospitals = readFileSync(join(SYNTHEA, files.find((n) => n.startsWith('hospitalInformation')) ?? ''), 'utf8');
    const organizations = (JSON.parse(hospitals) as { entry: unknown[] }).entry.length;
    const listed = await importText(hospitals);
    expect(listed.notImported).toEqual([{ resourceType: 'Organization', count: organizations }]);
  });

  it('imports a Coverage as the patient’s insurance with the payer named by the Organization in the file', async () => {
    const coverage = example('Coverage-9876B1.json');
    const organization: Resource = { resourceType: 'Organization', id: '2', name: 'Benefits Inc.' };
    const patient = { ...example('Patient-example.json'), id: '4' };
    const report = await importText(collection([patient, organization, coverage]));
    expect(report.counts.Coverage).toEqual({ created: 1, updated: 0, skipped: 0 });
    const rows = await clinic.core.database.db
      .selectFrom('patient_insurance')
      .select(['payer', 'member_id', 'group_number'])
      .execute();
    expect(rows).toEqual([{ payer: 'Benefits Inc.', member_id: '12345', group_number: 'CB135' }]);
  });

  it('books a future appointment by the booking rules and reports the refusal when they refuse it', async () => {
    const future = new Date(clinic.clock.now + 3 * 86_400_000).toISOString().slice(0, 10);
    const appointment = {
      ...example('Appointment-example.json'),
      start: `${future}T09:00:00Z`,
      end: `${future}T09:30:00Z`,
    };
    const report = await importText(
      collection([example('Patient-example.json'), example('Practitioner-example.json'), appointment]),
    );
    const line = report.lines.find((l) => l.resourceType === 'Appointment');
    // The imported provider has no working hours yet, so the rules refuse; nothing is forced in.
    expect(line?.outcome).toBe('skipped');
    expect(line?.reason).toMatch(/^the booking rules refused it: /);
  });

  it('is for administrators only', async () => {
    await clinic.ok('admin', 'users.create', {
      username: 'rita',
      displayName: 'Rita Reception',
      password: 'reception desk 1',
      role: 'receptionist',
    });
    await clinic.ok('desk', 'auth.login', { username: 'rita', password: 'reception desk 1' });
    const result = await clinic.call('desk', 'interop.importFhirDryRun', {
      fileName: 'a.json',
      text: JSON.stringify(example('Patient-example.json')),
    });
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
  });
});
