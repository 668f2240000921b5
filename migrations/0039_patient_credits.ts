import type { Migration } from './types';

/** Adds `delta` (an SQL expression) to a patient's stored credit. */
const move = (patient: string, delta: string) => `
        INSERT INTO patient_credits (patient_id, credit_minor) VALUES (${patient}, ${delta})
          ON CONFLICT (patient_id) DO UPDATE SET credit_minor = credit_minor + excluded.credit_minor;`;

/**
 * `patient_credits`: each patient's unallocated credit, the same sum accounts.ts defines (and
 * patientMoneyTotals still computes from the raw rows):
 *   payments not reversed − refunds − allocations (an allocation taken back is a negative one).
 * Issue 15/22: payments, issuing and the account summed four ledgers for it on every call.
 *
 * Kept by triggers on the ledgers' inserts, like `stock_balances` (migration 0023): the ledgers refuse
 * UPDATE and DELETE (migration 0013), a merge never moves billing rows (merge-repository.ts), and a row
 * arriving by sync is an INSERT too, so each desk's sum follows in the same transaction. A reversal may
 * arrive before its payment: the payment's trigger counts it only if no reversal names it, and the
 * reversal's only if the payment is there. Local to each desk; sync's cache rebuild also recomputes the
 * patients a pull touched from the raw rows (after-apply.ts), so a snapshot merge leaves it right.
 */
export const migration0039: Migration = {
  version: 39,
  name: 'patient_credits',
  up(db) {
    db.exec(`
      CREATE TABLE patient_credits (
        patient_id TEXT PRIMARY KEY,
        credit_minor INTEGER NOT NULL
      ) WITHOUT ROWID, STRICT;
      INSERT INTO patient_credits (patient_id, credit_minor)
        SELECT patient_id, sum(n) FROM (
          SELECT p.patient_id, p.amount_minor AS n FROM payments p
            WHERE NOT EXISTS (SELECT 1 FROM reversals r WHERE r.target_id = p.id)
          UNION ALL SELECT patient_id, -amount_minor FROM refunds
          UNION ALL SELECT patient_id, -amount_minor FROM payment_allocations
        ) GROUP BY patient_id;
      CREATE TRIGGER patient_credits_payment AFTER INSERT ON payments
        WHEN NOT EXISTS (SELECT 1 FROM reversals WHERE target_id = NEW.id)
      BEGIN ${move('NEW.patient_id', 'NEW.amount_minor')} END;
      CREATE TRIGGER patient_credits_refund AFTER INSERT ON refunds
      BEGIN ${move('NEW.patient_id', '-NEW.amount_minor')} END;
      CREATE TRIGGER patient_credits_allocation AFTER INSERT ON payment_allocations
      BEGIN ${move('NEW.patient_id', '-NEW.amount_minor')} END;
      CREATE TRIGGER patient_credits_reversal AFTER INSERT ON reversals
        WHEN EXISTS (SELECT 1 FROM payments WHERE id = NEW.target_id)
      BEGIN
        ${move('(SELECT patient_id FROM payments WHERE id = NEW.target_id)', '-(SELECT amount_minor FROM payments WHERE id = NEW.target_id)')}
      END;
    `);
  },
};
