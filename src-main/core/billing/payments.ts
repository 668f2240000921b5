import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { allocationProblems, defaultAllocation, type Allocation } from '../../../src-shared/billing/allocation';
import type { AllocationProposal, PaymentView } from '../../../src-shared/billing/model';
import { formatMoney } from '../../../src-shared/billing/money';
import type { Database } from '../db/schema';
import type { DrawerRow, PaymentMethodRow } from '../db/schema-billing';
import { newId } from '../ids';
import { accountSummary, requirePatient } from './accounts';
import { recordAllocations } from './allocations';
import { openInvoicesOf } from './balance-repository';
import { requireTodayUnlocked, requireUnlocked, type BillingActor, type BillingContext } from './context';
import { dateClosedAtDesk, openDrawerOf } from './drawer-repository';
import { findInvoice } from './invoice-repository';
import { allocationsOfPayment, findPayment, insertPayment, paymentUse } from './ledger-repository';
import { findMethod } from './setup-repository';
import type { ReadDb } from '../db/handles';

/**
 * Taking a payment: a header (amount, method, reference, who, when, the date it counts for) and its
 * allocations, oldest open invoice first unless the desk edited them; what is not allocated is credit.
 */

type Db = Kysely<Database>;

export interface TakePaymentInput {
  patientId: string;
  amountMinor: number;
  methodId: string;
  reference: string | null;
  tenderedMinor?: number | undefined;
  countsFor?: string | undefined;
  allocations?: Allocation[] | undefined;
  visitId?: string | null | undefined;
  note: string | null;
}

export async function requireMethod(db: Db, methodId: string, field = 'methodId'): Promise<PaymentMethodRow> {
  const method = await findMethod(db, methodId);
  if (!method) throw fieldError(field, 'no such payment method');
  if (method.active !== 1) throw fieldError(field, `${method.name} is no longer in use`);
  return method;
}

/** The desk's open drawer, required for cash: the money goes into it. */
export async function drawerFor(
  db: Db,
  context: BillingContext,
  method: PaymentMethodRow,
  field: string,
): Promise<DrawerRow | undefined> {
  const drawer = await openDrawerOf(db, context.desk.desk_id);
  if (!drawer && method.kind === 'cash') {
    throw new ApiError(
      'CONFLICT',
      `Open the cash drawer at ${context.desk.name} first: cash goes into an open drawer.`,
      {
        fields: { [field]: 'cash needs an open drawer at this desk' },
      },
    );
  }
  return drawer;
}

/** The date money counts for: today unless told; never in the future, locked or in a drawer already closed. */
export async function countsForDate(db: Db, context: BillingContext, date: string | undefined): Promise<string> {
  const countsFor = date ?? context.today;
  if (countsFor > context.today) throw fieldError('countsFor', 'must not be in the future');
  requireUnlocked(context, countsFor, 'countsFor');
  if (countsFor !== context.today && (await dateClosedAtDesk(db, context.desk.desk_id, countsFor)))
    throw fieldError('countsFor', `the drawer at ${context.desk.name} for ${countsFor} was counted and closed`);
  return countsFor;
}

export async function proposeAllocation(
  db: ReadDb,
  patientId: string,
  amountMinor: number,
): Promise<AllocationProposal> {
  await requirePatient(db, patientId);
  const openInvoices = await openInvoicesOf(db, patientId);
  const allocations = defaultAllocation(openInvoices, amountMinor);
  return {
    amountMinor,
    openInvoices,
    allocations,
    creditMinor: amountMinor - allocations.reduce((sum, a) => sum + a.amountMinor, 0),
  };
}

export async function takePayment(
  db: Db,
  context: BillingContext,
  input: TakePaymentInput,
  actor: BillingActor,
): Promise<PaymentView> {
  requireTodayUnlocked(context);
  await requirePatient(db, input.patientId);
  const method = await requireMethod(db, input.methodId);
  const countsFor = await countsForDate(db, context, input.countsFor);
  if (input.tenderedMinor !== undefined) {
    if (method.kind !== 'cash') throw fieldError('tenderedMinor', 'is only for cash');
    if (input.tenderedMinor < input.amountMinor)
      throw fieldError(
        'tenderedMinor',
        `must be at least the amount (${formatMoney(input.amountMinor, context.money)})`,
      );
  }
  const drawer = await drawerFor(db, context, method, 'methodId');
  const open = await openInvoicesOf(db, input.patientId);
  const allocations = input.allocations ?? defaultAllocation(open, input.amountMinor);
  const problems = Object.entries(allocationProblems(open, input.amountMinor, allocations));
  const [first] = problems;
  if (first) {
    const [field, problem] = first;
    throw new ApiError('VALIDATION', `${field}: ${problem}`, { fields: Object.fromEntries(problems) });
  }
  const id = newId();
  const now = context.now;
  await insertPayment(db, {
    id,
    patient_id: input.patientId,
    amount_minor: input.amountMinor,
    currency: context.money.currency,
    method_id: method.id,
    method_kind: method.kind,
    reference: input.reference,
    tendered_minor: input.tenderedMinor ?? null,
    change_minor: input.tenderedMinor === undefined ? null : input.tenderedMinor - input.amountMinor,
    counts_for: countsFor,
    entered_at: now,
    entered_by: actor.userId,
    entered_by_name: actor.name,
    desk_id: context.desk.desk_id,
    drawer_id: drawer?.id ?? null,
    visit_id: input.visitId ?? null,
    note: input.note,
    created_at: now,
    updated_at: now,
  });
  await recordAllocations(
    db,
    input.patientId,
    allocations.map((a) => ({ paymentId: id, invoiceId: a.invoiceId, amountMinor: a.amountMinor })),
    'payment',
    actor,
    now,
  );
  // The answer is built from what was just written: no need to read it back.
  const numbers = new Map(open.map((invoice) => [invoice.invoiceId, invoice.number]));
  const allocated = allocations.reduce((sum, a) => sum + a.amountMinor, 0);
  return {
    id,
    patientId: input.patientId,
    amountMinor: input.amountMinor,
    methodId: method.id,
    methodName: method.name,
    methodKind: method.kind,
    reference: input.reference,
    tenderedMinor: input.tenderedMinor ?? null,
    changeMinor: input.tenderedMinor === undefined ? null : input.tenderedMinor - input.amountMinor,
    countsFor,
    enteredAt: now,
    enteredBy: actor.name,
    drawerId: drawer?.id ?? null,
    allocations: allocations.map((a) => ({
      invoiceId: a.invoiceId,
      number: numbers.get(a.invoiceId) ?? '',
      amountMinor: a.amountMinor,
    })),
    unallocatedMinor: input.amountMinor - allocated,
    account: await accountSummary(db, context, input.patientId),
  };
}

export async function paymentView(db: ReadDb, context: BillingContext, paymentId: string): Promise<PaymentView> {
  const payment = await findPayment(db, paymentId);
  if (!payment)
    throw new ApiError('NOT_FOUND', 'There is no such payment.', { fields: { paymentId: 'no such payment' } });
  const method = await findMethod(db, payment.method_id);
  const use = await paymentUse(db, payment.id);
  const allocations = [];
  for (const allocation of await allocationsOfPayment(db, payment.id)) {
    const invoice = await findInvoice(db, allocation.invoice_id);
    allocations.push({
      invoiceId: allocation.invoice_id,
      number: invoice?.number ?? '',
      amountMinor: allocation.amount,
    });
  }
  return {
    id: payment.id,
    patientId: payment.patient_id,
    amountMinor: payment.amount_minor,
    methodId: payment.method_id,
    methodName: method?.name ?? '',
    methodKind: payment.method_kind,
    reference: payment.reference,
    tenderedMinor: payment.tendered_minor,
    changeMinor: payment.change_minor,
    countsFor: payment.counts_for,
    enteredAt: payment.entered_at,
    enteredBy: payment.entered_by_name,
    drawerId: payment.drawer_id,
    allocations,
    unallocatedMinor: use.reversed ? 0 : payment.amount_minor - use.allocated - use.refunded,
    account: await accountSummary(db, context, payment.patient_id),
  };
}
