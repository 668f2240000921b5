import { sql } from 'kysely';
import type { ReadDb } from '../db/handles';

/**
 * The stock report's sums, read from migration 0043's caches of the insert-only ledger (kept by a
 * trigger on its inserts): each item's stock on hand, and movements per kind and quarter hour.
 */

/** Active items with stock on hand (all places, not zero): `i` the item, `h` its kept on hand. */
function valuedItemRows(db: ReadDb) {
  return db
    .selectFrom('stock_item_on_hand as h')
    .innerJoin('stock_items as i', 'i.id', 'h.item_id')
    .where('i.deleted_at', 'is', null)
    .where('i.active', '=', 1)
    .where('h.quantity', '<>', 0);
}

/**
 * Those items with what valuing them needs, the greatest value first (then by name), the first `limit`
 * when given: sorted and cut in SQL, since making a row object of each of 5,000 items cost more than
 * the read itself.
 */
export function valuedItems(db: ReadDb, limit: number | null) {
  const query = valuedItemRows(db)
    .select(['i.id', 'i.code', 'i.name', 'i.unit_cost_minor', 'h.quantity as on_hand'])
    .orderBy(sql`h.quantity * i.unit_cost_minor`, 'desc')
    .orderBy(sql`i.name COLLATE NOCASE`)
    .orderBy('i.name');
  return (limit === null ? query : query.limit(limit)).execute();
}

/** Their value in total and how many they are. */
export function valuationTotals(db: ReadDb) {
  return valuedItemRows(db)
    .select([
      sql<number>`coalesce(sum(h.quantity * i.unit_cost_minor), 0)`.as('total'),
      sql<number>`count(*)`.as('items'),
    ])
    .executeTakeFirstOrThrow();
}

/** The ledger's time in quarter hours (migration 0043's `stock_movement_quarters`). */
const QUARTER_MS = 900_000;

/**
 * Movements that happened in [start, end) by kind: how many, and their net quantity (the stock report).
 * A range of whole quarter hours (every clinic day's) reads the sums kept per quarter, any other the ledger.
 */
export function movementsByKind(db: ReadDb, start: number, end: number) {
  if (start % QUARTER_MS === 0 && end % QUARTER_MS === 0)
    return db
      .selectFrom('stock_movement_quarters')
      .select(['kind', sql<number>`sum(movements)`.as('movements'), sql<number>`sum(quantity)`.as('quantity')])
      .where('quarter', '>=', start / QUARTER_MS)
      .where('quarter', '<', end / QUARTER_MS)
      .groupBy('kind')
      .orderBy('kind')
      .execute();
  return db
    .selectFrom('stock_movements')
    .select(['kind', sql<number>`count(*)`.as('movements'), sql<number>`sum(quantity)`.as('quantity')])
    .where('at', '>=', start)
    .where('at', '<', end)
    .groupBy('kind')
    .orderBy('kind')
    .execute();
}
