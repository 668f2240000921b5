import { fieldError } from '../../../src-shared/api/errors';
import { parseGs1 } from '../../../src-shared/stock/gs1';
import {
  STOCK_ALERT_LIMIT,
  STOCK_SEARCH_LIMIT,
  type ItemView,
  type LotBalance,
  type RecallEntry,
  type StockAlerts,
  type StockItemSummary,
} from '../../../src-shared/stock/model';
import type { ReadDb } from '../db/handles';
import { addDays, isExpired, isNearExpiry, type StockContext } from './context';
import {
  itemBalances,
  itemMovements,
  itemReceipts,
  lotByNumber,
  lotRecipients,
  expiryCountsByItem,
  lotsExpiringWithin,
  onHandByItem,
  type LotBalanceRaw,
} from './movement-repository';
import { requireLot } from './movements';
import { onOrderByItem } from './order-repository';
import { requireItem, toItem } from './setup';
import { belowReorderAmong, itemByCode, itemByGtin, itemsBelowReorderLevel, searchItems } from './setup-repository';
import { keptStockAlertCounts, type ItemAlerts, type StockAlertTotals } from './alert-counts-memo';
import type { StockItem } from '../../../src-shared/stock/model';

/** What the stock screens read: an item's page, the search, the alerts, the recall, a scan. */

export function toLotBalance(row: LotBalanceRaw, context: StockContext): LotBalance {
  return {
    lotId: row.lot_id,
    itemId: row.item_id,
    lotNumber: row.lot_number,
    expiryOn: row.expiry_on,
    stockLocationId: row.stock_location_id,
    stockLocationName: row.stock_location_name,
    quantity: row.quantity,
    expired: isExpired(row.expiry_on, context.today),
    nearExpiry: isNearExpiry(row.expiry_on, context),
  };
}

/**
 * FIFO valuation: stock is used oldest first, so what is on hand is what arrived last. Walk the receipts
 * newest first and value the on-hand quantity at their costs until it is covered; anything beyond every
 * receipt (found stock, say) is valued at the item's standard unit cost.
 */
export function fifoValue(
  onHand: number,
  receiptsNewestFirst: { quantity: number; unit_cost_minor: number | null }[],
  standardCost: number,
): number {
  let left = Math.max(0, onHand);
  let value = 0;
  for (const receipt of receiptsNewestFirst) {
    if (left === 0) break;
    const take = Math.min(left, receipt.quantity);
    value += take * (receipt.unit_cost_minor ?? standardCost);
    left -= take;
  }
  return value + left * standardCost;
}

export async function itemView(db: ReadDb, context: StockContext, itemId: string): Promise<ItemView> {
  const item = await requireItem(db, itemId);
  const balances = await itemBalances(db, item.id);
  const onHand = balances.reduce((sum, row) => sum + row.quantity, 0);
  const onOrder = (await onOrderByItem(db, [item.id])).get(item.id) ?? 0;
  const movements = await itemMovements(db, item.id, 100);
  return {
    item: toItem(item),
    onHand,
    onOrder,
    valueMinor: fifoValue(onHand, await itemReceipts(db, item.id), item.unit_cost_minor),
    lots: balances.filter((row) => row.quantity !== 0).map((row) => toLotBalance(row, context)),
    movements: movements.map((m) => ({
      id: m.id,
      kind: m.kind,
      itemId: m.item_id,
      lotId: m.lot_id,
      lotNumber: m.lot_number,
      stockLocationId: m.stock_location_id,
      quantity: m.quantity,
      at: m.at,
      reason: m.reason,
      visitId: m.visit_id,
      purchaseOrderId: m.purchase_order_id,
      countId: m.count_id,
      transferId: m.transfer_id,
      userName: m.user_name,
      createdAt: m.created_at,
    })),
  };
}

export async function searchStock(db: ReadDb, text: string): Promise<StockItemSummary[]> {
  const items = await searchItems(db, text.trim(), STOCK_SEARCH_LIMIT);
  const onHand = await onHandByItem(
    db,
    items.map((item) => item.id),
  );
  const onOrder = await onOrderByItem(
    db,
    items.map((item) => item.id),
  );
  return items.map((row) => ({ ...toItem(row), onHand: onHand.get(row.id) ?? 0, onOrder: onOrder.get(row.id) ?? 0 }));
}

/**
 * Active items under their reorder level with what is on order for them, by name: the alerts' list, and
 * the stock report's, which needs it alone (not the lots the alerts read besides).
 */
export async function belowReorderList(db: ReadDb): Promise<StockAlerts['belowReorder']> {
  const below = await itemsBelowReorderLevel(db, {});
  const onOrder = await onOrderByItem(
    db,
    below.map((item) => item.id),
  );
  return below
    .map((item) => ({
      itemId: item.id,
      itemName: item.name,
      onHand: item.on_hand,
      reorderLevel: item.reorder_level,
      onOrder: onOrder.get(item.id) ?? 0,
    }))
    .sort((a, b) => a.itemName.localeCompare(b.itemName));
}

export async function stockAlerts(db: ReadDb, context: StockContext): Promise<StockAlerts> {
  const belowReorder = await belowReorderList(db);
  // One more than shown tells whether the list goes on, without counting it all.
  const lots = async (from: string, to: string) => {
    const rows = await lotsExpiringWithin(db, { from, to, limit: STOCK_ALERT_LIMIT + 1 });
    return {
      shown: rows.slice(0, STOCK_ALERT_LIMIT).map((row) => toLotBalance(row, context)),
      more: rows.length > STOCK_ALERT_LIMIT,
    };
  };
  // Lots expire at the end of their day: expired is before today, and "expiring" runs from today.
  const expired = await lots('0000-01-01', addDays(context.today, -1));
  const soon = await lots(context.today, context.nearExpiryBy);
  return {
    belowReorder,
    expiringSoon: soon.shown,
    expiredOnShelf: expired.shown,
    moreExpiringSoon: soon.more,
    moreExpiredOnShelf: expired.more,
    nearExpiryDays: context.nearExpiryDays,
  };
}

/** The stock figures of the manager's dashboard: how many items are below their level, how many lots expire. */
export function stockAlertCounts(db: ReadDb, context: StockContext): Promise<StockAlertTotals> {
  const shares = (below: readonly string[], expiry: Awaited<ReturnType<typeof expiryCountsByItem>>) => {
    const perItem = new Map<string, ItemAlerts>();
    const shareOf = (itemId: string) => {
      let share = perItem.get(itemId);
      if (!share) perItem.set(itemId, (share = { below: false, expired: 0, expiringSoon: 0 }));
      return share;
    };
    for (const itemId of below) shareOf(itemId).below = true;
    for (const row of expiry)
      Object.assign(shareOf(row.item_id), { expired: row.expired, expiringSoon: row.expiringSoon });
    return perItem;
  };
  return keptStockAlertCounts(db, `${context.today}|${context.nearExpiryBy}`, {
    all: async () =>
      shares(
        (await itemsBelowReorderLevel(db, {})).map((item) => item.id),
        await expiryCountsByItem(db, context.today, context.nearExpiryBy),
      ),
    ofItems: async (itemIds) =>
      shares(
        await belowReorderAmong(db, itemIds),
        await expiryCountsByItem(db, context.today, context.nearExpiryBy, itemIds),
      ),
  });
}

/** Which patients got a lot (net of returns), by the lot's id or by item and lot number. */
export async function recall(
  db: ReadDb,
  input: { lotId?: string | undefined; itemId?: string | undefined; lotNumber?: string | undefined },
): Promise<{ lotId: string; lotNumber: string; expiryOn: string | null; patients: RecallEntry[] }> {
  let lotId = input.lotId;
  if (!lotId) {
    if (!input.itemId || !input.lotNumber) throw fieldError('lotNumber', 'give the item and its lot number');
    const lot = await lotByNumber(db, input.itemId, input.lotNumber);
    if (!lot) throw fieldError('lotNumber', 'no lot of this item has that number');
    lotId = lot.id;
  }
  const lot = await requireLot(db, lotId);
  const rows = await lotRecipients(db, lot.id);
  return {
    lotId: lot.id,
    lotNumber: lot.lot_number,
    expiryOn: lot.expiry_on,
    patients: rows
      .filter((row) => row.quantity > 0)
      .map((row) => ({
        patientId: row.patient_id,
        patientName: `${row.first_name} ${row.last_name}`,
        visitId: row.visit_id,
        visitDate: row.local_date,
        quantity: row.quantity,
        dispensedAt: row.dispensed_at,
      })),
  };
}

export interface ScanResult {
  item: StockItem | null;
  gtin: string | null;
  lotNumber: string | null;
  expiryOn: string | null;
  serial: string | null;
  /** The lot already known for this item and number, if any. */
  lotId: string | null;
}

/** What a scan (or a typed code) names: a GS1 barcode's GTIN, lot and expiry, or an item's own code. */
export async function lookupScan(db: ReadDb, context: StockContext, text: string): Promise<ScanResult> {
  const parsed = parseGs1(text.trim(), Number(context.today.slice(0, 4)));
  if (!parsed.ok) {
    const byCode = await itemByCode(db, text.trim());
    if (byCode)
      return { item: toItem(byCode), gtin: byCode.gtin, lotNumber: null, expiryOn: null, serial: null, lotId: null };
    throw fieldError('text', parsed.problem);
  }
  const item = parsed.gtin ? await itemByGtin(db, parsed.gtin) : undefined;
  const lot = item && parsed.lotNumber ? await lotByNumber(db, item.id, parsed.lotNumber) : undefined;
  return {
    item: item ? toItem(item) : null,
    gtin: parsed.gtin,
    lotNumber: parsed.lotNumber,
    expiryOn: parsed.expiryOn,
    serial: parsed.serial,
    lotId: lot?.id ?? null,
  };
}
