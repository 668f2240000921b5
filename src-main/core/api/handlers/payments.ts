import { present } from '../../../../src-shared/billing/present';
import { displayName } from '../../../../src-shared/patients/names';
import { accountSummary, requirePatient } from '../../billing/accounts';
import { billingContext } from '../../billing/context';
import { refundPayment, reversePayment } from '../../billing/corrections';
import { paymentsJournal } from '../../billing/drawers';
import { findPayment } from '../../billing/ledger-repository';
import { paymentView, proposeAllocation, takePayment } from '../../billing/payments';
import { receiptPdf } from '../../billing/pdf/documents';
import { findMethod } from '../../billing/setup-repository';
import type { HandlersFor } from '../context';
import { billingActor, billingChanged, printContext, viewed } from './billing-common';

type Names =
  | 'payments.propose'
  | 'payments.take'
  | 'payments.get'
  | 'payments.receipt'
  | 'payments.refund'
  | 'payments.reverse'
  | 'payments.journal';

export const paymentsHandlers: HandlersFor<Names> = {
  'payments.propose': async (ctx, input) => {
    viewed(ctx, 'patientAccount', input.patientId, input.patientId);
    return proposeAllocation(ctx.db, input.patientId, input.amountMinor);
  },
  'payments.take': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const view = await takePayment(ctx.db, context, input, billingActor(ctx));
    billingChanged(
      ctx,
      'payment',
      { type: 'payment', id: view.id, patientId: input.patientId },
      {
        amountMinor: input.amountMinor,
        methodKind: view.methodKind,
        countsFor: view.countsFor,
        allocations: view.allocations.map((a) => ({ invoiceId: a.invoiceId, amountMinor: a.amountMinor })),
      },
    );
    return view;
  },
  'payments.get': async (ctx, input) => {
    const view = await paymentView(ctx.db, await billingContext(ctx.db, ctx.now), input.paymentId);
    viewed(ctx, 'payment', view.id, view.patientId);
    return view;
  },
  'payments.receipt': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const view = await paymentView(ctx.db, context, input.paymentId);
    viewed(ctx, 'payment', view.id, view.patientId);
    const patient = await requirePatient(ctx.db, view.patientId);
    const name = displayName({
      firstName: patient.first_name,
      middleName: patient.middle_name,
      lastName: patient.last_name,
      preferredName: patient.preferred_name,
    });
    return receiptPdf(view, name, printContext(context));
  },
  'payments.refund': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const refund = await refundPayment(ctx.db, context, input, billingActor(ctx));
    const payment = present(await findPayment(ctx.db, input.paymentId), 'the refunded payment');
    const method = await findMethod(ctx.db, input.methodId ?? payment.method_id);
    billingChanged(
      ctx,
      'payment',
      { type: 'refund', id: refund.id, patientId: refund.patientId },
      {
        paymentId: input.paymentId,
        amountMinor: input.amountMinor,
        reason: input.reason,
        methodChanged: refund.methodChanged,
      },
    );
    return {
      id: refund.id,
      paymentId: input.paymentId,
      amountMinor: input.amountMinor,
      methodName: method?.name ?? '',
      methodKind: method?.kind ?? 'other',
      countsFor: context.today,
      account: await accountSummary(ctx.db, context, refund.patientId),
    };
  },
  'payments.reverse': async (ctx, input) => {
    const context = await billingContext(ctx.db, ctx.now);
    const reversal = await reversePayment(ctx.db, context, input, billingActor(ctx));
    billingChanged(
      ctx,
      'payment',
      { type: 'reversal', id: reversal.id, patientId: reversal.patientId },
      {
        paymentId: input.paymentId,
        reason: input.reason,
      },
    );
    return paymentView(ctx.db, context, input.paymentId);
  },
  'payments.journal': async (ctx, input) => {
    ctx.audit.targetType = 'paymentsJournal';
    ctx.audit.details = { from: input.from, to: input.to };
    return paymentsJournal(ctx.db, input);
  },
};
