import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dobLikeness, nearDates } from '../../src-main/core/patients/duplicate-fields';
import { scorePair, type PersonForMatching } from '../../src-main/core/patients/duplicates';
import type { Input } from '../../src-shared/api/contract';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

const home = { line1: '12 Calle del Sol', line2: null, city: 'Sevilla', postalCode: '41001' };
const maria: PersonForMatching = {
  firstName: 'María Luisa',
  lastName: 'Razo',
  dob: '1988-03-14',
  address: home,
};
const codes = (a: PersonForMatching, b: PersonForMatching) => scorePair(a, b)?.reasons.map((r) => r.code) ?? [];
const strength = (a: PersonForMatching, b: PersonForMatching) => scorePair(a, b)?.strength ?? 'none';

describe('compound names (pure scoring)', () => {
  it('finds María Luisa Razo from Maria Razo, Marie Razo and Maria Razo Lopez born the same day', () => {
    const typed = (firstName: string, lastName: string): PersonForMatching => ({
      firstName,
      lastName,
      dob: '1988-03-14',
    });
    expect(codes(typed('Maria', 'Razo'), maria)).toEqual(['same_dob_name_compound']);
    expect(strength(typed('Maria', 'Razo'), maria)).toBe('strong');
    expect(codes(typed('Marie', 'Razo'), maria)[0]).toMatch(/^same_dob_name_(phonetic|typo)$/);
    expect(strength(typed('Marie', 'Razo'), maria)).toBe('strong');
    expect(codes(typed('Maria', 'Razo Lopez'), maria)).toEqual(['same_dob_name_compound']);
    expect(codes(typed('Maria', 'Razo López'), { ...maria, lastName: 'Razo-Lopez' })).toEqual([
      'same_dob_name_compound',
    ]);
    expect(scorePair(typed('Maria', 'Razo'), maria)?.reasons[0]?.message).toBe(
      'One name contains the other (Maria Razo / María Luisa Razo) and same date of birth (1988-03-14)',
    );
  });

  it('a middle name typed into the first name, or left out, is the same name', () => {
    const split = { ...maria, firstName: 'Maria', middleName: 'Luisa' };
    expect(codes(split, maria)).toEqual(['same_dob_name_accents', 'same_address']);
    expect(codes({ ...maria, firstName: 'Luisa' }, maria)).toEqual(['same_dob_name_compound', 'same_address']);
  });

  it('hyphens, joined and particles: Ana-Sofia Pereira, João dos Santos, van der Berg', () => {
    const ana: PersonForMatching = { firstName: 'Ana-Sofia', lastName: 'Pereira', dob: '1990-01-02' };
    expect(codes({ ...ana, firstName: 'Ana Sofia' }, ana)).toEqual(['same_dob_name_accents']);
    expect(codes({ ...ana, firstName: 'Anasofia' }, ana)).toEqual(['same_dob_name_accents']);
    expect(codes({ ...ana, firstName: 'Ana' }, ana)).toEqual(['same_dob_name_compound']);
    expect(codes({ ...ana, lastName: 'Pereira-Smith' }, ana)).toEqual(['same_dob_name_compound']);

    const joao: PersonForMatching = { firstName: 'João', lastName: 'dos Santos', dob: '1975-11-30' };
    for (const lastName of ['Santos', 'Dos Santos', 'Dos-Santos', 'Dossantos', 'dos Santos Silva'])
      expect(scorePair({ ...joao, firstName: 'Joao', lastName }, joao)?.strength).toBe('strong');
    const berg: PersonForMatching = { firstName: 'Pieter', lastName: 'van der Berg', dob: '1960-05-05' };
    expect(scorePair({ ...berg, lastName: 'Berg' }, berg)?.strength).toBe('strong');
    expect(scorePair({ ...berg, lastName: 'Vanderberg' }, berg)?.strength).toBe('strong');
  });

  it('with a different or missing date of birth, the same name counts only at the same address', () => {
    const moved = { ...maria, dob: '1988-03-15' };
    expect(codes({ ...maria, firstName: 'Maria' }, moved)).toEqual(['near_dob_same_name', 'same_address']);
    expect(codes({ ...maria, firstName: 'Maria', address: null }, { ...maria, dob: '1970-01-01' })).toEqual([]);
    // A father and son of one name at one home: shown, but only as possible (the dates differ).
    const father: PersonForMatching = { firstName: 'John', lastName: 'Smith', dob: '1950-02-03', address: home };
    const son = { ...father, dob: '1980-07-08' };
    expect(codes(son, father)).toEqual(['same_address_same_name']);
    expect(strength(son, father)).toBe('possible');
  });

  it('dates of birth one slip apart: one digit, or two neighbours swapped, still a real date', () => {
    expect(dobLikeness('1988-03-14', '1988-03-24')).toBe('near');
    expect(dobLikeness('1988-03-14', '1898-03-14')).toBe('near');
    expect(dobLikeness('1988-03-14', '1988-14-03')).toBeNull();
    expect(dobLikeness('1988-03-14', '1988-03-14')).toBe('same');
    expect(nearDates('1988-03-14')).toContain('1988-03-15');
    expect(nearDates('1988-03-14')).not.toContain('1988-03-41');
  });
});

describe('families are not duplicates (pure scoring)', () => {
  const phone = ['612345678'];
  it('siblings at one address with one phone: other first names, other birthdays', () => {
    const sister: PersonForMatching = { ...maria, firstName: 'Ana', dob: '1990-05-02', phoneTails: phone };
    expect(scorePair({ ...maria, phoneTails: phone }, sister)).toBeNull();
    expect(
      scorePair({ ...maria, firstName: 'Maria', lastName: 'Razo Lopez' }, { ...sister, lastName: 'Razo Lopez' }),
    ).toBeNull();
  });

  it('twins: one birthday, surname, address, phone and email, different first names', () => {
    const emma: PersonForMatching = {
      firstName: 'Emma',
      lastName: 'Thompson',
      dob: '2015-03-14',
      address: home,
      phoneTails: phone,
      email: 'thompsons@example.com',
    };
    expect(scorePair(emma, { ...emma, firstName: 'Olivia' })).toBeNull();
    // Compound first names sharing a word are still two people: María José and María Fernanda.
    const mj: PersonForMatching = { ...emma, firstName: 'María José', lastName: 'Razo' };
    expect(scorePair(mj, { ...mj, firstName: 'María Fernanda' })).toBeNull();
    expect(scorePair({ ...mj, firstName: 'Ana Luisa' }, { ...mj, firstName: 'María Luisa' })).toBeNull();
  });
});

describe('compound names through the procedures', () => {
  let clinic: TestClinic;
  beforeEach(async () => {
    clinic = await openTestClinic();
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    await clinic.ok('admin', 'settings.update', { dateFormat: 'DD/MM/YYYY' });
  });
  afterEach(async () => {
    await clinic.close();
  });
  const address = { line1: '12 Calle del Sol', city: 'Sevilla', postalCode: '41001' };
  const find = async (draft: Input<'patients.findDuplicates'>) =>
    (await clinic.ok('admin', 'patients.findDuplicates', draft)).map((c) => [
      c.patient.name,
      c.reasons.map((r) => r.code),
    ]);

  it('warns while typing Maria Razo, refuses to save her over María Luisa Razo, and lets her twin sister through', async () => {
    await clinic.ok('admin', 'patients.create', {
      firstName: 'María Luisa',
      lastName: 'Razo',
      dob: '1988-03-14',
      address,
    });
    expect(await find({ firstName: 'Maria', lastName: 'Razo', dob: '14/03/1988' })).toEqual([
      ['Razo, María Luisa', ['same_dob_name_compound']],
    ]);
    expect(await find({ firstName: 'Maria', lastName: 'Razo Lopez', dob: '14/03/1988', address })).toEqual([
      ['Razo, María Luisa', ['same_dob_name_compound', 'same_address']],
    ]);
    // Date of birth mistyped by a digit, the postcode typed another way: found by name and postcode.
    expect(
      await find({ firstName: 'Marie', lastName: 'Razo', dob: '14/03/1989', address: { postalCode: ' 41-001 ' } }),
    ).toEqual([['Razo, María Luisa', ['near_dob_same_name']]]);
    // No date of birth yet: the same name at the same home.
    expect(await find({ firstName: 'Maria', lastName: 'Razo', address })).toEqual([
      ['Razo, María Luisa', ['same_address_same_name']],
    ]);

    const refused = await clinic.call('admin', 'patients.create', {
      firstName: 'Maria',
      lastName: 'Razo',
      dob: '1988-03-14',
      address,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    const twin = { firstName: 'Ana Sofía', lastName: 'Razo', dob: '1988-03-14', address };
    expect(await find(twin)).toEqual([]);
    await clinic.ok('admin', 'patients.create', twin);
    // A brother at the same address, born another year: nothing to say.
    expect(await find({ firstName: 'Pablo', lastName: 'Razo', dob: '01/02/1992', address })).toEqual([]);
  });
});
