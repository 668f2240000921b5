import { describe, expect, it } from 'vitest';
import { editDistance, scorePair, type PersonForMatching } from '../../src-main/core/patients/duplicates';

const base: PersonForMatching = {
  firstName: 'Catherine',
  lastName: 'Smith',
  dob: '1964-06-05',
  phoneTails: [],
  email: null,
  nationalId: null,
};
const codes = (a: PersonForMatching, b: PersonForMatching) => scorePair(a, b)?.reasons.map((r) => r.code) ?? [];

describe('duplicate reasons (pure scoring)', () => {
  it('same name and date of birth: strong', () => {
    const score = scorePair(base, { ...base });
    expect(score).toMatchObject({ strength: 'strong', reasons: [{ code: 'same_dob_same_name' }] });
    expect(score?.reasons[0]?.message).toBe('Same name and date of birth (1964-06-05)');
  });

  it('accents and capitals only', () => {
    const a = { ...base, firstName: 'José', lastName: 'Müller' };
    const b = { ...base, firstName: 'JOSE', lastName: 'Muller' };
    expect(codes(a, b)).toEqual(['same_dob_name_accents']);
    expect(scorePair(a, b)?.strength).toBe('strong');
  });

  it('first and last names transposed', () => {
    expect(
      codes({ ...base, firstName: 'Minh', lastName: 'Nguyen' }, { ...base, firstName: 'Nguyen', lastName: 'Minh' }),
    ).toEqual(['same_dob_name_transposed']);
  });

  it('names that sound alike (Double Metaphone)', () => {
    expect(codes(base, { ...base, firstName: 'Kathryn' })).toEqual(['same_dob_name_phonetic']);
    expect(
      codes({ ...base, firstName: 'Sean', lastName: 'Thompson' }, { ...base, firstName: 'Sean', lastName: 'Tomson' }),
    ).toEqual(['same_dob_name_typo']);
    expect(codes({ ...base, lastName: 'Schmidt' }, { ...base, lastName: 'Smith' })).toEqual(['same_dob_name_phonetic']);
  });

  it('a typing slip within the edit distance', () => {
    expect(editDistance('catherine', 'cathreine')).toBe(1);
    expect(codes(base, { ...base, firstName: 'Cstherine', lastName: 'Smiht' })).toEqual(['same_dob_name_typo']);
    expect(codes({ ...base, firstName: 'Jon' }, { ...base, firstName: 'Jo' })).toEqual([]);
  });

  it('day and month swapped with the same name', () => {
    const score = scorePair(base, { ...base, dob: '1964-05-06' }, 'DD/MM/YYYY');
    expect(score?.reasons).toEqual([
      {
        code: 'swapped_dob_same_name',
        message: 'Same name and a date of birth with day and month swapped (05/06/1964 / 06/05/1964)',
      },
    ]);
    expect(score?.strength).toBe('possible');
  });

  it('same phone, same email, same national id', () => {
    const other = { ...base, dob: '1990-01-01' };
    expect(codes({ ...base, phoneTails: ['770090012'] }, { ...other, phoneTails: ['770090012'] })).toEqual([
      'same_phone',
    ]);
    expect(codes({ ...base, email: 'cat@example.com' }, { ...other, email: 'CAT@example.com' })).toEqual([
      'same_email',
    ]);
    const national = scorePair(
      { ...base, nationalId: 'AB123456' },
      { ...other, firstName: 'Kate', nationalId: 'AB123456' },
    );
    expect(national).toMatchObject({
      strength: 'strong',
      reasons: [{ code: 'same_national_id', message: 'Same national id (ending 3456)' }],
    });
  });

  it('adds reasons up: same name, date of birth and phone', () => {
    const score = scorePair({ ...base, phoneTails: ['770090012'] }, { ...base, phoneTails: ['770090012'] });
    expect(score?.reasons.map((r) => r.code)).toEqual(['same_dob_same_name', 'same_phone']);
    expect(score?.score).toBe(100);
  });

  it('does NOT flag twins: same birthday, surname, phone and email, different first names', () => {
    const emma: PersonForMatching = {
      firstName: 'Emma',
      lastName: 'Thompson',
      dob: '2015-03-14',
      phoneTails: ['770090012'],
      email: 'thompsons@example.com',
    };
    const olivia: PersonForMatching = { ...emma, firstName: 'Olivia' };
    expect(scorePair(emma, olivia)).toBeNull();
  });

  it('does NOT flag the same name born on another day, or different people born the same day', () => {
    expect(scorePair(base, { ...base, dob: '1971-02-17' })).toBeNull();
    expect(scorePair(base, { ...base, firstName: 'Mohammed', lastName: 'Khan' })).toBeNull();
  });
});
