import type { StockReport } from '../../../src-shared/reports/model';
import { localDayBounds } from '../../../src-shared/scheduling/time';
import type { HandlerContext } from '../api/context';
import { billingContext } from '../billing/context';
import { addDays, stockContext } from '../stock/context';
import { lotsExpiringBy } from '../stock/movement-repository';
import { movementsByKind, valuationTotals, valuedItems } from '../stock/report-repository';
import { itemNames } from '../stock/setup-repository';
import { belowReorderList } from '../stock/views';
import type { ReportScope } from './scope';

/**
 * The stock room for managers, through the stock domain's own reads: valuation (on hand × unit cost),
 * lots expiring within the days asked, items below their reorder level (the stock alerts' own list, read
 * alone rather than through `stockAlerts`, whose lot reads it would throw away), and what moved in the
 * range by kind (DEFINITIONS.stockValuation … stockMovements).
 */
export async function stockReport(
  ctx: HandlerContext,
  scope: ReportScope,
  expiringDays: number,
  rows: number | null,
): Promise<StockReport> {
  const context = await stockContext(ctx.db, ctx.now, ctx.actor);
  const toItem = (item: Awaited<ReturnType<typeof valuedItems>>[number]) => ({
    itemId: item.id,
    code: item.code,
    name: item.name,
    onHand: item.on_hand,
    unitCostMinor: item.unit_cost_minor,
    valueMinor: item.on_hand * item.unit_cost_minor,
  });
  const valued = (await valuedItems(ctx.db, rows)).map(toItem);
  const totals = await valuationTotals(ctx.db);
  // One more than shown says whether the list goes on, without reading it all.
  const lots = await lotsExpiringBy(ctx.db, addDays(context.today, expiringDays), rows === null ? undefined : rows + 1);
  const shown = rows === null ? lots : lots.slice(0, rows);
  const names = await itemNames(ctx.db, [...new Set(shown.map((lot) => lot.item_id))]);
  const expiring = shown.map((lot) => ({
    itemId: lot.item_id,
    itemName: names.get(lot.item_id) ?? '',
    lotNumber: lot.lot_number,
    expiryOn: lot.expiry_on ?? '',
    stockLocationName: lot.stock_location_name,
    quantity: lot.quantity,
    expired: lot.expiry_on !== null && lot.expiry_on < context.today,
  }));
  const { from, to } = scope.filters;
  const movements = await movementsByKind(
    ctx.db,
    localDayBounds(scope.timeZone, from).start,
    localDayBounds(scope.timeZone, to).end,
  );
  return {
    filters: scope.filters,
    ranAt: ctx.now,
    currency: scope.currency,
    money: (await billingContext(ctx.db, ctx.now)).money,
    today: context.today,
    expiringDays,
    valuation: { items: valued, totalMinor: totals.total, itemCount: totals.items },
    expiring,
    moreExpiring: lots.length > shown.length,
    belowReorder: await belowReorderList(ctx.db),
    movements: movements.map((row) => ({ kind: row.kind, movements: row.movements, quantity: row.quantity })),
  };
}
