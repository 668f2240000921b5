import { sql, type Kysely } from 'kysely';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import { splitByMonths } from './month-split';
import type { AppointmentNarrowing } from './repository';

/**
 * The SQL of the daily report aggregates (migration 0034): derived caches of the raw rows, written only
 * here. Each `recompute…` replaces one day's rows from the raw rows with the same definitions the raw
 * reports use (repository.ts), so a recomputed day equals a report read straight from the rows.
 */

/** A marked day (migration 0037): for appointments and patients the UTC date, else the clinic's date. */
export interface DirtyMark {
  part: 'appointments' | 'patients' | 'money' | 'visits';
  day: string;
}

export async function dirtyMarks(db: ReadDb): Promise<DirtyMark[]> {
  return (await sql<DirtyMark>`SELECT part, day FROM report_dirty_days`.execute(db)).rows;
}

export async function hasDirtyMarks(db: ReadDb): Promise<boolean> {
  const result = await sql<{ one: number }>`SELECT 1 AS one FROM report_dirty_days LIMIT 1`.execute(db);
  return result.rows.length > 0;
}

export async function clearDirtyMarks(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM report_dirty_days`.execute(db);
}

/** What the aggregates were built with (the clinic's zone, the late-cancel window), or null if never built. */
export async function builtWith(db: ReadDb): Promise<string | null> {
  const result = await sql<{ value: string }>`
    SELECT value FROM report_aggregate_state WHERE key = 'builtWith'`.execute(db);
  return result.rows[0]?.value ?? null;
}

export async function setBuiltWith(db: Kysely<Database>, value: string): Promise<void> {
  await sql`INSERT INTO report_aggregate_state (key, value) VALUES ('builtWith', ${value})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`.execute(db);
}

export async function clearAggregates(db: Kysely<Database>): Promise<void> {
  await sql`DELETE FROM report_appointment_days`.execute(db);
  await sql`DELETE FROM report_appointment_months`.execute(db);
  await sql`DELETE FROM report_invoice_days`.execute(db);
  await sql`DELETE FROM report_ledger_days`.execute(db);
  await sql`DELETE FROM report_patient_days`.execute(db);
  await sql`DELETE FROM report_wait_days`.execute(db);
  await sql`DELETE FROM report_wait_months`.execute(db);
  await sql`DELETE FROM report_available_days`.execute(db);
  await sql`DELETE FROM report_dirty_days`.execute(db);
}

/** One local day's appointments, [start, end) in instants, grouped by provider, type and location. */
export async function recomputeAppointmentDay(
  db: Kysely<Database>,
  day: string,
  start: number,
  end: number,
  lateMs: number,
): Promise<void> {
  await sql`DELETE FROM report_appointment_days WHERE day = ${day}`.execute(db);
  await sql`
    INSERT INTO report_appointment_days (day, provider_id, type_id, location_id, booked, completed, cancelled,
      late_cancelled, no_shows, not_cancelled, booked_minutes)
    SELECT ${day}, provider_id, type_id, location_id, count(*),
      sum(status = 'completed'),
      sum(status = 'cancelled'),
      sum(status = 'cancelled' AND cancelled_at IS NOT NULL AND start_at - cancelled_at < ${lateMs}),
      sum(status = 'no_show'),
      sum(status <> 'cancelled'),
      coalesce(sum(CASE WHEN status <> 'cancelled' THEN CAST(round((end_at - start_at) / 60000.0) AS INTEGER) END), 0)
    FROM appointments
    WHERE deleted_at IS NULL AND start_at >= ${start} AND start_at < ${end}
    GROUP BY provider_id, type_id, location_id`.execute(db);
}

/** One month's row of the appointment aggregates (migration 0038): its days' rows summed. */
export async function recomputeAppointmentMonth(db: Kysely<Database>, month: string): Promise<void> {
  await sql`DELETE FROM report_appointment_months WHERE month = ${month}`.execute(db);
  await sql`
    INSERT INTO report_appointment_months (month, provider_id, type_id, location_id, booked, completed, cancelled,
      late_cancelled, no_shows, not_cancelled, booked_minutes)
    SELECT ${month}, provider_id, type_id, location_id, sum(booked), sum(completed), sum(cancelled),
      sum(late_cancelled), sum(no_shows), sum(not_cancelled), sum(booked_minutes)
    FROM report_appointment_days WHERE day >= ${`${month}-01`} AND day <= ${`${month}-31`}
    GROUP BY provider_id, type_id, location_id`.execute(db);
}

/** When each live, unmerged patient was registered, for a rebuild to count by local day in one pass. */
export async function registrationInstants(db: ReadDb): Promise<number[]> {
  const result = await sql<{ created_at: number }>`
    SELECT created_at FROM patients WHERE deleted_at IS NULL AND merged_into_id IS NULL`.execute(db);
  return result.rows.map((row) => row.created_at);
}

export async function insertPatientDay(db: Kysely<Database>, day: string, registered: number): Promise<void> {
  await sql`INSERT INTO report_patient_days (day, registered) VALUES (${day}, ${registered})`.execute(db);
}

/** Every local date a visit arrived on, for a full rebuild's waiting times. */
export async function visitDays(db: ReadDb): Promise<string[]> {
  const result = await sql<{ day: string }>`SELECT DISTINCT local_date AS day FROM visits`.execute(db);
  return result.rows.map((row) => row.day);
}

/** The first and last instants an appointment starts at, for a full rebuild's days. */
export async function appointmentSpan(db: ReadDb): Promise<{ first: number | null; last: number | null }> {
  const result = await sql<{ first: number | null; last: number | null }>`
    SELECT min(start_at) AS first, max(start_at) AS last FROM appointments`.execute(db);
  return result.rows[0] ?? { first: null, last: null };
}

/** Patients registered in one local day: live rows, not a duplicate since merged into another. */
export async function recomputePatientDay(db: Kysely<Database>, day: string, start: number, end: number) {
  await sql`DELETE FROM report_patient_days WHERE day = ${day}`.execute(db);
  await sql`
    INSERT INTO report_patient_days (day, registered)
    SELECT ${day}, count(*) FROM patients
    WHERE created_at >= ${start} AND created_at < ${end} AND deleted_at IS NULL AND merged_into_id IS NULL
    HAVING count(*) > 0`.execute(db);
}

/**
 * Money on dates in [from, to] (a single day, or everything for a rebuild): issued invoices and credit notes
 * by issue date and provider ('' when neither appointment nor visit names one), and the ledger by the date
 * it counts for, kind and method ('' for write-offs), as repository.ts's issuedByDay and ledgerByDay.
 */
export async function recomputeMoney(db: Kysely<Database>, from: string, to: string): Promise<void> {
  await sql`DELETE FROM report_invoice_days WHERE day >= ${from} AND day <= ${to}`.execute(db);
  await sql`DELETE FROM report_ledger_days WHERE day >= ${from} AND day <= ${to}`.execute(db);
  await sql`
    INSERT INTO report_invoice_days (day, provider_id, kind, amount_minor)
    SELECT i.issued_on, coalesce(a.provider_id, v.provider_id, ''), i.kind, sum(i.total_minor)
    FROM invoices i
    LEFT JOIN appointments a ON a.id = i.appointment_id
    LEFT JOIN visits v ON v.id = i.visit_id
    WHERE i.status = 'issued' AND i.issued_on >= ${from} AND i.issued_on <= ${to}
    GROUP BY 1, 2, 3`.execute(db);
  await sql`
    INSERT INTO report_ledger_days (day, kind, method, amount_minor)
    SELECT counts_for, 'payment', method_kind, sum(amount_minor)
      FROM payments WHERE counts_for >= ${from} AND counts_for <= ${to} GROUP BY 1, 3
    UNION ALL
    SELECT counts_for, 'refund', method_kind, sum(amount_minor)
      FROM refunds WHERE counts_for >= ${from} AND counts_for <= ${to} GROUP BY 1, 3
    UNION ALL
    SELECT r.counts_for, 'reversal', p.method_kind, sum(r.amount_minor)
      FROM reversals r JOIN payments p ON p.id = r.target_id
      WHERE r.target_kind = 'payment' AND r.counts_for >= ${from} AND r.counts_for <= ${to} GROUP BY 1, 3
    UNION ALL
    SELECT counts_for, 'writeOff', '', sum(amount_minor)
      FROM adjustments WHERE counts_for >= ${from} AND counts_for <= ${to} GROUP BY 1
    UNION ALL
    SELECT counts_for, 'writeOffReversal', '', sum(amount_minor)
      FROM reversals WHERE target_kind = 'adjustment' AND counts_for >= ${from} AND counts_for <= ${to} GROUP BY 1`.execute(
    db,
  );
}

/** Every date money counts for, for a rebuild's count of days. */
export async function moneyDays(db: ReadDb): Promise<string[]> {
  const result = await sql<{ day: string }>`
    SELECT day FROM report_invoice_days UNION SELECT day FROM report_ledger_days`.execute(db);
  return result.rows.map((row) => row.day);
}

export interface AppointmentDayRow {
  day: string;
  provider_id: string;
  booked: number;
  completed: number;
  cancelled: number;
  late_cancelled: number;
  no_shows: number;
  not_cancelled: number;
  booked_minutes: number;
}

/** The appointment aggregates of [from, to] by day and provider, narrowed as the report is. */
export async function appointmentDays(
  db: ReadDb,
  from: string,
  to: string,
  narrowing: AppointmentNarrowing,
): Promise<AppointmentDayRow[]> {
  const { providerId, locationId, typeId } = narrowing;
  const result = await sql<AppointmentDayRow>`
    SELECT day, provider_id, sum(booked) AS booked, sum(completed) AS completed, sum(cancelled) AS cancelled,
      sum(late_cancelled) AS late_cancelled, sum(no_shows) AS no_shows, sum(not_cancelled) AS not_cancelled,
      sum(booked_minutes) AS booked_minutes
    FROM report_appointment_days
    WHERE day >= ${from} AND day <= ${to}
      AND (${providerId} IS NULL OR provider_id = ${providerId})
      AND (${locationId} IS NULL OR location_id = ${locationId})
      AND (${typeId} IS NULL OR type_id = ${typeId})
    GROUP BY day, provider_id`.execute(db);
  return result.rows;
}

/** The columns the daily and the monthly appointment rows share. */
const COUNTS = sql.raw(
  'provider_id, type_id, location_id, booked, completed, cancelled, late_cancelled, no_shows, not_cancelled, booked_minutes',
);

/**
 * The same summed per provider over the whole range, days before `today` apart from days after it, and
 * `today` itself left out (the report counts it from its rows): for reports with no series by day. Whole
 * months but today's are read from the monthly rows (month-split.ts), the rest from the daily ones. A row's
 * `day` is the first day it sums, so it is before today exactly when all of them are.
 */
export async function appointmentTotals(
  db: ReadDb,
  from: string,
  to: string,
  today: string,
  narrowing: AppointmentNarrowing,
): Promise<AppointmentDayRow[]> {
  const { providerId, locationId, typeId } = narrowing;
  const split = splitByMonths(from, to, today);
  const parts = [
    ...(split.months.length === 0
      ? []
      : [
          sql`SELECT month || '-01' AS day, ${COUNTS} FROM report_appointment_months
            WHERE month IN (${sql.join(split.months.map((month) => sql`${month}`))})`,
        ]),
    ...split.days.map(
      ([start, end]) => sql`SELECT day, ${COUNTS} FROM report_appointment_days
        WHERE day >= ${start} AND day <= ${end} AND day <> ${today}`,
    ),
  ];
  if (parts.length === 0) return [];
  const result = await sql<AppointmentDayRow>`
    SELECT min(day) AS day, provider_id, sum(booked) AS booked, sum(completed) AS completed,
      sum(cancelled) AS cancelled, sum(late_cancelled) AS late_cancelled, sum(no_shows) AS no_shows,
      sum(not_cancelled) AS not_cancelled, sum(booked_minutes) AS booked_minutes
    FROM (${sql.join(parts, sql` UNION ALL `)})
    WHERE (${providerId} IS NULL OR provider_id = ${providerId})
      AND (${locationId} IS NULL OR location_id = ${locationId})
      AND (${typeId} IS NULL OR type_id = ${typeId})
    GROUP BY provider_id, day < ${today}`.execute(db);
  return result.rows;
}

export async function registeredBetween(db: ReadDb, from: string, to: string): Promise<number> {
  const result = await sql<{ count: number | null }>`
    SELECT sum(registered) AS count FROM report_patient_days WHERE day >= ${from} AND day <= ${to}`.execute(db);
  return result.rows[0]?.count ?? 0;
}

export async function invoiceDays(db: ReadDb, from: string, to: string, providerId: string | null) {
  const result = await sql<{ day: string; kind: string; amount: number }>`
    SELECT day, kind, sum(amount_minor) AS amount FROM report_invoice_days
    WHERE day >= ${from} AND day <= ${to} AND (${providerId} IS NULL OR provider_id = ${providerId})
    GROUP BY day, kind`.execute(db);
  return result.rows;
}

export async function ledgerDays(db: ReadDb, from: string, to: string) {
  const result = await sql<{ day: string; kind: string; method: string; amount: number }>`
    SELECT day, kind, method, amount_minor AS amount FROM report_ledger_days
    WHERE day >= ${from} AND day <= ${to}`.execute(db);
  return result.rows.map((row) => ({ ...row, method: row.method === '' ? null : row.method }));
}

/** Every aggregate row, for the property test's comparison with a rebuild from the raw rows. */
export async function allAggregates(db: ReadDb) {
  const all = async (table: string) =>
    (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)}`.execute(db)).rows
      .map((row) => JSON.stringify(row))
      .sort();
  return {
    appointments: await all('report_appointment_days'),
    appointmentMonths: await all('report_appointment_months'),
    invoices: await all('report_invoice_days'),
    ledger: await all('report_ledger_days'),
    patients: await all('report_patient_days'),
    waits: await all('report_wait_days'),
    waitMonths: await all('report_wait_months'),
    providerMoney: await all('report_provider_money_days'),
    receivables: await all('report_receivable_days'),
    revenueCells: await all('report_revenue_cells'),
    revenueCellMonths: await all('report_revenue_cell_months'),
    waitPlaceDays: await all('report_wait_place_days'),
    waitPlaceMonths: await all('report_wait_place_months'),
  };
}
