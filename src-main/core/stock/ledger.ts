import { fieldError } from '../../../src-shared/api/errors';
import type { MovementKind } from '../../../src-shared/stock/model';
import type { WriteDb } from '../db/handles';
import { newId } from '../ids';
import type { StockContext } from './context';
import {
  findLot,
  insertLot,
  insertMovements,
  lotByNumber,
  lotPlaceBalance,
  lotPlaceMovementsFrom,
} from './movement-repository';

/**
 * The one way stock moves: every service builds movements and posts them here. Before anything is
 * written, each lot × place a movement touches is replayed in the order things happened (a backdated
 * movement slots in at its instant) and refused if its balance would be below zero at any point from
 * then on: a late-entered dispense cannot make a past count or a later dispense impossible.
 */

export interface NewMovement {
  kind: MovementKind;
  itemId: string;
  lotId: string;
  stockLocationId: string;
  quantity: number;
  at: number;
  reason?: string | null;
  unitCostMinor?: number | null;
  visitId?: string | null;
  purchaseOrderId?: string | null;
  purchaseOrderLineId?: string | null;
  countId?: string | null;
  supplierId?: string | null;
  transferId?: string | null;
  returnsMovementId?: string | null;
  invoiceLineId?: string | null;
}

/**
 * The lowest balance a lot × place reaches from `from` on, with `added` slotted in at their instants.
 * Only the movements from `from` on are read: the balance just before it is the kept balance less them.
 */
export async function lowestBalanceFrom(
  db: WriteDb,
  place: { itemId: string; lotId: string; stockLocationId: string },
  added: { at: number; quantity: number }[],
): Promise<{ lowest: number; at: number }> {
  const from = Math.min(...added.map((move) => move.at));
  const [kept] = await lotPlaceBalance(db, place);
  const later = await lotPlaceMovementsFrom(db, { ...place, from });
  let balance = later.reduce((sum, move) => sum - move.quantity, kept?.quantity ?? 0);
  // Stable sort: among movements at the same instant, recorded ones stay first and new ones follow.
  const merged = [...later, ...added].sort((a, b) => a.at - b.at);
  let lowest = Number.POSITIVE_INFINITY;
  let lowestAt = from;
  for (const move of merged) {
    balance += move.quantity;
    if (balance < lowest) {
      lowest = balance;
      lowestAt = move.at;
    }
  }
  return { lowest, at: lowestAt };
}

/**
 * Posts movements after checking that no lot × place goes below zero then or later. `fieldOf(index)`
 * names the input field a refusal is about (the quantity, usually).
 */
export async function postMovements(
  db: WriteDb,
  context: StockContext,
  moves: NewMovement[],
  fieldOf: (index: number) => string,
): Promise<string[]> {
  const groups = new Map<string, number[]>();
  moves.forEach((move, index) => {
    const key = `${move.lotId}|${move.stockLocationId}`;
    groups.set(key, [...(groups.get(key) ?? []), index]);
  });
  for (const indexes of groups.values()) {
    const first = moves[indexes[0] ?? 0];
    if (!first || indexes.every((index) => (moves[index]?.quantity ?? 0) > 0)) continue;
    const added = indexes.map((index) => moves[index] as NewMovement);
    const { lowest, at } = await lowestBalanceFrom(db, first, added);
    if (lowest < 0) {
      const lot = await findLot(db, first.lotId);
      const when = at < context.now ? ` on ${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
      const failing = indexes.find((index) => (moves[index]?.quantity ?? 0) < 0) ?? indexes[0] ?? 0;
      throw fieldError(
        fieldOf(failing),
        `would take lot ${lot?.lot_number ?? ''} below zero${when} (to ${lowest}): there is not that much of it there`,
      );
    }
  }
  const ids = moves.map(() => newId());
  await insertMovements(
    db,
    moves.map((move, index) => ({
      id: ids[index] as string,
      kind: move.kind,
      item_id: move.itemId,
      lot_id: move.lotId,
      stock_location_id: move.stockLocationId,
      quantity: move.quantity,
      at: move.at,
      reason: move.reason ?? null,
      unit_cost_minor: move.unitCostMinor ?? null,
      visit_id: move.visitId ?? null,
      purchase_order_id: move.purchaseOrderId ?? null,
      purchase_order_line_id: move.purchaseOrderLineId ?? null,
      count_id: move.countId ?? null,
      supplier_id: move.supplierId ?? null,
      transfer_id: move.transferId ?? null,
      returns_movement_id: move.returnsMovementId ?? null,
      invoice_line_id: move.invoiceLineId ?? null,
      user_id: context.actor.userId,
      user_name: context.actor.displayName ?? context.actor.username,
      created_at: context.now,
    })),
  );
  return ids;
}

/**
 * The item's lot with this number, made on first receipt. A lot's expiry is fixed: receiving the same
 * lot number with another expiry is a mistake the user must see.
 */
export async function lotFor(
  db: WriteDb,
  context: StockContext,
  itemId: string,
  lotNumber: string,
  expiryOn: string | null,
  fields: { lotNumber: string; expiryOn: string },
): Promise<string> {
  const existing = await lotByNumber(db, itemId, lotNumber);
  if (existing) {
    if (existing.expiry_on !== expiryOn)
      throw fieldError(
        fields.expiryOn,
        `lot ${lotNumber} is recorded as expiring ${existing.expiry_on ?? 'never'}: check the pack`,
      );
    return existing.id;
  }
  const id = newId();
  await insertLot(db, {
    id,
    item_id: itemId,
    lot_number: lotNumber,
    expiry_on: expiryOn,
    created_at: context.now,
    updated_at: context.now,
  });
  return id;
}
