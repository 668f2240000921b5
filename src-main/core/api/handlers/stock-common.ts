import type { EventMap } from '../../../../src-shared/api/events';
import type { ReadDb } from '../../db/handles';
import { stockContext, type StockContext } from '../../stock/context';
import { reorderStateOf } from '../../stock/setup-repository';
import type { HandlerContext } from '../context';

/** What the stock handlers share: the context every rule reads, the audit note and the `stock.changed` event. */

export function stockContextOf(ctx: HandlerContext): Promise<StockContext> {
  return stockContext(ctx.db, ctx.now, ctx.actor);
}

/**
 * Each item's side of its reorder level, to tell afterwards which items a change moved across it.
 * Only the items asked about are read (it once read every active item, twice a movement: 5k rows at
 * the bench's full size, most of a dispense's time), levels and sums in one statement.
 */
export async function reorderSides(db: ReadDb, itemIds: string[]): Promise<Map<string, boolean>> {
  const items = await reorderStateOf(db, [...new Set(itemIds)]);
  return new Map(items.map((item) => [item.id, item.on_hand < item.reorder_level]));
}

/**
 * Notes the audit entry (the router writes it in the same transaction: every movement is audited with
 * its ids) and queues `stock.changed` with the items that crossed their reorder level.
 */
export async function stockChanged(
  ctx: HandlerContext,
  kind: EventMap['stock.changed']['kind'],
  target: { type: string; id: string },
  itemIds: string[],
  details: Record<string, unknown>,
  before?: Map<string, boolean>,
): Promise<void> {
  ctx.audit.targetType = target.type;
  ctx.audit.targetId = target.id;
  ctx.audit.details = details;
  const crossedReorder: string[] = [];
  // A movement never changes a level, so items without one before have none after: nothing to re-read.
  if (before && before.size > 0) {
    const after = await reorderSides(ctx.db, itemIds);
    for (const [itemId, below] of after) if (before.get(itemId) !== below) crossedReorder.push(itemId);
  }
  ctx.broadcast('stock.changed', { kind, itemIds: [...new Set(itemIds)], crossedReorder });
}
