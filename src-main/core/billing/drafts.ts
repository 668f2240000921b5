import { present } from '../../../src-shared/billing/present';
import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { invoiceFigures, lineProblems } from '../../../src-shared/billing/tax';
import type { Database } from '../db/schema';
import type { InvoiceRow, NewInvoiceLine } from '../db/schema-billing';
import { newId } from '../ids';
import type { BillingActor, BillingContext } from './context';
import {
  findInvoice,
  deductibleMet,
  findPolicy,
  insertInvoice,
  insertLines,
  invoiceLines,
  patientBrief,
  patientPolicies,
  removeLines,
  updateInvoice,
  updateLine,
} from './invoice-repository';
import { findService, findTax, listTaxes, pricesFor, scheduleForPayer, servicesOfType } from './setup-repository';
import { assertLivePatient } from '../patients/live-patient';
import { figured, insureByTerms, lineRow, sharesOf, taxFields, toLineInput, type LineFields } from './draft-lines';
import { fitShares, sharesOver, SHARES_OVER, type PolicyTerms } from '../../../src-shared/billing/cost-share';

/**
 * Draft invoices: built from the appointment type's services at the prices of the payer's fee
 * schedule (the self-pay one when the patient has no policy in force, a service's default price when
 * the schedule names none, self-pay too for a visit marked self-pay), then edited line by line until issued.
 */

type Db = Kysely<Database>;

export interface DraftLineInput {
  id?: string | undefined;
  serviceId?: string | null | undefined;
  description?: string | undefined;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  discountReason: string | null;
  taxId?: string | null | undefined;
  insurerMinor: number;
  /** The named parts of the patient's part (0 when not given); together never more than it. */
  copayMinor?: number | undefined;
  deductibleMinor?: number | undefined;
  coinsuranceMinor?: number | undefined;
}

interface Payer {
  policyId: string | null;
  payer: string | null;
  scheduleId: string | null;
  /** The schedule is the payer's own (not self-pay): lines default to the insurer paying them. */
  insured: boolean;
  /** The policy's copay, deductible and coinsurance, as far as the desk recorded them. */
  terms: PolicyTerms;
}

const NO_TERMS: PolicyTerms = { copayMinor: null, deductibleMinor: null, coinsurancePpm: null };

async function payerFor(db: Db, policyId: string | null): Promise<Payer> {
  if (policyId) {
    const policy = await findPolicy(db, policyId);
    if (policy) {
      const terms = {
        copayMinor: policy.copay_minor,
        deductibleMinor: policy.deductible_minor,
        coinsurancePpm: policy.coinsurance_ppm,
      };
      const own = await scheduleForPayer(db, policy.payer);
      if (own) return { policyId, payer: policy.payer, scheduleId: own.id, insured: true, terms };
      const selfPay = await scheduleForPayer(db, null);
      return { policyId, payer: policy.payer, scheduleId: selfPay?.id ?? null, insured: true, terms };
    }
  }
  const selfPay = await scheduleForPayer(db, null);
  return { policyId: null, payer: null, scheduleId: selfPay?.id ?? null, insured: false, terms: NO_TERMS };
}

/** Splits insured lines by the payer's terms, counting the deductible already met this calendar year. */
async function insure(db: Db, context: BillingContext, payer: Payer, rows: LineFields[]): Promise<void> {
  if (!payer.insured || !payer.policyId) return;
  const met = payer.terms.deductibleMinor ? await deductibleMet(db, payer.policyId, context.today.slice(0, 4)) : 0;
  insureByTerms(rows, context, payer.terms, met);
}

/** Recomputes every line's figures and the invoice's totals under the clinic's rounding, and stores them. */
export async function refigure(db: Db, invoice: InvoiceRow, context: BillingContext, now: number): Promise<void> {
  const lines = await invoiceLines(db, invoice.id);
  const rounding = context.settings.tax_rounding;
  const figures = invoiceFigures(lines.map(toLineInput), rounding);
  const shared = { copay: 0, deductible: 0, coinsurance: 0 };
  for (const [index, line] of lines.entries()) {
    const f = present(figures.lines[index], 'a line’s figures');
    const shares = fitShares(sharesOf(line), f.patientMinor);
    shared.copay += shares.copayMinor;
    shared.deductible += shares.deductibleMinor;
    shared.coinsurance += shares.coinsuranceMinor;
    if (
      f.netMinor !== line.net_minor ||
      f.taxMinor !== line.tax_minor ||
      f.totalMinor !== line.total_minor ||
      f.patientMinor !== line.patient_minor ||
      shares.coinsuranceMinor + shares.deductibleMinor + shares.copayMinor !==
        line.coinsurance_minor + line.deductible_minor + line.copay_minor
    ) {
      await updateLine(db, line.id, {
        amount_minor: f.amountMinor,
        net_minor: f.netMinor,
        tax_minor: f.taxMinor,
        total_minor: f.totalMinor,
        patient_minor: f.patientMinor,
        copay_minor: shares.copayMinor,
        deductible_minor: shares.deductibleMinor,
        coinsurance_minor: shares.coinsuranceMinor,
        updated_at: now,
      });
    }
  }
  await updateInvoice(db, invoice.id, {
    tax_rounding: rounding,
    subtotal_minor: figures.subtotalMinor,
    tax_minor: figures.taxMinor,
    total_minor: figures.totalMinor,
    insurer_minor: figures.insurerMinor,
    patient_minor: figures.patientMinor,
    copay_minor: shared.copay,
    deductible_minor: shared.deductible,
    coinsurance_minor: shared.coinsurance,
    updated_at: now,
  });
}

/** A new draft for the patient (and visit or appointment), its lines from the type's services. */
export async function buildDraft(
  db: Db,
  context: BillingContext,
  source: {
    patientId: string;
    visitId: string | null;
    appointmentId: string | null;
    typeId: string | null;
    /** The visit is marked self-pay: no policy even when the patient has one in force. */
    selfPay?: boolean;
  },
  actor: BillingActor,
): Promise<string> {
  const patient = await patientBrief(db, source.patientId);
  assertLivePatient(patient);
  const primary = source.selfPay
    ? undefined
    : (await patientPolicies(db, source.patientId, context.today)).find((p) => p.priority === 'primary');
  const payer = await payerFor(db, primary?.id ?? null);
  const now = context.now;
  const id = newId();
  await insertInvoice(db, {
    id,
    kind: 'invoice',
    status: 'draft',
    patient_id: source.patientId,
    visit_id: source.visitId,
    appointment_id: source.appointmentId,
    credits_invoice_id: null,
    fee_schedule_id: payer.scheduleId,
    policy_id: payer.policyId,
    payer: payer.payer,
    number: null,
    series_prefix: null,
    desk_id: null,
    currency: context.money.currency,
    tax_rounding: context.settings.tax_rounding,
    subtotal_minor: 0,
    tax_minor: 0,
    total_minor: 0,
    insurer_minor: 0,
    patient_minor: 0,
    issued_on: null,
    due_on: null,
    issued_at: null,
    issued_by: null,
    issued_by_name: null,
    reason: null,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  const services = source.typeId ? await servicesOfType(db, source.typeId) : [];
  const prices = payer.scheduleId
    ? await pricesFor(
        db,
        payer.scheduleId,
        services.map((s) => s.id),
      )
    : new Map<string, number>();
  const taxes = new Map((await listTaxes(db)).map((tax) => [tax.id, tax]));
  const fields: LineFields[] = services.map((service) => {
    const price = prices.get(service.id) ?? service.default_price_minor;
    const tax = service.tax_id ? taxes.get(service.tax_id) : undefined;
    return {
      service_id: service.id,
      code: service.code,
      description: service.name,
      quantity: service.quantity,
      unit_price_minor: price,
      discount_minor: 0,
      discount_reason: null,
      ...taxFields(tax),
      insurer_minor: 0,
    };
  });
  await insure(db, context, payer, fields);
  const rows = figured(fields, context.settings.tax_rounding).map((line, position) => lineRow(id, position, line, now));
  await insertLines(db, rows);
  const invoice = await findInvoice(db, id);
  if (invoice) await refigure(db, invoice, context, now);
  return id;
}

export async function requireDraft(db: Db, invoiceId: string, expectedUpdatedAt?: number): Promise<InvoiceRow> {
  const invoice = await findInvoice(db, invoiceId);
  if (!invoice)
    throw new ApiError('NOT_FOUND', 'There is no such invoice.', { fields: { invoiceId: 'no such invoice' } });
  if (invoice.status !== 'draft')
    throw new ApiError(
      'CONFLICT',
      `Invoice ${invoice.number ?? ''} is issued and never changes: issue a credit note to correct it.`,
      {
        fields: { invoiceId: 'is issued: correct it with a credit note' },
      },
    );
  if (expectedUpdatedAt !== undefined && invoice.updated_at !== expectedUpdatedAt)
    throw new ApiError('CONFLICT', 'Someone else changed this invoice since you opened it: reload it first.');
  return invoice;
}

/** Replaces a draft's lines with the ones the screen sends (kept ids are updated, missing ones removed). */
export async function saveDraftLines(
  db: Db,
  context: BillingContext,
  invoice: InvoiceRow,
  lines: DraftLineInput[],
): Promise<void> {
  const now = context.now;
  const existing = new Map((await invoiceLines(db, invoice.id)).map((line) => [line.id, line]));
  const problems = lineProblems(
    lines.map((line) => ({ ...line, taxRatePpm: 0, taxInclusive: false })),
    context.settings.tax_rounding,
  ).filter((p) => p.field !== 'insurerMinor');
  if (problems[0]) throw fieldError(`lines.${problems[0].index}.${problems[0].field}`, problems[0].problem);
  const rows: { id: string | null; fields: LineFields }[] = [];
  for (const [index, line] of lines.entries()) {
    if (line.id && !existing.has(line.id)) throw fieldError(`lines.${index}.id`, 'is not a line of this invoice');
    if (line.discountMinor > 0 && !line.discountReason)
      throw fieldError(`lines.${index}.discountReason`, 'say why the discount is given');
    const service = line.serviceId ? await findService(db, line.serviceId) : undefined;
    if (line.serviceId && !service) throw fieldError(`lines.${index}.serviceId`, 'no such service');
    const taxId = line.taxId === undefined ? (service?.tax_id ?? null) : line.taxId;
    const tax = taxId ? await findTax(db, taxId) : undefined;
    if (taxId && !tax) throw fieldError(`lines.${index}.taxId`, 'no such tax');
    const description = line.description ?? service?.name;
    if (!description) throw fieldError(`lines.${index}.description`, 'describe the line, or choose a service');
    rows.push({
      id: line.id ?? null,
      fields: {
        service_id: service?.id ?? null,
        code: service?.code ?? null,
        description,
        quantity: line.quantity,
        unit_price_minor: line.unitPriceMinor,
        discount_minor: line.discountMinor,
        discount_reason: line.discountMinor > 0 ? line.discountReason : null,
        ...taxFields(tax),
        insurer_minor: line.insurerMinor,
        copay_minor: line.copayMinor ?? 0,
        deductible_minor: line.deductibleMinor ?? 0,
        coinsurance_minor: line.coinsuranceMinor ?? 0,
      },
    });
  }
  const figures = invoiceFigures(
    rows.map((row) => toLineInput(row.fields)),
    context.settings.tax_rounding,
  );
  figures.lines.forEach((f, index) => {
    if (f.insurerMinor > f.totalMinor)
      throw fieldError(`lines.${index}.insurerMinor`, 'must not be more than the line’s total');
    const share = sharesOf(present(rows[index], 'a line').fields);
    const over = sharesOver(share, f.patientMinor);
    if (over) throw fieldError(`lines.${index}.${over}`, SHARES_OVER);
  });
  const withFigures = figured(
    rows.map((row) => row.fields),
    context.settings.tax_rounding,
  );
  const kept = new Set(rows.map((row) => row.id).filter((id): id is string => id !== null));
  await removeLines(
    db,
    [...existing.keys()].filter((id) => !kept.has(id)),
    now,
  );
  const inserts: NewInvoiceLine[] = [];
  for (const [position, row] of rows.entries()) {
    const fields = present(withFigures[position], 'a line’s figures');
    if (row.id) await updateLine(db, row.id, { ...fields, position, updated_at: now });
    else inserts.push(lineRow(invoice.id, position, fields, now));
  }
  await insertLines(db, inserts);
  await refigure(db, invoice, context, now);
}

/** Changes who pays (a policy of the patient, or self-pay): the service lines are priced again from that payer's schedule. */
export async function setDraftPayer(
  db: Db,
  context: BillingContext,
  invoice: InvoiceRow,
  policyId: string | null,
): Promise<void> {
  if (policyId) {
    const policy = await findPolicy(db, policyId);
    if (!policy || policy.patient_id !== invoice.patient_id)
      throw fieldError('policyId', 'is not a policy of this patient');
  }
  const payer = await payerFor(db, policyId);
  const now = context.now;
  await updateInvoice(db, invoice.id, {
    policy_id: payer.policyId,
    payer: payer.payer,
    fee_schedule_id: payer.scheduleId,
    updated_at: now,
  });
  const lines = await invoiceLines(db, invoice.id);
  const serviceIds = lines.map((line) => line.service_id).filter((id): id is string => id !== null);
  const prices = payer.scheduleId ? await pricesFor(db, payer.scheduleId, serviceIds) : new Map<string, number>();
  const repriced: (LineFields & { id: string })[] = [];
  for (const line of lines) {
    const service = line.service_id ? await findService(db, line.service_id) : undefined;
    const price = service ? (prices.get(service.id) ?? service.default_price_minor) : line.unit_price_minor;
    const discount = Math.min(line.discount_minor, line.quantity * price);
    repriced.push({
      id: line.id,
      service_id: line.service_id,
      code: line.code,
      description: line.description,
      quantity: line.quantity,
      unit_price_minor: price,
      discount_minor: discount,
      discount_reason: discount > 0 ? line.discount_reason : null,
      tax_id: line.tax_id,
      tax_name: line.tax_name,
      tax_rate_ppm: line.tax_rate_ppm,
      tax_inclusive: line.tax_inclusive,
      insurer_minor: 0,
      copay_minor: 0,
      deductible_minor: 0,
      coinsurance_minor: 0,
    });
  }
  await insure(db, context, payer, repriced);
  const withFigures = figured(repriced, context.settings.tax_rounding);
  for (const [index, line] of repriced.entries()) {
    await updateLine(db, line.id, { ...present(withFigures[index], 'a line’s figures'), updated_at: now });
  }
  const updated = await findInvoice(db, invoice.id);
  if (updated) await refigure(db, updated, context, now);
}

/** A draft nobody will issue: marked deleted (it had no number and moved no money). */
export async function discardDraft(db: Db, invoice: InvoiceRow, now: number): Promise<void> {
  await updateInvoice(db, invoice.id, { deleted_at: now, updated_at: now });
}
