import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

const databases = migratedDatabases();
afterEach(databases.removeAll);

const payment = `INSERT INTO payments (id, patient_id, amount_minor, currency, method_id, method_kind, counts_for, entered_at, desk_id, created_at, updated_at)
  VALUES (?, ?, ?, 'USD', 'm1', 'card', '2026-01-01', 1, 'd', 1, 1)`;
const allocation = `INSERT INTO payment_allocations (id, payment_id, invoice_id, patient_id, amount_minor, cause, at, created_at, updated_at)
  VALUES (?, ?, 'i1', ?, ?, 'payment', 1, 1, 1)`;
const refund = `INSERT INTO refunds (id, payment_id, patient_id, amount_minor, method_id, method_kind, reason, counts_for, entered_at, desk_id, created_at, updated_at)
  VALUES (?, ?, ?, ?, 'm1', 'card', 'asked', '2026-01-01', 1, 'd', 1, 1)`;
const reversal = `INSERT INTO reversals (id, target_kind, target_id, patient_id, amount_minor, reason, counts_for, entered_at, desk_id, created_at, updated_at)
  VALUES (?, 'payment', ?, ?, ?, 'bounced', '2026-01-01', 1, 'd', 1, 1)`;

describe('migration 0039 (patient credits)', () => {
  it('stores each patient’s unallocated credit from the ledgers already there, and follows new rows', () => {
    const handle = databases.at(38);
    // Ledger rows only: the invoices, methods and patients they name do not matter to the sums.
    handle.pragma('foreign_keys = OFF');
    const run = (text: string, ...args: (string | number)[]) => handle.prepare(text).run(...args);
    run(payment, 'pay1', 'ann', 10_000);
    run(allocation, 'a1', 'pay1', 'ann', 6_000);
    run(allocation, 'a2', 'pay1', 'ann', -1_000); // taken back: credit again
    run(refund, 'r1', 'pay1', 'ann', 2_000);
    run(payment, 'pay2', 'bob', 5_000);
    run(reversal, 'v1', 'pay2', 'bob', 5_000);
    run(payment, 'pay3', 'cy', 3_000);
    run(allocation, 'a3', 'pay3', 'cy', 3_000);

    migrate(handle, 2_000);
    const credits = () =>
      handle.prepare('SELECT patient_id, credit_minor FROM patient_credits ORDER BY patient_id').raw().all();
    expect(credits()).toEqual([
      ['ann', 3_000],
      ['cy', 0],
    ]);

    // A reversal arriving before its payment (another desk's rows, applied in any order) still counts once.
    run(reversal, 'v2', 'pay4', 'dee', 700);
    run(payment, 'pay4', 'dee', 700);
    run(payment, 'pay5', 'bob', 400);
    run(allocation, 'a4', 'pay5', 'bob', 100);
    run(reversal, 'v3', 'pay1', 'ann', 10_000);
    expect(credits()).toEqual([
      ['ann', -7_000],
      ['bob', 300],
      ['cy', 0],
    ]);
    handle.close();
  });
});
