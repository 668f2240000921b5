import { findLot } from '../../stock/movement-repository';
import { dispense, returnDispense } from '../../stock/dispense';
import { adjust, receive, returnToSupplier, transfer, writeOff } from '../../stock/movements';
import { setNearExpiryWindow } from '../../stock/setup';
import { itemView, lookupScan, recall, searchStock, stockAlerts } from '../../stock/views';
import { findMovement } from '../../stock/movement-repository';
import type { HandlersFor } from '../context';
import { reorderSides, stockChanged, stockContextOf } from './stock-common';

export const stockHandlers: HandlersFor<
  | 'stock.search'
  | 'stock.item'
  | 'stock.alerts'
  | 'stock.scan'
  | 'stock.recall'
  | 'stock.receive'
  | 'stock.dispense'
  | 'stock.returnDispense'
  | 'stock.transfer'
  | 'stock.adjust'
  | 'stock.writeOff'
  | 'stock.returnToSupplier'
  | 'stock.setNearExpiryDays'
> = {
  'stock.search': async (ctx, input) => searchStock(ctx.db, input.text),
  'stock.item': async (ctx, input) => itemView(ctx.db, await stockContextOf(ctx), input.itemId),
  'stock.alerts': async (ctx) => stockAlerts(ctx.db, await stockContextOf(ctx)),
  'stock.scan': async (ctx, input) => lookupScan(ctx.db, await stockContextOf(ctx), input.text),
  'stock.recall': async (ctx, input) => {
    const answer = await recall(ctx.db, input);
    ctx.audit.targetType = 'stock_lot';
    ctx.audit.targetId = answer.lotId;
    ctx.audit.details = { lotNumber: answer.lotNumber, patients: answer.patients.length };
    return answer;
  },
  'stock.receive': async (ctx, input) => {
    const before = await reorderSides(ctx.db, [input.itemId]);
    const done = await receive(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(
      ctx,
      'movement',
      { type: 'stock_movement', id: done.movementId },
      [input.itemId],
      {
        kind: 'receive',
        lotId: done.lotId,
        lotNumber: input.lotNumber,
        quantity: input.quantity,
        stockLocationId: input.stockLocationId,
        occurredAt: input.occurredAt ?? null,
      },
      before,
    );
    return done;
  },
  'stock.dispense': async (ctx, input) => {
    const before = await reorderSides(ctx.db, [input.itemId]);
    const result = await dispense(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(
      ctx,
      'movement',
      { type: 'visit', id: input.visitId },
      [input.itemId],
      {
        kind: 'dispense',
        itemId: input.itemId,
        movementIds: result.picks.map((pick) => pick.movementId),
        lots: result.picks.map((pick) => ({ lotNumber: pick.lotNumber, quantity: pick.quantity })),
        invoiceId: result.invoiceId,
      },
      before,
    );
    if (result.invoiceId)
      ctx.broadcast('billing.changed', { kind: 'invoice', patientIds: [], ids: [result.invoiceId] });
    return result;
  },
  'stock.returnDispense': async (ctx, input) => {
    const original = await findMovement(ctx.db, input.movementId);
    const itemIds = original ? [original.item_id] : [];
    const before = await reorderSides(ctx.db, itemIds);
    const result = await returnDispense(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(
      ctx,
      'movement',
      { type: 'stock_movement', id: result.movementId },
      itemIds,
      {
        kind: 'dispense_return',
        returns: input.movementId,
        reason: input.reason,
      },
      before,
    );
    return result;
  },
  'stock.transfer': async (ctx, input) => {
    const transferId = await transfer(ctx.db, await stockContextOf(ctx), input);
    const lot = await findLot(ctx.db, input.lotId);
    await stockChanged(ctx, 'movement', { type: 'stock_transfer', id: transferId }, lot ? [lot.item_id] : [], {
      kind: 'transfer',
      ...input,
    });
    return { transferId };
  },
  'stock.adjust': async (ctx, input) => {
    const lot = await findLot(ctx.db, input.lotId);
    const itemIds = lot ? [lot.item_id] : [];
    const before = await reorderSides(ctx.db, itemIds);
    const movementId = await adjust(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(
      ctx,
      'movement',
      { type: 'stock_movement', id: movementId },
      itemIds,
      { kind: 'adjust', ...input },
      before,
    );
    return { movementId };
  },
  'stock.writeOff': async (ctx, input) => {
    const lot = await findLot(ctx.db, input.lotId);
    const itemIds = lot ? [lot.item_id] : [];
    const before = await reorderSides(ctx.db, itemIds);
    const movementId = await writeOff(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(ctx, 'movement', { type: 'stock_movement', id: movementId }, itemIds, { ...input }, before);
    return { movementId };
  },
  'stock.returnToSupplier': async (ctx, input) => {
    const lot = await findLot(ctx.db, input.lotId);
    const itemIds = lot ? [lot.item_id] : [];
    const before = await reorderSides(ctx.db, itemIds);
    const movementId = await returnToSupplier(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(
      ctx,
      'movement',
      { type: 'stock_movement', id: movementId },
      itemIds,
      { kind: 'return_to_supplier', ...input },
      before,
    );
    return { movementId };
  },
  'stock.setNearExpiryDays': async (ctx, input) => {
    await setNearExpiryWindow(ctx.db, input.nearExpiryDays, ctx.now);
    await stockChanged(ctx, 'setup', { type: 'stock_settings', id: '1' }, [], { nearExpiryDays: input.nearExpiryDays });
    return { nearExpiryDays: input.nearExpiryDays };
  },
};
