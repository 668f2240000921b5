import { afterEach, describe, expect, it } from 'vitest';
import type { PatientRecord } from '../../src-shared/patients/model';
import {
  createInputFrom,
  EMPTY_FORM,
  formErrorsFrom,
  formFromRecord,
  phoneErrorName,
  phonesFrom,
  updateInputFrom,
  withNewPhone,
  withoutPhone,
  withPrimaryPhone,
  type PatientFormValues,
} from '../../src-renderer/src/screens/patients/patient-form';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

// The renderer's registration form as pure mapping: record -> form values -> create/update input.

const MOBILE_ID = '0190f1a0-0000-7000-8000-000000000001';
const HOME_ID = '0190f1a0-0000-7000-8000-000000000002';
const WORK_ID = '0190f1a0-0000-7000-8000-000000000003';

const RECORD: PatientRecord = {
  id: '0190f1a0-0000-7000-8000-0000000000aa',
  mrn: 'FD000042',
  firstName: 'Ada',
  middleName: null,
  lastName: 'Okafor',
  preferredName: 'Addy',
  name: 'Okafor, Ada "Addy"',
  dob: '1980-03-09',
  age: 46,
  sex: 'female',
  genderIdentity: 'woman',
  email: 'ada@example.com',
  address: {
    line1: '1 High St',
    line2: null,
    city: 'Leeds',
    region: 'West Yorkshire',
    postalCode: 'LS1 1AA',
    country: 'United Kingdom',
  },
  preferredLanguage: 'Igbo',
  nationalIdMasked: '•••• 123C',
  notes: 'Prefers mornings.\nHard of hearing on the left.',
  deceasedDate: null,
  active: true,
  mergedIntoId: null,
  createdAt: 1,
  updatedAt: 1_700_000_000_000,
  phones: [
    { id: MOBILE_ID, kind: 'mobile', number: '+447700900123', isPrimary: false },
    { id: HOME_ID, kind: 'home', number: '+441130000000', isPrimary: false },
    { id: WORK_ID, kind: 'work', number: '+441139999999', isPrimary: true },
  ],
  contacts: [
    {
      id: '0190f1a0-0000-7000-8000-0000000000cc',
      kind: 'emergency',
      name: 'Obi Okafor',
      relationship: 'brother',
      phone: '+447700900555',
      email: null,
    },
  ],
  allergies: [],
  alerts: [],
  insurance: [],
};

describe('formFromRecord', () => {
  it('fills every field the record has, dates in the clinic format, the national id blank', () => {
    const values = formFromRecord(RECORD, 'DD/MM/YYYY');
    expect(values).toMatchObject({
      dob: '09/03/1980',
      genderIdentity: 'woman',
      region: 'West Yorkshire',
      country: 'United Kingdom',
      notes: 'Prefers mornings.\nHard of hearing on the left.',
      nationalId: '',
      middleName: '',
      deceasedDate: '',
      active: true,
    });
    // Every phone, in order, keyed by its id, the primary where it was.
    expect(values.phones).toEqual([
      { key: MOBILE_ID, id: MOBILE_ID, kind: 'mobile', number: '+447700900123', isPrimary: false },
      { key: HOME_ID, id: HOME_ID, kind: 'home', number: '+441130000000', isPrimary: false },
      { key: WORK_ID, id: WORK_ID, kind: 'work', number: '+441139999999', isPrimary: true },
    ]);
  });
});

describe('the phones editor rows', () => {
  it('adds the first kind not yet used, with a fresh key; primary only when no row is', () => {
    const one = EMPTY_FORM.phones;
    const two = withNewPhone(one);
    expect(two[1]).toEqual({ key: 'new-2', kind: 'home', number: '', isPrimary: false });
    const three = withNewPhone(two);
    expect(three[2]).toMatchObject({ key: 'new-3', kind: 'work' });
    expect(withNewPhone(three)[3]).toMatchObject({ key: 'new-4', kind: 'mobile' });
    // A key freed by removing is not handed out twice while its namesake is still there.
    const gapped = withoutPhone(three, 'new-1');
    expect(withNewPhone(gapped)[2]?.key).toBe('new-4');
    expect(withNewPhone([])[0]).toMatchObject({ kind: 'mobile', isPrimary: true });
  });

  it('moves the primary with the radio; removing the primary makes the first row left primary', () => {
    const rows = formFromRecord(RECORD, 'YYYY-MM-DD').phones;
    expect(withPrimaryPhone(rows, HOME_ID).map((row) => row.isPrimary)).toEqual([false, true, false]);
    expect(withoutPhone(rows, WORK_ID).map((row) => [row.key, row.isPrimary])).toEqual([
      [MOBILE_ID, true],
      [HOME_ID, false],
    ]);
    expect(withoutPhone(rows, HOME_ID).map((row) => row.isPrimary)).toEqual([false, true]);
  });
});

describe('createInputFrom and updateInputFrom', () => {
  const typed: PatientFormValues = {
    ...EMPTY_FORM,
    firstName: 'Ben',
    lastName: 'Adeyemi',
    dob: '02/11/1975',
    genderIdentity: 'non-binary',
    phones: [
      { key: 'new-1', kind: 'mobile', number: '07700 900777', isPrimary: false },
      { key: 'new-2', kind: 'home', number: '  ', isPrimary: false },
      { key: 'new-3', kind: 'work', number: '0113 496 0000', isPrimary: true },
    ],
    region: 'West Yorkshire',
    country: 'United Kingdom',
    notes: 'Line one\nLine two',
  };

  it('registers: dates parsed, blanks as null, blank phone rows left out, the chosen primary marked', () => {
    const input = createInputFrom(typed, 'DD/MM/YYYY', ['0190f1a0-0000-7000-8000-0000000000dd']);
    expect(input).toEqual({
      firstName: 'Ben',
      middleName: null,
      lastName: 'Adeyemi',
      preferredName: null,
      dob: '1975-11-02',
      sex: 'unknown',
      genderIdentity: 'non-binary',
      email: null,
      phones: [
        { kind: 'mobile', number: '07700 900777', isPrimary: false },
        { kind: 'work', number: '0113 496 0000', isPrimary: true },
      ],
      address: {
        line1: null,
        line2: null,
        city: null,
        region: 'West Yorkshire',
        postalCode: null,
        country: 'United Kingdom',
      },
      preferredLanguage: null,
      notes: 'Line one\nLine two',
      deceasedDate: null,
      nationalId: undefined,
      notDuplicateOf: ['0190f1a0-0000-7000-8000-0000000000dd'],
    });
    expect('active' in input).toBe(false);
    // The rows behind each position sent, for main's `phones.N.…` errors.
    expect(phonesFrom(typed).rowKeys).toEqual(['new-1', 'new-3']);
  });

  it('edits: kept phones keep their ids, a removed one is absent, a new one has none; contacts go back unchanged', () => {
    let values = formFromRecord(RECORD, 'YYYY-MM-DD');
    values = { ...values, phones: withPrimaryPhone(withoutPhone(values.phones, HOME_ID), MOBILE_ID) };
    const added = withNewPhone(values.phones);
    values = {
      ...values,
      phones: added.map((row, index) => (index === added.length - 1 ? { ...row, number: '0113 496 1111' } : row)),
      active: false,
      region: '',
    };
    const input = updateInputFrom(values, 'YYYY-MM-DD', RECORD, []);
    expect(input.phones).toEqual([
      { id: MOBILE_ID, kind: 'mobile', number: '+447700900123', isPrimary: true },
      { id: WORK_ID, kind: 'work', number: '+441139999999', isPrimary: false },
      { kind: 'home', number: '0113 496 1111', isPrimary: false },
    ]);
    expect(input).toMatchObject({
      patientId: RECORD.id,
      expectedUpdatedAt: RECORD.updatedAt,
      active: false,
      dob: '1980-03-09',
      address: { region: null, country: 'United Kingdom' },
      contacts: RECORD.contacts,
    });
    // The national id is left out unless typed: main keeps the one on file.
    expect(input.nationalId).toBeUndefined();
    expect(updateInputFrom({ ...values, nationalId: 'QQ 12 34 56 C' }, 'YYYY-MM-DD', RECORD, []).nationalId).toBe(
      'QQ 12 34 56 C',
    );
  });

  it('an unchanged form sends the record back as it was', () => {
    const input = updateInputFrom(formFromRecord(RECORD, 'MM/DD/YYYY'), 'MM/DD/YYYY', RECORD, []);
    expect(input).toMatchObject({
      firstName: 'Ada',
      preferredName: 'Addy',
      dob: '1980-03-09',
      sex: 'female',
      genderIdentity: 'woman',
      email: 'ada@example.com',
      address: RECORD.address,
      preferredLanguage: 'Igbo',
      notes: RECORD.notes,
      deceasedDate: null,
      active: true,
      phones: RECORD.phones,
    });
  });
});

describe('formErrorsFrom', () => {
  it('puts phone errors on the row they came from, address errors on their field, the rest by the button', () => {
    const { byName, unplaced } = formErrorsFrom(
      {
        'phones.1.number': 'must be a phone number of 6 to 15 digits',
        'phones.0.kind': 'must be one of mobile, home, work',
        'address.country': 'must be at most 80 characters',
        genderIdentity: 'must be at most 80 characters',
        dob: 'must not be in the future',
        phones: 'at most 6 phone numbers',
        'contacts.0.name': 'must not be empty',
      },
      ['new-1', 'new-3'],
    );
    expect(byName).toEqual({
      [phoneErrorName('new-3', 'number')]: 'must be a phone number of 6 to 15 digits',
      [phoneErrorName('new-1', 'kind')]: 'must be one of mobile, home, work',
      country: 'must be at most 80 characters',
      genderIdentity: 'must be at most 80 characters',
      dob: 'must not be in the future',
    });
    expect(unplaced).toEqual(['phones', 'contacts.0.name']);
  });
});

describe('the mapping against main', () => {
  let clinic: TestClinic | null = null;
  afterEach(async () => {
    await clinic?.close();
    clinic = null;
  });

  it('registers, edits (a phone removed, the primary moved) and main keeps the ids; a bad number is named by its row', async () => {
    clinic = await openTestClinic();
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await clinic.ok('admin', 'users.create', {
      username: 'rita',
      displayName: 'Rita Reception',
      role: 'receptionist',
      password: 'reception desk 1',
    });
    await clinic.ok('desk', 'auth.login', { username: 'rita', password: 'reception desk 1' });

    const typed: PatientFormValues = {
      ...EMPTY_FORM,
      firstName: 'Ben',
      lastName: 'Adeyemi',
      dob: '1975-11-02',
      genderIdentity: 'non-binary',
      phones: [
        { key: 'new-1', kind: 'mobile', number: '07700 900777', isPrimary: false },
        { key: 'new-2', kind: 'home', number: 'after six', isPrimary: false },
        { key: 'new-3', kind: 'work', number: '0113 496 0000', isPrimary: true },
      ],
      region: 'West Yorkshire',
      country: 'United Kingdom',
      notes: 'Line one\nLine two',
    };
    const refused = await clinic.call('desk', 'patients.create', createInputFrom(typed, 'YYYY-MM-DD', []));
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(formErrorsFrom(refused.error.details?.fields ?? {}, phonesFrom(typed).rowKeys).byName).toEqual({
      [phoneErrorName('new-2', 'number')]: 'must be a phone number of 6 to 15 digits',
    });

    const fixed = {
      ...typed,
      phones: typed.phones.map((row) => (row.key === 'new-2' ? { ...row, number: '0113 496 5555' } : row)),
    };
    const created = await clinic.ok('desk', 'patients.create', createInputFrom(fixed, 'YYYY-MM-DD', []));
    expect(created).toMatchObject({
      genderIdentity: 'non-binary',
      address: { region: 'West Yorkshire', country: 'United Kingdom' },
      notes: 'Line one\nLine two',
    });
    expect(created.phones.map((phone) => [phone.kind, phone.isPrimary])).toEqual([
      ['mobile', false],
      ['home', false],
      ['work', true],
    ]);

    const loaded = formFromRecord(created, 'YYYY-MM-DD');
    const home = loaded.phones[1]?.key ?? '';
    const mobile = loaded.phones[0]?.key ?? '';
    const edited = { ...loaded, phones: withPrimaryPhone(withoutPhone(loaded.phones, home), mobile), active: false };
    const updated = await clinic.ok('desk', 'patients.update', updateInputFrom(edited, 'YYYY-MM-DD', created, []));
    expect(updated.phones.map((phone) => [phone.id, phone.kind, phone.isPrimary])).toEqual([
      [created.phones[0]?.id, 'mobile', true],
      [created.phones[2]?.id, 'work', false],
    ]);
    expect(updated.active).toBe(false);
    // Loaded again, the form is what was saved: nothing shows as unsaved.
    expect(formFromRecord(updated, 'YYYY-MM-DD')).toEqual({ ...edited, phones: edited.phones });
  });
});
