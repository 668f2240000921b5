import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

/**
 * Migrations 0042 (A/R ageing's kept sums) and 0043 (the stock report's): on a database that already
 * holds open balances and stock movements, each cache starts equal to the rows there, then follows
 * new ones.
 */

const databases = migratedDatabases();
afterEach(databases.removeAll);

const balance = `INSERT INTO invoice_balances (invoice_id, patient_id, issued_on, due_on, payer, patient_due_minor,
  patient_settled_minor, insurer_due_minor, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, 0, 1, 1)`;
const movement = `INSERT INTO stock_movements (id, kind, item_id, lot_id, stock_location_id, quantity, at, reason, created_at)
  VALUES (?, ?, ?, ?, 'store', ?, ?, ?, 1)`;
const QUARTER = 900_000;

describe('migrations 0042 and 0043 on a database with rows', () => {
  it('fill the kept sums from what is there and follow what comes after', () => {
    const handle = databases.at(41);
    // Cache and ledger rows only: the invoices, patients, items and lots they name do not matter to the sums.
    handle.pragma('foreign_keys = OFF');
    const run = (text: string, ...args: (string | number | null)[]) => handle.prepare(text).run(...args);
    run(balance, 'i1', 'ann', '2026-01-05', '2026-02-04', 5_000, 1_000); // ann owes 40.00 from 5 January
    run(balance, 'i2', 'ann', '2026-03-01', '2026-03-31', 2_000, 0); // and 20.00 from 1 March
    run(balance, 'i3', 'bob', '2026-03-01', '2026-03-31', 3_000, 3_000); // bob paid his
    run(balance, 'i4', 'cy', '2026-01-05', '2026-02-04', 1_000, 1_500); // cy paid 5.00 too much
    run(movement, 'm1', 'receive', 'gauze', 'g1', 20, 10 * QUARTER + 5, null);
    run(movement, 'm2', 'receive', 'gauze', 'g2', 5, 10 * QUARTER + 100, null);
    run(movement, 'm3', 'adjust', 'gauze', 'g1', -3, 11 * QUARTER, 'broken');
    run(movement, 'm4', 'receive', 'flu', 'f1', 12, 11 * QUARTER + 1, null);

    migrate(handle, 2_000);
    const rows = (text: string) => handle.prepare(text).raw().all();
    expect(rows('SELECT patient_id, owing_minor FROM patient_owing ORDER BY patient_id')).toEqual([
      ['ann', 6_000],
      ['cy', -500],
    ]);
    expect(rows('SELECT issued_on, open_minor, negative_rows FROM patient_open_days ORDER BY issued_on')).toEqual([
      ['2026-01-05', 3_500, 1],
      ['2026-03-01', 2_000, 0],
    ]);
    expect(rows('SELECT item_id, quantity FROM stock_item_on_hand ORDER BY item_id')).toEqual([
      ['flu', 12],
      ['gauze', 22],
    ]);
    expect(
      rows('SELECT quarter, kind, movements, quantity FROM stock_movement_quarters ORDER BY quarter, kind'),
    ).toEqual([
      [10, 'receive', 2, 25],
      [11, 'adjust', 1, -3],
      [11, 'receive', 1, 12],
    ]);

    // Afterwards: cy's overpayment refunded (settled back to 1,000), bob's invoice re-opened in part, a
    // balance removed (sync's rebuild deletes and inserts), a dispense-like write-off of flu.
    run('UPDATE invoice_balances SET patient_settled_minor = 1000 WHERE invoice_id = ?', 'i4');
    run('UPDATE invoice_balances SET patient_settled_minor = 2500 WHERE invoice_id = ?', 'i3');
    run('DELETE FROM invoice_balances WHERE invoice_id = ?', 'i2');
    run(movement, 'm5', 'expire', 'flu', 'f1', -2, 11 * QUARTER + 7, null);
    expect(
      rows('SELECT patient_id, owing_minor FROM patient_owing WHERE owing_minor <> 0 ORDER BY patient_id'),
    ).toEqual([
      ['ann', 4_000],
      ['bob', 500],
    ]);
    expect(
      rows(
        'SELECT issued_on, open_minor, negative_rows FROM patient_open_days WHERE open_minor <> 0 OR negative_rows <> 0 ORDER BY issued_on',
      ),
    ).toEqual([
      ['2026-01-05', 4_000, 0],
      ['2026-03-01', 500, 0],
    ]);
    expect(rows("SELECT quantity FROM stock_item_on_hand WHERE item_id = 'flu'")).toEqual([[10]]);
    expect(
      rows("SELECT movements, quantity FROM stock_movement_quarters WHERE quarter = 11 AND kind = 'expire'"),
    ).toEqual([[1, -2]]);
    handle.close();
  });
});
