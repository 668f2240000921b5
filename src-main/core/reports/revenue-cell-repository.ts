import { sql, type Kysely, type RawBuilder } from 'kysely';
import { SELF_PAY } from '../../../src-shared/reports/model';
import type { ReadDb } from '../db/handles';
import type { Database } from '../db/schema';
import { splitByMonths } from './month-split';
import type { InvoiceNarrowing } from './provider-repository';

/**
 * The narrowed revenue cells of migration 0044, written and read only here: the revenue report's invoiced
 * and collected money per day by provider, location, type and payer, as provider-repository.ts's
 * issuedByDayNarrowed and collectedByDayNarrowed read them from the raw rows (the same joins, grouped by
 * every key instead of filtered by one).
 */

type Db = Kysely<Database>;

/**
 * The invoice `i`'s keys: its provider (its appointment's, else its visit's: `a`, `v`), the credited invoice
 * whose payer a credit note's follows (`o`), and its appointment — its own, else its visit's — whose location
 * and type narrow it (`na`; LEFT here: an invoice with none is kept with '' and matches no location or type).
 */
const keyJoins = sql`
  LEFT JOIN appointments a ON a.id = i.appointment_id
  LEFT JOIN visits v ON v.id = i.visit_id
  LEFT JOIN invoices o ON o.id = i.credits_invoice_id
  LEFT JOIN visits nv ON nv.id = i.visit_id AND i.appointment_id IS NULL
  LEFT JOIN appointments na ON na.id = coalesce(i.appointment_id, nv.appointment_id)`;
const keyColumns = sql`coalesce(a.provider_id, v.provider_id, ''), coalesce(na.location_id, ''),
  coalesce(na.type_id, ''), coalesce(o.payer, i.payer, '')`;

export async function clearRevenueCells(db: Db): Promise<void> {
  await sql`DELETE FROM report_revenue_cells`.execute(db);
  await sql`DELETE FROM report_revenue_cell_months`.execute(db);
}

/** The monthly cells of the months [first, last] ('YYYY-MM'), summed again from their days' cells. */
export async function recomputeRevenueCellMonths(db: Db, first: string, last: string): Promise<void> {
  await sql`DELETE FROM report_revenue_cell_months WHERE month >= ${first} AND month <= ${last}`.execute(db);
  await sql`
    INSERT INTO report_revenue_cell_months
      (month, basis, kind, provider_id, location_id, type_id, payer, amount_minor)
    SELECT substr(day, 1, 7), basis, kind, provider_id, location_id, type_id, payer, sum(amount_minor)
    FROM report_revenue_cells WHERE day >= ${`${first}-01`} AND day <= ${`${last}-31`}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`.execute(db);
}

/** The cells on the money days in [from, to], recomputed from the raw rows. */
export async function recomputeRevenueCells(db: Db, from: string, to: string): Promise<void> {
  await sql`DELETE FROM report_revenue_cells WHERE day >= ${from} AND day <= ${to}`.execute(db);
  await sql`
    INSERT INTO report_revenue_cells (day, basis, kind, provider_id, location_id, type_id, payer, amount_minor)
    SELECT i.issued_on, 'issued', i.kind, ${keyColumns}, sum(i.total_minor)
    FROM invoices i ${keyJoins}
    WHERE i.status = 'issued' AND i.issued_on >= ${from} AND i.issued_on <= ${to}
    GROUP BY 1, 3, 4, 5, 6, 7`.execute(db);
  await sql`
    INSERT INTO report_revenue_cells (day, basis, kind, provider_id, location_id, type_id, payer, amount_minor)
    SELECT p.counts_for, 'collected', p.method_kind, ${keyColumns}, sum(pa.amount_minor)
    FROM payments p
    JOIN payment_allocations pa ON pa.payment_id = p.id
    JOIN invoices i ON i.id = pa.invoice_id
    ${keyJoins}
    WHERE p.counts_for >= ${from} AND p.counts_for <= ${to}
    GROUP BY 1, 3, 4, 5, 6, 7`.execute(db);
}

type CellRow = { day: string; basis: 'issued' | 'collected'; kind: string; amount: number };

/** What the narrowing and the provider ask of a cell (none of it matches '', no location or type). */
function cellMatches(providerId: string | null, narrowing: InvoiceNarrowing) {
  const { locationId, typeId } = narrowing;
  const payer = narrowing.payer === null ? null : narrowing.payer === SELF_PAY ? '' : narrowing.payer;
  const conditions: RawBuilder<unknown>[] = [];
  if (locationId !== null) conditions.push(sql`location_id = ${locationId}`);
  if (typeId !== null) conditions.push(sql`type_id = ${typeId}`);
  if (payer !== null) conditions.push(sql`payer = ${payer}`);
  if (providerId !== null) conditions.push(sql`provider_id = ${providerId}`);
  return conditions.length === 0 ? sql`1` : sql.join(conditions, sql` AND `);
}

/**
 * The narrowed cells over [from, to] by day and kind: issued invoices and credit notes (`kind` the invoice's),
 * and payments applied to them (`kind` the method's). The first of location, type and payer chosen leads, so
 * its index reads only its cells.
 */
export async function revenueCellsByDay(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
  narrowing: InvoiceNarrowing,
): Promise<CellRow[]> {
  const result = await sql<CellRow>`
    SELECT day, basis, kind, sum(amount_minor) AS amount FROM report_revenue_cells
    WHERE day >= ${from} AND day <= ${to} AND ${cellMatches(providerId, narrowing)}
    GROUP BY day, basis, kind`.execute(db);
  return result.rows;
}

/**
 * The same over [from, to] without a series by day (every row dated `from`): whole months from the monthly
 * cells, the days at either end from the daily ones.
 */
export async function revenueCellTotals(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
  narrowing: InvoiceNarrowing,
): Promise<CellRow[]> {
  const split = splitByMonths(from, to, '');
  const matches = cellMatches(providerId, narrowing);
  const parts = [
    ...(split.months.length === 0
      ? []
      : [
          sql`SELECT basis, kind, amount_minor FROM report_revenue_cell_months
            WHERE month IN (${sql.join(split.months)}) AND ${matches}`,
        ]),
    ...split.days.map(
      ([start, end]) => sql`SELECT basis, kind, amount_minor FROM report_revenue_cells
        WHERE day >= ${start} AND day <= ${end} AND ${matches}`,
    ),
  ];
  if (parts.length === 0) return [];
  const result = await sql<CellRow>`
    SELECT ${from} AS day, basis, kind, sum(amount_minor) AS amount FROM (${sql.join(parts, sql` UNION ALL `)})
    GROUP BY basis, kind`.execute(db);
  return result.rows;
}
