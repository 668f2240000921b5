import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src-main/core/db/migrate';
import { migratedDatabases } from '../helpers/migrated-database';

/**
 * Migration 0047 (the stock report's item fields and day sums): on a database that already holds items
 * and movements, every item gets its row of stock on hand with its listing, reorder level and cost
 * beside it, the day sums start equal to the ledger's, and both follow what is written after — an item
 * changed, deactivated, deleted, created after its movements (as a sync may apply them).
 */

const databases = migratedDatabases();
afterEach(databases.removeAll);

const item = `INSERT INTO stock_items (id, name, code, dispensing_unit, unit_cost_minor, reorder_level, active, created_at, updated_at)
  VALUES (?, ?, ?, 'unit', ?, ?, ?, 1, 1)`;
const movement = `INSERT INTO stock_movements (id, kind, item_id, lot_id, stock_location_id, quantity, at, reason, created_at)
  VALUES (?, ?, ?, ?, 'store', ?, ?, NULL, 1)`;
const DAY = 86_400_000;

describe('migration 0047 on a database with items and movements', () => {
  it('copies each item’s listing, level and cost beside its stock, sums movements per day, and follows later writes', () => {
    const handle = databases.at(46);
    // The lots and places the movements name do not matter to these sums.
    handle.pragma('foreign_keys = OFF');
    const run = (text: string, ...args: (string | number | null)[]) => handle.prepare(text).run(...args);
    run(item, 'flu', 'Flu vaccine', 'FLU', 850, 10, 1);
    run(item, 'gauze', 'Gauze', 'GAUZE', 120, 20, 1);
    run(item, 'old', 'Old syringes', 'OLD', 40, 5, 0); // inactive
    run(item, 'new', 'Never received', 'NEW', 300, 4, 1); // no movements yet
    run(movement, 'm1', 'receive', 'flu', 'f1', 12, 3 * DAY + 5);
    run(movement, 'm2', 'expire', 'flu', 'f1', -2, 3 * DAY + 7);
    run(movement, 'm3', 'receive', 'gauze', 'g1', 30, 4 * DAY);
    run(movement, 'm4', 'receive', 'old', 'o1', 3, 4 * DAY + 1);

    migrate(handle, 2_000);
    const rows = (text: string) => handle.prepare(text).raw().all();
    const kept = () =>
      rows('SELECT item_id, quantity, listed, reorder_level, unit_cost_minor FROM stock_item_on_hand ORDER BY item_id');
    expect(kept()).toEqual([
      ['flu', 10, 1, 10, 850],
      ['gauze', 30, 1, 20, 120],
      ['new', 0, 1, 4, 300],
      ['old', 3, 0, 5, 40],
    ]);
    expect(rows('SELECT day, kind, movements, quantity FROM stock_movement_days ORDER BY day, kind')).toEqual([
      [3, 'expire', 1, -2],
      [3, 'receive', 1, 12],
      [4, 'receive', 2, 33],
    ]);

    run("UPDATE stock_items SET unit_cost_minor = 900, reorder_level = 15 WHERE id = 'flu'");
    run("UPDATE stock_items SET active = 1 WHERE id = 'old'");
    run("UPDATE stock_items SET deleted_at = 5 WHERE id = 'gauze'");
    run("DELETE FROM stock_items WHERE id = 'new'");
    // A movement synced before its item, then the item.
    run(movement, 'm5', 'receive', 'late', 'l1', 7, 4 * DAY + 2);
    run(item, 'late', 'Arrived late', 'LATE', 55, 9, 1);
    run(movement, 'm6', 'expire', 'flu', 'f1', -1, 5 * DAY - 1);
    expect(kept()).toEqual([
      ['flu', 9, 1, 15, 900],
      ['gauze', 30, 0, 20, 120],
      ['late', 7, 1, 9, 55],
      ['new', 0, 0, 4, 300],
      ['old', 3, 1, 5, 40],
    ]);
    expect(rows('SELECT day, kind, movements, quantity FROM stock_movement_days WHERE day = 4 ORDER BY kind')).toEqual(
      [
        ['expire', 1, -1],
        ['receive', 3, 40],
      ].map((row) => [4, ...row]),
    );
    handle.close();
  });
});
