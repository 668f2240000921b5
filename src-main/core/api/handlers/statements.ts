import { billingContext } from '../../billing/context';
import { batchPdf, statementPdf } from '../../billing/pdf/documents';
import { statement, statementBatch } from '../../billing/statements';
import type { HandlersFor } from '../context';
import { printContext, viewed } from './billing-common';

export const statementsHandlers: HandlersFor<'statements.get' | 'statements.pdf' | 'statements.batch'> = {
  'statements.get': async (ctx, input) => {
    viewed(ctx, 'patientAccount', input.patientId, input.patientId);
    return statement(ctx.db, await billingContext(ctx.db, ctx.now), input);
  },
  'statements.pdf': async (ctx, input) => {
    viewed(ctx, 'patientAccount', input.patientId, input.patientId);
    const context = await billingContext(ctx.db, ctx.now);
    const view = await statement(ctx.db, context, input);
    const writer = await statementPdf(view, printContext(context));
    return writer.finish(`statement-${view.patient.mrn}-${input.to}.pdf`);
  },
  'statements.batch': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const batch = await statementBatch(ctx.db, context, input);
    ctx.audit.targetType = 'statementBatch';
    ctx.audit.details = {
      minBalanceMinor: input.minBalanceMinor,
      patientIds: batch.statements.map((s) => s.patient.id),
    };
    return {
      patients: batch.statements.map((s) => ({
        patientId: s.patient.id,
        name: s.patient.name,
        balanceMinor: s.closingBalanceMinor,
      })),
      more: batch.more,
      pdf: await batchPdf(batch.statements, printContext(context)),
    };
  },
};
