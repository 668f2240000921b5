import type { Migration } from './types';

/**
 * Split billing in full (issue 15): the patient's part of an insured line is named — copay,
 * deductible, coinsurance — and whatever is left of it is not covered. A policy may carry its terms
 * (a copay per visit, a deductible per calendar year, a coinsurance rate), from which a draft's lines
 * are split on their own; the desk changes any figure before issuing. Columns are added with defaults
 * of 0 (or NULL: the terms are not known), so every existing invoice keeps its figures: its patient's
 * part reads as not covered.
 */
export const migration0025: Migration = {
  version: 25,
  name: 'cost_sharing',
  up(db) {
    db.exec(`
      ALTER TABLE patient_insurance ADD COLUMN copay_minor INTEGER CHECK (copay_minor >= 0);
      ALTER TABLE patient_insurance ADD COLUMN deductible_minor INTEGER CHECK (deductible_minor >= 0);
      ALTER TABLE patient_insurance ADD COLUMN coinsurance_ppm INTEGER CHECK (coinsurance_ppm BETWEEN 0 AND 1000000);

      ALTER TABLE invoice_lines ADD COLUMN copay_minor INTEGER NOT NULL DEFAULT 0 CHECK (copay_minor >= 0);
      ALTER TABLE invoice_lines ADD COLUMN deductible_minor INTEGER NOT NULL DEFAULT 0 CHECK (deductible_minor >= 0);
      ALTER TABLE invoice_lines ADD COLUMN coinsurance_minor INTEGER NOT NULL DEFAULT 0 CHECK (coinsurance_minor >= 0);
      ALTER TABLE invoices ADD COLUMN copay_minor INTEGER NOT NULL DEFAULT 0 CHECK (copay_minor >= 0);
      ALTER TABLE invoices ADD COLUMN deductible_minor INTEGER NOT NULL DEFAULT 0 CHECK (deductible_minor >= 0);
      ALTER TABLE invoices ADD COLUMN coinsurance_minor INTEGER NOT NULL DEFAULT 0 CHECK (coinsurance_minor >= 0);

      -- The named shares are parts of the patient's part, never more: whichever path writes a line.
      CREATE TRIGGER invoice_lines_shares_insert BEFORE INSERT ON invoice_lines
        WHEN NEW.copay_minor + NEW.deductible_minor + NEW.coinsurance_minor > NEW.patient_minor
      BEGIN SELECT RAISE(ABORT, 'copay, deductible and coinsurance are more than the patient''s part'); END;
      CREATE TRIGGER invoice_lines_shares_update BEFORE UPDATE ON invoice_lines
        WHEN NEW.copay_minor + NEW.deductible_minor + NEW.coinsurance_minor > NEW.patient_minor
      BEGIN SELECT RAISE(ABORT, 'copay, deductible and coinsurance are more than the patient''s part'); END;

      -- "How much of this policy's deductible is met this year" reads the policy's invoices.
      CREATE INDEX invoices_policy ON invoices (policy_id, issued_on) WHERE policy_id IS NOT NULL AND status = 'issued';
    `);
  },
};
