import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import type { CheckOutView } from '../../../src-shared/billing/model';
import type { Database } from '../db/schema';
import { accountSummary, requirePatient } from './accounts';
import { openInvoicesOf } from './balance-repository';
import type { BillingActor, BillingContext } from './context';
import { buildDraft, setDraftPayer } from './drafts';
import { drawerState } from './drawers';
import {
  creditedLineIds,
  invoiceLines,
  newestInvoiceFor,
  appointmentForBilling,
  patientPolicies,
  visitForBilling,
} from './invoice-repository';
import { invoiceView } from './invoice-view';
import { toMethod, toService, toTax } from './setup';
import { listMethods, listServices, listTaxes } from './setup-repository';

/**
 * Invoices for visits and appointments: the check-out screen asks for the visit's invoice and gets
 * the newest one (draft or issued), or a draft built from the appointment type's services on the
 * first ask. Asking again returns the same invoice: building is idempotent.
 */

type Db = Kysely<Database>;

async function fullyCredited(db: Db, invoiceId: string): Promise<boolean> {
  const lines = await invoiceLines(db, invoiceId);
  const credited = await creditedLineIds(db, invoiceId);
  return lines.length > 0 && lines.every((line) => credited.has(line.id));
}

export async function invoiceIdForVisit(
  db: Db,
  context: BillingContext,
  visitId: string,
  actor: BillingActor,
): Promise<string> {
  const visit = await visitForBilling(db, visitId);
  if (!visit) throw fieldError('visitId', 'no such visit');
  if (visit.status === 'cancelled') throw fieldError('visitId', 'was cancelled: there is nothing to invoice');
  const existing =
    (await newestInvoiceFor(db, 'visit_id', visit.id)) ??
    (visit.appointment_id ? await newestInvoiceFor(db, 'appointment_id', visit.appointment_id) : undefined);
  if (existing) return existing.id;
  return buildDraft(
    db,
    context,
    {
      patientId: visit.patient_id,
      visitId: visit.id,
      appointmentId: visit.appointment_id,
      typeId: visit.type_id,
      selfPay: visit.self_pay === 1,
    },
    actor,
  );
}

/**
 * The visit's self-pay mark changed: a draft already built for it follows (self-pay, or back to the primary
 * policy in force). An issued invoice stays as it is: that is a credit note's job. Answers the draft's id.
 */
export async function followVisitPayer(db: Db, context: BillingContext, visitId: string): Promise<string | null> {
  const visit = await visitForBilling(db, visitId);
  if (!visit) return null;
  const draft = await newestInvoiceFor(db, 'visit_id', visit.id);
  if (draft?.status !== 'draft') return null;
  const primary =
    visit.self_pay === 1
      ? undefined
      : (await patientPolicies(db, visit.patient_id, context.today)).find((p) => p.priority === 'primary');
  const policyId = primary?.id ?? null;
  if (draft.policy_id === policyId) return null;
  await setDraftPayer(db, context, draft, policyId);
  return draft.id;
}

/**
 * An invoice from the patient's account: for a visit or appointment that has none (or whose invoice
 * was credited in full), or a blank one for the patient.
 */
export async function createInvoice(
  db: Db,
  context: BillingContext,
  input: { patientId: string; visitId?: string | undefined; appointmentId?: string | undefined },
  actor: BillingActor,
): Promise<string> {
  await requirePatient(db, input.patientId);
  let visitId: string | null = null;
  let appointmentId: string | null = null;
  let typeId: string | null = null;
  let selfPay = false;
  if (input.visitId) {
    const visit = await visitForBilling(db, input.visitId);
    if (!visit || visit.patient_id !== input.patientId) throw fieldError('visitId', 'is not a visit of this patient');
    visitId = visit.id;
    appointmentId = visit.appointment_id;
    typeId = visit.type_id;
    selfPay = visit.self_pay === 1;
  } else if (input.appointmentId) {
    const appointment = await appointmentForBilling(db, input.appointmentId);
    if (!appointment || appointment.patient_id !== input.patientId)
      throw fieldError('appointmentId', 'is not an appointment of this patient');
    appointmentId = appointment.id;
    visitId = appointment.visit_id;
    typeId = appointment.type_id;
  }
  const existing =
    (visitId ? await newestInvoiceFor(db, 'visit_id', visitId) : undefined) ??
    (appointmentId ? await newestInvoiceFor(db, 'appointment_id', appointmentId) : undefined);
  if (existing) {
    if (existing.status === 'draft') return existing.id;
    if (!(await fullyCredited(db, existing.id)))
      throw new ApiError(
        'CONFLICT',
        `This visit is already invoiced (${existing.number ?? ''}): credit that invoice first.`,
        {
          invoiceId: existing.id,
        },
      );
  }
  return buildDraft(db, context, { patientId: input.patientId, visitId, appointmentId, typeId, selfPay }, actor);
}

export async function checkOutView(
  db: Db,
  context: BillingContext,
  invoiceId: string,
  visitId: string,
): Promise<CheckOutView> {
  const visit = await visitForBilling(db, visitId);
  if (!visit) throw fieldError('visitId', 'no such visit');
  const invoice = await invoiceView(db, invoiceId);
  const drawer = await drawerState(db, context);
  return {
    visit: {
      id: visit.id,
      patientId: visit.patient_id,
      status: visit.status,
      localDate: visit.local_date,
      providerName: visit.provider_name,
      typeName: visit.type_name,
    },
    invoice,
    account: await accountSummary(db, context, visit.patient_id),
    openInvoices: await openInvoicesOf(db, visit.patient_id),
    services: (await listServices(db)).filter((s) => s.active === 1).map(toService),
    taxes: (await listTaxes(db)).filter((t) => t.active === 1).map(toTax),
    methods: (await listMethods(db)).filter((m) => m.active === 1).map(toMethod),
    policies: (await patientPolicies(db, visit.patient_id, context.today)).map((p) => ({
      id: p.id,
      payer: p.payer,
      priority: p.priority,
      memberId: p.member_id,
    })),
    drawer: drawer.drawer,
    money: context.money,
  };
}
