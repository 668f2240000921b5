import { approveCount, cancelCount, countSummaries, countView, enterCounts, startCount } from '../../stock/counts';
import type { HandlersFor } from '../context';
import { stockChanged, stockContextOf } from './stock-common';

export const stocktakeHandlers: HandlersFor<
  'stocktake.start' | 'stocktake.enter' | 'stocktake.approve' | 'stocktake.cancel' | 'stocktake.view' | 'stocktake.list'
> = {
  'stocktake.start': async (ctx, input) => {
    const id = await startCount(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(ctx, 'count', { type: 'stock_count', id }, [], { started: true, ...input });
    return countView(ctx.db, id);
  },
  'stocktake.enter': async (ctx, input) => {
    await enterCounts(ctx.db, await stockContextOf(ctx), input);
    await stockChanged(ctx, 'count', { type: 'stock_count', id: input.countId }, [], { entered: input.lines });
    return countView(ctx.db, input.countId);
  },
  'stocktake.approve': async (ctx, input) => {
    const posted = await approveCount(ctx.db, await stockContextOf(ctx), input.countId);
    const view = await countView(ctx.db, input.countId);
    await stockChanged(
      ctx,
      'count',
      { type: 'stock_count', id: input.countId },
      view.lines.map((line) => line.itemId),
      {
        approved: true,
        variances: view.lines
          .filter((line) => line.variance)
          .map((line) => ({ lotId: line.lotId, variance: line.variance })),
        posted,
      },
    );
    return view;
  },
  'stocktake.cancel': async (ctx, input) => {
    await cancelCount(ctx.db, await stockContextOf(ctx), input.countId);
    await stockChanged(ctx, 'count', { type: 'stock_count', id: input.countId }, [], { cancelled: true });
    return countView(ctx.db, input.countId);
  },
  'stocktake.view': async (ctx, input) => countView(ctx.db, input.countId),
  'stocktake.list': async (ctx) => countSummaries(ctx.db),
};
