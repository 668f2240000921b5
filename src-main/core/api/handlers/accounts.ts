import { accountSummary, accountView } from '../../billing/accounts';
import { billingContext } from '../../billing/context';
import { adjustInvoice, reverseAdjustment } from '../../billing/corrections';
import { arAgeing } from '../../billing/statements';
import type { HandlersFor } from '../context';
import { billingActor, billingChanged, viewed } from './billing-common';

export const accountsHandlers: HandlersFor<
  'accounts.get' | 'accounts.summary' | 'accounts.adjust' | 'accounts.reverseAdjustment' | 'accounts.ageing'
> = {
  'accounts.get': async (ctx, input) => {
    viewed(ctx, 'patientAccount', input.patientId, input.patientId);
    return accountView(ctx.db, await billingContext(ctx.db, ctx.now), input.patientId);
  },
  'accounts.summary': async (ctx, input) => {
    viewed(ctx, 'patientAccount', input.patientId, input.patientId);
    return accountSummary(ctx.db, await billingContext(ctx.db, ctx.now), input.patientId);
  },
  'accounts.adjust': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const adjustment = await adjustInvoice(ctx.db, context, input, billingActor(ctx));
    billingChanged(
      ctx,
      'adjustment',
      { type: 'adjustment', id: adjustment.id, patientId: adjustment.patientId },
      {
        invoiceId: input.invoiceId,
        amountMinor: input.amountMinor,
        reasonCode: input.reasonCode,
      },
    );
    return accountSummary(ctx.db, context, adjustment.patientId);
  },
  'accounts.reverseAdjustment': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const reversal = await reverseAdjustment(ctx.db, context, input, billingActor(ctx));
    billingChanged(
      ctx,
      'adjustment',
      { type: 'reversal', id: reversal.id, patientId: reversal.patientId },
      {
        adjustmentId: input.adjustmentId,
        reason: input.reason,
      },
    );
    return accountSummary(ctx.db, context, reversal.patientId);
  },
  'accounts.ageing': async (ctx, input) => {
    ctx.audit.targetType = 'arAgeing';
    return arAgeing(ctx.db, await billingContext(ctx.db, ctx.now), input.limit);
  },
};
