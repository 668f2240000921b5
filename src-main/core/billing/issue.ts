import { present } from '../../../src-shared/billing/present';
import type { Kysely } from 'kysely';
import { ApiError, fieldError } from '../../../src-shared/api/errors';
import { invoiceFigures, lineProblems } from '../../../src-shared/billing/tax';
import { addDays } from '../../../src-shared/scheduling/time';
import type { Database } from '../db/schema';
import type { InvoiceLineRow, InvoiceRow, NewInvoiceLine } from '../db/schema-billing';
import { newId } from '../ids';
import { applyCredit, releaseExcess } from './allocations';
import { findBalance, insertBalance, moveBalance } from './balance-repository';
import { requireTodayUnlocked, type BillingActor, type BillingContext } from './context';
import { sharesOf, toLineInput } from './draft-lines';
import { fitShares } from '../../../src-shared/billing/cost-share';
import { requireDraft } from './drafts';
import {
  creditedLineIds,
  findInvoice,
  insertInvoice,
  insertLines,
  invoiceLines,
  invoiceNumberTaken,
  updateInvoice,
  updateLine,
} from './invoice-repository';
import { liveAdjustmentsOf } from './ledger-repository';
import { takeSeriesNumber } from './setup-repository';

/**
 * Issuing: the draft's figures are computed one last time under the clinic's rounding, recorded on
 * the invoice with the rounding used, and frozen (the database refuses any later change); it takes
 * this desk's next number in the same transaction; the patient's credit pays it at once, oldest
 * credit first. Credit notes are issued the same way and name the invoice they correct.
 */

type Db = Kysely<Database>;

/** "A-000123": this desk's prefix and the series' next number, padded to the clinic's digits. */
export function formatNumber(prefix: string, value: number, digits: number): string {
  return `${prefix}-${String(value).padStart(digits, '0')}`;
}

/** The series' next number no invoice here carries yet (a desk's old standalone series may have used it). */
async function numberFor(db: Db, context: BillingContext): Promise<{ number: string; prefix: string }> {
  const prefix = context.desk.series_prefix;
  for (;;) {
    const value = await takeSeriesNumber(db, prefix, context.now);
    const number = formatNumber(prefix, value, context.settings.number_digits);
    if (!(await invoiceNumberTaken(db, number))) return { number, prefix };
  }
}

export interface Issued {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  /** What the patient's credit paid on it at once. */
  creditApplied: number;
}

export async function issueInvoice(
  db: Db,
  context: BillingContext,
  input: { invoiceId: string; expectedUpdatedAt?: number | undefined },
  actor: BillingActor,
): Promise<Issued> {
  requireTodayUnlocked(context);
  const draft = await requireDraft(db, input.invoiceId, input.expectedUpdatedAt);
  if (draft.kind !== 'invoice') throw fieldError('invoiceId', 'is not an invoice');
  const lines = await invoiceLines(db, draft.id);
  if (lines.length === 0) throw fieldError('lines', 'add at least one line before issuing');
  const rounding = context.settings.tax_rounding;
  const inputs = lines.map(toLineInput);
  const problem = lineProblems(inputs, rounding)[0];
  if (problem) throw fieldError(`lines.${problem.index}.${problem.field}`, problem.problem);
  const now = context.now;
  // Lines hold their figures from the last save; the clinic's rounding may have changed since.
  const figures = invoiceFigures(inputs, rounding);
  const current: InvoiceLineRow[] = [];
  for (const [index, line] of lines.entries()) {
    const f = present(figures.lines[index], 'a line’s figures');
    if (f.taxMinor === line.tax_minor && f.netMinor === line.net_minor && f.patientMinor === line.patient_minor) {
      current.push(line);
      continue;
    }
    const shares = fitShares(sharesOf(line), f.patientMinor);
    const refigured = {
      net_minor: f.netMinor,
      tax_minor: f.taxMinor,
      total_minor: f.totalMinor,
      patient_minor: f.patientMinor,
      copay_minor: shares.copayMinor,
      deductible_minor: shares.deductibleMinor,
      coinsurance_minor: shares.coinsuranceMinor,
      updated_at: now,
    };
    await updateLine(db, line.id, refigured);
    current.push({ ...line, ...refigured });
  }
  const { number, prefix } = await numberFor(db, context);
  const dueOn = addDays(context.today, context.settings.payment_terms_days);
  const changes = {
    status: 'issued' as const,
    number,
    series_prefix: prefix,
    desk_id: context.desk.desk_id,
    tax_rounding: rounding,
    subtotal_minor: figures.subtotalMinor,
    tax_minor: figures.taxMinor,
    total_minor: figures.totalMinor,
    insurer_minor: figures.insurerMinor,
    patient_minor: figures.patientMinor,
    copay_minor: current.reduce((sum, line) => sum + line.copay_minor, 0),
    deductible_minor: current.reduce((sum, line) => sum + line.deductible_minor, 0),
    coinsurance_minor: current.reduce((sum, line) => sum + line.coinsurance_minor, 0),
    issued_on: context.today,
    due_on: dueOn,
    issued_at: now,
    issued_by: actor.userId,
    issued_by_name: actor.name,
    updated_at: now,
  };
  await updateInvoice(db, draft.id, changes);
  const issued: InvoiceRow = { ...draft, ...changes };
  await insertBalance(db, {
    invoice_id: draft.id,
    patient_id: draft.patient_id,
    issued_on: context.today,
    due_on: dueOn,
    payer: issued.insurer_minor > 0 ? issued.payer : null,
    patient_due_minor: issued.patient_minor,
    patient_settled_minor: 0,
    insurer_due_minor: issued.insurer_minor,
    created_at: now,
    updated_at: now,
  });
  const creditApplied = await applyCredit(db, draft.patient_id, draft.id, actor, now, issued.patient_minor);
  return { invoice: issued, lines: current, creditApplied };
}

/**
 * A credit note taking back whole lines of an issued invoice (all those not yet credited unless told
 * which): its lines copy the credited lines' figures exactly, so credit notes covering every line add
 * up to the invoice to the minor unit. What the patient had paid beyond what the invoice now charges
 * becomes credit again.
 */
export async function issueCreditNote(
  db: Db,
  context: BillingContext,
  input: { invoiceId: string; lineIds?: string[] | undefined; reason: string },
  actor: BillingActor,
): Promise<InvoiceRow> {
  requireTodayUnlocked(context);
  const original = await findInvoice(db, input.invoiceId);
  if (!original)
    throw new ApiError('NOT_FOUND', 'There is no such invoice.', { fields: { invoiceId: 'no such invoice' } });
  if (original.kind !== 'invoice' || original.status !== 'issued')
    throw fieldError('invoiceId', 'only an issued invoice can be credited');
  const lines = await invoiceLines(db, original.id);
  const credited = await creditedLineIds(db, original.id);
  let chosen = lines.filter((line) => !credited.has(line.id));
  if (input.lineIds) {
    const byId = new Map(lines.map((line) => [line.id, line]));
    input.lineIds.forEach((lineId, index) => {
      if (!byId.has(lineId)) throw fieldError(`lineIds.${index}`, 'is not a line of this invoice');
      if (credited.has(lineId)) throw fieldError(`lineIds.${index}`, 'was already credited');
    });
    const wanted = new Set(input.lineIds);
    chosen = lines.filter((line) => wanted.has(line.id));
  }
  if (chosen.length === 0) throw fieldError('lineIds', 'every line of this invoice was already credited');
  const id = newId();
  const now = context.now;
  const sum = (
    key:
      | 'net_minor'
      | 'tax_minor'
      | 'total_minor'
      | 'insurer_minor'
      | 'patient_minor'
      | 'copay_minor'
      | 'deductible_minor'
      | 'coinsurance_minor',
  ) => chosen.reduce((total, line) => total + line[key], 0);
  const { number, prefix } = await numberFor(db, context);
  await insertInvoice(db, {
    id,
    kind: 'credit_note',
    status: 'draft',
    patient_id: original.patient_id,
    visit_id: original.visit_id,
    appointment_id: original.appointment_id,
    credits_invoice_id: original.id,
    fee_schedule_id: original.fee_schedule_id,
    policy_id: original.policy_id,
    payer: original.payer,
    number: null,
    series_prefix: null,
    desk_id: null,
    currency: original.currency,
    tax_rounding: original.tax_rounding,
    subtotal_minor: sum('net_minor'),
    tax_minor: sum('tax_minor'),
    total_minor: sum('total_minor'),
    insurer_minor: sum('insurer_minor'),
    patient_minor: sum('patient_minor'),
    copay_minor: sum('copay_minor'),
    deductible_minor: sum('deductible_minor'),
    coinsurance_minor: sum('coinsurance_minor'),
    issued_on: null,
    due_on: null,
    issued_at: null,
    issued_by: null,
    issued_by_name: null,
    reason: input.reason,
    created_by: actor.userId,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  });
  const copies: NewInvoiceLine[] = chosen.map((line, position) => ({
    ...line,
    id: newId(),
    invoice_id: id,
    position,
    credits_line_id: line.id,
    created_at: now,
    updated_at: now,
    deleted_at: null,
  }));
  await insertLines(db, copies);
  await updateInvoice(db, id, {
    status: 'issued',
    number,
    series_prefix: prefix,
    desk_id: context.desk.desk_id,
    issued_on: context.today,
    due_on: context.today,
    issued_at: now,
    issued_by: actor.userId,
    issued_by_name: actor.name,
    updated_at: now,
  });
  await moveBalance(db, original.id, { patientDue: -sum('patient_minor'), insurerDue: -sum('insurer_minor') }, now);
  const balance = await findBalance(db, original.id);
  if (balance && balance.patient_open_minor < 0) {
    const adjusted = await liveAdjustmentsOf(db, original.id);
    if (adjusted > balance.patient_due_minor) {
      throw new ApiError(
        'CONFLICT',
        'Write-offs on this invoice are more than it would still charge the patient: reverse the write-off first.',
        { invoiceId: original.id },
      );
    }
    await releaseExcess(db, original.patient_id, original.id, actor, now);
  }
  return present(await findInvoice(db, id), 'the credit note');
}
