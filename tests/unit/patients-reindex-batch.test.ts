import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../src-main/core/ids';
import { reindexPatients } from '../../src-main/core/patients/search-index-repository';
import { ADMIN, openTestClinic, type TestClinic } from '../helpers/temp-core';

// A sync batch or snapshot step changes patients' rows directly and then reindexes them all at once,
// with the full-text rows written last (search-index-repository.ts): the search must find what the
// rows now say, and each patient once.

let clinic: TestClinic;
beforeEach(async () => {
  clinic = await openTestClinic();
  await clinic.ok('admin', 'auth.login', { username: ADMIN.username, password: ADMIN.password });
});
afterEach(async () => {
  await clinic.close();
});

const register = async (firstName: string, lastName: string) =>
  (await clinic.ok('admin', 'patients.create', { firstName, lastName, dob: '1980-12-10' })).id;

const found = async (query: string) =>
  (await clinic.ok('admin', 'patients.search', { query, limit: 50 })).map((row) => row.id);

/** As the sync apply writes them: the row only, the index left to the reindex. */
function insertRawPatient(firstName: string, lastName: string, mrn: string): string {
  const id = newId();
  const now = clinic.clock.now;
  clinic.core.database.handle
    .prepare(
      `INSERT INTO patients (id, mrn, first_name, last_name, dob, sex, active, created_at, updated_at)
       VALUES (?, ?, ?, ?, '1990-01-02', 'unknown', 1, ?, ?)`,
    )
    .run(id, mrn, firstName, lastName, now, now);
  return id;
}

/** 0 → 'aaa', 1 → 'aab', ...: a name part of its own for each patient. */
const letters = (i: number) =>
  [676, 26, 1].map((unit) => String.fromCharCode(97 + (Math.floor(i / unit) % 26))).join('');

const reindex = (ids: string[]) => clinic.core.database.db.transaction().execute((trx) => reindexPatients(trx, ids));

describe('reindexPatients: a batch of changed patients', () => {
  it('finds the renamed under the new name, loses the deleted, finds the new, each once', async () => {
    const renamed = await register('Ada', 'Lovelace');
    const deleted = await register('Grace', 'Hopper');
    const untouched = await register('Alan', 'Turing');
    const handle = clinic.core.database.handle;
    handle.prepare("UPDATE patients SET last_name = 'Byronshaw' WHERE id = ?").run(renamed);
    handle.prepare('UPDATE patients SET deleted_at = ? WHERE id = ?').run(clinic.clock.now, deleted);
    const added = insertRawPatient('Katherine', 'Johnsonwell', 'SYNC000001');

    await reindex([renamed, deleted, added, renamed]);

    expect(await found('byronshaw')).toEqual([renamed]);
    // A substring from inside the name goes through the trigram index.
    expect(await found('ronsha')).toEqual([renamed]);
    expect(await found('lovelace')).toEqual([]);
    expect(await found('hopper')).toEqual([]);
    expect(await found('ohnsonwe')).toEqual([added]);
    expect(await found('sync000001')).toEqual([added]);
    expect(await found('turing')).toEqual([untouched]);
  });

  it('indexes hundreds of new patients in one transaction, each findable by a substring of its own', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 300; i += 1) {
      ids.push(insertRawPatient('Batch', `Zed${letters(i)}ington`, `BATCH${String(i).padStart(4, '0')}`));
    }
    // Out of order and with a repeat, as touched rows come.
    await reindex([...ids].reverse().concat(ids.slice(0, 10)));

    for (const i of [0, 1, 149, 298, 299]) {
      expect(await found(`d${letters(i)}ingt`)).toEqual([ids[i]]);
    }
    const rows = clinic.core.database.handle
      .prepare('SELECT count(*) FROM patient_fts WHERE patient_fts MATCH \'"batch"\'')
      .pluck()
      .get() as number;
    expect(rows).toBe(300);
  });
});
