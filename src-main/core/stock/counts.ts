import { ApiError } from '../../../src-shared/api/errors';
import type { StockCount, StockCountSummary } from '../../../src-shared/stock/model';
import type { ReadDb, WriteDb } from '../db/handles';
import type { StockCountRow } from '../db/schema-stock';
import { newId } from '../ids';
import type { StockContext } from './context';
import {
  countLines,
  findCount,
  finishCount,
  insertCount,
  insertCountLine,
  listCounts,
  openCountAt,
  setCounted,
} from './count-repository';
import { postMovements } from './ledger';
import { balanceRecordedBy, placeBalancesRecordedBy } from './movement-repository';
import { requireLot } from './movements';
import { requireStockLocation } from './setup';

/**
 * Stock counts. Starting one takes a snapshot of every lot at the place; counters enter what they find
 * while the clinic goes on dispensing. A counted quantity is taken as what was there at the snapshot, so
 * what the count posts is counted − snapshot, and a lot ends at counted + whatever moved after the
 * snapshot: stock moving during the count never creates a false variance. Equivalently, expected now =
 * snapshot + moved since, and the variance is (counted + moved since) − expected. Only an approval posts
 * the variances, once: the database refuses any change to an approved count.
 */

export async function requireCount(db: ReadDb, countId: string): Promise<StockCountRow> {
  const count = await findCount(db, countId);
  if (!count) throw new ApiError('NOT_FOUND', 'There is no such count.', { fields: { countId: 'no such count' } });
  return count;
}

function requireOpen(count: StockCountRow): void {
  if (count.status === 'approved')
    throw new ApiError('CONFLICT', 'This count was already approved: its variances are posted.', {
      fields: { countId: 'was already approved' },
    });
  if (count.status === 'cancelled')
    throw new ApiError('CONFLICT', 'This count was cancelled.', { fields: { countId: 'was cancelled' } });
}

export async function startCount(
  db: WriteDb,
  context: StockContext,
  input: { stockLocationId: string; blind: boolean },
): Promise<string> {
  await requireStockLocation(db, input.stockLocationId);
  if (await openCountAt(db, input.stockLocationId))
    throw new ApiError('CONFLICT', 'A count is already open at this place: finish or cancel it first.', {
      fields: { stockLocationId: 'has a count open' },
    });
  const id = newId();
  const balances = await placeBalancesRecordedBy(db, input.stockLocationId, context.now);
  await insertCount(
    db,
    {
      id,
      stock_location_id: input.stockLocationId,
      status: 'open',
      blind: input.blind ? 1 : 0,
      snapshot_at: context.now,
      started_by: context.actor.userId,
      started_by_name: context.actor.displayName,
      approved_at: null,
      approved_by: null,
      approved_by_name: null,
      created_at: context.now,
      updated_at: context.now,
    },
    balances
      .filter((row) => row.quantity !== 0)
      .map((row) => ({
        id: newId(),
        count_id: id,
        item_id: row.item_id,
        lot_id: row.lot_id,
        snapshot_quantity: row.quantity,
        counted_quantity: null,
        counted_at: null,
        counted_by: null,
        created_at: context.now,
        updated_at: context.now,
      })),
  );
  return id;
}

/** Counted quantities by lot (null clears one); a lot the snapshot did not list is added to the sheet. */
export async function enterCounts(
  db: WriteDb,
  context: StockContext,
  input: { countId: string; lines: { lotId: string; countedQuantity: number | null }[] },
): Promise<void> {
  const count = await requireCount(db, input.countId);
  requireOpen(count);
  const sheet = new Map((await countLines(db, count.id)).map((line) => [line.lot_id, line]));
  for (const [index, entry] of input.lines.entries()) {
    const counted = {
      counted_quantity: entry.countedQuantity,
      counted_at: context.now,
      counted_by: context.actor.userId,
    };
    const line = sheet.get(entry.lotId);
    if (line) {
      await setCounted(db, line.id, counted);
      continue;
    }
    const lot = await requireLot(db, entry.lotId, `lines.${index}.lotId`);
    await insertCountLine(db, {
      id: newId(),
      count_id: count.id,
      item_id: lot.item_id,
      lot_id: lot.id,
      snapshot_quantity: await balanceRecordedBy(db, lot.id, count.stock_location_id, count.snapshot_at),
      ...counted,
      created_at: context.now,
      updated_at: context.now,
    });
  }
}

/** Posts each counted lot's variance (counted − snapshot) as a count_variance movement, once. */
export async function approveCount(db: WriteDb, context: StockContext, countId: string): Promise<number> {
  const count = await requireCount(db, countId);
  requireOpen(count);
  const lines = await countLines(db, count.id);
  const moves = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.counted_quantity !== null && line.counted_quantity !== line.snapshot_quantity);
  await postMovements(
    db,
    context,
    moves.map(({ line }) => ({
      kind: 'count_variance' as const,
      itemId: line.item_id,
      lotId: line.lot_id,
      stockLocationId: count.stock_location_id,
      quantity: (line.counted_quantity ?? 0) - line.snapshot_quantity,
      at: context.now,
      countId: count.id,
      reason: 'stock count',
    })),
    (index) => `lines.${moves[index]?.index ?? 0}.countedQuantity`,
  );
  const changed = await finishCount(db, count.id, {
    status: 'approved',
    approved_at: context.now,
    approved_by: context.actor.userId,
    approved_by_name: context.actor.displayName,
    updated_at: context.now,
  });
  if (changed !== 1)
    throw new ApiError('CONFLICT', 'This count was already approved.', { fields: { countId: 'was already approved' } });
  return moves.length;
}

export async function cancelCount(db: WriteDb, context: StockContext, countId: string): Promise<void> {
  const count = await requireCount(db, countId);
  requireOpen(count);
  await finishCount(db, count.id, { status: 'cancelled', updated_at: context.now });
}

export async function countView(db: ReadDb, countId: string): Promise<StockCount> {
  const count = await requireCount(db, countId);
  const hide = count.blind === 1 && count.status === 'open';
  const lines = await countLines(db, count.id);
  return {
    id: count.id,
    stockLocationId: count.stock_location_id,
    status: count.status,
    blind: count.blind === 1,
    snapshotAt: count.snapshot_at,
    approvedAt: count.approved_at,
    lines: lines.map((line) => ({
      id: line.id,
      itemId: line.item_id,
      itemName: line.item_name,
      lotId: line.lot_id,
      lotNumber: line.lot_number,
      expiryOn: line.expiry_on,
      snapshotQuantity: hide ? null : line.snapshot_quantity,
      countedQuantity: line.counted_quantity,
      variance: hide || line.counted_quantity === null ? null : line.counted_quantity - line.snapshot_quantity,
    })),
  };
}

/** The counts screen's list: open counts first (newest first), then the last finished ones. */
export async function countSummaries(db: ReadDb): Promise<StockCountSummary[]> {
  const [open, finished] = await listCounts(db, 20);
  return [...open, ...finished].map((row) => ({
    id: row.id,
    stockLocationId: row.stock_location_id,
    stockLocationName: row.stock_location_name,
    status: row.status,
    blind: row.blind === 1,
    snapshotAt: row.snapshot_at,
    approvedAt: row.approved_at,
    startedBy: row.started_by_name,
    lines: row.lines,
    counted: row.counted,
  }));
}
