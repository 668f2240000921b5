import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FhirImportReport } from '../../src-shared/interop/fhir-import';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { sharedDataHere } from '../helpers/shared-data';

// The shared data beside the repository: official HL7 R4 examples and Synthea patients (read, never copied).
const FHIR_DIR = resolve(import.meta.dirname, '../../../shared/data/fhir');
const HERE = sharedDataHere('fhir', 'fhir-import');
const SYNTHEA = join(FHIR_DIR, 'synthea');
const EXAMPLES = join(FHIR_DIR, 'r4-examples');
const syntheaPatients = (HERE ? readdirSync(SYNTHEA) : []).filter(
  (name) => name.endsWith('.json') && /_[0-9a-f-]{36}\.json$/.test(name),
);

type Resource = Record<string, unknown> & { resourceType: string; id?: string };
type Bundle = { entry: { fullUrl?: string; resource: Resource }[] };
const readJson = (path: string): Resource => JSON.parse(readFileSync(path, 'utf8')) as Resource;

// The test's own reading of what the desk should keep, written apart from the importer.
const VITAL_CODES = new Set([
  '8480-6',
  '8462-4',
  '8867-4',
  '9279-1',
  '8310-5',
  '59408-5',
  '2708-6',
  '29463-7',
  '8302-2',
  '39156-5',
  '72514-3',
]);
const BP_PANELS = new Set(['85354-9', '55284-4']);
function codesOf(holder: unknown): string[] {
  const coding = (holder as { code?: { coding?: { code?: string }[] } }).code?.coding ?? [];
  return coding.map((c) => c.code ?? '');
}
function isVital(resource: Resource): boolean {
  const own = codesOf(resource);
  if (own.some((code) => BP_PANELS.has(code)))
    return ((resource.component as unknown[]) ?? []).some((part) =>
      codesOf(part).some((code) => VITAL_CODES.has(code)),
    );
  return own.some((code) => VITAL_CODES.has(code)) && resource.valueQuantity !== undefined;
}
function expectedFromSynthea(bundle: Bundle) {
  const resources = bundle.entry.map((e) => e.resource);
  const ofType = (type: string) => resources.filter((r) => r.resourceType === type);
  const vitals = ofType('Observation').filter(isVital);
  const visits = ofType('Encounter').filter((encounter) => {
    const period = encounter.period as { start: string; end: string };
    return Date.parse(period.end) - Date.parse(period.start) <= 24 * 3_600_000;
  });
  return {
    patients: ofType('Patient').length,
    encounters: visits.length,
    observationsKept: vitals.length,
    vitalsRows: new Set(vitals.map((o) => `${JSON.stringify(o.subject)}@${String(o.effectiveDateTime)}`)).size,
    notKeptTypes: new Set(
      resources
        .map((r) => r.resourceType)
        .filter(
          (t) =>
            ![
              'Patient',
              'Practitioner',
              'Encounter',
              'Observation',
              'Coverage',
              'AllergyIntolerance',
              'Appointment',
            ].includes(t),
        ),
    ),
  };
}

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
});
afterEach(async () => {
  await clinic.close();
});

const db = () => clinic.core.database.db;
const count = async (
  table:
    | 'patients'
    | 'appointments'
    | 'vitals'
    | 'providers'
    | 'patient_insurance'
    | 'patient_allergies'
    | 'fhir_import_links',
) =>
  (
    await db()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
const importText = (text: string, dry = false) =>
  clinic.ok('admin', dry ? 'interop.importFhirDryRun' : 'interop.importFhir', { fileName: 'test.json', text });
const created = (report: FhirImportReport, type: string) => report.counts[type]?.created ?? 0;

describe.skipIf(!HERE)('FHIR import of Synthea patients', () => {
  it('imports every Synthea patient with their encounters as history and their vitals, and a second import changes nothing', async () => {
    let patients = 0;
    let encounters = 0;
    let vitalsRows = 0;
    for (const name of syntheaPatients) {
      const text = readFileSync(join(SYNTHEA, name), 'utf8');
      const expected = expectedFromSynthea(JSON.parse(text) as Bundle);
      const report = await importText(text);
      expect(created(report, 'Patient'), name).toBe(expected.patients);
      expect(created(report, 'Encounter'), name).toBe(expected.encounters);
      expect(created(report, 'Observation'), name).toBe(expected.observationsKept);
      expect(report.notImported.map((n) => n.resourceType).sort(), name).toEqual([...expected.notKeptTypes].sort());
      patients += expected.patients;
      encounters += expected.encounters;
      vitalsRows += expected.vitalsRows;
    }
    expect(await count('patients')).toBe(patients);
    expect(await count('appointments')).toBe(encounters);
    expect(await count('vitals')).toBe(vitalsRows);

    const before = {
      patients: await count('patients'),
      appointments: await count('appointments'),
      vitals: await count('vitals'),
      links: await count('fhir_import_links'),
    };
    const again = await importText(readFileSync(join(SYNTHEA, syntheaPatients[0] ?? ''), 'utf8'));
    for (const counts of Object.values(again.counts)) {
      expect(counts.created + counts.updated).toBe(0);
    }
    expect({
      patients: await count('patients'),
      appointments: await count('appointments'),
      vitals: await count('vitals'),
      links: await count('fhir_import_links'),
    }).toEqual(before);
  });

  it('answers a dry run with the counts and reasons and writes nothing', async () => {
    const text = readFileSync(join(SYNTHEA, syntheaPatients[0] ?? ''), 'utf8');
    const dry = await importText(text, true);
    expect(dry.dryRun).toBe(true);
    expect(created(dry, 'Patient')).toBe(1);
    expect(dry.lines.some((line) => line.reason === 'not a vital sign the desk keeps')).toBe(true);
    expect(await count('patients')).toBe(0);
    expect(await count('fhir_import_links')).toBe(0);
    const real = await importText(text);
    expect(real.counts).toEqual(dry.counts);
  });
});

describe.skipIf(!HERE)('FHIR import of the HL7 examples', () => {
  const example = (name: string) => readJson(join(EXAMPLES, name));
  const collection = (resources: Resource[]) =>
    JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: resources.map((resource) => ({
        fullUrl: `http://example.org/fhir/${resource.resourceType}/${resource.id}`,
        resource,
      })),
    });

  it('imports each relevant example resource on its own, and lists the others without failing', async () => {
    const files = readdirSync(EXAMPLES).filter((name) => name.endsWith('.json'));
    for (const name of files) {
      const resource = example(name);
      const report = await importText(JSON.stringify(resource));
      expect(report.total, name).toBe(1);
      if (resource.resourceType === 'Patient' || resource.resourceType === 'Practitioner') {
        expect(
          created(report, resource.resourceType) + (report.counts[resource.resourceType]?.skipped ?? 0),
          name,
        ).toBe(1);
      } else if (
        !['Coverage', 'AllergyIntolerance', 'Appointment', 'Encounter', 'Observation'].includes(resource.resourceType)
      ) {
        expect(report.notImported, name).toEqual([{ resourceType: resource.resourceType, count: 1 }]);
      }
    }
    // The desk needs a full date of birth and a given and family name; the test reads that itself.
    const registrable = files.map(example).filter((resource) => {
      const names = (resource.name as { family?: string; given?: string[] }[] | undefined) ?? [];
      return (
        resource.resourceType === 'Patient' &&
        /^\d{4}-\d{2}-\d{2}$/.test(String(resource.birthDate)) &&
        names.some((n) => n.family && n.given?.length)
      );
    });
    expect(registrable.length).toBeGreaterThan(0);
    expect(await count('patients')).toBe(registrable.length);
    expect(await count('providers')).toBe(files.filter((name) => name.startsWith('Practitioner-')).length);
  });

  it('resolves references within a collection: the appointment and the encounter land on the example patient', async () => {
    const report = await importText(
      collection([
        example('Patient-example.json'),
        example('Practitioner-example.json'),
        example('Encounter-home.json'),
        example('Appointment-example.json'),
      ]),
    );
    expect(created(report, 'Encounter')).toBe(1);
    expect(created(report, 'Appointment')).toBe(1);
    const rows = await db()
      .selectFrom('appointments')
      .innerJoin('patients', 'patients.id', 'appointments.patient_id')
      .select(['patients.last_name', 'appointments.status'])
      .execute();
    expect(rows.map((row) => row.last_name)).toEqual(['Chalmers', 'Chalmers']);
  });

  it('resolves conditional references (Patient?identifier=system|value) and urn:uuid full URLs', async () => {
    const patient = example('Patient-example.json');
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:6f0a3c1e-1111-4222-8333-944455556666',
          resource: { ...patient, id: undefined },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          fullUrl: 'urn:uuid:6f0a3c1e-1111-4222-8333-944455556667',
          resource: {
            resourceType: 'AllergyIntolerance',
            patient: { reference: 'Patient?identifier=urn:oid:1.2.36.146.595.217.0.1|12345' },
            code: { text: 'Penicillin' },
            reaction: [{ severity: 'severe', manifestation: [{ text: 'Hives' }] }],
          },
          request: { method: 'POST', url: 'AllergyIntolerance' },
        },
        {
          fullUrl: 'urn:uuid:6f0a3c1e-1111-4222-8333-944455556668',
          resource: {
            resourceType: 'AllergyIntolerance',
            patient: { reference: 'urn:uuid:6f0a3c1e-1111-4222-8333-944455556666' },
            code: { text: 'Peanuts' },
          },
          request: { method: 'POST', url: 'AllergyIntolerance' },
        },
      ],
    };
    const report = await importText(JSON.stringify(bundle));
    expect(created(report, 'AllergyIntolerance')).toBe(2);
    const allergies = await db()
      .selectFrom('patient_allergies')
      .select(['substance', 'severity'])
      .orderBy('substance')
      .execute();
    expect(allergies).toEqual([
      { substance: 'Peanuts', severity: 'unknown' },
      { substance: 'Penicillin', severity: 'severe' },
    ]);
  });
});

describe.skipIf(!HERE)('FHIR import refusals and duplicates', () => {
  it('refuses a malformed NDJSON file naming the line, and imports nothing from it', async () => {
    const good = JSON.stringify(readJson(join(EXAMPLES, 'Patient-example.json')));
    const result = await clinic.call('admin', 'interop.importFhir', {
      fileName: 'bad.ndjson',
      text: `${good}\n{"resourceType": "Patient", "name": [\n`,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('line 2');
    expect(await count('patients')).toBe(0);
  });

  it('refuses a Bundle with an entry that is not a resource, naming the entry, and imports nothing', async () => {
    const patient = readJson(join(EXAMPLES, 'Patient-example.json'));
    const text = JSON.stringify({
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: patient }, { resource: { name: 'no type' } }],
    });
    const result = await clinic.call('admin', 'interop.importFhir', { fileName: 'bad.json', text });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('entry 2');
    expect(await count('patients')).toBe(0);
  });

  it('registers a likely duplicate of someone already on the desk and leaves the pair to the duplicate review, never merging', async () => {
    await clinic.ok('admin', 'patients.create', { firstName: 'Peter', lastName: 'Chalmers', dob: '1974-12-25' });
    const report = await importText(JSON.stringify(readJson(join(EXAMPLES, 'Patient-example.json'))));
    expect(report.sentToDuplicateReview).toBe(1);
    expect(report.lines[0]?.reason).toContain('duplicate review');
    expect(await count('patients')).toBe(2);
    const pairs = await clinic.ok('admin', 'patients.duplicatePairs', {});
    expect(pairs.length).toBe(1);
  });
});
