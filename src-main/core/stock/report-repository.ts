import { sql } from 'kysely';
import type { ReadDb } from '../db/handles';
import type { MovementKind } from '../../../src-shared/stock/model';

/**
 * The stock report's sums, read from the caches of the insert-only ledger kept by triggers on its inserts
 * (migrations 0043 and 0047): each item's stock on hand with what the report reads of the item beside it,
 * and movements per kind, quarter hour and UTC day.
 */

/**
 * Listed items (active, not deleted) with stock on hand (all places, not zero), from the kept rows alone.
 * The terms are written out as migration 0047's partial index of the value has them: SQLite may use a
 * partial index only when it can prove the query's terms imply the index's WHERE, which bound values
 * leave to whether the build re-plans for them.
 */
function valuedItemRows(db: ReadDb) {
  return db.selectFrom('stock_item_on_hand as h').where(sql<boolean>`h.listed = 1 AND h.quantity <> 0`);
}

/**
 * Those items with what valuing them needs, the greatest value first (then by name), the first `limit`
 * when given: sorted and cut in SQL, since making a row object of each of 5,000 items cost more than
 * the read itself. The index of the value gives the greatest first, so a limited read visits those only.
 */
export function valuedItems(db: ReadDb, limit: number | null) {
  return valuedItemsQuery(db, limit).execute();
}

/** The read of {@link valuedItems} (its plan is tested). */
export function valuedItemsQuery(db: ReadDb, limit: number | null) {
  const query = valuedItemRows(db)
    .innerJoin('stock_items as i', 'i.id', 'h.item_id')
    .select(['i.id', 'i.code', 'i.name', 'h.unit_cost_minor', 'h.quantity as on_hand'])
    .orderBy(sql`h.quantity * h.unit_cost_minor`, 'desc')
    .orderBy(sql`i.name COLLATE NOCASE`)
    .orderBy('i.name');
  return limit === null ? query : query.limit(limit);
}

/** Their value in total and how many they are. */
export function valuationTotals(db: ReadDb) {
  return valuedItemRows(db)
    .select([
      sql<number>`coalesce(sum(h.quantity * h.unit_cost_minor), 0)`.as('total'),
      sql<number>`count(*)`.as('items'),
    ])
    .executeTakeFirstOrThrow();
}

/** The ledger's time in quarter hours (migration 0043's `stock_movement_quarters`) and UTC days (0047's). */
const QUARTER_MS = 900_000;
const DAY_MS = 86_400_000;

interface KindSums {
  kind: MovementKind;
  movements: number;
  quantity: number;
}

/**
 * Movements that happened in [start, end) by kind: how many, and their net quantity (the stock report).
 * A range of whole quarter hours (every clinic day's) reads the whole UTC days inside it from the sums
 * kept per day and the rest from those kept per quarter (at most a day's worth at each end); any other
 * range reads the ledger.
 */
export async function movementsByKind(db: ReadDb, start: number, end: number): Promise<KindSums[]> {
  if (start % QUARTER_MS !== 0 || end % QUARTER_MS !== 0)
    return db
      .selectFrom('stock_movements')
      .select(['kind', sql<number>`count(*)`.as('movements'), sql<number>`sum(quantity)`.as('quantity')])
      .where('at', '>=', start)
      .where('at', '<', end)
      .groupBy('kind')
      .orderBy('kind')
      .execute();
  const firstDay = Math.ceil(start / DAY_MS);
  const endDay = Math.floor(end / DAY_MS);
  if (firstDay >= endDay) return quarterSums(db, [[start, end]]);
  const days = await db
    .selectFrom('stock_movement_days')
    .select(['kind', sql<number>`sum(movements)`.as('movements'), sql<number>`sum(quantity)`.as('quantity')])
    .where('day', '>=', firstDay)
    .where('day', '<', endDay)
    .groupBy('kind')
    .execute();
  const edges = await quarterSums(db, [
    [start, firstDay * DAY_MS],
    [endDay * DAY_MS, end],
  ]);
  const byKind = new Map<MovementKind, KindSums>();
  for (const row of [...days, ...edges]) {
    const sums = byKind.get(row.kind);
    if (sums) {
      sums.movements += row.movements;
      sums.quantity += row.quantity;
    } else byKind.set(row.kind, { ...row });
  }
  return [...byKind.values()].sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}

/** The sums kept per quarter hour in these [start, end) ranges, by kind. */
function quarterSums(db: ReadDb, ranges: readonly (readonly [number, number])[]) {
  return db
    .selectFrom('stock_movement_quarters')
    .select(['kind', sql<number>`sum(movements)`.as('movements'), sql<number>`sum(quantity)`.as('quantity')])
    .where((w) =>
      w.or(
        ranges.map(([from, to]) => w.and([w('quarter', '>=', from / QUARTER_MS), w('quarter', '<', to / QUARTER_MS)])),
      ),
    )
    .groupBy('kind')
    .orderBy('kind')
    .execute();
}
