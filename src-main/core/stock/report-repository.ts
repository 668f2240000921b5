import { sql } from 'kysely';
import type { ReadDb } from '../db/handles';

/**
 * The stock report's sums, read from migration 0043's caches of the insert-only ledger (kept by a
 * trigger on its inserts): each item's stock on hand, and movements per kind and quarter hour.
 */

/** Each active item with stock on hand (all places, not zero), with what valuing it needs, in one read. */
export function valuationByItem(db: ReadDb) {
  return db
    .selectFrom('stock_item_on_hand as h')
    .innerJoin('stock_items as i', 'i.id', 'h.item_id')
    .select(['i.id', 'i.code', 'i.name', 'i.unit_cost_minor', 'h.quantity as on_hand'])
    .where('i.deleted_at', 'is', null)
    .where('i.active', '=', 1)
    .where('h.quantity', '<>', 0)
    .execute();
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
