import { afterEach, describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import type { Input } from '../../src-shared/api/contract';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';
import { openSchedulingClinic, type SchedulingClinic } from '../helpers/scheduling-clinic';

// Hand-written exports in the shapes other systems give: OpenEMR's patient_data columns, Cliniko's
// patient and appointment exports. Row numbers below count as a spreadsheet does (the header is row 1).
const OPENEMR = [
  'pid,fname,lname,DOB,sex,phone_cell,email,street,city,postal_code',
  '101,Maria,Lopez,1980-03-14,Female,+44 7700 900123,maria@example.org,1 High St,Leeds,LS1 1AA',
  '102,John,Smith,1975-13-01,Male,,john@example.org,,,',
  '103,,Brown,1990-01-02,Female,,,,,',
  '104,Ann,Taylor,1962-07-30,F,+44 7700 900456,,,,',
].join('\n');

const CLINIKO = [
  'Patient ID,First Name,Last Name,Date of Birth,Mobile,Email',
  'C-1,Lucía,Ortega,14/03/1981,+44 7700 900789,lucia@example.org',
  'C-2,Tom,"O\'Neill, Jr",02/11/1970,,',
].join('\n');

const base64 = (text: string | Uint8Array) => Buffer.from(text).toString('base64');

/** "Peña" in Windows-1252: ñ is the single byte 0xF1, which is not UTF-8. */
function windows1252(text: string): Uint8Array {
  return Uint8Array.from(Array.from(text, (char) => (char === 'ñ' ? 0xf1 : char.charCodeAt(0))));
}

let clinic: TestClinic | undefined;
let scheduling: SchedulingClinic | undefined;
afterEach(async () => {
  await clinic?.close();
  await scheduling?.clinic.close();
  clinic = undefined;
  scheduling = undefined;
});

async function adminClinic(): Promise<TestClinic> {
  const opened = await openTestClinic();
  await opened.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  return opened;
}

const countPatients = async (c: TestClinic) =>
  (
    await c.core.database.db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;

type ImportInput = Input<'interop.importCsv'>;

describe('CSV import of patients', () => {
  it('guesses an OpenEMR mapping, reports the two bad rows by row and column, imports the rest, and a re-import is a no-op', async () => {
    clinic = await adminClinic();
    const preview = await clinic.ok('admin', 'interop.previewCsv', {
      fileName: 'patients.csv',
      contentBase64: base64(OPENEMR),
      target: 'patients',
      sourceName: 'OpenEMR',
    });
    expect(preview.headers).toEqual([
      'pid',
      'fname',
      'lname',
      'DOB',
      'sex',
      'phone_cell',
      'email',
      'street',
      'city',
      'postal_code',
    ]);
    expect(preview.totalRows).toBe(4);
    expect(preview.mappingFrom).toBe('guessed');
    expect(preview.mapping).toMatchObject({
      pid: 'externalId',
      fname: 'firstName',
      lname: 'lastName',
      DOB: 'dob',
      sex: 'sex',
      phone_cell: 'mobilePhone',
      email: 'email',
      street: 'addressLine1',
      city: 'city',
      postal_code: 'postalCode',
    });

    const input: ImportInput = {
      fileName: 'patients.csv',
      contentBase64: base64(OPENEMR),
      target: 'patients',
      sourceName: 'OpenEMR',
      encoding: 'utf-8',
      dateFormat: 'YYYY-MM-DD',
      mapping: preview.mapping,
      dryRun: true,
    };
    const dry = await clinic.ok('admin', 'interop.importCsv', input);
    expect(dry).toMatchObject({ dryRun: true, total: 4, created: 2, errors: 2, skipped: 0 });
    expect(await countPatients(clinic)).toBe(0);
    const errors = dry.rows.flatMap((row) => row.errors);
    expect(errors).toEqual([
      { row: 3, column: 'DOB', message: '"1975-13-01" is not a date written as YYYY-MM-DD' },
      { row: 4, column: 'fname', message: 'is empty; the desk needs it' },
    ]);

    const done = await clinic.ok('admin', 'interop.importCsv', { ...input, dryRun: false });
    expect(done).toMatchObject({ dryRun: false, created: 2, errors: 2 });
    expect(await countPatients(clinic)).toBe(2);
    const maria = await clinic.core.database.db
      .selectFrom('patients')
      .selectAll()
      .where('first_name', '=', 'Maria')
      .executeTakeFirstOrThrow();
    expect(maria).toMatchObject({ last_name: 'Lopez', dob: '1980-03-14', sex: 'female', email: 'maria@example.org' });
    expect(maria.address_line1).toBe('1 High St');

    // The error file: the original columns and an "error" column, ready to fix and import again.
    const errorRows = Papa.parse<string[]>(done.errorCsv, { skipEmptyLines: true }).data;
    expect(errorRows).toEqual([
      ['pid', 'fname', 'lname', 'DOB', 'sex', 'phone_cell', 'email', 'street', 'city', 'postal_code', 'error'],
      [
        '102',
        'John',
        'Smith',
        '1975-13-01',
        'Male',
        '',
        'john@example.org',
        '',
        '',
        '',
        'DOB: "1975-13-01" is not a date written as YYYY-MM-DD',
      ],
      ['103', '', 'Brown', '1990-01-02', 'Female', '', '', '', '', '', 'fname: is empty; the desk needs it'],
    ]);

    const again = await clinic.ok('admin', 'interop.importCsv', { ...input, dryRun: false });
    expect(again).toMatchObject({ created: 0, skipped: 2, errors: 2 });
    expect(again.rows.filter((row) => row.outcome === 'skipped').map((row) => row.note)).toEqual([
      'already imported',
      'already imported',
    ]);
    expect(await countPatients(clinic)).toBe(2);

    // The fixed rows, re-imported from the error file (its "error" column left out), come in.
    const fixed = done.errorCsv.replace('1975-13-01', '1975-12-01').replace('103,,Brown', '103,Bea,Brown');
    const refixed = await clinic.ok('admin', 'interop.importCsv', {
      ...input,
      contentBase64: base64(fixed),
      mapping: { ...preview.mapping, error: '' },
      dryRun: false,
    });
    expect(refixed).toMatchObject({ created: 2, errors: 0, errorCsv: '' });
    expect(await countPatients(clinic)).toBe(4);

    // The mapping is remembered for the source.
    const next = await clinic.ok('admin', 'interop.previewCsv', {
      contentBase64: base64(OPENEMR),
      target: 'patients',
      sourceName: 'openemr',
    });
    expect(next.mappingFrom).toBe('remembered');
  });

  it('reads a Cliniko export in DD/MM/YYYY and a Windows-1252 file with "Peña"; a likely duplicate goes to review, not merged', async () => {
    clinic = await adminClinic();
    const preview = await clinic.ok('admin', 'interop.previewCsv', {
      contentBase64: base64(CLINIKO),
      target: 'patients',
      sourceName: 'Cliniko',
    });
    expect(preview.mapping).toMatchObject({
      'Patient ID': 'externalId',
      'First Name': 'firstName',
      'Last Name': 'lastName',
      'Date of Birth': 'dob',
      Mobile: 'mobilePhone',
      Email: 'email',
    });
    const report = await clinic.ok('admin', 'interop.importCsv', {
      contentBase64: base64(CLINIKO),
      target: 'patients',
      sourceName: 'Cliniko',
      encoding: 'utf-8',
      dateFormat: 'DD/MM/YYYY',
      mapping: preview.mapping,
    });
    expect(report).toMatchObject({ created: 2, errors: 0 });
    const lucia = await clinic.core.database.db
      .selectFrom('patients')
      .select(['first_name', 'dob'])
      .where('last_name', '=', 'Ortega')
      .executeTakeFirstOrThrow();
    expect(lucia).toEqual({ first_name: 'Lucía', dob: '1981-03-14' });

    const legacy = windows1252('First Name,Last Name,DOB\r\nJosé,Peña,03/14/1960\r\nLucia,Ortega,03/14/1981\r\n');
    const refused = await clinic.call('admin', 'interop.previewCsv', {
      contentBase64: base64(legacy),
      target: 'patients',
      encoding: 'utf-8',
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('Windows-1252');
    const legacyPreview = await clinic.ok('admin', 'interop.previewCsv', {
      contentBase64: base64(legacy),
      target: 'patients',
      encoding: 'windows-1252',
    });
    expect(legacyPreview.rows[0]).toEqual(['José', 'Peña', '03/14/1960']);
    const legacyReport = await clinic.ok('admin', 'interop.importCsv', {
      contentBase64: base64(legacy),
      target: 'patients',
      encoding: 'windows-1252',
      dateFormat: 'MM/DD/YYYY',
      mapping: legacyPreview.mapping,
    });
    expect(legacyReport).toMatchObject({ created: 2, errors: 0, sentToDuplicateReview: 1 });
    expect(legacyReport.rows[1]?.note).toContain('duplicate review, not merged');
    const pena = await clinic.core.database.db
      .selectFrom('patients')
      .select(['first_name', 'last_name', 'dob'])
      .where('last_name', '=', 'Peña')
      .executeTakeFirstOrThrow();
    expect(pena).toEqual({ first_name: 'José', last_name: 'Peña', dob: '1960-03-14' });
  });

  it('refuses a mapping that names a field twice or one the target lacks, and a receptionist may not import', async () => {
    clinic = await adminClinic();
    const input = {
      contentBase64: base64(CLINIKO),
      target: 'patients' as const,
      encoding: 'utf-8' as const,
      dateFormat: 'DD/MM/YYYY' as const,
    };
    const twice = await clinic.call('admin', 'interop.importCsv', {
      ...input,
      mapping: { 'First Name': 'firstName', 'Last Name': 'firstName' },
    });
    expect(twice.ok).toBe(false);
    if (!twice.ok) expect(twice.error.message).toContain('mapped from two columns');
    const unknown = await clinic.call('admin', 'interop.importCsv', { ...input, mapping: { Mobile: 'provider' } });
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.error.message).toContain('is not a field of patients');
    await clinic.ok('admin', 'users.create', {
      username: 'rita',
      displayName: 'Rita',
      password: 'reception desk 1',
      role: 'receptionist',
    });
    await clinic.ok('desk', 'auth.login', { username: 'rita', password: 'reception desk 1' });
    const denied = await clinic.call('desk', 'interop.importCsv', { ...input, mapping: {} });
    expect(denied.ok).toBe(false);
    if (!denied.ok) expect(denied.error.code).toBe('FORBIDDEN');
  });
});

describe('CSV import of appointments', () => {
  it('books future rows through the rules (one refused), writes past ones as history, and names unknown providers and types', async () => {
    scheduling = await openSchedulingClinic(); // now: Sunday 22 November 2026, 09:00 London
    const c = scheduling.clinic;
    await c.ok('admin', 'interop.importCsv', {
      contentBase64: base64(CLINIKO),
      target: 'patients',
      sourceName: 'Cliniko',
      encoding: 'utf-8',
      dateFormat: 'DD/MM/YYYY',
      mapping: {
        'Patient ID': 'externalId',
        'First Name': 'firstName',
        'Last Name': 'lastName',
        'Date of Birth': 'dob',
      },
    });
    const csv = [
      'Appointment ID,Patient ID,Practitioner,Appointment Type,Appointment Start,Duration,Status',
      'A-1,C-1,Dr Ana Ortiz,Consultation,24/11/2026 10:00,30,Booked',
      'A-2,C-2,Ana Ortiz,,01/10/2026 11:00,20,Attended',
      'A-3,C-1,Dr Ana Ortiz,Consultation,28/11/2026 10:00,30,Booked',
      'A-4,C-2,Dr Who,Consultation,25/11/2026 10:00,30,Booked',
      'A-5,C-2,Dr Ben Lee,Massage,25/11/2026 10:00,30,Booked',
      'A-6,C-9,Dr Ben Lee,Consultation,31/11/2026 10:00,30,Booked',
    ].join('\n');
    const preview = await c.ok('admin', 'interop.previewCsv', {
      contentBase64: base64(csv),
      target: 'appointments',
      sourceName: 'Cliniko',
    });
    expect(preview.mapping).toEqual({
      'Appointment ID': 'externalId',
      'Patient ID': 'patientExternalId',
      Practitioner: 'provider',
      'Appointment Type': 'type',
      'Appointment Start': 'date',
      Duration: 'durationMinutes',
      Status: 'status',
    });
    const input: ImportInput = {
      contentBase64: base64(csv),
      target: 'appointments',
      sourceName: 'Cliniko',
      encoding: 'utf-8',
      dateFormat: 'DD/MM/YYYY',
      mapping: preview.mapping,
      dryRun: false,
      fileName: 'appointments.csv',
    };
    const report = await c.ok('admin', 'interop.importCsv', input);
    const byRow = new Map(report.rows.map((row) => [row.row, row]));
    expect(byRow.get(2)).toMatchObject({ outcome: 'created', note: 'booked: it is still to come' });
    expect(byRow.get(3)).toMatchObject({ outcome: 'created', note: 'history: it is past' });
    expect(byRow.get(4)?.outcome).toBe('error');
    expect(byRow.get(4)?.errors[0]?.message).toMatch(/^the booking rules refused it: /);
    expect(byRow.get(5)?.errors).toEqual([
      { row: 5, column: 'Practitioner', message: 'unknown provider "Dr Who": add them on the desk first' },
    ]);
    expect(byRow.get(6)?.errors).toEqual([
      { row: 6, column: 'Appointment Type', message: 'unknown appointment type "Massage": add it on the desk first' },
    ]);
    expect(byRow.get(7)?.errors.map((error) => error.column)).toEqual(['Patient ID', 'Appointment Start']);
    expect(report).toMatchObject({ created: 2, errors: 4 });

    const rows = await c.core.database.db.selectFrom('appointments').select(['status', 'provider_id']).execute();
    expect(rows.map((row) => row.status).sort()).toEqual(['booked', 'completed']);

    const again = await c.ok('admin', 'interop.importCsv', input);
    expect(again).toMatchObject({ created: 0, skipped: 2, errors: 4 });
    expect(await c.core.database.db.selectFrom('appointments').select('id').execute()).toHaveLength(2);
  });
});
