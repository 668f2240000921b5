import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { PurchaseOrder, PurchaseOrderStatus, SuggestedLine } from '../../../src-shared/stock/model';
import type { ReadDb, WriteDb } from '../db/handles';
import type { PurchaseOrderRow } from '../db/schema-stock';
import { newId } from '../ids';
import type { StockContext } from './context';
import { onHandByItem } from './movement-repository';
import { receive } from './movements';
import { findOrder, insertOrder, listOrders, onOrderByItem, orderLines, updateOrder } from './order-repository';
import { requireItem, requireStockLocation } from './setup';
import { allActiveItems, findSupplier, supplierItems } from './setup-repository';

/**
 * Purchase orders: draft → sent → partly received → received, or closed short, or cancelled before
 * anything arrives. What a line has received is the sum of its receipt movements; receiving more than a
 * line still expects is refused. The suggested order lists every item below its reorder level counting
 * what open orders (draft, sent, partly received) still expect, so an item already on order is not ordered twice.
 */

export async function requireOrder(db: ReadDb, orderId: string): Promise<PurchaseOrderRow> {
  const order = await findOrder(db, orderId);
  if (!order)
    throw new ApiError('NOT_FOUND', 'There is no such purchase order.', { fields: { orderId: 'no such order' } });
  return order;
}

function refuseStatus(order: PurchaseOrderRow, wanted: string): never {
  throw new ApiError('CONFLICT', `This order is ${order.status.replace('_', ' ')}: it cannot be ${wanted}.`, {
    fields: { orderId: `is ${order.status.replace('_', ' ')}` },
  });
}

export interface OrderLineInput {
  itemId: string;
  quantity: number;
  unitCostMinor?: number | null | undefined;
}

export async function createOrder(
  db: WriteDb,
  context: StockContext,
  input: {
    supplierId: string;
    stockLocationId: string;
    reference: string | null;
    notes: string | null;
    lines: OrderLineInput[];
  },
): Promise<string> {
  if (!(await findSupplier(db, input.supplierId))) throw fieldError('supplierId', 'no such supplier');
  await requireStockLocation(db, input.stockLocationId);
  if (input.lines.length === 0) throw fieldError('lines', 'an order needs at least one line');
  const id = newId();
  const lines = [];
  for (const [position, line] of input.lines.entries()) {
    const item = await requireItem(db, line.itemId, `lines.${position}.itemId`);
    lines.push({
      id: newId(),
      order_id: id,
      position,
      item_id: item.id,
      quantity: line.quantity,
      unit_cost_minor: line.unitCostMinor ?? item.unit_cost_minor,
      created_at: context.now,
      updated_at: context.now,
      deleted_at: null,
    });
  }
  await insertOrder(
    db,
    {
      id,
      supplier_id: input.supplierId,
      stock_location_id: input.stockLocationId,
      status: 'draft',
      reference: input.reference,
      notes: input.notes,
      sent_at: null,
      finished_at: null,
      created_by: context.actor.userId,
      created_by_name: context.actor.displayName,
      created_at: context.now,
      updated_at: context.now,
    },
    lines,
  );
  return id;
}

export async function sendOrder(db: WriteDb, context: StockContext, orderId: string): Promise<void> {
  const order = await requireOrder(db, orderId);
  if (order.status !== 'draft') refuseStatus(order, 'sent');
  await updateOrder(db, order.id, { status: 'sent', sent_at: context.now, updated_at: context.now });
}

export async function cancelOrder(db: WriteDb, context: StockContext, orderId: string): Promise<void> {
  const order = await requireOrder(db, orderId);
  if (order.status !== 'draft' && order.status !== 'sent') refuseStatus(order, 'cancelled');
  await updateOrder(db, order.id, { status: 'cancelled', finished_at: context.now, updated_at: context.now });
}

/** A partly received order closed short: what did not come is no longer expected. */
export async function closeOrder(db: WriteDb, context: StockContext, orderId: string): Promise<void> {
  const order = await requireOrder(db, orderId);
  if (order.status !== 'partly_received' && order.status !== 'sent') refuseStatus(order, 'closed');
  await updateOrder(db, order.id, { status: 'closed', finished_at: context.now, updated_at: context.now });
}

export interface OrderReceiptLine {
  lineId: string;
  lotNumber: string;
  expiryOn: string | null;
  quantity: number;
  unitCostMinor?: number | null | undefined;
}

/** A delivery against the order: each line's lot, expiry, quantity and cost. */
export async function receiveOrder(
  db: WriteDb,
  context: StockContext,
  input: { orderId: string; lines: OrderReceiptLine[] },
): Promise<PurchaseOrderStatus> {
  const order = await requireOrder(db, input.orderId);
  if (order.status === 'draft')
    throw new ApiError('CONFLICT', 'This order has not been sent: send it before receiving against it.', {
      fields: { orderId: 'is a draft' },
    });
  if (order.status !== 'sent' && order.status !== 'partly_received') refuseStatus(order, 'received against');
  const lines = new Map((await orderLines(db, order.id)).map((line) => [line.id, line]));
  const arriving = new Map<string, number>();
  for (const [index, entry] of input.lines.entries()) {
    const line = lines.get(entry.lineId);
    if (!line) throw fieldError(`lines.${index}.lineId`, 'is not a line of this order');
    const total = (arriving.get(line.id) ?? 0) + entry.quantity;
    const expected = line.quantity - line.received;
    if (total > expected)
      throw fieldError(
        `lines.${index}.quantity`,
        `is more than the ${expected} ${line.item_name} this line still expects (ordered ${line.quantity}, received ${line.received})`,
      );
    arriving.set(line.id, total);
    await receive(
      db,
      context,
      {
        itemId: line.item_id,
        stockLocationId: order.stock_location_id,
        lotNumber: entry.lotNumber,
        expiryOn: entry.expiryOn,
        quantity: entry.quantity,
        unitCostMinor: entry.unitCostMinor ?? line.unit_cost_minor,
        supplierId: order.supplier_id,
      },
      { purchaseOrderId: order.id, purchaseOrderLineId: line.id },
      {
        lotNumber: `lines.${index}.lotNumber`,
        expiryOn: `lines.${index}.expiryOn`,
        quantity: `lines.${index}.quantity`,
      },
    );
  }
  const complete = [...lines.values()].every((line) => line.received + (arriving.get(line.id) ?? 0) >= line.quantity);
  const status: PurchaseOrderStatus = complete ? 'received' : 'partly_received';
  await updateOrder(db, order.id, {
    status,
    finished_at: complete ? context.now : null,
    updated_at: context.now,
  });
  return status;
}

export async function orderView(db: ReadDb, orderId: string): Promise<PurchaseOrder> {
  const order = await requireOrder(db, orderId);
  const supplier = await findSupplier(db, order.supplier_id);
  return {
    id: order.id,
    supplierId: order.supplier_id,
    supplierName: supplier?.name ?? '',
    stockLocationId: order.stock_location_id,
    status: order.status,
    reference: order.reference,
    notes: order.notes,
    createdAt: order.created_at,
    updatedAt: order.updated_at,
    lines: (await orderLines(db, order.id)).map((line) => ({
      id: line.id,
      itemId: line.item_id,
      itemName: line.item_name,
      quantity: line.quantity,
      received: line.received,
      unitCostMinor: line.unit_cost_minor,
    })),
  };
}

export async function orderList(db: ReadDb, statuses: PurchaseOrderStatus[] | null) {
  return (await listOrders(db, statuses, 200)).map((row) => ({
    id: row.id,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    status: row.status,
    reference: row.reference,
    createdAt: row.created_at,
  }));
}

/**
 * Every active item whose stock on hand plus what is on order is below its reorder level: order the
 * reorder quantity, or up to the maximum when one is set.
 */
export async function suggestedOrder(db: ReadDb): Promise<SuggestedLine[]> {
  const items = await allActiveItems(db);
  const onHand = await onHandByItem(db);
  const onOrder = await onOrderByItem(db);
  const suppliersOf = new Map<string, string>();
  for (const link of await supplierItems(db))
    if (!suppliersOf.has(link.item_id)) suppliersOf.set(link.item_id, link.supplier_id);
  const lines: SuggestedLine[] = [];
  for (const item of items) {
    const have = onHand.get(item.id) ?? 0;
    const coming = onOrder.get(item.id) ?? 0;
    if (item.reorder_level === 0 || have + coming >= item.reorder_level) continue;
    const suggested =
      item.maximum_level !== null
        ? item.maximum_level - have - coming
        : Math.max(item.reorder_quantity, item.reorder_level - have - coming);
    lines.push({
      itemId: item.id,
      itemName: item.name,
      onHand: have,
      onOrder: coming,
      reorderLevel: item.reorder_level,
      suggested: Math.max(1, suggested),
      unitCostMinor: item.unit_cost_minor,
      supplierId: suppliersOf.get(item.id) ?? null,
    });
  }
  return lines.sort((a, b) => a.itemName.localeCompare(b.itemName));
}
