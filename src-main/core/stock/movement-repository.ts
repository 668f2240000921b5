import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StockLotRow, StockMovementRow, StockMovementsTable } from '../db/schema-stock';
import type { ReadDb } from '../db/handles';
import { preparedRead, preparedWrite } from '../db/prepared';

/**
 * SQL of lots and the movement ledger. Nothing here writes a balance: a quantity on hand is read from
 * `stock_balances`, the per lot × stock location sum a trigger keeps on the ledger's insert (migration
 * 0023); a balance as recorded up to an instant (a count's snapshot) is a SUM over `stock_movements`.
 */

type Db = Kysely<Database>;

const lotById = preparedRead((db, v: { id: string }) => db.selectFrom('stock_lots').selectAll().where('id', '=', v.id));

export async function findLot(db: ReadDb, id: string): Promise<StockLotRow | undefined> {
  return (await lotById(db, { id }))[0];
}

export function lotByNumber(db: ReadDb, itemId: string, lotNumber: string): Promise<StockLotRow | undefined> {
  return db
    .selectFrom('stock_lots')
    .selectAll()
    .where('item_id', '=', itemId)
    .where('lot_number', '=', lotNumber)
    .executeTakeFirst();
}

export async function insertLot(db: Db, row: StockLotRow): Promise<void> {
  await db.insertInto('stock_lots').values(row).execute();
}

type NewMovementRow = Required<Insertable<StockMovementsTable>>;

const insertMovement = preparedWrite((db, row: NewMovementRow) =>
  db.insertInto('stock_movements').values({
    id: row.id,
    kind: row.kind,
    item_id: row.item_id,
    lot_id: row.lot_id,
    stock_location_id: row.stock_location_id,
    quantity: row.quantity,
    at: row.at,
    reason: row.reason,
    unit_cost_minor: row.unit_cost_minor,
    visit_id: row.visit_id,
    purchase_order_id: row.purchase_order_id,
    purchase_order_line_id: row.purchase_order_line_id,
    count_id: row.count_id,
    supplier_id: row.supplier_id,
    transfer_id: row.transfer_id,
    returns_movement_id: row.returns_movement_id,
    invoice_line_id: row.invoice_line_id,
    user_id: row.user_id,
    user_name: row.user_name,
    created_at: row.created_at,
  }),
);

export async function insertMovements(db: Db, rows: NewMovementRow[]): Promise<void> {
  for (const row of rows) await insertMovement(db, row);
}

export function findMovement(db: ReadDb, id: string): Promise<StockMovementRow | undefined> {
  return db.selectFrom('stock_movements').selectAll().where('id', '=', id).executeTakeFirst();
}

interface LotPlace {
  itemId: string;
  lotId: string;
  stockLocationId: string;
}

/** A lot × place's kept balance: the sum of all its movements (migration 0023's trigger). */
export const lotPlaceBalance = preparedRead((db, v: LotPlace) =>
  db
    .selectFrom('stock_balances')
    .select('quantity')
    .where('item_id', '=', v.itemId)
    .where('stock_location_id', '=', v.stockLocationId)
    .where('lot_id', '=', v.lotId),
);

/** A lot × place's movements from an instant on, in the order they happened (ties in the order recorded). */
export const lotPlaceMovementsFrom = preparedRead((db, v: LotPlace & { from: number }) =>
  db
    .selectFrom('stock_movements')
    .select(['at', 'quantity'])
    .where('lot_id', '=', v.lotId)
    .where('stock_location_id', '=', v.stockLocationId)
    .where('at', '>=', v.from)
    .orderBy('at')
    .orderBy('id'),
);

export interface LotBalanceRaw {
  lot_id: string;
  item_id: string;
  lot_number: string;
  expiry_on: string | null;
  lot_created_at: number;
  stock_location_id: string;
  stock_location_name: string;
  quantity: number;
}

/** A lot × place row's lot and place (`m` is the balance or the movement, `l` the lot, `s` the place). */
const LOT_PLACE_COLUMNS = [
  'm.lot_id',
  'l.item_id',
  'l.lot_number',
  'l.expiry_on',
  'l.created_at as lot_created_at',
  'm.stock_location_id',
  's.name as stock_location_name',
] as const;

function balances(db: ReadDb) {
  return db
    .selectFrom('stock_balances as m')
    .innerJoin('stock_lots as l', (join) => join.onRef('l.id', '=', 'm.lot_id').onRef('l.item_id', '=', 'm.item_id'))
    .innerJoin('stock_locations as s', 's.id', 'm.stock_location_id')
    .select([...LOT_PLACE_COLUMNS, 'm.quantity']);
}

/** The same rows summed from the ledger itself, as recorded up to an instant. */
function balancesRecordedBy(db: ReadDb, recordedBy: number) {
  return db
    .selectFrom('stock_movements as m')
    .innerJoin('stock_lots as l', 'l.id', 'm.lot_id')
    .innerJoin('stock_locations as s', 's.id', 'm.stock_location_id')
    .select([...LOT_PLACE_COLUMNS, sql<number>`sum(m.quantity)`.as('quantity')])
    .where('m.created_at', '<=', recordedBy)
    .groupBy(['m.lot_id', 'm.stock_location_id']);
}

/** Every lot × place of an item that has had stock (zero balances included), first-expiring first. */
const itemBalanceRows = preparedRead((db, v: { itemId: string }) =>
  balances(db)
    .where('m.item_id', '=', v.itemId)
    .orderBy(sql`l.expiry_on IS NULL`)
    .orderBy('l.expiry_on')
    .orderBy('l.created_at'),
);

export function itemBalances(db: ReadDb, itemId: string): Promise<LotBalanceRaw[]> {
  return itemBalanceRows(db, { itemId });
}

/** The lots of an item at a place with stock, in FEFO order: first expiring, never-expiring last, then oldest lot. */
const lotsOnHandAtRows = preparedRead((db, v: { itemId: string; stockLocationId: string }) =>
  balances(db)
    .where('m.item_id', '=', v.itemId)
    .where('m.stock_location_id', '=', v.stockLocationId)
    .where('m.quantity', '>', 0)
    .orderBy(sql`l.expiry_on IS NULL`)
    .orderBy('l.expiry_on')
    .orderBy('l.created_at')
    .orderBy('l.id'),
);

export function lotsOnHandAt(db: ReadDb, itemId: string, stockLocationId: string): Promise<LotBalanceRaw[]> {
  return lotsOnHandAtRows(db, { itemId, stockLocationId });
}

/** Every lot × place with stock at a place (for a count's snapshot), as recorded up to an instant. */
export function placeBalancesRecordedBy(db: ReadDb, stockLocationId: string, recordedBy: number) {
  return balancesRecordedBy(db, recordedBy).where('m.stock_location_id', '=', stockLocationId).execute();
}

/** What moved for a lot at a place, recorded after an instant (a count's "moved since the snapshot"). */
export async function movedSince(
  db: ReadDb,
  lotId: string,
  stockLocationId: string,
  recordedAfter: number,
): Promise<number> {
  const row = await db
    .selectFrom('stock_movements')
    .select(sql<number | null>`sum(quantity)`.as('moved'))
    .where('lot_id', '=', lotId)
    .where('stock_location_id', '=', stockLocationId)
    .where('created_at', '>', recordedAfter)
    .executeTakeFirst();
  return row?.moved ?? 0;
}

/** A lot's balance at a place as recorded up to an instant. */
export async function balanceRecordedBy(
  db: ReadDb,
  lotId: string,
  stockLocationId: string,
  recordedBy: number,
): Promise<number> {
  const row = await db
    .selectFrom('stock_movements')
    .select(sql<number | null>`sum(quantity)`.as('quantity'))
    .where('lot_id', '=', lotId)
    .where('stock_location_id', '=', stockLocationId)
    .where('created_at', '<=', recordedBy)
    .executeTakeFirst();
  return row?.quantity ?? 0;
}

/** Stock on hand per item (every place), for the given items or all. */
export async function onHandByItem(db: ReadDb, itemIds?: string[]): Promise<Map<string, number>> {
  if (itemIds?.length === 0) return new Map();
  // The sums kept per item (migration 0043).
  let query = db.selectFrom('stock_item_on_hand').select(['item_id', 'quantity']);
  if (itemIds) query = query.where('item_id', 'in', itemIds);
  const rows = await query.execute();
  return new Map(rows.map((row) => [row.item_id, row.quantity]));
}

const itemMovementRows = preparedRead((db, v: { itemId: string; limit: number }) =>
  db
    .selectFrom('stock_movements as m')
    .innerJoin('stock_lots as l', 'l.id', 'm.lot_id')
    .selectAll('m')
    .select('l.lot_number')
    .where('m.item_id', '=', v.itemId)
    .orderBy('m.at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(v.limit),
);

export function itemMovements(db: ReadDb, itemId: string, limit: number) {
  return itemMovementRows(db, { itemId, limit });
}

/** An item's receipts, newest first, with their unit cost (the FIFO valuation walks them). */
const itemReceiptRows = preparedRead((db, v: { itemId: string }) =>
  db
    .selectFrom('stock_movements')
    .select(['quantity', 'unit_cost_minor'])
    .where('item_id', '=', v.itemId)
    .where('kind', '=', 'receive')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc'),
);

export function itemReceipts(db: ReadDb, itemId: string) {
  return itemReceiptRows(db, { itemId });
}

const recipientsOfLot = preparedRead((db, v: { lotId: string }) =>
  db
    .selectFrom('stock_movements as m')
    .innerJoin('visits as v', 'v.id', 'm.visit_id')
    .innerJoin('patients as p', 'p.id', 'v.patient_id')
    .select([
      'v.id as visit_id',
      'v.local_date',
      'p.id as patient_id',
      'p.first_name',
      'p.last_name',
      sql<number>`-sum(m.quantity)`.as('quantity'),
      sql<number>`min(m.at)`.as('dispensed_at'),
    ])
    .where('m.lot_id', '=', v.lotId)
    .where('m.kind', 'in', ['dispense', 'dispense_return'])
    .groupBy('v.id')
    .orderBy('v.local_date'),
);

/** Which patients got a lot: its dispenses net of returns, per visit (a recall; compiled once). */
export function lotRecipients(db: ReadDb, lotId: string) {
  return recipientsOfLot(db, { lotId });
}

/** What has been returned of a dispense. */
export function returnOf(db: ReadDb, movementId: string) {
  return db
    .selectFrom('stock_movements')
    .select(['id'])
    .where('returns_movement_id', '=', movementId)
    .executeTakeFirst();
}

/** Lots × places with stock expiring by `lastDay` (expired ones too), first-expiring first; the first `limit` when given (the stock report). */
export function lotsExpiringBy(db: ReadDb, lastDay: string, limit?: number): Promise<LotBalanceRaw[]> {
  const query = balances(db)
    .where('l.expiry_on', '<=', lastDay)
    .where('m.quantity', '>', 0)
    .orderBy('l.expiry_on')
    .orderBy('l.id')
    .orderBy('m.stock_location_id');
  return (limit === undefined ? query : query.limit(limit)).execute();
}

/** Lots × places with stock whose expiry is in [from, to], first-expiring first, at most `limit` (the lot index, then a key read each). */
export const lotsExpiringWithin = preparedRead((db, v: { from: string; to: string; limit: number }) =>
  balances(db)
    .where('l.expiry_on', '>=', v.from)
    .where('l.expiry_on', '<=', v.to)
    .where('m.quantity', '>', 0)
    .orderBy('l.expiry_on')
    .orderBy('l.id')
    .orderBy('m.stock_location_id')
    .limit(v.limit),
);

/**
 * Per item (of these items only, when given), how many lots × places with stock have expired before `today`
 * and how many expire from it to `lastDay`; items with none are left out.
 */
export function expiryCountsByItem(db: ReadDb, today: string, lastDay: string, itemIds?: readonly string[]) {
  let query = db
    .selectFrom('stock_balances as m')
    .innerJoin('stock_lots as l', (join) => join.onRef('l.id', '=', 'm.lot_id').onRef('l.item_id', '=', 'm.item_id'))
    .select([
      'm.item_id',
      sql<number>`sum(l.expiry_on < ${today})`.as('expired'),
      sql<number>`sum(l.expiry_on >= ${today})`.as('expiringSoon'),
    ])
    .where('l.expiry_on', '<=', lastDay)
    .where('m.quantity', '>', 0);
  if (itemIds) query = query.where('m.item_id', 'in', itemIds);
  return query.groupBy('m.item_id').execute();
}

export function movementsOfVisit(db: ReadDb, visitId: string) {
  return db.selectFrom('stock_movements').selectAll().where('visit_id', '=', visitId).orderBy('created_at').execute();
}

const visitForDispenseRow = preparedRead((db, v: { visitId: string }) =>
  db
    .selectFrom('visits')
    .select(['id', 'patient_id', 'status', 'local_date'])
    .where('id', '=', v.visitId)
    .where('deleted_at', 'is', null),
);

export async function visitForDispense(db: ReadDb, visitId: string) {
  return (await visitForDispenseRow(db, { visitId }))[0];
}

export function invoiceOfLine(db: ReadDb, invoiceLineId: string) {
  return db.selectFrom('invoice_lines').select('invoice_id').where('id', '=', invoiceLineId).executeTakeFirst();
}
