import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

/**
 * Migration 0048 (the phones' reversed digits for search): on a database that already holds patients,
 * every live phone of a findable patient gets its row, a deleted phone and a patient out of the search
 * index (merged or deleted) none, and a number held twice by one patient one row.
 */

const databases = migratedDatabases();
afterEach(databases.removeAll);

const patient = `INSERT INTO patients (id, mrn, first_name, last_name, dob, created_at, updated_at) VALUES (?, ?, ?, 'Test', '1980-01-01', 1, 1)`;
const phone = `INSERT INTO patient_phones (id, patient_id, kind, number, tail, position, created_at, updated_at, deleted_at)
  VALUES (?, ?, 'mobile', ?, '', ?, 1, 1, ?)`;
const indexed = `INSERT INTO patient_search (key, patient_id, sort_name, name_words, dob, phones, mrn, email)
  VALUES (?, ?, '', '', '1980-01-01', '', '', '')`;

describe('migration 0048 on a database with patients and phones', () => {
  it('writes the reversed digits of every live phone of every patient the search finds', () => {
    const handle = databases.at(47);
    const run = (text: string, ...args: (string | number | null)[]) => handle.prepare(text).run(...args);
    run(patient, 'ann', 'P1', 'Ann');
    run(patient, 'bob', 'P2', 'Bob');
    run(patient, 'gone', 'P3', 'Gone'); // merged or deleted: not in patient_search
    run(indexed, 7, 'ann');
    run(indexed, 9, 'bob');
    run(phone, 'a1', 'ann', '+447700900123', 0, null);
    run(phone, 'a2', 'ann', '020 7946 0958', 1, null);
    run(phone, 'a3', 'ann', '+44 7700 900123', 2, null); // the same digits again
    run(phone, 'a4', 'ann', '0161 496 0000', 3, 5); // deleted
    run(phone, 'b1', 'bob', '07700900999', 0, null);
    run(phone, 'g1', 'gone', '07700900555', 0, null);

    migrate(handle, 2_000);
    expect(
      handle.prepare('SELECT key, reversed FROM patient_phone_suffixes ORDER BY key, reversed').raw().all(),
    ).toEqual([
      [7, '321009007744'],
      [7, '85906497020'],
      [9, '99900900770'],
    ]);
    handle.close();
  });
});
