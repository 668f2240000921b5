import { fieldError } from '../../../src-shared/api/errors';
import type { ReadDb, WriteDb } from '../db/handles';
import type { StockLotRow } from '../db/schema-stock';
import { newId } from '../ids';
import { isExpired, occurredAt, type StockContext } from './context';
import { lotFor, postMovements } from './ledger';
import { findLot } from './movement-repository';
import { requireItem, requireStockLocation } from './setup';
import { findSupplier } from './setup-repository';

/**
 * Stock coming in and moving about outside a visit: receipts (with or without a purchase order),
 * transfers between places, adjustments with a reason, expired or destroyed stock, returns to a
 * supplier. Each may be backdated (`occurredAt`); the ledger refuses one that would take a lot below
 * zero then or at any later point.
 */

export async function requireLot(db: ReadDb, lotId: string, field = 'lotId'): Promise<StockLotRow> {
  const lot = await findLot(db, lotId);
  if (!lot) throw fieldError(field, 'no such lot');
  return lot;
}

export interface ReceiveInput {
  itemId: string;
  stockLocationId: string;
  lotNumber: string;
  expiryOn: string | null;
  quantity: number;
  unitCostMinor?: number | null | undefined;
  supplierId?: string | null | undefined;
  occurredAt?: number | null | undefined;
}

/** Stock arrives (outside a purchase order). Answers the movement and lot ids. */
export async function receive(
  db: WriteDb,
  context: StockContext,
  input: ReceiveInput,
  source: { purchaseOrderId?: string; purchaseOrderLineId?: string } = {},
  fields = { lotNumber: 'lotNumber', expiryOn: 'expiryOn', quantity: 'quantity' },
): Promise<{ movementId: string; lotId: string }> {
  const item = await requireItem(db, input.itemId);
  await requireStockLocation(db, input.stockLocationId);
  if (input.supplierId && !(await findSupplier(db, input.supplierId)))
    throw fieldError('supplierId', 'no such supplier');
  if (input.expiryOn !== null && isExpired(input.expiryOn, context.today))
    throw fieldError(fields.expiryOn, `${input.expiryOn} has passed: expired stock is not taken in`);
  const at = occurredAt(context, input.occurredAt);
  const lotId = await lotFor(db, context, item.id, input.lotNumber, input.expiryOn, fields);
  const [movementId] = await postMovements(
    db,
    context,
    [
      {
        kind: 'receive',
        itemId: item.id,
        lotId,
        stockLocationId: input.stockLocationId,
        quantity: input.quantity,
        at,
        unitCostMinor: input.unitCostMinor ?? item.unit_cost_minor,
        supplierId: input.supplierId ?? null,
        purchaseOrderId: source.purchaseOrderId ?? null,
        purchaseOrderLineId: source.purchaseOrderLineId ?? null,
      },
    ],
    () => fields.quantity,
  );
  return { movementId: movementId as string, lotId };
}

export interface TransferInput {
  lotId: string;
  fromStockLocationId: string;
  toStockLocationId: string;
  quantity: number;
  reason?: string | null | undefined;
  occurredAt?: number | null | undefined;
}

/** One move: out of one place and into another at the same instant, sharing a transfer id. */
export async function transfer(db: WriteDb, context: StockContext, input: TransferInput): Promise<string> {
  const lot = await requireLot(db, input.lotId);
  await requireStockLocation(db, input.fromStockLocationId, 'fromStockLocationId');
  await requireStockLocation(db, input.toStockLocationId, 'toStockLocationId');
  if (input.fromStockLocationId === input.toStockLocationId)
    throw fieldError('toStockLocationId', 'is where the stock already is');
  const at = occurredAt(context, input.occurredAt);
  const transferId = newId();
  const common = { itemId: lot.item_id, lotId: lot.id, at, transferId, reason: input.reason ?? null };
  await postMovements(
    db,
    context,
    [
      { ...common, kind: 'transfer_out', stockLocationId: input.fromStockLocationId, quantity: -input.quantity },
      { ...common, kind: 'transfer_in', stockLocationId: input.toStockLocationId, quantity: input.quantity },
    ],
    () => 'quantity',
  );
  return transferId;
}

export interface AdjustInput {
  lotId: string;
  stockLocationId: string;
  /** Signed: found stock adds, lost or broken stock takes away. */
  quantity: number;
  reason: string;
  occurredAt?: number | null | undefined;
}

export async function adjust(db: WriteDb, context: StockContext, input: AdjustInput): Promise<string> {
  const lot = await requireLot(db, input.lotId);
  await requireStockLocation(db, input.stockLocationId);
  if (input.quantity === 0) throw fieldError('quantity', 'an adjustment must add or take away something');
  const [id] = await postMovements(
    db,
    context,
    [
      {
        kind: 'adjust',
        itemId: lot.item_id,
        lotId: lot.id,
        stockLocationId: input.stockLocationId,
        quantity: input.quantity,
        at: occurredAt(context, input.occurredAt),
        reason: input.reason,
      },
    ],
    () => 'quantity',
  );
  return id as string;
}

export interface WriteOffInput {
  lotId: string;
  stockLocationId: string;
  quantity: number;
  /** `expire`: the lot has expired; `destroy`: damaged, spoilt, cold chain broken (reason required). */
  kind: 'expire' | 'destroy';
  reason: string | null;
  occurredAt?: number | null | undefined;
}

/** Takes expired or destroyed stock off the shelf: the only way, with a return, that expired stock leaves. */
export async function writeOff(db: WriteDb, context: StockContext, input: WriteOffInput): Promise<string> {
  const lot = await requireLot(db, input.lotId);
  await requireStockLocation(db, input.stockLocationId);
  if (input.kind === 'expire' && !isExpired(lot.expiry_on, context.today))
    throw fieldError('kind', `lot ${lot.lot_number} has not expired: record it as destroyed, with the reason`);
  if (input.kind === 'destroy' && !input.reason) throw fieldError('reason', 'say why the stock is destroyed');
  const [id] = await postMovements(
    db,
    context,
    [
      {
        kind: input.kind,
        itemId: lot.item_id,
        lotId: lot.id,
        stockLocationId: input.stockLocationId,
        quantity: -input.quantity,
        at: occurredAt(context, input.occurredAt),
        reason: input.reason ?? (input.kind === 'expire' ? `expired ${lot.expiry_on ?? ''}` : null),
      },
    ],
    () => 'quantity',
  );
  return id as string;
}

export interface SupplierReturnInput {
  lotId: string;
  stockLocationId: string;
  supplierId: string;
  quantity: number;
  reason: string;
}

export async function returnToSupplier(
  db: WriteDb,
  context: StockContext,
  input: SupplierReturnInput,
): Promise<string> {
  const lot = await requireLot(db, input.lotId);
  await requireStockLocation(db, input.stockLocationId);
  if (!(await findSupplier(db, input.supplierId))) throw fieldError('supplierId', 'no such supplier');
  const [id] = await postMovements(
    db,
    context,
    [
      {
        kind: 'return_to_supplier',
        itemId: lot.item_id,
        lotId: lot.id,
        stockLocationId: input.stockLocationId,
        quantity: -input.quantity,
        at: context.now,
        reason: input.reason,
        supplierId: input.supplierId,
      },
    ],
    () => 'quantity',
  );
  return id as string;
}
