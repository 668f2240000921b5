import type { Migration } from './types';

/**
 * Issue 18: the stock report for a month took 11–13 ms (26 in a slow phase of the bench machine, goal
 * 20), nearly all of it in SQLite. Two reasons, both answered from migration 0043's caches:
 * - The valuation, its totals and the reorder list each joined all 5,000 items to their stock on hand,
 *   a key lookup per item (~2 ms a read). `stock_item_on_hand` now has a row for every item and keeps
 *   beside its stock what those reads ask of the item: whether it is listed (active, not deleted), its
 *   reorder level and its unit cost. The reads scan the 5,000 small rows alone and look up names only for
 *   the rows they return; the valuation's greatest values first come from a partial index of the
 *   value. Triggers on `stock_items` keep the copies (a procedure's write or a synced
 *   change applied); the movement trigger fills them when a movement arrives before its item (sync).
 * - The month's movements by kind summed ~18,000 quarter-hour rows (~3 ms). `stock_movement_days` keeps
 *   the same sums per UTC day: a range reads its whole days there and only its two partial edge days
 *   from the quarters (a clinic's midnight is a quarter hour, rarely a UTC midnight).
 */
export const migration0047: Migration = {
  version: 47,
  name: 'stock_report_item_fields',
  up(db) {
    db.exec(`
      ALTER TABLE stock_item_on_hand ADD COLUMN listed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE stock_item_on_hand ADD COLUMN reorder_level INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE stock_item_on_hand ADD COLUMN unit_cost_minor INTEGER NOT NULL DEFAULT 0;
      INSERT INTO stock_item_on_hand (item_id, quantity) SELECT id, 0 FROM stock_items WHERE true
        ON CONFLICT (item_id) DO NOTHING;
      UPDATE stock_item_on_hand SET (listed, reorder_level, unit_cost_minor) = (
        SELECT i.active = 1 AND i.deleted_at IS NULL, i.reorder_level, i.unit_cost_minor
        FROM stock_items i WHERE i.id = stock_item_on_hand.item_id
      ) WHERE item_id IN (SELECT id FROM stock_items);
      CREATE INDEX stock_item_on_hand_value ON stock_item_on_hand (quantity * unit_cost_minor DESC)
        WHERE listed = 1 AND quantity <> 0;

      CREATE TRIGGER stock_item_fields_insert AFTER INSERT ON stock_items
      BEGIN
        INSERT INTO stock_item_on_hand (item_id, quantity, listed, reorder_level, unit_cost_minor)
          VALUES (NEW.id, 0, NEW.active = 1 AND NEW.deleted_at IS NULL, NEW.reorder_level, NEW.unit_cost_minor)
          ON CONFLICT (item_id) DO UPDATE SET listed = excluded.listed, reorder_level = excluded.reorder_level,
            unit_cost_minor = excluded.unit_cost_minor;
      END;
      CREATE TRIGGER stock_item_fields_update AFTER UPDATE OF active, deleted_at, reorder_level, unit_cost_minor
        ON stock_items
      BEGIN
        UPDATE stock_item_on_hand SET listed = NEW.active = 1 AND NEW.deleted_at IS NULL,
          reorder_level = NEW.reorder_level, unit_cost_minor = NEW.unit_cost_minor
          WHERE item_id = NEW.id;
      END;
      CREATE TRIGGER stock_item_fields_delete AFTER DELETE ON stock_items
      BEGIN
        UPDATE stock_item_on_hand SET listed = 0 WHERE item_id = OLD.id;
      END;

      CREATE TABLE stock_movement_days (
        day INTEGER NOT NULL,
        kind TEXT NOT NULL,
        movements INTEGER NOT NULL,
        quantity INTEGER NOT NULL,
        PRIMARY KEY (day, kind)
      ) WITHOUT ROWID, STRICT;
      INSERT INTO stock_movement_days (day, kind, movements, quantity)
        SELECT at / 86400000, kind, count(*), sum(quantity) FROM stock_movements GROUP BY 1, 2;

      DROP TRIGGER stock_report_sums_follow;
      CREATE TRIGGER stock_report_sums_follow AFTER INSERT ON stock_movements
      BEGIN
        INSERT INTO stock_movement_quarters (quarter, kind, movements, quantity)
          VALUES (NEW.at / 900000, NEW.kind, 1, NEW.quantity)
          ON CONFLICT (quarter, kind) DO UPDATE SET movements = movements + 1, quantity = quantity + excluded.quantity;
        INSERT INTO stock_movement_days (day, kind, movements, quantity)
          VALUES (NEW.at / 86400000, NEW.kind, 1, NEW.quantity)
          ON CONFLICT (day, kind) DO UPDATE SET movements = movements + 1, quantity = quantity + excluded.quantity;
        INSERT INTO stock_item_on_hand (item_id, quantity, listed, reorder_level, unit_cost_minor)
          SELECT NEW.item_id, NEW.quantity, coalesce(i.active = 1 AND i.deleted_at IS NULL, 0),
            coalesce(i.reorder_level, 0), coalesce(i.unit_cost_minor, 0)
          FROM (SELECT NEW.item_id AS id) AS n LEFT JOIN stock_items i ON i.id = n.id WHERE true
          ON CONFLICT (item_id) DO UPDATE SET quantity = quantity + excluded.quantity;
      END;
    `);
  },
};
