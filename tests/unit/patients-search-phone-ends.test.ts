import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api/contract';
import { openReceptionClinic, type TestClinic } from '../helpers/temp-core';

/**
 * Digits typed alone find, best first, an exact MRN or national id, a date of birth, then the phones that
 * end with them (one B-tree range over reversed digits, whatever the clinic's size); only when none of
 * those match do they look anywhere inside every phone and MRN (the trigram index, which grows with the
 * clinic). Issue 22: a phone search at a million patients took 3.5 times what it took at 100k.
 */

let clinic: TestClinic;

beforeEach(async () => {
  clinic = await openReceptionClinic();
});
afterEach(async () => {
  await clinic.close();
});

type Draft = Input<'patients.create'>;
const register = (draft: Partial<Draft> & Pick<Draft, 'firstName' | 'lastName' | 'dob'>) =>
  clinic.ok('desk', 'patients.create', draft);
const search = (query: string) => clinic.ok('desk', 'patients.search', { query, limit: 20 });
const found = async (query: string) => (await search(query)).map((row) => `${row.name} (${row.matchedOn})`);

async function registerThree() {
  // Ada's number ends with 4567; Ben's has 4567 in its middle; Cal has two phones.
  const ada = await register({
    firstName: 'Ada',
    lastName: 'Ames',
    dob: '1970-02-03',
    phones: [{ kind: 'home', number: '020 7946 4567' }],
  });
  const ben = await register({
    firstName: 'Ben',
    lastName: 'Bell',
    dob: '1981-04-05',
    phones: [{ kind: 'mobile', number: '07700 456789' }],
  });
  const cal = await register({
    firstName: 'Cal',
    lastName: 'Cole',
    dob: '1992-06-07',
    phones: [
      { kind: 'mobile', number: '+44 7700 900321', isPrimary: true },
      { kind: 'work', number: '0161 496 0000' },
    ],
  });
  return { ada, ben, cal };
}

describe('patients.search by the end of a phone number', () => {
  it('finds the phones that end with the digits, and then not those with the digits in their middle', async () => {
    await registerThree();
    expect(await found('4567')).toEqual(['Ames, Ada (phone)']);
    expect(await found('456789')).toEqual(['Bell, Ben (phone)']);
    // The whole number with its trunk zero, or without; the country code typed or left out; any phone of several.
    expect(await found('020 7946 4567')).toEqual(['Ames, Ada (phone)']);
    expect(await found('2079464567')).toEqual(['Ames, Ada (phone)']);
    expect(await found('07700 900321')).toEqual(['Cole, Cal (phone)']);
    expect(await found('+44 7700 900321')).toEqual(['Cole, Cal (phone)']);
    expect(await found('496 0000')).toEqual(['Cole, Cal (phone)']);
    // Fewer than three digits are not looked for as a phone's end.
    expect(await found('7')).toEqual([]);
    expect(await found('67')).toEqual([]);
    expect(await found('567')).toEqual(['Ames, Ada (phone)']);
  });

  it('looks inside numbers only when no MRN, date or phone end matched', async () => {
    const { ben } = await registerThree();
    // Ben's area code, at the start of his number: nothing ends with it, so the substring match finds him.
    expect(await found('7700 45')).toEqual(['Bell, Ben (phone)']);
    expect(await found('7946 45')).toEqual(['Ames, Ada (phone)']);
    // An MRN typed as its number: that patient, and not the numbers that merely hold those digits.
    expect(ben.mrn).toBe('P000002');
    expect(await found('000002')).toEqual(['Bell, Ben (mrn)']);
  });

  it('follows a phone changed, and a patient merged into another', async () => {
    const { ada, ben } = await registerThree();
    const record = await clinic.ok('desk', 'patients.get', { patientId: ada.id });
    await clinic.ok('desk', 'patients.update', {
      ...record,
      patientId: ada.id,
      expectedUpdatedAt: record.updatedAt,
      phones: [{ kind: 'mobile', number: '07123 111222', isPrimary: true }],
      nationalId: undefined,
    });
    // No phone ends with 4567 any more, so the digits are looked for inside numbers: Ben's.
    expect(await found('4567')).toEqual(['Bell, Ben (phone)']);
    expect(await found('111222')).toEqual(['Ames, Ada (phone)']);

    const db = clinic.core.database.db;
    const suffixes = async () =>
      (await db.selectFrom('patient_phone_suffixes').select('reversed').orderBy('reversed').execute()).map(
        (row) => row.reversed,
      );
    expect(await suffixes()).toEqual(['00006941610', '123009007744', '22211132170', '98765400770']);

    // Merged into Ada, Ben is found no more; his phone, now Ada's, finds her.
    await clinic.ok('admin', 'patients.merge', { survivorId: ada.id, mergedId: ben.id });
    expect(await found('bell')).toEqual([]);
    expect(await found('456789')).toEqual(['Ames, Ada (phone)']);
  });
});
