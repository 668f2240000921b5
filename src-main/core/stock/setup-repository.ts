import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../db/schema';
import type {
  StockItemRow,
  StockItemsTable,
  StockLocationRow,
  StockLocationsTable,
  StockSupplierRow,
  StockSuppliersTable,
} from '../db/schema-stock';
import type { ReadDb } from '../db/handles';
import { preparedRead } from '../db/prepared';

/** SQL of the stock set-up: settings, items, suppliers (and what they supply), stock locations. */

type Db = Kysely<Database>;

const nearExpiryRow = preparedRead((db) =>
  db.selectFrom('stock_settings').select('near_expiry_days').where('id', '=', 1),
);

export async function nearExpiryDays(db: ReadDb): Promise<number> {
  const [row] = await nearExpiryRow(db, {});
  return row?.near_expiry_days ?? 30;
}

export async function setNearExpiryDays(db: Db, days: number, now: number): Promise<void> {
  await db.updateTable('stock_settings').set({ near_expiry_days: days, updated_at: now }).where('id', '=', 1).execute();
}

const itemById = preparedRead((db, v: { id: string }) =>
  db.selectFrom('stock_items').selectAll().where('id', '=', v.id).where('deleted_at', 'is', null),
);

export async function findItem(db: ReadDb, id: string): Promise<StockItemRow | undefined> {
  return (await itemById(db, { id }))[0];
}

export function itemByCode(db: ReadDb, code: string): Promise<StockItemRow | undefined> {
  return db
    .selectFrom('stock_items')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['code']), '=', code.toLowerCase()))
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function itemByGtin(db: ReadDb, gtin: string): Promise<StockItemRow | undefined> {
  return db
    .selectFrom('stock_items')
    .selectAll()
    .where('gtin', '=', gtin)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Items whose name or code contains the text (or every item), active first, by name. */
export function searchItems(db: ReadDb, text: string, limit: number): Promise<StockItemRow[]> {
  let query = db.selectFrom('stock_items').selectAll().where('deleted_at', 'is', null);
  if (text) {
    const needle = text.toLowerCase();
    // instr, not LIKE: the typed text needs no escaping of % and _.
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('instr', [eb.fn('lower', ['name']), eb.val(needle)]), '>', 0),
        eb(eb.fn('instr', [eb.fn('lower', ['code']), eb.val(needle)]), '>', 0),
        eb('gtin', '=', text),
      ]),
    );
  }
  return query.orderBy('active', 'desc').orderBy('name').limit(limit).execute();
}

/** The names of these items, by id. */
export async function itemNames(db: ReadDb, itemIds: readonly string[]): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db.selectFrom('stock_items').select(['id', 'name']).where('id', 'in', itemIds).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function allActiveItems(db: ReadDb): Promise<StockItemRow[]> {
  return db.selectFrom('stock_items').selectAll().where('deleted_at', 'is', null).where('active', '=', 1).execute();
}

/**
 * The active items whose stock on hand (all places) is below their reorder level, in one read: a scan
 * of migration 0047's copy of each item's level beside its stock, names looked up for those below only.
 */
export const itemsBelowReorderLevel = preparedRead((db) =>
  db
    .selectFrom('stock_item_on_hand as h')
    .innerJoin('stock_items as i', 'i.id', 'h.item_id')
    .select(['h.item_id as id', 'i.name', 'h.reorder_level', 'h.quantity as on_hand'])
    .where('h.listed', '=', 1)
    .where('h.reorder_level', '>', 0)
    .where(sql<boolean>`h.quantity < h.reorder_level`),
);

/** Which of these items are active and below their reorder level (their ids). */
export async function belowReorderAmong(db: ReadDb, itemIds: readonly string[]): Promise<string[]> {
  const rows = await reorderState(db)
    .where('item_id', 'in', itemIds)
    .where(sql<boolean>`quantity < reorder_level`)
    .execute();
  return rows.map((row) => row.id);
}

/** Each of these items that has a reorder level, with the level and its stock on hand (all places), in one read. */
function reorderState(db: ReadDb) {
  return db
    .selectFrom('stock_item_on_hand')
    .select(['item_id as id', 'reorder_level', 'quantity as on_hand'])
    .where('listed', '=', 1)
    .where('reorder_level', '>', 0);
}

// A dispense or a receipt of one item is the common case: its statement is compiled once.
const reorderStateOfOne = preparedRead((db, v: { id: string }) => reorderState(db).where('item_id', '=', v.id));

export async function reorderStateOf(
  db: ReadDb,
  itemIds: string[],
): Promise<{ id: string; reorder_level: number; on_hand: number }[]> {
  if (itemIds.length === 0) return [];
  if (itemIds.length === 1) return reorderStateOfOne(db, { id: itemIds[0] as string });
  return reorderState(db).where('item_id', 'in', itemIds).execute();
}

export async function insertItem(db: Db, row: Insertable<StockItemsTable>): Promise<void> {
  await db.insertInto('stock_items').values(row).execute();
}

export async function updateItem(db: Db, id: string, changes: Updateable<StockItemsTable>): Promise<void> {
  await db.updateTable('stock_items').set(changes).where('id', '=', id).execute();
}

export function findSupplier(db: ReadDb, id: string): Promise<StockSupplierRow | undefined> {
  return db
    .selectFrom('stock_suppliers')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function listSuppliers(db: ReadDb): Promise<StockSupplierRow[]> {
  return db.selectFrom('stock_suppliers').selectAll().where('deleted_at', 'is', null).orderBy('name').execute();
}

export async function insertSupplier(db: Db, row: Insertable<StockSuppliersTable>): Promise<void> {
  await db.insertInto('stock_suppliers').values(row).execute();
}

export async function updateSupplier(db: Db, id: string, changes: Updateable<StockSuppliersTable>): Promise<void> {
  await db.updateTable('stock_suppliers').set(changes).where('id', '=', id).execute();
}

/** Replaces what a supplier supplies. */
export async function setSupplierItems(db: Db, supplierId: string, itemIds: string[], now: number): Promise<void> {
  await db.deleteFrom('stock_supplier_items').where('supplier_id', '=', supplierId).execute();
  if (itemIds.length === 0) return;
  await db
    .insertInto('stock_supplier_items')
    .values(
      itemIds.map((itemId) => ({
        supplier_id: supplierId,
        item_id: itemId,
        supplier_code: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

export async function supplierItems(db: ReadDb): Promise<{ supplier_id: string; item_id: string }[]> {
  return db.selectFrom('stock_supplier_items').select(['supplier_id', 'item_id']).execute();
}

const stockLocationById = preparedRead((db, v: { id: string }) =>
  db.selectFrom('stock_locations').selectAll().where('id', '=', v.id).where('deleted_at', 'is', null),
);

export async function findStockLocation(db: ReadDb, id: string): Promise<StockLocationRow | undefined> {
  return (await stockLocationById(db, { id }))[0];
}

export function listStockLocations(db: ReadDb) {
  return db
    .selectFrom('stock_locations as s')
    .innerJoin('locations as l', 'l.id', 's.location_id')
    .selectAll('s')
    .select('l.name as location_name')
    .where('s.deleted_at', 'is', null)
    .orderBy('l.name')
    .orderBy('s.name')
    .execute();
}

export function clinicLocationExists(db: ReadDb, id: string) {
  return db
    .selectFrom('locations')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function insertStockLocation(db: Db, row: Insertable<StockLocationsTable>): Promise<void> {
  await db.insertInto('stock_locations').values(row).execute();
}

export async function updateStockLocation(db: Db, id: string, changes: Updateable<StockLocationsTable>): Promise<void> {
  await db.updateTable('stock_locations').set(changes).where('id', '=', id).execute();
}
