import { fieldError } from '../../../src-shared/api/errors';
import { ageingTotal, bucketOf, emptyAgeing, type AgeingAmounts } from '../../../src-shared/billing/ageing';
import type { ArAgeing, StatementView } from '../../../src-shared/billing/model';
import { displayName } from '../../../src-shared/patients/names';
import { daysBetween } from '../../../src-shared/scheduling/time';
import { ledger, requirePatient } from './accounts';
import {
  ageingByPatient,
  ageingByPayer,
  ageingOfPatients,
  largestOwing,
  openByAge,
  openInvoicesOf,
  owingPatientCount,
  patientNames,
  patientsOwingMore,
  type AgeingRowRaw,
} from './balance-repository';
import type { BillingContext } from './context';
import type { ReadDb } from '../db/handles';

/** Patient statements (a date range with the balance brought forward and ageing) and the clinic's A/R ageing. */

export async function statement(
  db: ReadDb,
  context: BillingContext,
  input: { patientId: string; from: string; to: string },
): Promise<StatementView> {
  if (input.from > input.to) throw fieldError('from', 'must not be after the end of the range');
  const patient = await requirePatient(db, input.patientId);
  // Allocations move credit between invoices, not the balance: a statement leaves them out.
  const entries = (await ledger(db, context, input.patientId)).filter((entry) => entry.kind !== 'allocation');
  const before = entries.filter((entry) => entry.date < input.from);
  const within = entries.filter((entry) => entry.date >= input.from && entry.date <= input.to);
  const opening = before.reduce((sum, entry) => sum + entry.amountMinor, 0);
  let running = opening;
  const shown = within.map((entry) => {
    running += entry.amountMinor;
    return { ...entry, balanceMinor: running };
  });
  const ageing = emptyAgeing();
  for (const invoice of await openInvoicesOf(db, input.patientId)) {
    if (invoice.issuedOn > input.to) continue;
    ageing[bucketOf(daysBetween(invoice.issuedOn, input.to))] += invoice.openMinor;
  }
  const address = [
    patient.address_line1,
    patient.address_line2,
    patient.city,
    patient.region,
    patient.postal_code,
    patient.country,
  ]
    .filter((part) => part)
    .join(', ');
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
      address: address || null,
    },
    from: input.from,
    to: input.to,
    openingBalanceMinor: opening,
    entries: shown,
    closingBalanceMinor: running,
    ageing,
    money: context.money,
  };
}

/** Everyone owing more than `minMinor` (the largest first, at most `limit`). */
export async function statementBatch(
  db: ReadDb,
  context: BillingContext,
  input: { minBalanceMinor: number; from: string; to: string; limit: number },
): Promise<{ statements: StatementView[]; more: boolean }> {
  const owing = await patientsOwingMore(db, input.minBalanceMinor, input.limit + 1);
  const statements: StatementView[] = [];
  for (const row of owing.slice(0, input.limit)) {
    statements.push(await statement(db, context, { patientId: row.patient_id, from: input.from, to: input.to }));
  }
  return { statements, more: owing.length > input.limit };
}

const toBuckets = (row: Omit<AgeingRowRaw, 'patient_id'>): AgeingAmounts => ({
  '0-30': row.b0,
  '31-60': row.b1,
  '61-90': row.b2,
  '91-120': row.b3,
  '120+': row.b4,
});

function addInto(totals: AgeingAmounts, buckets: AgeingAmounts): void {
  for (const key of Object.keys(totals) as (keyof AgeingAmounts)[]) totals[key] += buckets[key];
}

/**
 * A/R ageing as of today: what patients owe (by patient, the largest first, `limit` rows with totals
 * over all) and what insurers are still expected to pay (by payer). Read from the open rows of the
 * invoice balance cache only. With no open amount below nothing (the usual case), the totals by age come
 * from the sums kept by issue date and the rows are the `limit` largest of the sums kept per patient
 * (migration 0042), aged one by one; otherwise every open invoice is grouped by patient, as the rule that
 * counts a patient only when their open invoices add up to more than nothing needs.
 */
export async function arAgeing(db: ReadDb, context: BillingContext, limit: number): Promise<ArAgeing> {
  const payers = (await ageingByPayer(db, context.today)).rows;
  const kept = await openByAge(db, context.today);
  let top: AgeingRowRaw[];
  let patientCount: number;
  let totals: AgeingAmounts;
  if (kept.negative === 0) {
    const largest = await largestOwing(db, limit);
    top = (
      await ageingOfPatients(
        db,
        context.today,
        largest.map((row) => row.patient_id),
      )
    ).rows;
    patientCount = await owingPatientCount(db);
    totals = toBuckets(kept);
  } else {
    const patients = (await ageingByPatient(db, context.today)).rows;
    totals = emptyAgeing();
    for (const row of patients) addInto(totals, toBuckets(row));
    top = patients.slice(0, limit);
    patientCount = patients.length;
  }
  const names = new Map(
    (
      await patientNames(
        db,
        top.map((row) => row.patient_id),
      )
    ).map((row) => [row.id, row]),
  );
  const payerTotals = emptyAgeing();
  const payerRows = payers.map((row) => {
    const buckets = toBuckets(row);
    addInto(payerTotals, buckets);
    return { payer: row.payer || 'Unknown payer', buckets, totalMinor: row.total };
  });
  return {
    asOf: context.today,
    byPatient: {
      rows: top.map((row) => {
        const name = names.get(row.patient_id);
        return {
          patientId: row.patient_id,
          name: name
            ? displayName({
                firstName: name.first_name,
                middleName: name.middle_name,
                lastName: name.last_name,
                preferredName: name.preferred_name,
              })
            : '',
          mrn: name?.mrn ?? '',
          buckets: toBuckets(row),
          totalMinor: row.total,
        };
      }),
      patientCount,
      totals,
      totalMinor: ageingTotal(totals),
    },
    byPayer: { rows: payerRows, totals: payerTotals, totalMinor: ageingTotal(payerTotals) },
    money: context.money,
  };
}
