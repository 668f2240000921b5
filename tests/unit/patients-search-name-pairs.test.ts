import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../src-shared/api/contract';
import { openReceptionClinic, type TestClinic } from '../helpers/temp-core';

/**
 * Two name words typed ("smi jo") are looked up by the pairs of each patient's name words
 * (patient_name_pairs, migration 0049): every word of the longest typed word's range, then the other
 * typed word's range inside it. The order: the name word the longest typed word matched, then the one
 * the other matched, then the name. Issue 22: the old scan grew with the patients sharing the first word.
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
const names = async (query: string, limit = 20) =>
  (await clinic.ok('desk', 'patients.search', { query, limit })).map((row) => row.name);

describe('patients.search by two name words', () => {
  it('finds each pair of words in either order, word by word, and follows renames and merges', async () => {
    const john = await register({ firstName: 'John', middleName: 'James', lastName: 'Smith', dob: '1970-01-01' });
    await register({ firstName: 'Jane', lastName: 'Smith', dob: '1971-01-01' });
    await register({ firstName: 'Joan', lastName: 'Smithers', dob: '1972-01-01' });
    const maria = await register({ firstName: 'Maria', lastName: 'Lopez', dob: '1973-01-01' });

    // smith (james, jane, john), then smithers (joan): the j-word each matched orders them within a surname,
    // so a middle name that matched puts its patient where that word falls.
    expect(await names('smi j')).toEqual(['Smith, John James', 'Smith, Jane', 'Smithers, Joan']);
    expect(await names('j smi')).toEqual(['Smith, John James', 'Smith, Jane', 'Smithers, Joan']);
    expect(await names('john smith')).toEqual(['Smith, John James']);
    expect(await names('jo smithers')).toEqual(['Smithers, Joan']);
    // Three words: the third narrows.
    expect(await names('smith j james')).toEqual(['Smith, John James']);
    // Both typed words may match the same name word, as one word alone would.
    expect(await names('ma mar')).toEqual(['Lopez, Maria']);
    expect(await names('jo lopez')).toEqual([]);

    const record = await clinic.ok('desk', 'patients.get', { patientId: maria.id });
    await clinic.ok('desk', 'patients.update', {
      ...record,
      patientId: maria.id,
      expectedUpdatedAt: record.updatedAt,
      lastName: 'Jordan',
      nationalId: undefined,
    });
    expect(await names('ma lop')).toEqual([]);
    expect(await names('ma jor')).toEqual(['Jordan, Maria']);

    await clinic.ok('admin', 'patients.merge', { survivorId: maria.id, mergedId: john.id });
    expect(await names('john smith')).toEqual([]);
    const db = clinic.core.database.db;
    const keys = await db.selectFrom('patient_name_pairs').select('key').distinct().execute();
    expect(keys).toHaveLength(3);
  });

  it('does not let one patient with many matching words crowd out the next', async () => {
    // Eleven words of his name start with j, before the one of hers: more rows than one page asks for.
    await register({
      firstName: 'Jo',
      middleName: 'Jag Jax Jem Jib Jon Jot Joy Jud Jut',
      lastName: 'Smith',
      dob: '1980-01-01',
    });
    await register({ firstName: 'Kate', middleName: 'Jz', lastName: 'Smith', dob: '1981-01-01' });
    expect(await names('smith j', 2)).toEqual(['Smith, Jo Jag Jax Jem Jib Jon Jot Joy Jud Jut', 'Smith, Kate Jz']);
  });
});
