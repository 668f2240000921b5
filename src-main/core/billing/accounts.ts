import type { AccountSummary, AccountView, LedgerEntry } from '../../../src-shared/billing/model';
import { ADJUSTMENT_REASON_LABELS, type AdjustmentReason } from '../../../src-shared/billing/reason-codes';
import { displayName } from '../../../src-shared/patients/names';
import { addDays, localDateOf } from '../../../src-shared/scheduling/time';
import { ledgerRows, type LedgerRowRaw } from './account-repository';
import { openInvoicesOf, patientOwing } from './balance-repository';
import { claimList } from './claims';
import type { BillingContext } from './context';
import { patientBrief, patientInvoices, unbilledVisits, unbilledWalkIns } from './invoice-repository';
import { patientAdjustments, patientPayments, storedCredit } from './ledger-repository';
import { assertLivePatient } from '../patients/live-patient';
import type { ReadDb } from '../db/handles';

/**
 * A patient's account. Sign convention: a positive balance is what the patient owes the clinic.
 *   balance = charges − payments + refunds − adjustments, where
 *   charges     = patient parts of issued invoices − patient parts of credit notes
 *                 + patient shares moved from primary insurers − what secondary insurers paid or wrote off
 *   payments    = payments not reversed;  adjustments = write-offs not reversed.
 * Equivalently: what is open on issued invoices − the credit (money paid and not allocated).
 */

export async function accountSummary(db: ReadDb, context: BillingContext, patientId: string): Promise<AccountSummary> {
  const owing = await patientOwing(db, patientId, context.today);
  // paid (not reversed) − refunded − allocated, kept by triggers (migration 0039) rather than summed here.
  const credit = await storedCredit(db, patientId);
  return {
    patientId,
    currency: context.money.currency,
    balanceMinor: owing.owing - credit,
    creditMinor: credit,
    owingMinor: owing.owing,
    owingSince: owing.since,
    overdueMinor: owing.overdue,
    overdueSince: owing.overdue_since,
  };
}

function describe(row: LedgerRowRaw): { description: string; amount: number; credit: number } {
  switch (row.kind) {
    case 'invoice':
      return { description: `Invoice ${row.reference ?? ''}`, amount: row.amount, credit: 0 };
    case 'credit_note':
      return {
        description: `Credit note ${row.reference ?? ''} for ${row.label ?? ''}`,
        amount: -row.amount,
        credit: 0,
      };
    case 'payment':
      return { description: `Payment (${row.label ?? ''})`, amount: -row.amount, credit: row.amount };
    case 'refund':
      return {
        description: `Refund (${row.label ?? ''}): ${row.detail ?? ''}`,
        amount: row.amount,
        credit: -row.amount,
      };
    case 'reversal':
      return row.label === 'payment'
        ? { description: `Payment reversed: ${row.detail ?? ''}`, amount: row.amount, credit: -row.amount }
        : { description: `Write-off reversed: ${row.detail ?? ''}`, amount: row.amount, credit: 0 };
    case 'adjustment':
      return {
        description: `Write-off on ${row.reference ?? ''}: ${ADJUSTMENT_REASON_LABELS[row.label as AdjustmentReason] ?? row.label ?? ''}`,
        amount: -row.amount,
        credit: 0,
      };
    case 'remittance':
      return row.label === 'primary'
        ? {
            description: `${row.reference ?? 'Insurer'}: patient’s share of ${row.detail ?? ''}`,
            amount: row.amount,
            credit: 0,
          }
        : {
            description: `${row.reference ?? 'Secondary insurer'} paid on ${row.detail ?? ''}`,
            amount: -(row.amount + row.extra),
            credit: 0,
          };
    case 'allocation':
      return row.amount > 0
        ? { description: `Applied to ${row.reference ?? ''}`, amount: 0, credit: -row.amount }
        : { description: `Taken back from ${row.reference ?? ''}`, amount: 0, credit: -row.amount };
  }
}

/** Every entry of the account, oldest first, with the running balance and credit after each. */
export async function ledger(db: ReadDb, context: BillingContext, patientId: string): Promise<LedgerEntry[]> {
  const rows = await ledgerRows(db, patientId);
  let balance = 0;
  let credit = 0;
  return rows.map((row) => {
    const effect = describe(row);
    balance += effect.amount;
    credit += effect.credit;
    return {
      id: row.id,
      kind: row.kind === 'remittance' ? (row.label === 'primary' ? 'insurer_patient_share' : 'insurer_paid') : row.kind,
      at: row.at,
      date: row.kind === 'allocation' ? localDateOf(context.timeZone, row.at) : row.date,
      description: effect.description.trim(),
      reference: row.reference,
      amountMinor: effect.amount,
      balanceMinor: balance,
      creditMinor: credit,
      invoiceId: row.invoice_id,
      paymentId: row.payment_id,
      by: row.by_name,
    };
  });
}

export async function requirePatient(db: ReadDb, patientId: string, field = 'patientId') {
  const patient = await patientBrief(db, patientId);
  return assertLivePatient(patient, field);
}

/** Why a payment cannot be reversed, or null. */
export function reverseBlocked(
  payment: { reversal_id: string | null; refunded: number | null; drawer_closed_at: number | null; counts_for: string },
  context: BillingContext,
): string | null {
  if (payment.reversal_id) return 'already reversed';
  if ((payment.refunded ?? 0) > 0) return 'part of it was refunded';
  if (payment.drawer_closed_at !== null) return 'its drawer was counted and closed: refund it instead';
  const lock = context.settings.lock_date;
  if (lock !== null && payment.counts_for <= lock)
    return `it counts for ${payment.counts_for}, on or before the lock date`;
  return null;
}

const YEAR_MS = 366 * 86_400_000;

export async function accountView(db: ReadDb, context: BillingContext, patientId: string): Promise<AccountView> {
  const patient = await requirePatient(db, patientId);
  const walkIns = await unbilledWalkIns(db, patientId, addDays(context.today, -366), 20);
  const [summary, entries, openInvoices, invoices, payments, adjustments, unbilled, claims] = [
    await accountSummary(db, context, patientId),
    await ledger(db, context, patientId),
    await openInvoicesOf(db, patientId),
    await patientInvoices(db, patientId),
    await patientPayments(db, patientId),
    await patientAdjustments(db, patientId),
    await unbilledVisits(db, patientId, context.now - YEAR_MS, 20),
    await claimList(db, context, { patientId, limit: 100 }),
  ];
  return {
    patient: {
      id: patient.id,
      name: displayName({
        firstName: patient.first_name,
        middleName: patient.middle_name,
        lastName: patient.last_name,
        preferredName: patient.preferred_name,
      }),
      mrn: patient.mrn,
    },
    summary,
    entries,
    openInvoices,
    invoices: invoices.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      number: row.number,
      visitId: row.visit_id,
      appointmentId: row.appointment_id,
      issuedOn: row.issued_on,
      totalMinor: row.total_minor,
      patientMinor: row.patient_minor,
      patientOpenMinor: row.patient_open_minor ?? 0,
      createdAt: row.created_at,
    })),
    payments: payments.map((row) => {
      const allocated = row.allocated ?? 0;
      const refunded = row.refunded ?? 0;
      const reversed = row.reversal_id !== null;
      return {
        id: row.id,
        amountMinor: row.amount_minor,
        methodId: row.method_id,
        methodName: row.method_name,
        methodKind: row.method_kind,
        reference: row.reference,
        countsFor: row.counts_for,
        enteredAt: row.entered_at,
        enteredBy: row.entered_by_name,
        allocatedMinor: allocated,
        refundedMinor: refunded,
        refundableMinor: reversed ? 0 : row.amount_minor - allocated - refunded,
        reversed,
        reverseBlocked: reverseBlocked(row, context),
      };
    }),
    adjustments: adjustments.map((row) => ({
      id: row.id,
      invoiceId: row.invoice_id,
      amountMinor: row.amount_minor,
      reasonCode: row.reason_code,
      note: row.note,
      countsFor: row.counts_for,
      reversed: row.reversal_id !== null,
    })),
    unbilled: [
      ...unbilled.map((row) => ({
        visitId: row.visit_id,
        appointmentId: row.appointment_id,
        date: localDateOf(context.timeZone, row.start_at),
        typeName: row.type_name,
        providerName: row.provider_name,
      })),
      ...walkIns.map((row) => ({
        visitId: row.visit_id,
        appointmentId: null,
        date: row.local_date,
        typeName: null,
        providerName: row.provider_name,
      })),
    ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    claims,
    money: context.money,
  };
}
