import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli';
import { openTestClinic } from '../helpers/temp-core';

// A SimplePractice-like export: the date of birth column is named in a way the guess does not know.
const CSV = [
  'First Name,Last Name,Birthdate (MM/DD/YYYY),Mobile Phone,Email',
  'Ada,Lovelace,12/10/1985,+44 7700 900111,ada@example.org',
  'Alan,Turing,23/06/1972,,alan@example.org',
].join('\n');

it('clinic import csv: --map completes the guess, the dry run changes nothing, --errors writes the bad rows, a second import is a no-op', async () => {
  const clinic = await openTestClinic();
  await clinic.core.close();
  const env = { CLINIC_DB_KEY: clinic.folder.key.toString('hex') };
  const file = join(clinic.folder.dir, 'clients.csv');
  const errors = join(clinic.folder.dir, 'errors.csv');
  writeFileSync(file, CSV);
  const args = [
    'import',
    'csv',
    '--file',
    file,
    '--target',
    'patients',
    '--data',
    clinic.folder.dir,
    '--source',
    'SimplePractice',
    '--date-format',
    'MM/DD/YYYY',
    '--map',
    'Birthdate (MM/DD/YYYY)=dob',
  ];
  try {
    const dry = await runCli([...args, '--dry-run'], { env });
    expect(dry.stderr).not.toContain('clinic:');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was changed. 2 rows read.');
    expect(dry.stdout).toContain('Birthdate (MM/DD/YYYY)=dob');
    expect(dry.stdout).toContain('patients: 1 would be created, 0 skipped, 1 with errors');
    expect(dry.stdout).toContain(
      'row 3, column "Birthdate (MM/DD/YYYY)": "23/06/1972" is not a date written as MM/DD/YYYY',
    );

    const done = await runCli([...args, '--errors', errors], { env });
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('patients: 1 created, 0 skipped, 1 with errors');
    expect(readFileSync(errors, 'utf8')).toBe(
      'First Name,Last Name,Birthdate (MM/DD/YYYY),Mobile Phone,Email,error\r\n' +
        'Alan,Turing,23/06/1972,,alan@example.org,"Birthdate (MM/DD/YYYY): ""23/06/1972"" is not a date written as MM/DD/YYYY"\r\n',
    );

    // The mapping was remembered for the source: no --map needed the second time.
    const again = await runCli(args.slice(0, -2), { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('patients: 0 created, 1 skipped, 1 with errors');

    const wrong = await runCli([...args, '--map', 'Nope=dob'], { env });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('the file has no column "Nope"');
  } finally {
    clinic.folder.remove();
  }
}, 60_000);
