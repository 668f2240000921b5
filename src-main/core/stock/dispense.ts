import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { DispensePick, DispenseResult } from '../../../src-shared/stock/model';
import type { ReadDb, WriteDb } from '../db/handles';
import { isExpired, isNearExpiry, type StockContext } from './context';
import { chargeDispense, uncharge } from './invoice-link';
import { postMovements } from './ledger';
import { findMovement, lotsOnHandAt, returnOf, visitForDispense, type LotBalanceRaw } from './movement-repository';
import { requireLot } from './movements';
import { requireItem, requireStockLocation } from './setup';
import { unitWord } from '../../../src-shared/stock/unit-count';

/**
 * Dispensing belongs to a visit of today. Without a lot chosen, the first-expiring lot that has not
 * expired is taken (FEFO), then the next, until the quantity is served: several lots may serve one
 * dispense and each keeps its own movement, so a recall finds every patient of a lot. An expired lot
 * is never dispensed; one expiring within the window is flagged on the answer.
 */

export interface DispenseInput {
  visitId: string;
  itemId: string;
  stockLocationId: string;
  quantity: number;
  /** The user picked this lot instead of FEFO. */
  lotId?: string | null | undefined;
}

/** FEFO: the unexpired lots in order, taking from each until the quantity is served. */
export function fefoPlan(
  lots: LotBalanceRaw[],
  quantity: number,
  today: string,
): { lot: LotBalanceRaw; quantity: number }[] | null {
  const plan: { lot: LotBalanceRaw; quantity: number }[] = [];
  let left = quantity;
  for (const lot of lots) {
    if (left === 0) break;
    if (isExpired(lot.expiry_on, today) || lot.quantity <= 0) continue;
    const take = Math.min(left, lot.quantity);
    plan.push({ lot, quantity: take });
    left -= take;
  }
  return left === 0 ? plan : null;
}

export async function requireTodaysVisit(db: ReadDb, context: StockContext, visitId: string) {
  const visit = await visitForDispense(db, visitId);
  if (!visit) throw fieldError('visitId', 'no such visit');
  if (visit.status === 'cancelled') throw fieldError('visitId', 'was cancelled');
  if (visit.local_date !== context.today)
    throw fieldError('visitId', `is a visit of ${visit.local_date}, not of today`);
  return visit;
}

export async function dispense(db: WriteDb, context: StockContext, input: DispenseInput): Promise<DispenseResult> {
  const visit = await requireTodaysVisit(db, context, input.visitId);
  const item = await requireItem(db, input.itemId);
  if (item.active !== 1) throw fieldError('itemId', `${item.name} is no longer stocked`);
  await requireStockLocation(db, input.stockLocationId);
  const onHand = await lotsOnHandAt(db, item.id, input.stockLocationId);
  let plan: { lot: LotBalanceRaw; quantity: number }[];
  if (input.lotId) {
    const lot = await requireLot(db, input.lotId);
    if (lot.item_id !== item.id) throw fieldError('lotId', `is not a lot of ${item.name}`);
    if (isExpired(lot.expiry_on, context.today))
      throw fieldError('lotId', `lot ${lot.lot_number} expired on ${lot.expiry_on ?? ''}: it cannot be dispensed`);
    const there = onHand.find((row) => row.lot_id === lot.id);
    if (!there || there.quantity < input.quantity)
      throw fieldError('quantity', `only ${there?.quantity ?? 0} of lot ${lot.lot_number} are here`);
    plan = [{ lot: there, quantity: input.quantity }];
  } else {
    const found = fefoPlan(onHand, input.quantity, context.today);
    if (!found) {
      const usable = onHand
        .filter((row) => !isExpired(row.expiry_on, context.today))
        .reduce((sum, row) => sum + row.quantity, 0);
      throw fieldError(
        'quantity',
        `only ${usable} ${unitWord(item.dispensing_unit, usable)} of ${item.name} that have not expired are here`,
      );
    }
    plan = found;
  }
  const lotNumbers = plan.map((step) => step.lot.lot_number);
  const link =
    item.billable === 1
      ? await chargeDispense(db, context, visit.id, item, input.quantity, lotNumbers)
      : { invoiceId: null, lineId: null, note: null };
  const ids = await postMovements(
    db,
    context,
    plan.map((step) => ({
      kind: 'dispense' as const,
      itemId: item.id,
      lotId: step.lot.lot_id,
      stockLocationId: input.stockLocationId,
      quantity: -step.quantity,
      at: context.now,
      visitId: visit.id,
      invoiceLineId: link.lineId,
    })),
    () => 'quantity',
  );
  const picks: DispensePick[] = plan.map((step, index) => ({
    movementId: ids[index] as string,
    lotId: step.lot.lot_id,
    lotNumber: step.lot.lot_number,
    expiryOn: step.lot.expiry_on,
    quantity: step.quantity,
    nearExpiry: isNearExpiry(step.lot.expiry_on, context),
  }));
  return { picks, invoiceId: link.invoiceId, invoiceNote: link.note };
}

/** The patient hands back what was dispensed (unused): the units go back to the lot and off the draft invoice. */
export async function returnDispense(
  db: WriteDb,
  context: StockContext,
  input: { movementId: string; reason: string },
): Promise<{ movementId: string; invoiceNote: string | null }> {
  const original = await findMovement(db, input.movementId);
  if (original?.kind !== 'dispense') throw fieldError('movementId', 'is not a dispense');
  if (await returnOf(db, original.id))
    throw new ApiError('CONFLICT', 'This dispense was already returned.', {
      fields: { movementId: 'was already returned' },
    });
  const [id] = await postMovements(
    db,
    context,
    [
      {
        kind: 'dispense_return',
        itemId: original.item_id,
        lotId: original.lot_id,
        stockLocationId: original.stock_location_id,
        quantity: -original.quantity,
        at: context.now,
        reason: input.reason,
        visitId: original.visit_id,
        returnsMovementId: original.id,
        invoiceLineId: original.invoice_line_id,
      },
    ],
    () => 'movementId',
  );
  const link = original.invoice_line_id
    ? await uncharge(db, context, original.invoice_line_id, -original.quantity)
    : { note: null };
  return { movementId: id as string, invoiceNote: link.note };
}
