import type { Migration } from './types';

/**
 * Issue 18: A/R ageing names the patients owing most, and found them by grouping every open invoice by
 * patient and sorting all of them (~150 ms at the bench's full size, 86,750 open invoices) to show fifty.
 * Two local caches of `invoice_balances` (itself local), moved by triggers in the writer's transaction
 * however a balance changes (a payment, a write-off, sync's rebuild of a cache row):
 * - `patient_owing`: each patient's sum of open amounts; its index reads the largest first.
 * - `patient_open_days`: the open amounts by issue date, with how many open rows are negative, so the
 *   totals by age are a few thousand days' sums (ageing cuts the buckets at read time, as of today).
 * `patient_open_minor` is a generated column, so the update trigger watches every update and compares
 * the old and new amounts.
 */
/** A balance row's amount added to both caches. */
const add = (row: 'NEW') => `
        INSERT INTO patient_owing (patient_id, owing_minor) VALUES (${row}.patient_id, ${row}.patient_open_minor)
          ON CONFLICT (patient_id) DO UPDATE SET owing_minor = owing_minor + excluded.owing_minor;
        INSERT INTO patient_open_days (issued_on, open_minor, negative_rows)
          VALUES (${row}.issued_on, ${row}.patient_open_minor, ${row}.patient_open_minor < 0)
          ON CONFLICT (issued_on) DO UPDATE SET open_minor = open_minor + excluded.open_minor,
            negative_rows = negative_rows + excluded.negative_rows;`;

/** A balance row's amount taken from both (its rows exist: the row was added when it was written). */
const take = (row: 'OLD') => `
        UPDATE patient_owing SET owing_minor = owing_minor - ${row}.patient_open_minor WHERE patient_id = ${row}.patient_id;
        UPDATE patient_open_days SET open_minor = open_minor - ${row}.patient_open_minor,
          negative_rows = negative_rows - (${row}.patient_open_minor < 0) WHERE issued_on = ${row}.issued_on;`;

export const migration0042: Migration = {
  version: 42,
  name: 'patient_owing',
  up(db) {
    db.exec(`
      CREATE TABLE patient_owing (
        patient_id TEXT PRIMARY KEY,
        owing_minor INTEGER NOT NULL
      ) WITHOUT ROWID, STRICT;
      INSERT INTO patient_owing (patient_id, owing_minor)
        SELECT patient_id, sum(patient_open_minor) FROM invoice_balances
        WHERE patient_open_minor <> 0 GROUP BY patient_id;
      -- Ageing's order: the largest first, then by id (as its GROUP BY sorted).
      CREATE INDEX patient_owing_largest ON patient_owing (owing_minor DESC, patient_id) WHERE owing_minor > 0;

      CREATE TABLE patient_open_days (
        issued_on TEXT PRIMARY KEY,
        open_minor INTEGER NOT NULL,
        negative_rows INTEGER NOT NULL
      ) WITHOUT ROWID, STRICT;
      INSERT INTO patient_open_days (issued_on, open_minor, negative_rows)
        SELECT issued_on, sum(patient_open_minor), sum(patient_open_minor < 0) FROM invoice_balances
        WHERE patient_open_minor <> 0 GROUP BY issued_on;

      CREATE TRIGGER patient_owing_insert AFTER INSERT ON invoice_balances WHEN NEW.patient_open_minor <> 0
      BEGIN
        ${add('NEW')}
      END;
      CREATE TRIGGER patient_owing_update AFTER UPDATE ON invoice_balances
        WHEN OLD.patient_open_minor IS NOT NEW.patient_open_minor OR OLD.patient_id IS NOT NEW.patient_id
          OR OLD.issued_on IS NOT NEW.issued_on
      BEGIN
        ${take('OLD')}
        ${add('NEW')}
      END;
      CREATE TRIGGER patient_owing_delete AFTER DELETE ON invoice_balances WHEN OLD.patient_open_minor <> 0
      BEGIN
        ${take('OLD')}
      END;
    `);
  },
};
