import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { openTestClinic } from '../helpers/temp-core';
import { sharedDataHere } from '../helpers/shared-data';

const SYNTHEA = resolve(import.meta.dirname, '../../../shared/data/fhir/synthea');
const HERE = sharedDataHere('fhir/synthea', 'fhir-import-cli');
const file = join(SYNTHEA, (HERE ? readdirSync(SYNTHEA) : []).find((name) => name.startsWith('Ned_Hintz')) ?? '');

it.skipIf(!HERE)(
  'clinic import fhir: the dry run prints the counts and changes nothing; the import then a second import is a no-op',
  async () => {
    const clinic = await openTestClinic();
    await clinic.core.close();
    const env = { CLINIC_DB_KEY: clinic.folder.key.toString('hex') };
    try {
      const dry = await runCli(['import', 'fhir', file, '--data', clinic.folder.dir, '--dry-run'], { env });
      expect(dry.stderr).not.toContain('clinic:');
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('Dry run: nothing was changed.');
      expect(dry.stdout).toContain('Patient: 1 would be created');
      expect(dry.stdout).toMatch(/Not kept by Front Desk: .*Claim/);

      const done = await runCli(['import', 'fhir', file, '--data', clinic.folder.dir], { env });
      expect(done.code).toBe(0);
      expect(done.stdout).toContain('Patient: 1 created');

      const again = await runCli(['import', 'fhir', file, '--data', clinic.folder.dir], { env });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain('Patient: 0 created, 0 updated, 1 skipped');
      expect(again.stdout).toMatch(/Encounter: 0 created, 0 updated, \d+ skipped/);
    } finally {
      clinic.folder.remove();
    }
  },
  60_000,
);
