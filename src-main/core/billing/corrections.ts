import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { formatMoney } from '../../../src-shared/billing/money';
import type { AdjustmentReason } from '../../../src-shared/billing/reason-codes';
import type { Database } from '../db/schema';
import { newId } from '../ids';
import { reverseBlocked } from './accounts';
import { recordAllocations } from './allocations';
import { findBalance, moveBalance } from './balance-repository';
import { requireTodayUnlocked, requireUnlocked, type BillingActor, type BillingContext } from './context';
import { findDrawer, openDrawerOf } from './drawer-repository';
import { findInvoice } from './invoice-repository';
import {
  allocationsOfPayment,
  findAdjustment,
  findPayment,
  findReversalOf,
  insertAdjustment,
  insertRefund,
  insertReversal,
  paymentUse,
} from './ledger-repository';
import { drawerFor, requireMethod } from './payments';

/**
 * Nothing is edited or deleted: a wrong payment is reversed (a new entry, with its allocations taken
 * back), money given back is a refund of a named payment, and a write-off is an adjustment that can
 * itself be reversed. Each carries who, when and why, and all of them respect the lock date and
 * closed drawers.
 */

type Db = Kysely<Database>;

async function requirePaymentRow(db: Db, paymentId: string) {
  const payment = await findPayment(db, paymentId);
  if (!payment)
    throw new ApiError('NOT_FOUND', 'There is no such payment.', { fields: { paymentId: 'no such payment' } });
  return payment;
}

/** Money given back from a payment: never more than is left of it (not allocated, not refunded already). */
export async function refundPayment(
  db: Db,
  context: BillingContext,
  input: { paymentId: string; amountMinor: number; methodId?: string | undefined; reason: string },
  actor: BillingActor,
): Promise<{ id: string; patientId: string; methodChanged: boolean }> {
  requireTodayUnlocked(context);
  const payment = await requirePaymentRow(db, input.paymentId);
  const use = await paymentUse(db, payment.id);
  if (use.reversed) throw fieldError('paymentId', 'was reversed: there is nothing to refund');
  const left = payment.amount_minor - use.allocated - use.refunded;
  if (input.amountMinor > left) {
    throw new ApiError(
      'VALIDATION',
      `amountMinor: must not be more than what is left of the payment (${formatMoney(left, context.money)})`,
      {
        fields: {
          amountMinor: `must not be more than what is left of the payment (${formatMoney(left, context.money)})`,
        },
        refundableMinor: left,
      },
    );
  }
  const method = await requireMethod(db, input.methodId ?? payment.method_id);
  const drawer = await drawerFor(db, context, method, 'methodId');
  const id = newId();
  await insertRefund(db, {
    id,
    payment_id: payment.id,
    patient_id: payment.patient_id,
    amount_minor: input.amountMinor,
    method_id: method.id,
    method_kind: method.kind,
    reason: input.reason,
    counts_for: context.today,
    entered_at: context.now,
    entered_by: actor.userId,
    entered_by_name: actor.name,
    desk_id: context.desk.desk_id,
    drawer_id: drawer?.id ?? null,
    created_at: context.now,
    updated_at: context.now,
  });
  return { id, patientId: payment.patient_id, methodChanged: method.id !== payment.method_id };
}

/** Undoes a payment entered by mistake: a reversal entry, and every allocation it made taken back. */
export async function reversePayment(
  db: Db,
  context: BillingContext,
  input: { paymentId: string; reason: string },
  actor: BillingActor,
): Promise<{ id: string; patientId: string }> {
  requireTodayUnlocked(context);
  const payment = await requirePaymentRow(db, input.paymentId);
  const use = await paymentUse(db, payment.id);
  const drawer = payment.drawer_id ? await findDrawer(db, payment.drawer_id) : undefined;
  const blocked = reverseBlocked(
    {
      reversal_id: use.reversed ? 'yes' : null,
      refunded: use.refunded,
      drawer_closed_at: drawer?.closed_at ?? null,
      counts_for: payment.counts_for,
    },
    context,
  );
  if (blocked) {
    throw new ApiError('CONFLICT', `This payment cannot be reversed: ${blocked}.`, {
      fields: { paymentId: `cannot be reversed: ${blocked}` },
    });
  }
  requireUnlocked(context, payment.counts_for, 'paymentId');
  const moves = (await allocationsOfPayment(db, payment.id)).map((allocation) => ({
    paymentId: payment.id,
    invoiceId: allocation.invoice_id,
    amountMinor: -allocation.amount,
  }));
  await recordAllocations(db, payment.patient_id, moves, 'reversal', actor, context.now);
  const current = drawer ?? (await openDrawerOf(db, context.desk.desk_id));
  const id = newId();
  await insertReversal(db, {
    id,
    target_kind: 'payment',
    target_id: payment.id,
    patient_id: payment.patient_id,
    amount_minor: payment.amount_minor,
    method_kind: payment.method_kind,
    reason: input.reason,
    counts_for: context.today,
    entered_at: context.now,
    entered_by: actor.userId,
    entered_by_name: actor.name,
    desk_id: context.desk.desk_id,
    drawer_id: current?.id ?? null,
    created_at: context.now,
    updated_at: context.now,
  });
  return { id, patientId: payment.patient_id };
}

/** Writes off part or all of what the patient owes on an invoice, with a reason code. */
export async function adjustInvoice(
  db: Db,
  context: BillingContext,
  input: { invoiceId: string; amountMinor: number; reasonCode: AdjustmentReason; note: string | null },
  actor: BillingActor,
): Promise<{ id: string; patientId: string }> {
  requireTodayUnlocked(context);
  const invoice = await findInvoice(db, input.invoiceId);
  if (!invoice || invoice.kind !== 'invoice' || invoice.status !== 'issued')
    throw fieldError('invoiceId', 'must be an issued invoice');
  if (input.reasonCode === 'other' && !input.note) throw fieldError('note', 'say why, when the reason is Other');
  const balance = await findBalance(db, invoice.id);
  const open = balance?.patient_open_minor ?? 0;
  if (input.amountMinor > open)
    throw fieldError(
      'amountMinor',
      `must not be more than the patient still owes on it (${formatMoney(open, context.money)})`,
    );
  const id = newId();
  await insertAdjustment(db, {
    id,
    patient_id: invoice.patient_id,
    invoice_id: invoice.id,
    amount_minor: input.amountMinor,
    reason_code: input.reasonCode,
    note: input.note,
    counts_for: context.today,
    entered_at: context.now,
    entered_by: actor.userId,
    entered_by_name: actor.name,
    created_at: context.now,
    updated_at: context.now,
  });
  await moveBalance(db, invoice.id, { settled: input.amountMinor }, context.now);
  return { id, patientId: invoice.patient_id };
}

export async function reverseAdjustment(
  db: Db,
  context: BillingContext,
  input: { adjustmentId: string; reason: string },
  actor: BillingActor,
): Promise<{ id: string; patientId: string }> {
  requireTodayUnlocked(context);
  const adjustment = await findAdjustment(db, input.adjustmentId);
  if (!adjustment) throw fieldError('adjustmentId', 'no such write-off');
  if (await findReversalOf(db, adjustment.id)) throw fieldError('adjustmentId', 'was already reversed');
  requireUnlocked(context, adjustment.counts_for, 'adjustmentId');
  const id = newId();
  await insertReversal(db, {
    id,
    target_kind: 'adjustment',
    target_id: adjustment.id,
    patient_id: adjustment.patient_id,
    amount_minor: adjustment.amount_minor,
    method_kind: null,
    reason: input.reason,
    counts_for: context.today,
    entered_at: context.now,
    entered_by: actor.userId,
    entered_by_name: actor.name,
    desk_id: context.desk.desk_id,
    drawer_id: null,
    created_at: context.now,
    updated_at: context.now,
  });
  await moveBalance(db, adjustment.invoice_id, { settled: -adjustment.amount_minor }, context.now);
  return { id, patientId: adjustment.patient_id };
}
