import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { TestClinic } from '../helpers/temp-core';
import { openFhirClinic, type FhirClinic } from '../helpers/fhir-clinic';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// Issue 21's round trip: a seeded clinic exported as FHIR R4, imported into an empty clinic (set up with
// the same providers and hours, no patients), and the records compared field by field.

let source: FhirClinic | undefined;
let target: SchedulingClinic | undefined;
const folders: string[] = [];
afterEach(async () => {
  await source?.s.clinic.close();
  await target?.clinic.close();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** What a clinic holds about its live patients, keyed by name, with the desk's own ids left out. */
async function records(clinic: TestClinic) {
  const db = clinic.core.database.db;
  const patients = await db
    .selectFrom('patients')
    .select([
      'id',
      'first_name',
      'middle_name',
      'last_name',
      'preferred_name',
      'dob',
      'sex',
      'email',
      'address_line1',
      'address_line2',
      'city',
      'region',
      'postal_code',
      'country',
      'preferred_language',
    ])
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .orderBy('last_name')
    .orderBy('first_name')
    .execute();
  const nameOf = new Map(patients.map((p) => [p.id, `${p.first_name} ${p.last_name}`]));
  const providers = new Map(
    (await db.selectFrom('providers').select(['id', 'display_name']).execute()).map((p) => [p.id, p.display_name]),
  );
  const mine = <T extends { patient_id: string }>(rows: T[]) =>
    rows
      .filter((row) => nameOf.has(row.patient_id))
      .map(({ patient_id, ...rest }) => ({ patient: nameOf.get(patient_id), ...rest }));
  const phones = mine(
    await db
      .selectFrom('patient_phones')
      .select(['patient_id', 'kind', 'number', 'is_primary'])
      .where('deleted_at', 'is', null)
      .orderBy('number')
      .execute(),
  );
  const appointments = mine(
    await db
      .selectFrom('appointments')
      .select(['patient_id', 'provider_id', 'start_at', 'end_at', 'status', 'reason'])
      .where('deleted_at', 'is', null)
      .orderBy('start_at')
      .execute(),
  ).map(({ provider_id, ...rest }) => ({ ...rest, provider: providers.get(provider_id) }));
  const insurance = mine(
    await db
      .selectFrom('patient_insurance')
      .select([
        'patient_id',
        'payer',
        'plan',
        'member_id',
        'group_number',
        'holder_relationship',
        'priority',
        'effective_date',
        'termination_date',
      ])
      .where('deleted_at', 'is', null)
      .execute(),
  );
  const allergies = mine(
    await db
      .selectFrom('patient_allergies')
      .select(['patient_id', 'substance', 'reaction', 'severity'])
      .where('deleted_at', 'is', null)
      .execute(),
  );
  const vitals = mine(
    await db
      .selectFrom('vitals')
      .select([
        'patient_id',
        'systolic_mmhg',
        'diastolic_mmhg',
        'pulse_per_min',
        'resp_per_min',
        'temperature_c',
        'spo2_percent',
        'weight_kg',
        'height_m',
        'bmi',
        'pain',
        'recorded_at',
      ])
      .where('deleted_at', 'is', null)
      .execute(),
  );
  return {
    patients: patients.map(({ id: _id, ...rest }) => rest),
    phones,
    appointments,
    insurance,
    allergies,
    vitals,
  };
}

it('exports a seeded clinic and imports it into an empty one: the same patients, appointments, insurance, allergies and vitals', async () => {
  source = await openFhirClinic();
  const folder = mkdtempSync(join(tmpdir(), 'fd-round-trip-'));
  folders.push(folder);
  const summary = await source.s.clinic.ok('admin', 'interop.exportFhir', {
    folder,
    scope: 'clinic',
    inlineDocuments: false,
  });
  // The bulk files, one resource per line, read as one NDJSON file: references resolve across them.
  const ndjson = readdirSync(summary.folder)
    .filter((name) => name.endsWith('.ndjson'))
    .sort()
    .map((name) => readFileSync(join(summary.folder, name), 'utf8').trim())
    .filter(Boolean)
    .join('\n');

  target = await openSchedulingClinic({ now: source.s.clinic.clock.now });
  const report = await target.clinic.ok('admin', 'interop.importFhir', { fileName: 'clinic.ndjson', text: ndjson });
  const refused = report.lines.filter(
    (line) => line.outcome === 'skipped' && !['Practitioner', 'Observation', 'Encounter'].includes(line.resourceType),
  );
  // The one known difference: the importer does not keep a cancellation still to come (the booking rules
  // make future bookings only); it is reported, and left out of the comparison below.
  expect(refused.map((line) => [line.resourceType, line.reason])).toEqual([
    ['Appointment', 'it is still to come and its status is "cancelled", not booked'],
  ]);
  const now = target.clinic.clock.now;

  const before = await records(source.s.clinic);
  const all = await records(target.clinic);
  // The patient merged into María is exported (linked to her) and comes back as a patient of its own sent
  // to the duplicate review: an import never merges. It is left out of the comparison.
  expect(report.sentToDuplicateReview).toBe(1);
  const twin = (p: { first_name: string; last_name: string }) => `${p.first_name} ${p.last_name}` === 'Maria Lopez';
  expect(all.patients.filter(twin)).toHaveLength(1);
  const keep = <T extends { patient?: string | undefined }>(rows: T[]) =>
    rows.filter((row) => row.patient !== 'Maria Lopez');
  const after = {
    patients: all.patients.filter((p) => !twin(p)),
    phones: keep(all.phones),
    insurance: keep(all.insurance),
    allergies: keep(all.allergies),
    vitals: keep(all.vitals),
    appointments: keep(all.appointments),
  };
  expect(before.patients.length).toBe(2);
  expect(after.patients).toEqual(before.patients);
  expect(after.phones).toEqual(before.phones);
  expect(after.insurance).toEqual(before.insurance);
  expect(after.allergies).toEqual(before.allergies);
  expect(after.vitals).toEqual(before.vitals);
  expect(after.appointments).toEqual(
    before.appointments.filter((row) => !(row.status === 'cancelled' && row.start_at >= now)),
  );
}, 60_000);
