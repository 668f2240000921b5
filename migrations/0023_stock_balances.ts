import type { Migration } from './types';

/**
 * `stock_balances`: each lot × stock location's quantity on hand, the sum of its movements, kept by a
 * trigger on the ledger's insert (issue 16's alert lists read 1M movements in 6 s at full size; the
 * item page and a dispense summed an item's movements on every call).
 *
 * A trigger rather than the repository: a movement arrives by a procedure or by sync applying another
 * desk's, and both must move the sum in the same transaction; the ledger refuses UPDATE and DELETE
 * (migration 0019), so its inserts are every change there is. The table is local to each desk (a cache
 * of a synced ledger, like `invoice_balances`); tests/unit/stock-property.test.ts checks it equals the
 * sums after every step, and balances "as recorded by" an instant (counts) still sum the movements.
 */
export const migration0023: Migration = {
  version: 23,
  name: 'stock_balances',
  up(db) {
    db.exec(`
      CREATE TABLE stock_balances (
        lot_id TEXT NOT NULL,
        stock_location_id TEXT NOT NULL,
        item_id TEXT NOT NULL,
        quantity INTEGER NOT NULL,
        -- An item's rows together, by place: the item page, a dispense's FEFO pick and the on-hand
        -- totals read a key prefix, and the table needs no second index (a lot is of one item only).
        PRIMARY KEY (item_id, stock_location_id, lot_id)
      ) WITHOUT ROWID, STRICT;
      INSERT INTO stock_balances (lot_id, stock_location_id, item_id, quantity)
        SELECT lot_id, stock_location_id, item_id, sum(quantity) FROM stock_movements GROUP BY item_id, stock_location_id, lot_id;
      CREATE TRIGGER stock_balances_follow AFTER INSERT ON stock_movements
      BEGIN
        INSERT INTO stock_balances (lot_id, stock_location_id, item_id, quantity)
          VALUES (NEW.lot_id, NEW.stock_location_id, NEW.item_id, NEW.quantity)
          ON CONFLICT (item_id, stock_location_id, lot_id) DO UPDATE SET quantity = quantity + excluded.quantity;
      END;
    `);
  },
};
