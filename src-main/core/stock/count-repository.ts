import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StockCountLinesTable, StockCountRow, StockCountsTable } from '../db/schema-stock';
import type { ReadDb } from '../db/handles';

/** SQL of stock counts and their lines. */

type Db = Kysely<Database>;

export function findCount(db: ReadDb, id: string): Promise<StockCountRow | undefined> {
  return db.selectFrom('stock_counts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function openCountAt(db: ReadDb, stockLocationId: string): Promise<StockCountRow | undefined> {
  return db
    .selectFrom('stock_counts')
    .selectAll()
    .where('stock_location_id', '=', stockLocationId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

export async function insertCount(db: Db, row: StockCountsTable, lines: StockCountLinesTable[]): Promise<void> {
  await db.insertInto('stock_counts').values(row).execute();
  if (lines.length > 0) await db.insertInto('stock_count_lines').values(lines).execute();
}

export async function insertCountLine(db: Db, line: StockCountLinesTable): Promise<void> {
  await db.insertInto('stock_count_lines').values(line).execute();
}

export async function setCounted(
  db: Db,
  lineId: string,
  counted: { counted_quantity: number | null; counted_at: number; counted_by: string | null },
): Promise<void> {
  await db
    .updateTable('stock_count_lines')
    .set({ ...counted, updated_at: counted.counted_at })
    .where('id', '=', lineId)
    .execute();
}

/** Moves an open count on (the trigger refuses any change to an approved or cancelled one). */
export async function finishCount(db: Db, id: string, changes: Partial<StockCountsTable>): Promise<number> {
  const result = await db
    .updateTable('stock_counts')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function countLines(db: ReadDb, countId: string) {
  return db
    .selectFrom('stock_count_lines as c')
    .innerJoin('stock_lots as l', 'l.id', 'c.lot_id')
    .innerJoin('stock_items as i', 'i.id', 'c.item_id')
    .selectAll('c')
    .select(['l.lot_number', 'l.expiry_on', 'i.name as item_name'])
    .where('c.count_id', '=', countId)
    .orderBy('i.name')
    .orderBy('l.expiry_on')
    .execute();
}

/** Every open count and the latest finished ones, with how far each sheet has got. */
export function listCounts(db: ReadDb, finishedLimit: number) {
  const summary = db
    .selectFrom('stock_counts as s')
    .innerJoin('stock_locations as p', 'p.id', 's.stock_location_id')
    .leftJoin('stock_count_lines as c', 'c.count_id', 's.id')
    .select((eb) => [
      's.id',
      's.stock_location_id',
      's.status',
      's.blind',
      's.snapshot_at',
      's.approved_at',
      's.started_by_name',
      'p.name as stock_location_name',
      eb.fn.count<number>('c.id').as('lines'),
      eb.fn.count<number>('c.counted_quantity').as('counted'),
    ])
    .groupBy('s.id');
  return Promise.all([
    summary.where('s.status', '=', 'open').orderBy('s.snapshot_at', 'desc').execute(),
    summary.where('s.status', '<>', 'open').orderBy('s.updated_at', 'desc').limit(finishedLimit).execute(),
  ]);
}
