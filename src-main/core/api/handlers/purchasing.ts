import {
  cancelOrder,
  closeOrder,
  createOrder,
  orderList,
  orderView,
  receiveOrder,
  sendOrder,
  suggestedOrder,
} from '../../stock/orders';
import { billingContext } from '../../billing/context';
import { purchaseOrderPdf } from '../../stock/order-pdf';
import { stockLocations, suppliers } from '../../stock/setup';
import type { HandlersFor } from '../context';
import { printContext } from './billing-common';
import { reorderSides, stockChanged, stockContextOf } from './stock-common';

export const purchasingHandlers: HandlersFor<
  | 'purchasing.suggested'
  | 'purchasing.list'
  | 'purchasing.view'
  | 'purchasing.pdf'
  | 'purchasing.create'
  | 'purchasing.send'
  | 'purchasing.cancel'
  | 'purchasing.close'
  | 'purchasing.receive'
> = {
  'purchasing.suggested': async (ctx) => suggestedOrder(ctx.db),
  'purchasing.list': async (ctx, input) => orderList(ctx.db, input.statuses),
  'purchasing.view': async (ctx, input) => orderView(ctx.db, input.orderId),
  'purchasing.pdf': async (ctx, input) => {
    const order = await orderView(ctx.db, input.orderId);
    const supplier = (await suppliers(ctx.db)).find((candidate) => candidate.id === order.supplierId);
    const place = (await stockLocations(ctx.db)).find((candidate) => candidate.id === order.stockLocationId);
    const deliverTo = place ? `${place.name}, ${place.locationName}` : '';
    return purchaseOrderPdf(order, supplier, deliverTo, printContext(await billingContext(ctx.db, ctx.now)));
  },
  'purchasing.create': async (ctx, input) => {
    const id = await createOrder(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(
      ctx,
      'order',
      { type: 'purchase_order', id },
      input.lines.map((line) => line.itemId),
      { created: true, supplierId: input.supplierId, lines: input.lines.length },
    );
    return orderView(ctx.db, id);
  },
  'purchasing.send': async (ctx, input) => {
    await sendOrder(ctx.db, await stockContextOf(ctx), input.orderId);
    await stockChanged(ctx, 'order', { type: 'purchase_order', id: input.orderId }, [], { status: 'sent' });
    return orderView(ctx.db, input.orderId);
  },
  'purchasing.cancel': async (ctx, input) => {
    await cancelOrder(ctx.db, await stockContextOf(ctx), input.orderId);
    await stockChanged(ctx, 'order', { type: 'purchase_order', id: input.orderId }, [], { status: 'cancelled' });
    return orderView(ctx.db, input.orderId);
  },
  'purchasing.close': async (ctx, input) => {
    await closeOrder(ctx.db, await stockContextOf(ctx), input.orderId);
    await stockChanged(ctx, 'order', { type: 'purchase_order', id: input.orderId }, [], { status: 'closed' });
    return orderView(ctx.db, input.orderId);
  },
  'purchasing.receive': async (ctx, input) => {
    const itemIds = (await orderView(ctx.db, input.orderId)).lines.map((line) => line.itemId);
    const before = await reorderSides(ctx.db, itemIds);
    const status = await receiveOrder(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(
      ctx,
      'movement',
      { type: 'purchase_order', id: input.orderId },
      itemIds,
      { kind: 'receive', status, lines: input.lines },
      before,
    );
    return orderView(ctx.db, input.orderId);
  },
};
