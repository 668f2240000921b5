import type { Migration } from './types';

/**
 * Issue 18: the stock report for a month read every movement of the month (the bench's last month holds
 * 283,000: ~275 ms through migration 0041's index) and summed every lot × place balance per item for
 * the valuation and the reorder levels (~25 ms). Two local caches of the insert-only ledger, kept by
 * triggers on its inserts (a procedure's or one sync applies), like `stock_balances`:
 * - `stock_movement_quarters`: movements and their net quantity per kind and quarter of an hour (`at` /
 *   900,000 ms). Every zone's midnight today falls on a quarter hour (offsets are whole quarters), so a
 *   range of clinic days is whole quarters; a range that is not reads the ledger.
 * - `stock_item_on_hand`: each item's stock on hand, all places together.
 */
export const migration0043: Migration = {
  version: 43,
  name: 'stock_report_sums',
  up(db) {
    db.exec(`
      CREATE TABLE stock_movement_quarters (
        quarter INTEGER NOT NULL,
        kind TEXT NOT NULL,
        movements INTEGER NOT NULL,
        quantity INTEGER NOT NULL,
        PRIMARY KEY (quarter, kind)
      ) WITHOUT ROWID, STRICT;
      INSERT INTO stock_movement_quarters (quarter, kind, movements, quantity)
        SELECT at / 900000, kind, count(*), sum(quantity) FROM stock_movements GROUP BY 1, 2;

      CREATE TABLE stock_item_on_hand (
        item_id TEXT PRIMARY KEY,
        quantity INTEGER NOT NULL
      ) WITHOUT ROWID, STRICT;
      INSERT INTO stock_item_on_hand (item_id, quantity)
        SELECT item_id, sum(quantity) FROM stock_movements GROUP BY item_id;

      CREATE TRIGGER stock_report_sums_follow AFTER INSERT ON stock_movements
      BEGIN
        INSERT INTO stock_movement_quarters (quarter, kind, movements, quantity)
          VALUES (NEW.at / 900000, NEW.kind, 1, NEW.quantity)
          ON CONFLICT (quarter, kind) DO UPDATE SET movements = movements + 1, quantity = quantity + excluded.quantity;
        INSERT INTO stock_item_on_hand (item_id, quantity) VALUES (NEW.item_id, NEW.quantity)
          ON CONFLICT (item_id) DO UPDATE SET quantity = quantity + excluded.quantity;
      END;
    `);
  },
};
