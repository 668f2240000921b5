import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bundle } from 'fhir/r4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src-main/core/app';
import { openFhirClinic, type FhirClinic } from '../helpers/fhir-clinic';
import { runCli } from '../helpers/run-cli';

let fixture: FhirClinic;
const folders: string[] = [];
const newFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'fhir-export-'));
  folders.push(dir);
  return dir;
};

beforeAll(async () => {
  fixture = await openFhirClinic();
}, 60_000);
/** Set once the CLI test has closed the core to let the CLI open the file. */
let coreClosed = false;
afterAll(async () => {
  if (coreClosed) fixture.s.clinic.folder.remove();
  else await fixture.s.clinic.close();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('interop.exportFhir', () => {
  it('lets the administrator export one patient, answers the counts and the bundle, and audits it', async () => {
    const { clinic } = fixture.s;
    const folder = newFolder();
    const summary = await clinic.ok('admin', 'interop.exportFhir', {
      folder,
      scope: 'patient',
      patientId: fixture.seeded.mariaId,
      inlineDocuments: false,
    });
    expect(summary.folder).toMatch(/fhir-export-20261123-\d{4}$/);
    expect(existsSync(join(summary.folder, 'manifest.json'))).toBe(true);
    expect(summary.counts).toMatchObject({
      Patient: 2,
      Appointment: 3,
      Encounter: 1,
      AllergyIntolerance: 1,
      Coverage: 1,
    });
    const bundle = JSON.parse(summary.patientBundle?.json ?? '{}') as Bundle;
    expect(bundle.entry?.[0]?.resource).toMatchObject({ resourceType: 'Patient', id: fixture.seeded.mariaId });
    const audit = clinic.core.database.handle
      .prepare(
        `SELECT actor_username, target_type, target_id, details FROM audit_log WHERE action = 'interop.exportFhir'`,
      )
      .get() as { actor_username: string; target_type: string; target_id: string; details: string };
    expect(audit).toMatchObject({ actor_username: 'ada', target_type: 'patient', target_id: fixture.seeded.mariaId });
    expect(JSON.parse(audit.details)).toMatchObject({ scope: 'patient', folder: summary.folder });
    // A second export the same minute gets a folder of its own.
    const again = await clinic.ok('admin', 'interop.exportFhir', { folder, scope: 'clinic', inlineDocuments: false });
    expect(again.folder).not.toBe(summary.folder);
    expect(again.patientBundle).toBeNull();
  });

  it('refuses a receptionist, a missing folder, and a range without dates, naming the field', async () => {
    const { clinic } = fixture.s;
    const denied = await clinic.call('desk', 'interop.exportFhir', { folder: newFolder(), scope: 'clinic' });
    expect(denied.ok ? null : denied.error.code).toBe('FORBIDDEN');
    const missing = await clinic.call('admin', 'interop.exportFhir', { folder: '/no/such/folder', scope: 'clinic' });
    expect(missing.ok ? null : missing.error.details?.fields).toEqual({ folder: 'no such folder on this computer' });
    const range = await clinic.call('admin', 'interop.exportFhir', {
      folder: newFolder(),
      scope: 'range',
      from: '2026-11-23',
    });
    expect(range.ok ? null : range.error.details?.fields).toMatchObject({ to: 'must be a date for a date range' });
  });
});

describe('clinic export fhir', () => {
  it('writes the export with progress and a summary, and audits it under the CLI user', async () => {
    const { clinic } = fixture.s;
    const out = join(newFolder(), 'moving-out');
    // The CLI opens the database file itself: close the test's core first.
    await clinic.core.close();
    coreClosed = true;
    const env = { env: { CLINIC_DB_KEY: clinic.folder.key.toString('hex') } };
    const run = await runCli(['export', 'fhir', '--data', clinic.folder.dir, '--out', out, '--inline-documents'], env);
    expect(run.stderr).toContain('Exported 3 of 3 patients');
    expect(run.stdout).toMatch(/Exported 3 patients as FHIR R4 into .*moving-out/);
    expect(run.stdout).toMatch(/Patient\s+3/);
    expect(run.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { output: { type: string }[] };
    expect(manifest.output.map((o) => o.type)).toContain('Encounter');
    const refused = await runCli(['export', 'fhir', '--data', clinic.folder.dir, '--out', out], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not empty/);
    const reopened = await createCore({ file: clinic.folder.file, key: clinic.folder.key });
    const audit = reopened.database.handle
      .prepare(`SELECT actor_username FROM audit_log WHERE action = 'interop.exportFhir' ORDER BY seq DESC`)
      .pluck()
      .get() as string;
    await reopened.close();
    expect(audit).toMatch(/^cli:/);
  });
});
