import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api/contract';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic;

beforeEach(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
  await clinic.ok('admin', 'users.create', {
    username: 'rita',
    displayName: 'Rita Reception',
    role: 'receptionist',
    password: 'reception desk 1',
  });
  await clinic.ok('admin', 'users.create', {
    username: 'nina',
    displayName: 'Nina Nurse',
    role: 'nurse',
    password: 'nurse station 12',
  });
  await clinic.ok('desk', 'auth.login', { username: 'rita', password: 'reception desk 1' });
});
afterEach(async () => {
  await clinic.close();
});

type Draft = Input<'patients.create'>;

function register(draft: Partial<Draft> & Pick<Draft, 'firstName' | 'lastName' | 'dob'>) {
  return clinic.ok('desk', 'patients.create', draft);
}

const search = (query: string, limit = 20) => clinic.ok('desk', 'patients.search', { query, limit });
const names = async (query: string) => (await search(query)).map((row) => row.name);

async function registerSome() {
  const jose = await register({
    firstName: 'José María',
    lastName: 'García López',
    dob: '1964-06-29',
    phones: [{ kind: 'mobile', number: '07700 900123' }],
    email: 'Jose.Garcia@Example.com',
    nationalId: 'ab 12 34 56 c',
  });
  const anna = await register({
    firstName: 'Anna',
    lastName: 'Müller',
    dob: '1980-01-15',
    phones: [{ kind: 'home', number: '+44 20 7946 0958' }],
  });
  const john = await register({
    firstName: 'John',
    lastName: 'Smith',
    dob: '1990-05-04',
    phones: [{ kind: 'mobile', number: '07700 900999' }],
  });
  const joanna = await register({ firstName: 'Joanna', lastName: 'Smithers', dob: '1955-12-01' });
  const sean = await register({ firstName: 'Seán', lastName: "O'Brien", dob: '2001-03-03' });
  return { jose, anna, john, joanna, sean };
}

describe('patients.search', () => {
  it('finds by name in any order, partial, accent- and case-insensitive', async () => {
    await registerSome();
    expect(await names('garcia jose')).toEqual(['García López, José María']);
    expect(await names('José García')).toEqual(['García López, José María']);
    expect(await names('GARCÍA')).toEqual(['García López, José María']);
    expect(await names('gar')).toEqual(['García López, José María']);
    expect(await names('lop ma')).toEqual(['García López, José María']);
    expect(await names('muller')).toEqual(['Müller, Anna']);
    expect(await names('MÜLLER')).toEqual(['Müller, Anna']);
    expect(await names("o'brien")).toEqual(["O'Brien, Seán"]);
    expect(await names('obrien sean')).toEqual(["O'Brien, Seán"]);
    // One or two letters: word prefixes in word order (a whole word before longer ones), then name order.
    expect(await names('sm')).toEqual(['Smith, John', 'Smithers, Joanna']);
    expect(await names('j')).toEqual(['Smithers, Joanna', 'Smith, John', 'García López, José María']);
    // Word prefixes first, then the same letters inside a word.
    expect(await names('anna')).toEqual(['Müller, Anna', 'Smithers, Joanna']);
    // Inside a word (trigram substring), when no word starts with it.
    expect(await search('ithers')).toMatchObject([{ name: 'Smithers, Joanna', matchedOn: 'partial' }]);
    expect(await names('nobody')).toEqual([]);
    expect(await names('')).toEqual([]);
  });

  it('answers rows with name, dob, age, MRN, primary phone and (none yet) next appointment', async () => {
    const { jose } = await registerSome();
    const [row] = await search('garcia');
    expect(row).toEqual({
      id: jose.id,
      mrn: 'P000001',
      name: 'García López, José María',
      firstName: 'José María',
      lastName: 'García López',
      preferredName: null,
      dob: '1964-06-29',
      age: 62,
      sex: 'unknown',
      phone: '07700900123',
      active: true,
      deceased: false,
      matchedOn: 'name',
      nextAppointment: null,
    });
  });

  it('finds by phone digits, however they are written', async () => {
    await registerSome();
    expect(await names('07700 900123')).toEqual(['García López, José María']);
    expect(await names('900123')).toEqual(['García López, José María']);
    expect(await names('+44 20 7946 0958')).toEqual(['Müller, Anna']);
    expect(await names('7946')).toEqual(['Müller, Anna']);
    expect((await search('07700 900'))[0]?.matchedOn).toBe('phone');
  });

  it('finds by MRN, with or without the prefix and zeros', async () => {
    const { anna } = await registerSome();
    expect(anna.mrn).toBe('P000002');
    expect(await search('P000002')).toMatchObject([{ id: anna.id, matchedOn: 'mrn' }]);
    expect(await search('p000002')).toMatchObject([{ id: anna.id, matchedOn: 'mrn' }]);
    expect((await search('2'))[0]).toMatchObject({ id: anna.id, matchedOn: 'mrn' });
  });

  it("finds by date of birth typed in the clinic's format, and compact", async () => {
    const { jose } = await registerSome();
    const found = async (query: string) => (await search(query)).map((row) => row.id);
    expect(await found('1964-06-29')).toEqual([jose.id]);
    expect(await found('19640629')).toEqual([jose.id]);
    expect(await found('29061964')).toEqual([jose.id]);
    await clinic.ok('admin', 'settings.update', { dateFormat: 'DD/MM/YYYY' });
    expect(await found('29/06/1964')).toEqual([jose.id]);
    expect(await found('29.06.1964')).toEqual([jose.id]);
    expect(await found('29061964')).toEqual([jose.id]);
    await clinic.ok('admin', 'settings.update', { dateFormat: 'MM/DD/YYYY' });
    expect(await found('06/29/1964')).toEqual([jose.id]);
    expect(await found('06291964')).toEqual([jose.id]);
    expect((await search('1964-06-29'))[0]?.matchedOn).toBe('dob');
    // A name and a date together: both must match.
    expect(await names('smith 05/04/1990')).toEqual(['Smith, John']);
    expect(await names('smithers 05/04/1990')).toEqual([]);
  });

  it('finds by email, and by national id only when typed whole', async () => {
    const { jose } = await registerSome();
    expect(await search('jose.garcia@example.com')).toMatchObject([{ id: jose.id, matchedOn: 'email' }]);
    expect(await search('JOSE.GARCIA@')).toMatchObject([{ id: jose.id }]);
    expect(await search('AB123456C')).toMatchObject([{ id: jose.id, matchedOn: 'nationalId' }]);
    expect(await search('AB-12-34-56-C')).toMatchObject([{ id: jose.id, matchedOn: 'nationalId' }]);
    expect(await search('AB1234')).toEqual([]);
  });

  it('keeps the index in step with updates', async () => {
    const { anna } = await registerSome();
    const record = await clinic.ok('desk', 'patients.get', { patientId: anna.id });
    await clinic.ok('desk', 'patients.update', {
      ...record,
      patientId: anna.id,
      expectedUpdatedAt: record.updatedAt,
      lastName: 'Schäfer',
      phones: [{ kind: 'mobile', number: '07123 456789', isPrimary: true }],
      nationalId: undefined,
    });
    expect(await names('muller')).toEqual([]);
    expect(await names('schafer')).toEqual(['Schäfer, Anna']);
    expect(await names('7946 0958')).toEqual([]);
    expect(await names('07123 456789')).toEqual(['Schäfer, Anna']);
  });
});

describe('patients.create and patients.update', () => {
  it('rejects invalid input naming each field, and saves nothing', async () => {
    const result = await clinic.call('desk', 'patients.create', {
      firstName: ' ',
      lastName: 'Smith',
      dob: '1964-02-30',
      email: 'not an email',
      phones: [
        { kind: 'mobile', number: '07700 900123', isPrimary: true },
        { kind: 'home', number: 'call after six', isPrimary: true },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('VALIDATION');
    expect(result.error.details?.fields).toEqual({
      firstName: 'must not be empty',
      dob: 'must be a real date written as YYYY-MM-DD',
      email: 'must be an email address like name@example.com',
      'phones.1.number': 'must be a phone number of 6 to 15 digits',
      'phones.1.isPrimary': 'only one phone can be primary',
    });
    const future = await clinic.call('desk', 'patients.create', {
      firstName: 'Ann',
      lastName: 'Lee',
      dob: '2027-01-01',
    });
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { fields: { dob: 'must not be in the future' } } },
    });
    const db = clinic.core.database.db;
    expect(await db.selectFrom('patients').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('patient_phones').select('id').execute()).toEqual([]);
    expect(await db.selectFrom('patient_search').select('key').execute()).toEqual([]);
    expect(await db.selectFrom('audit_log').select('action').where('action', '=', 'patients.create').execute()).toEqual(
      [],
    );
    expect((await db.selectFrom('patient_settings').select('mrn_next').executeTakeFirstOrThrow()).mrn_next).toBe(1);
  });

  it('names the field on update too, refuses a stale form, and keeps the national id when left out', async () => {
    const { jose } = await registerSome();
    const record = await clinic.ok('desk', 'patients.get', { patientId: jose.id });
    expect(record.nationalIdMasked).toBe('•••• 456C');
    const base = { ...record, patientId: jose.id, expectedUpdatedAt: record.updatedAt, nationalId: undefined };
    const bad = await clinic.call('desk', 'patients.update', {
      ...base,
      dob: '29/06/1964',
      phones: [{ kind: 'mobile', number: '12' }],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) expect(Object.keys(bad.error.details?.fields ?? {}).sort()).toEqual(['dob', 'phones.0.number']);
    const updated = await clinic.ok('desk', 'patients.update', { ...base, preferredName: 'Pepe' });
    expect(updated).toMatchObject({
      preferredName: 'Pepe',
      nationalIdMasked: '•••• 456C',
      phones: [{ number: '07700900123', isPrimary: true }],
    });
    const stale = await clinic.call('desk', 'patients.update', { ...base, preferredName: 'Josema' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const audit = await clinic.core.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'patients.update')
      .execute();
    expect(audit.map((row) => JSON.parse(row.details ?? '{}') as unknown)).toEqual([{ changed: ['preferred_name'] }]);
  });

  it('adds allergies, alerts and insurance; refuses a second primary policy in force', async () => {
    const { john } = await registerSome();
    await clinic.ok('desk', 'patients.addAllergy', {
      patientId: john.id,
      substance: 'Penicillin',
      reaction: 'Hives',
      severity: 'severe',
    });
    await clinic.ok('desk', 'patients.addAlert', { patientId: john.id, kind: 'safety', text: 'Needs an interpreter' });
    await clinic.ok('desk', 'patients.addInsurance', {
      patientId: john.id,
      payer: 'Acme Health',
      memberId: 'M-1',
      priority: 'primary',
      effectiveDate: '2026-01-01',
    });
    const again = await clinic.call('desk', 'patients.addInsurance', {
      patientId: john.id,
      payer: 'Other',
      memberId: 'X',
      priority: 'primary',
    });
    expect(again).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        details: { fields: { priority: expect.stringContaining('Acme Health') as unknown } },
      },
    });
    const backwards = await clinic.call('desk', 'patients.addInsurance', {
      patientId: john.id,
      payer: 'Other',
      memberId: 'X',
      priority: 'secondary',
      effectiveDate: '2026-05-01',
      terminationDate: '2026-04-01',
    });
    expect(backwards).toMatchObject({
      ok: false,
      error: { details: { fields: { terminationDate: 'must not be before the effective date' } } },
    });
    const record = await clinic.ok('desk', 'patients.get', { patientId: john.id });
    expect(record.allergies).toMatchObject([{ substance: 'Penicillin', reaction: 'Hives', severity: 'severe' }]);
    expect(record.alerts).toMatchObject([{ kind: 'safety', text: 'Needs an interpreter' }]);
    expect(record.insurance).toMatchObject([
      { payer: 'Acme Health', memberId: 'M-1', priority: 'primary', holderRelationship: 'self' },
    ]);
  });
});

describe('patients.get and permissions', () => {
  it('audits every opening of a record: who opened which patient', async () => {
    const { anna } = await registerSome();
    await clinic.ok('desk', 'patients.get', { patientId: anna.id });
    await clinic.ok('desk', 'patients.get', { patientId: anna.id });
    const rows = await clinic.core.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_username', 'target_type', 'target_id', 'outcome'])
      .where('action', '=', 'patients.get')
      .execute();
    expect(rows).toEqual([
      { action: 'patients.get', actor_username: 'rita', target_type: 'patient', target_id: anna.id, outcome: 'ok' },
      { action: 'patients.get', actor_username: 'rita', target_type: 'patient', target_id: anna.id, outcome: 'ok' },
    ]);
    const missing = await clinic.call('desk', 'patients.get', { patientId: '01900000-0000-7000-8000-000000000000' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses writes to a nurse (no patients:write) and reads to a role without patients:read', async () => {
    const { anna } = await registerSome();
    await clinic.ok('ward', 'auth.login', { username: 'nina', password: 'nurse station 12' });
    expect((await clinic.ok('ward', 'patients.search', { query: 'müller' })).length).toBe(1);
    const write = await clinic.call('ward', 'patients.addAllergy', { patientId: anna.id, substance: 'Latex' });
    expect(write).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    if (!write.ok) expect(write.error.message).toContain('patients:write');

    // Every default role may read patients; take the permission away from nurses to see the refusal.
    await clinic.core.database.db
      .deleteFrom('role_permissions')
      .where('role_id', '=', 'nurse')
      .where('permission', '=', 'patients:read')
      .execute();
    await clinic.ok('ward2', 'auth.login', { username: 'nina', password: 'nurse station 12' });
    expect(await clinic.call('ward2', 'patients.get', { patientId: anna.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await clinic.call('ward2', 'patients.search', { query: 'anna' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const denied = await clinic.core.database.db
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('actor_username', '=', 'nina')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((row) => row.action)).toEqual(['patients.addAllergy', 'patients.get', 'patients.search']);
  });
});

describe('duplicates while registering', () => {
  it('shows candidates live with their reasons, and never the must-not-flag twin', async () => {
    const catherine = await register({
      firstName: 'Catherine',
      lastName: 'Smith',
      dob: '1964-06-05',
      phones: [{ kind: 'mobile', number: '07700 900555' }],
      email: 'cat@example.com',
      nationalId: 'QQ123456A',
    });
    const find = (draft: Input<'patients.findDuplicates'>) => clinic.ok('desk', 'patients.findDuplicates', draft);
    const reasons = async (draft: Input<'patients.findDuplicates'>) =>
      (await find(draft)).map((c) => [c.patient.id, c.reasons.map((r) => r.code)]);

    expect(await reasons({ firstName: 'Kathryn', lastName: 'Smith', dob: '1964-06-05' })).toEqual([
      [catherine.id, ['same_dob_name_phonetic']],
    ]);
    expect(await reasons({ firstName: 'Smith', lastName: 'Catherine', dob: '1964-06-05' })).toEqual([
      [catherine.id, ['same_dob_name_transposed']],
    ]);
    expect(await reasons({ firstName: 'CATHERINE', lastName: 'Smíth', dob: '1964-06-05' })).toEqual([
      [catherine.id, ['same_dob_name_accents']],
    ]);
    expect(await reasons({ firstName: 'Cstherine', lastName: 'Smith', dob: '1964-06-05' })).toEqual([
      [catherine.id, ['same_dob_name_typo']],
    ]);
    expect(await reasons({ firstName: 'Catherine', lastName: 'Smith', dob: '1964-05-06' })).toEqual([
      [catherine.id, ['swapped_dob_same_name']],
    ]);
    expect(
      await reasons({ firstName: 'Katherine', lastName: 'Jones', phones: [{ number: '+44 7700 900555' }] }),
    ).toEqual([[catherine.id, ['same_phone']]]);
    expect(await reasons({ firstName: 'Catherina', lastName: 'Jones', email: 'CAT@example.com' })).toEqual([
      [catherine.id, ['same_email']],
    ]);
    expect(await reasons({ firstName: 'K', lastName: 'S', nationalId: 'qq 12 34 56 a' })).toEqual([
      [catherine.id, ['same_national_id']],
    ]);
    // The DOB in a draft may be typed in the clinic's format.
    await clinic.ok('admin', 'settings.update', { dateFormat: 'DD/MM/YYYY' });
    const typed = await find({ firstName: 'Catherine', lastName: 'Smith', dob: '05/06/1964' });
    expect(typed[0]?.reasons[0]?.message).toBe('Same name and date of birth (05/06/1964)');
    // A twin: same birthday, surname, phone and email, another first name: not flagged.
    expect(
      await find({
        firstName: 'Olivia',
        lastName: 'Smith',
        dob: '1964-06-05',
        phones: [{ number: '07700 900555' }],
        email: 'cat@example.com',
      }),
    ).toEqual([]);
    // Editing the record itself never finds itself.
    expect(
      await find({ excludePatientId: catherine.id, firstName: 'Catherine', lastName: 'Smith', dob: '1964-06-05' }),
    ).toEqual([]);
  });

  it('refuses to save over a strong candidate until the user says it is another person', async () => {
    const catherine = await register({ firstName: 'Catherine', lastName: 'Smith', dob: '1964-06-05' });
    const draft = { firstName: 'Kathryn', lastName: 'Smith', dob: '1964-06-05' };
    const refused = await clinic.call('desk', 'patients.create', draft);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('Smith, Catherine (P000001)');
      expect(refused.error.details?.duplicates).toMatchObject([{ patient: { id: catherine.id }, strength: 'strong' }]);
    }
    expect((await names('smith')).length).toBe(1);
    const kathryn = await clinic.ok('desk', 'patients.create', { ...draft, notDuplicateOf: [catherine.id] });
    expect((await names('smith')).length).toBe(2);
    const pairs = await clinic.core.database.db
      .selectFrom('patient_not_duplicates')
      .select(['patient_a', 'patient_b'])
      .execute();
    expect(pairs).toEqual([{ patient_a: catherine.id, patient_b: kathryn.id }]);
    // The pair, once judged, is not offered again when either record is edited.
    expect(await clinic.ok('desk', 'patients.findDuplicates', { excludePatientId: kathryn.id, ...draft })).toEqual([]);
    // A twin saves without any question.
    await clinic.ok('desk', 'patients.create', { firstName: 'Olivia', lastName: 'Smith', dob: '1964-06-05' });
  });
});
