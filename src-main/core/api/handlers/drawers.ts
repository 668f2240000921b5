import { billingContext } from '../../billing/context';
import { closeDrawer, daySummary, drawerState, openDrawer, zReport } from '../../billing/drawers';
import { zReportPdf } from '../../billing/pdf/documents';
import type { HandlersFor } from '../context';
import { billingActor, billingChanged, printContext } from './billing-common';

export const drawersHandlers: HandlersFor<
  'drawers.current' | 'drawers.open' | 'drawers.close' | 'drawers.zReport' | 'drawers.zReportPdf' | 'drawers.daySummary'
> = {
  'drawers.current': async (ctx) => drawerState(ctx.db, await billingContext(ctx.db, ctx.now)),
  'drawers.open': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const id = await openDrawer(ctx.db, context, input, billingActor(ctx));
    billingChanged(ctx, 'drawer', { type: 'drawer', id }, { floatMinor: input.floatMinor, opened: true });
    return drawerState(ctx.db, context);
  },
  'drawers.close': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const id = await closeDrawer(ctx.db, context, input, billingActor(ctx));
    const report = await zReport(ctx.db, context, id);
    billingChanged(
      ctx,
      'drawer',
      { type: 'drawer', id },
      {
        closed: true,
        expectedCashMinor: report.drawer.expectedCashMinor,
        countedCashMinor: report.drawer.countedCashMinor,
        overShortMinor: report.drawer.overShortMinor,
        overShortReason: report.drawer.overShortReason,
      },
    );
    return report;
  },
  'drawers.zReport': async (ctx, input) => {
    ctx.audit.targetType = 'drawer';
    ctx.audit.targetId = input.drawerId;
    return zReport(ctx.db, await billingContext(ctx.db, ctx.now), input.drawerId);
  },
  'drawers.zReportPdf': async (ctx, input) => {
    ctx.audit.targetType = 'drawer';
    ctx.audit.targetId = input.drawerId;
    const context = await billingContext(ctx.db, ctx.now);
    return zReportPdf(await zReport(ctx.db, context, input.drawerId), printContext(context));
  },
  'drawers.daySummary': async (ctx, input) => daySummary(ctx.db, input.date),
};
