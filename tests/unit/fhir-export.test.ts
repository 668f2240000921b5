import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AllergyIntolerance,
  Appointment,
  Bundle,
  Consent,
  Coverage,
  DocumentReference,
  Encounter,
  FhirResource,
  Observation,
  Patient,
} from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FHIR_SYSTEMS } from '../../src-shared/fhir/codes';
import { exportFhir, type FhirExportRequest } from '../../src-main/core/interop/fhir/export/exporter';
import { fhirR4Errors } from '../helpers/fhir-validator';
import { openFhirClinic, MONDAY, PDF_BASE64, START, type FhirClinic } from '../helpers/fhir-clinic';
import type { SchedulingClinic } from '../helpers/scheduling-clinic';

let s: SchedulingClinic;
let seeded: FhirClinic['seeded'];
const folders: string[] = [];

beforeAll(async () => {
  ({ s, seeded } = await openFhirClinic());
}, 60_000);

afterAll(async () => {
  await s.clinic.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

async function run(scope: FhirExportRequest['scope'], inlineDocuments = false) {
  const outDir = join(mkdtempSync(join(tmpdir(), 'fhir-export-')), 'out');
  folders.push(join(outDir, '..'));
  const progress: number[] = [];
  const result = await exportFhir(s.clinic.core.database.db, {
    scope,
    inlineDocuments,
    outDir,
    now: s.clinic.clock.now,
    onProgress: (p) => progress.push(p.done),
  });
  const ndjson = (type: string): FhirResource[] =>
    readFileSync(join(outDir, `${type}.ndjson`), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as FhirResource);
  return { result, outDir, progress, ndjson };
}

const ofType = <T extends FhirResource>(bundle: Bundle, type: T['resourceType']): T[] =>
  (bundle.entry ?? []).map((e) => e.resource).filter((r): r is T => r?.resourceType === type);

describe('FHIR R4 export of one patient', () => {
  let bundle: Bundle;
  let outDir: string;
  beforeAll(async () => {
    const exported = await run({ kind: 'patient', patientId: seeded.mariaId }, true);
    outDir = exported.outDir;
    bundle = JSON.parse(readFileSync(join(outDir, 'bundles', `Patient-${seeded.mariaId}.json`), 'utf8')) as Bundle;
    expect(exported.progress.at(-1)).toBe(2);
  });

  it('writes the patient with MRN, names, telecom, address, language and the link to the merged record', () => {
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    const patient = ofType<Patient>(bundle, 'Patient').find((p) => p.id === seeded.mariaId);
    expect(patient?.identifier).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ system: FHIR_SYSTEMS.mrn, value: seeded.mrn }),
        expect.objectContaining({ system: FHIR_SYSTEMS.nationalId, value: 'AB123456C' }),
      ]),
    );
    expect(patient?.name).toEqual([
      { use: 'official', family: 'López', given: ['María', 'José'] },
      { use: 'usual', given: ['Majo'] },
    ]);
    expect(patient).toMatchObject({ gender: 'female', birthDate: '1980-02-29', active: true });
    expect(patient?.telecom).toEqual([
      { system: 'phone', value: '+441134960000', use: 'home', rank: 2 },
      { system: 'phone', value: '+447700900123', use: 'mobile', rank: 1 },
      { system: 'email', value: 'maria@example.org' },
    ]);
    expect(patient?.address).toEqual([
      {
        line: ['1 Calle Mayor', 'Piso 2'],
        city: 'Leeds',
        state: 'West Yorkshire',
        postalCode: 'LS1 1AA',
        country: 'GB',
      },
    ]);
    expect(patient?.communication).toEqual([
      { language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es' }], text: 'Spanish' }, preferred: true },
    ]);
    expect(patient?.contact?.[0]).toMatchObject({
      name: { text: 'Pedro López' },
      telecom: [{ value: '+447700900456' }],
    });
    expect(patient?.link).toEqual([{ other: { reference: `Patient/${seeded.mergedId}` }, type: 'replaces' }]);
    const merged = ofType<Patient>(bundle, 'Patient').find((p) => p.id === seeded.mergedId);
    expect(merged).toBeUndefined();
    const mergedBundle = JSON.parse(
      readFileSync(join(outDir, 'bundles', `Patient-${seeded.mergedId}.json`), 'utf8'),
    ) as Bundle;
    expect(ofType<Patient>(mergedBundle, 'Patient')[0]).toMatchObject({
      active: false,
      link: [{ other: { reference: `Patient/${seeded.mariaId}` }, type: 'replaced-by' }],
    });
  });

  it('writes allergy, coverage, consent and the document inline', () => {
    expect(ofType<AllergyIntolerance>(bundle, 'AllergyIntolerance')).toMatchObject([
      {
        code: { text: 'Penicillin' },
        patient: { reference: `Patient/${seeded.mariaId}` },
        reaction: [{ manifestation: [{ text: 'Hives' }], severity: 'severe' }],
      },
    ]);
    expect(ofType<Coverage>(bundle, 'Coverage')).toMatchObject([
      {
        status: 'active',
        subscriberId: 'M-998877',
        payor: [{ display: 'Acme Health' }],
        order: 1,
        period: { start: '2026-01-01' },
        class: [{ value: 'Gold' }, { value: 'G-12' }],
        relationship: { coding: [{ code: 'self' }] },
      },
    ]);
    const [document] = ofType<DocumentReference>(bundle, 'DocumentReference');
    expect(document?.content[0]?.attachment).toMatchObject({
      contentType: 'application/pdf',
      title: 'referral.pdf',
      data: PDF_BASE64,
    });
    expect(ofType<Consent>(bundle, 'Consent')).toMatchObject([
      {
        status: 'active',
        scope: { coding: [{ code: 'treatment' }] },
        dateTime: '2026-11-01',
        sourceReference: { reference: `DocumentReference/${document?.id}` },
      },
    ]);
  });

  it('maps appointment statuses with participants, reason and cancellation reason', () => {
    const appointments = ofType<Appointment>(bundle, 'Appointment');
    const byId = new Map(appointments.map((a) => [a.id, a]));
    expect(byId.get(seeded.keptId)).toMatchObject({
      status: 'fulfilled',
      reasonCode: [{ text: 'Sore throat' }],
      start: '2026-11-23T09:00:00.000Z',
      end: '2026-11-23T09:30:00.000Z',
      minutesDuration: 30,
      serviceType: [{ text: 'Consultation' }],
    });
    expect(byId.get(seeded.keptId)?.participant.map((p) => p.actor?.reference)).toEqual([
      `Patient/${seeded.mariaId}`,
      `Practitioner/${s.drAId}`,
      `Location/${s.mainId}`,
    ]);
    expect(byId.get(seeded.cancelledId)).toMatchObject({
      status: 'cancelled',
      cancelationReason: { text: 'Patient is travelling' },
    });
    expect(byId.get(seeded.laterId)).toMatchObject({ status: 'booked' });
    // The practitioner and location they point at travel in the same bundle.
    expect(ofType(bundle, 'Practitioner').map((p) => p.id)).toEqual([s.drAId]);
    expect(
      ofType(bundle, 'Location')
        .map((l) => l.id)
        .sort(),
    ).toEqual([s.mainId, s.room1Id].sort());
  });

  it('writes the visit as an Encounter with its status history, and vitals with LOINC and UCUM', () => {
    const [encounter] = ofType<Encounter>(bundle, 'Encounter');
    expect(encounter).toMatchObject({
      id: seeded.visitId,
      status: 'finished',
      class: { code: 'AMB' },
      appointment: [{ reference: `Appointment/${seeded.keptId}` }],
      period: { start: '2026-11-23T08:55:00.000Z', end: '2026-11-23T09:30:00.000Z' },
    });
    expect(encounter?.statusHistory?.map((h) => h.status)).toEqual([
      'arrived',
      'triaged',
      'in-progress',
      'in-progress',
      'finished',
    ]);
    const observations = ofType<Observation>(bundle, 'Observation');
    const byCode = new Map(observations.map((o) => [o.code.coding?.[0]?.code, o]));
    expect(
      byCode
        .get('85354-9')
        ?.component?.map((c) => [c.code.coding?.[0]?.code, c.valueQuantity?.value, c.valueQuantity?.code]),
    ).toEqual([
      ['8480-6', 128, 'mm[Hg]'],
      ['8462-4', 82, 'mm[Hg]'],
    ]);
    expect(byCode.get('8867-4')?.valueQuantity).toEqual({
      value: 76,
      unit: 'beats/minute',
      system: 'http://unitsofmeasure.org',
      code: '/min',
    });
    expect(byCode.get('8310-5')?.valueQuantity).toMatchObject({ value: 37.2, code: 'Cel' });
    expect(byCode.get('29463-7')?.valueQuantity).toMatchObject({ value: 70, code: 'kg' });
    expect(byCode.get('8302-2')?.valueQuantity).toMatchObject({ value: 1.75, code: 'm' });
    expect(byCode.get('39156-5')?.valueQuantity).toMatchObject({ value: 22.9, code: 'kg/m2' });
    expect(observations.every((o) => o.encounter?.reference === `Encounter/${seeded.visitId}`)).toBe(true);
  });

  it('every resource in the bundles and NDJSON files validates against the R4 JSON schema', () => {
    const resources: unknown[] = [];
    for (const file of readdirSync(join(outDir, 'bundles'))) {
      const b = JSON.parse(readFileSync(join(outDir, 'bundles', file), 'utf8')) as Bundle;
      resources.push(b, ...(b.entry ?? []).map((e) => e.resource));
    }
    for (const file of readdirSync(outDir).filter((f) => f.endsWith('.ndjson'))) {
      resources.push(
        ...readFileSync(join(outDir, file), 'utf8')
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as unknown),
      );
    }
    expect(resources.length).toBeGreaterThan(20);
    // The schema is strict: a wrong code or an unknown field is caught.
    expect(fhirR4Errors({ resourceType: 'Patient', gender: 'woman' })).not.toEqual([]);
    expect(fhirR4Errors({ resourceType: 'Patient', mrn: 'X1' })).not.toEqual([]);
    const failures = resources.flatMap((r) => fhirR4Errors(r).map((e) => `${(r as FhirResource).resourceType}: ${e}`));
    expect(failures).toEqual([]);
  });
});

describe('FHIR R4 bulk export of the clinic', () => {
  it('writes one NDJSON file per type and a manifest whose counts match the lines, all valid', async () => {
    const { result, outDir, ndjson } = await run({ kind: 'clinic' });
    const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf8')) as {
      output: { type: string; url: string; count: number }[];
      requiresAccessToken: boolean;
    };
    expect(manifest.requiresAccessToken).toBe(false);
    expect(manifest.output.map((o) => o.type)).toEqual(
      expect.arrayContaining([
        'Patient',
        'Appointment',
        'Encounter',
        'Observation',
        'Organization',
        'Practitioner',
        'PractitionerRole',
        'Location',
        'HealthcareService',
        'Schedule',
        'Slot',
      ]),
    );
    for (const entry of manifest.output) {
      const lines = ndjson(entry.type);
      expect(lines.length, entry.type).toBe(entry.count);
      expect(lines.every((r) => r.resourceType === entry.type)).toBe(true);
      expect(lines.flatMap((r) => fhirR4Errors(r))).toEqual([]);
    }
    expect(result.counts.Patient).toBe(3);
    expect(result.counts.Appointment).toBe(4);
    expect(result.bundles).toHaveLength(3);
    // Weekly hours as slots: two providers, Mon-Fri, a morning and an afternoon stretch, four weeks.
    expect(result.counts.Slot).toBe(2 * 5 * 2 * 4);
    // Without inline documents, the attachment says what it is but carries no bytes.
    const [document] = ndjson('DocumentReference') as DocumentReference[];
    expect(document?.content[0]?.attachment.data).toBeUndefined();
  });

  it('a date range keeps only the patients and bookings of those days', async () => {
    const { result, ndjson } = await run({ kind: 'range', from: MONDAY, to: MONDAY });
    expect(result.counts.Patient).toBe(1);
    expect(
      ndjson('Appointment')
        .map((a) => a.id)
        .sort(),
    ).toEqual([seeded.keptId, seeded.cancelledId].sort());
    expect(result.counts.Encounter).toBe(1);
    expect(result.counts.Slot).toBe(2 * 2);
  });

  it('refuses a folder that already holds files', async () => {
    const { outDir } = await run({ kind: 'patient', patientId: seeded.otherId });
    await expect(
      exportFhir(s.clinic.core.database.db, { scope: { kind: 'clinic' }, inlineDocuments: false, outDir, now: START }),
    ).rejects.toThrow(/not empty/);
  });
});
