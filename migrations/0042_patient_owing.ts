import type { Migration } from './types';

/**
 * Issue 18: A/R ageing names the patients owing most, and found them by grouping every open invoice by
 * patient and sorting all of them (~170 ms at the bench's full size) to show fifty. `patient_owing` keeps
 * each patient's sum of open amounts (a local cache of `invoice_balances`, itself local), moved by
 * triggers in the writer's transaction however a balance changes (a payment, a write-off, sync's rebuild
 * of a cache row), and its index reads the largest first. `patient_open_minor` is a generated column, so
 * the update trigger watches every update and compares the old and new amounts.
 */
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

      CREATE TRIGGER patient_owing_insert AFTER INSERT ON invoice_balances WHEN NEW.patient_open_minor <> 0
      BEGIN
        INSERT INTO patient_owing (patient_id, owing_minor) VALUES (NEW.patient_id, NEW.patient_open_minor)
          ON CONFLICT (patient_id) DO UPDATE SET owing_minor = owing_minor + excluded.owing_minor;
      END;
      CREATE TRIGGER patient_owing_update AFTER UPDATE ON invoice_balances
        WHEN OLD.patient_open_minor IS NOT NEW.patient_open_minor OR OLD.patient_id IS NOT NEW.patient_id
      BEGIN
        UPDATE patient_owing SET owing_minor = owing_minor - OLD.patient_open_minor WHERE patient_id = OLD.patient_id;
        INSERT INTO patient_owing (patient_id, owing_minor) VALUES (NEW.patient_id, NEW.patient_open_minor)
          ON CONFLICT (patient_id) DO UPDATE SET owing_minor = owing_minor + excluded.owing_minor;
      END;
      CREATE TRIGGER patient_owing_delete AFTER DELETE ON invoice_balances WHEN OLD.patient_open_minor <> 0
      BEGIN
        UPDATE patient_owing SET owing_minor = owing_minor - OLD.patient_open_minor WHERE patient_id = OLD.patient_id;
      END;
    `);
  },
};
