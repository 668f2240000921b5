import { billingContext } from '../../billing/context';
import { claimView, claimWorkList, createClaim, moveClaim, requireClaim } from '../../billing/claims';
import { claimPdf } from '../../billing/pdf/documents';
import { postRemittance } from '../../billing/remittances';
import type { HandlersFor } from '../context';
import { billingActor, billingChanged, printContext, viewed } from './billing-common';

export const claimsHandlers: HandlersFor<
  'claims.create' | 'claims.move' | 'claims.postRemittance' | 'claims.get' | 'claims.workList' | 'claims.pdf'
> = {
  'claims.create': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const id = await createClaim(ctx.db, context, input, billingActor(ctx));
    const view = await claimView(ctx.db, context, id);
    billingChanged(
      ctx,
      'claim',
      { type: 'claim', id, patientId: view.patientId },
      { invoiceId: input.invoiceId, sequence: view.sequence },
    );
    return view;
  },
  'claims.move': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const before = await requireClaim(ctx.db, input.claimId);
    await moveClaim(ctx.db, context, input, billingActor(ctx));
    billingChanged(
      ctx,
      'claim',
      { type: 'claim', id: input.claimId, patientId: before.patient_id },
      {
        from: before.status,
        to: input.to,
        reason: input.reason,
      },
    );
    return claimView(ctx.db, context, input.claimId);
  },
  'claims.postRemittance': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const posted = await postRemittance(ctx.db, context, input, billingActor(ctx));
    billingChanged(
      ctx,
      'claim',
      { type: 'claim', id: input.claimId, patientId: posted.patientId },
      {
        remittance: input.lines.map((line) => ({ ...line })),
        status: posted.status,
      },
    );
    return claimView(ctx.db, context, input.claimId);
  },
  'claims.get': async (ctx, input) => {
    const view = await claimView(ctx.db, await billingContext(ctx.db, ctx.now), input.claimId);
    viewed(ctx, 'claim', view.id, view.patientId);
    return view;
  },
  'claims.workList': async (ctx, input) => {
    ctx.audit.targetType = 'claimsWorkList';
    return claimWorkList(ctx.db, await billingContext(ctx.db, ctx.now), input);
  },
  'claims.pdf': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const view = await claimView(ctx.db, context, input.claimId);
    viewed(ctx, 'claim', view.id, view.patientId);
    return claimPdf(view, printContext(context));
  },
};
