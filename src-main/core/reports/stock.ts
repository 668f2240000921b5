import type { StockReport } from '../../../src-shared/reports/model';
import { localDayBounds } from '../../../src-shared/scheduling/time';
import type { HandlerContext } from '../api/context';
import { billingContext } from '../billing/context';
import { addDays, stockContext } from '../stock/context';
import { lotsExpiringBy, movementsByKind, onHandByItem } from '../stock/movement-repository';
import { allActiveItems } from '../stock/setup-repository';
import { belowReorderList } from '../stock/views';
import type { ReportScope } from './scope';

/**
 * The stock room for managers, through the stock domain's own reads: valuation (on hand × unit cost),
 * lots expiring within the days asked, items below their reorder level (the stock alerts' own list, read
 * alone rather than through `stockAlerts`, whose lot reads it would throw away), and what moved in the
 * range by kind (DEFINITIONS.stockValuation … stockMovements).
 */
export async function stockReport(ctx: HandlerContext, scope: ReportScope, expiringDays: number): Promise<StockReport> {
  const context = await stockContext(ctx.db, ctx.now, ctx.actor);
  const onHand = await onHandByItem(ctx.db);
  const active = await allActiveItems(ctx.db);
  const items = active
    .map((item) => {
      const quantity = onHand.get(item.id) ?? 0;
      return {
        itemId: item.id,
        code: item.code,
        name: item.name,
        onHand: quantity,
        unitCostMinor: item.unit_cost_minor,
        valueMinor: quantity * item.unit_cost_minor,
      };
    })
    .filter((item) => item.onHand !== 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  const names = new Map(active.map((item) => [item.id, item.name]));
  const expiring = (await lotsExpiringBy(ctx.db, addDays(context.today, expiringDays))).map((lot) => ({
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
    valuation: { items, totalMinor: items.reduce((sum, item) => sum + item.valueMinor, 0) },
    expiring,
    belowReorder: await belowReorderList(ctx.db),
    movements: movements.map((row) => ({ kind: row.kind, movements: row.movements, quantity: row.quantity })),
  };
}
