import { sql, type Kysely } from 'kysely';
import { addDays } from '../../../src-shared/scheduling/time';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import type { ProviderAmount } from './provider-repository';

/**
 * The SQL of the money aggregates of migration 0038, written only here: the providers report's money per
 * provider and day (provider-repository.ts's invoicedByProvider and collectedByProvider, stored by the rule
 * that dated each amount) and the open balances of invoice_balances by issue date (billing's A/R ageing).
 */

type Db = Kysely<Database>;

/** The rule an invoiced amount was dated by, or 'collected' for payments; each is kept by one marked part. */
type Basis = 'visit' | 'appointment' | 'issue' | 'collected';

export async function clearMoneyAggregates(db: Db): Promise<void> {
  await sql`DELETE FROM report_provider_money_days`.execute(db);
  await sql`DELETE FROM report_receivable_days`.execute(db);
}

async function clearBasis(db: Db, basis: Basis, from: string, to: string): Promise<void> {
  await sql`DELETE FROM report_provider_money_days
    WHERE day >= ${from} AND day <= ${to} AND basis = ${basis}`.execute(db);
}

/**
 * An invoice or credit note of the originals `o` (a CTE with id and provider): the original itself, or a
 * credit note naming it, issued. As the raw query's `o.id = coalesce(i.credits_invoice_id, i.id)`, but
 * each half by an index.
 */
const ofOriginals = sql`
  SELECT o.day, o.provider_id, i.kind, i.total_minor FROM o JOIN invoices i ON i.id = o.id
    WHERE i.credits_invoice_id IS NULL AND i.status = 'issued'
  UNION ALL
  SELECT o.day, o.provider_id, i.kind, i.total_minor FROM o JOIN invoices i ON i.credits_invoice_id = o.id
    WHERE i.status = 'issued'`;

/** Invoiced by service date on the visit's clinic date in [from, to], to the appointment's (else visit's) provider. */
export async function recomputeVisitMoney(db: Db, from: string, to: string): Promise<void> {
  await clearBasis(db, 'visit', from, to);
  await sql`
    INSERT INTO report_provider_money_days (day, provider_id, basis, kind, amount_minor)
    WITH o AS (
      SELECT o.id, v.local_date AS day, coalesce(a.provider_id, v.provider_id, '') AS provider_id
      FROM visits v JOIN invoices o ON o.visit_id = v.id LEFT JOIN appointments a ON a.id = o.appointment_id
      WHERE v.local_date >= ${from} AND v.local_date <= ${to})
    SELECT day, provider_id, 'visit', kind, sum(total_minor) FROM (${ofOriginals}) GROUP BY 1, 2, 4`.execute(db);
}

/** Invoiced on one local day [start, end) by its appointment's start, when the invoice has no visit. */
export async function recomputeAppointmentMoney(db: Db, day: string, start: number, end: number): Promise<void> {
  await clearBasis(db, 'appointment', day, day);
  await sql`
    INSERT INTO report_provider_money_days (day, provider_id, basis, kind, amount_minor)
    WITH o AS (
      SELECT o.id, ${day} AS day, coalesce(a.provider_id, '') AS provider_id
      FROM appointments a JOIN invoices o ON o.appointment_id = a.id
      WHERE a.start_at >= ${start} AND a.start_at < ${end}
        AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = o.visit_id))
    SELECT day, provider_id, 'appointment', kind, sum(total_minor) FROM (${ofOriginals}) GROUP BY 1, 2, 4`.execute(db);
}

/**
 * Invoiced by issue date in [from, to] when the original names neither an appointment nor a visit that is
 * here (no provider), and payments allocated to invoices by the date they count for, to the invoice's
 * provider: the two figures the money part's marks move.
 */
export async function recomputeIssueAndCollected(db: Db, from: string, to: string): Promise<void> {
  await clearBasis(db, 'issue', from, to);
  await clearBasis(db, 'collected', from, to);
  await sql`
    INSERT INTO report_provider_money_days (day, provider_id, basis, kind, amount_minor)
    SELECT i.issued_on, '', 'issue', i.kind, sum(i.total_minor)
    FROM invoices i JOIN invoices o ON o.id = coalesce(i.credits_invoice_id, i.id)
    WHERE i.status = 'issued' AND i.issued_on >= ${from} AND i.issued_on <= ${to}
      AND NOT EXISTS (SELECT 1 FROM visits v WHERE v.id = o.visit_id)
      AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.id = o.appointment_id)
    GROUP BY 1, 4`.execute(db);
  await sql`
    INSERT INTO report_provider_money_days (day, provider_id, basis, kind, amount_minor)
    SELECT p.counts_for, coalesce(a.provider_id, v.provider_id, ''), 'collected', 'collected', sum(pa.amount_minor)
    FROM payments p
    JOIN payment_allocations pa ON pa.payment_id = p.id
    JOIN invoices i ON i.id = pa.invoice_id
    LEFT JOIN visits v ON v.id = i.visit_id
    LEFT JOIN appointments a ON a.id = i.appointment_id
    WHERE p.counts_for >= ${from} AND p.counts_for <= ${to}
    GROUP BY 1, 2`.execute(db);
}

/** The providers report's money over [from, to] (null provider: none), as invoicedByProvider + collectedByProvider. */
export async function providerMoney(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
): Promise<ProviderAmount[]> {
  const result = await sql<ProviderAmount>`
    SELECT provider_id, kind, sum(amount_minor) AS amount FROM report_provider_money_days
    WHERE day >= ${from} AND day <= ${to} AND (${providerId} IS NULL OR provider_id = ${providerId})
    GROUP BY provider_id, kind`.execute(db);
  return result.rows.map((row) => ({ ...row, provider_id: row.provider_id === '' ? null : row.provider_id }));
}

/**
 * Open balances issued in [from, to] by issue date: the patients' open amounts (with the count of negative
 * ones, which ageing by patient treats differently) and each payer's ('' for none) expected amounts.
 */
export async function recomputeReceivables(db: Db, from: string, to: string): Promise<void> {
  await sql`DELETE FROM report_receivable_days WHERE day >= ${from} AND day <= ${to}`.execute(db);
  await sql`
    INSERT INTO report_receivable_days (day, owed_by, payer, amount_minor, open_rows, negative_rows)
    SELECT issued_on, 'patient', '', sum(patient_open_minor), count(*), sum(patient_open_minor < 0)
    FROM invoice_balances WHERE patient_open_minor <> 0 AND issued_on >= ${from} AND issued_on <= ${to}
    GROUP BY issued_on`.execute(db);
  await sql`
    INSERT INTO report_receivable_days (day, owed_by, payer, amount_minor, open_rows, negative_rows)
    SELECT issued_on, 'insurer', coalesce(payer, ''), sum(insurer_due_minor), count(*), sum(insurer_due_minor < 0)
    FROM invoice_balances WHERE insurer_due_minor <> 0 AND issued_on >= ${from} AND issued_on <= ${to}
    GROUP BY 1, 3`.execute(db);
}

export interface ReceivableRow {
  owed_by: 'patient' | 'insurer';
  payer: string;
  b0: number;
  b1: number;
  b2: number;
  b3: number;
  b4: number;
  total: number;
  negative: number;
}

/**
 * The open amounts by age bucket as of `today` (days since issue: 0–30, 31–60, 61–90, 91–120, more),
 * for patients together and per payer, largest first as balance-repository's ageing reads are.
 */
export async function receivablesByAge(db: ReadDb, today: string): Promise<ReceivableRow[]> {
  const [d30, d60, d90, d120] = [30, 60, 90, 120].map((days) => addDays(today, -days));
  const result = await sql<ReceivableRow>`
    SELECT owed_by, payer,
      sum(CASE WHEN day >= ${d30} THEN amount_minor ELSE 0 END) AS b0,
      sum(CASE WHEN day < ${d30} AND day >= ${d60} THEN amount_minor ELSE 0 END) AS b1,
      sum(CASE WHEN day < ${d60} AND day >= ${d90} THEN amount_minor ELSE 0 END) AS b2,
      sum(CASE WHEN day < ${d90} AND day >= ${d120} THEN amount_minor ELSE 0 END) AS b3,
      sum(CASE WHEN day < ${d120} THEN amount_minor ELSE 0 END) AS b4,
      sum(amount_minor) AS total, sum(negative_rows) AS negative
    FROM report_receivable_days GROUP BY owed_by, payer ORDER BY total DESC, payer`.execute(db);
  return result.rows;
}
