import { afterEach, describe, expect, it } from 'vitest';
import { generatePatients, seedPatients } from '../../src-main/core/patients/seed';
import { reindexPatient } from '../../src-main/core/patients/search-index-repository';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

let clinic: TestClinic | undefined;
afterEach(async () => {
  await clinic?.close();
  clinic = undefined;
});

const content = (count: number, seed: number) =>
  [...generatePatients(count, seed, (i) => `P${i}`)].map(({ id: _id, ...rest }) => rest);

describe('seed data', () => {
  it('is the same for the same seed and different for another', () => {
    expect(content(300, 11)).toEqual(content(300, 11));
    expect(content(300, 11)).not.toEqual(content(300, 12));
    const names = content(2000, 11).map((p) => `${p.firstName} ${p.lastName}`);
    expect(names.some((name) => /[^ -~]/.test(name))).toBe(true);
  });

  it('writes patients the search finds, with an index identical to what the repository writes', async () => {
    clinic = await openTestClinic();
    await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
    const { handle, db } = clinic.core.database;
    expect(seedPatients(handle, 3000, 5, clinic.clock.now)).toBe(3000);
    const count = (sql: string) => (handle.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM patients')).toBe(3000);
    expect(count('SELECT count(*) AS n FROM patient_search')).toBe(3000);
    expect(count('SELECT count(*) AS n FROM patient_fts')).toBe(3000);
    expect(count('SELECT count(*) AS n FROM patient_settings WHERE mrn_next = 3001')).toBe(1);

    // Some near-duplicates: the same date of birth and phone under another record.
    expect(
      count(
        'SELECT count(*) AS n FROM (SELECT tail FROM patient_phones GROUP BY tail HAVING count(DISTINCT patient_id) > 1)',
      ),
    ).toBeGreaterThan(5);

    const sample = handle.prepare('SELECT id, last_name FROM patients ORDER BY rowid LIMIT 1 OFFSET 1234').get() as {
      id: string;
      last_name: string;
    };
    const snapshot = () => ({
      search: handle
        .prepare('SELECT sort_name, name_words, dob, phones, mrn, email FROM patient_search WHERE patient_id = ?')
        .get(sample.id),
      tokens: handle
        .prepare(
          'SELECT token, name_words FROM patient_name_tokens WHERE key = (SELECT key FROM patient_search WHERE patient_id = ?) ORDER BY token',
        )
        .all(sample.id),
    });
    const seeded = snapshot();
    await db.transaction().execute((trx) => reindexPatient(trx, sample.id));
    expect(snapshot()).toEqual(seeded);

    const found = await clinic.ok('admin', 'patients.search', { query: sample.last_name, limit: 50 });
    expect(found.length).toBeGreaterThan(0);
  });
});
