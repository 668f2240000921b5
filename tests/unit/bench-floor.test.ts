import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BENCH_DATE_FORMAT, BENCH_KEY, billingOf, ensureDataset, stockOf, type Dataset } from '../bench/dataset';
import { openOurs, QUERY_KINDS, sampleQueries, SearchFloor } from '../bench/patient-search';
import { openEncryptedHandle } from '../../src-main/core/db/open';

// The bench's own checks, on a small dataset: no timings here, only that the data has the expected
// shape and that the floor answers the very same rows as our procedure.

const PATIENTS = 300;
const SEED = 7;
let root: string;
let dataset: Dataset;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'front-desk-bench-test-'));
  dataset = await ensureDataset(PATIENTS, SEED, { root });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const count = (handle: BetterSqlite3.Database, sql: string) => handle.prepare(sql).pluck().get() as number;

describe('bench dataset', () => {
  it('is an encrypted clinic and an unencrypted copy holding the same seeded patients', () => {
    expect(dataset.built).toBe(true);
    expect(readFileSync(dataset.encrypted).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    expect(readFileSync(dataset.plain).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');

    const encrypted = openEncryptedHandle({ file: dataset.encrypted, key: BENCH_KEY, readonly: true });
    const plain = new BetterSqlite3(dataset.plain, { readonly: true });
    try {
      for (const handle of [encrypted, plain]) {
        expect(count(handle, 'SELECT count(*) FROM patients')).toBe(PATIENTS);
        expect(count(handle, 'SELECT count(*) FROM patient_search')).toBe(PATIENTS);
        expect(count(handle, 'SELECT count(*) FROM patient_fts')).toBe(PATIENTS);
        expect(count(handle, 'SELECT count(DISTINCT key) FROM patient_name_tokens')).toBe(PATIENTS);
        expect(
          count(handle, 'SELECT count(DISTINCT patient_id) FROM patient_phones WHERE is_primary = 1'),
        ).toBeGreaterThan(PATIENTS * 0.9);
        expect(handle.prepare('SELECT date_format FROM clinic_settings WHERE id = 1').pluck().get()).toBe(
          BENCH_DATE_FORMAT,
        );
      }
      const rows = (handle: BetterSqlite3.Database) =>
        handle.prepare('SELECT id, mrn, first_name, last_name, dob FROM patients ORDER BY mrn').all();
      expect(rows(plain)).toEqual(rows(encrypted));
      // Accented names and near-duplicates, as at a real front desk.
      expect(
        count(plain, "SELECT count(*) FROM patients WHERE first_name || last_name GLOB '*[^ -~]*'"),
      ).toBeGreaterThan(0);
      expect(
        count(plain, 'SELECT count(*) FROM (SELECT dob FROM patients GROUP BY dob HAVING count(*) > 1)'),
      ).toBeGreaterThan(0);
    } finally {
      encrypted.close();
      plain.close();
    }
  });

  it('is reused from the cache on the next run', async () => {
    const again = await ensureDataset(PATIENTS, SEED, { root });
    expect(again.built).toBe(false);
    expect(again.encrypted).toBe(dataset.encrypted);
  });

  it('seeds patients and appointments without billing or stock when asked (xl), in a folder of its own', async () => {
    const lean = await ensureDataset(PATIENTS, SEED, { root, appointments: 400, patientsAndAppointmentsOnly: true });
    expect(lean.dir).not.toBe(dataset.dir);
    expect(lean.billing).toBeNull();
    expect(() => billingOf(lean)).toThrow(/has no billing: run this suite at full size/);
    expect(() => stockOf(lean)).toThrow(/has no stock/);
    const handle = new BetterSqlite3(lean.plain, { readonly: true });
    try {
      expect(count(handle, 'SELECT count(*) FROM patients')).toBe(PATIENTS);
      expect(count(handle, 'SELECT count(*) FROM appointments')).toBe(400);
      expect(count(handle, 'SELECT count(*) FROM invoices')).toBe(0);
      expect(count(handle, 'SELECT count(*) FROM stock_movements')).toBe(0);
    } finally {
      handle.close();
    }
    expect(
      (await ensureDataset(PATIENTS, SEED, { root, appointments: 400, patientsAndAppointmentsOnly: true })).built,
    ).toBe(false);
  });

  it('samples the same queries of every kind for the same seed', () => {
    const queries = sampleQueries(dataset.plain, 60, SEED, BENCH_DATE_FORMAT);
    expect(queries).toHaveLength(60);
    expect(sampleQueries(dataset.plain, 60, SEED, BENCH_DATE_FORMAT)).toEqual(queries);
    expect(new Set(queries.map((q) => q.kind))).toEqual(new Set(QUERY_KINDS));
    // Dates of birth as the clinic types them (DD/MM/YYYY or compact DDMMYYYY).
    for (const q of queries.filter((query) => query.kind === 'dob'))
      expect(q.text).toMatch(/^(\d{2}\/\d{2}\/\d{4}|\d{8})$/);
  });
});

describe('bench floor', () => {
  it('answers every kind of query with the same patients, in the same order, as patients.search', async () => {
    const queries = sampleQueries(dataset.plain, 120, SEED, BENCH_DATE_FORMAT);
    const ours = await openOurs(dataset);
    const floor = new SearchFloor(dataset.plain);
    try {
      const withRows = new Set<string>();
      for (const query of queries) {
        // The patient and their next appointment: both answers do the same work.
        const expected = (await ours.search(query.text)).map(
          (row) => `${row.id} ${row.nextAppointment?.appointmentId ?? '-'}`,
        );
        const actual = floor.search(query).map((row) => `${row.id} ${row.next_id ?? '-'}`);
        expect({ query, ids: actual }).toEqual({ query, ids: expected });
        if (expected.length > 0) withRows.add(query.kind);
      }
      // Each kind found someone: the comparison is not vacuous.
      expect(withRows).toEqual(new Set(QUERY_KINDS));
    } finally {
      floor.close();
      await ours.core.close();
    }
  });
});
