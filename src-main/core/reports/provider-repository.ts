import { sql } from 'kysely';
import { SELF_PAY } from '../../../src-shared/reports/model';
import type { ReadDb } from '../db/handles';

/**
 * The providers report's and the payer filter's money reads. An invoice is credited to the provider of
 * its appointment (else its visit); a credit note to the provider of the invoice it credits.
 */

/** The invoice is the provider's: its appointment's, else its visit's (`a`, `v` joined), or any for null. */
export const providerIs = (providerId: string | null) =>
  providerId === null ? sql`1` : sql`coalesce(a.provider_id, v.provider_id) = ${providerId}`;

export interface ProviderAmount {
  provider_id: string | null;
  kind: string;
  amount: number;
}

/**
 * Issued invoices and credit notes by service date: the visit's clinic date, else the appointment's start
 * in [start, end); an invoice with neither counts by its issue date and has no provider.
 */
export async function invoicedByProvider(
  db: ReadDb,
  range: { from: string; to: string; start: number; end: number },
  providerId: string | null,
): Promise<ProviderAmount[]> {
  const { from, to, start, end } = range;
  const provider = providerIs(providerId);
  const result = await sql<ProviderAmount>`
    SELECT coalesce(a.provider_id, v.provider_id) AS provider_id, i.kind AS kind, sum(i.total_minor) AS amount
    FROM invoices i
    JOIN invoices o ON o.id = coalesce(i.credits_invoice_id, i.id)
    LEFT JOIN visits v ON v.id = o.visit_id
    LEFT JOIN appointments a ON a.id = o.appointment_id
    WHERE i.status = 'issued' AND ${provider} AND (
      (v.id IS NOT NULL AND v.local_date >= ${from} AND v.local_date <= ${to})
      OR (v.id IS NULL AND a.id IS NOT NULL AND a.start_at >= ${start} AND a.start_at < ${end})
      OR (v.id IS NULL AND a.id IS NULL AND i.issued_on >= ${from} AND i.issued_on <= ${to}))
    GROUP BY 1, 2`.execute(db);
  return result.rows;
}

/**
 * Payments applied to invoices (allocations, net of those taken back) per provider of the invoice, by
 * the date the payment counts for. Summed row by row: two payments of one amount are two payments.
 */
export async function collectedByProvider(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
): Promise<ProviderAmount[]> {
  const provider = providerIs(providerId);
  const result = await sql<ProviderAmount>`
    SELECT coalesce(a.provider_id, v.provider_id) AS provider_id, 'collected' AS kind, sum(pa.amount_minor) AS amount
    FROM payment_allocations pa
    JOIN payments p ON p.id = pa.payment_id
    JOIN invoices i ON i.id = pa.invoice_id
    LEFT JOIN visits v ON v.id = i.visit_id
    LEFT JOIN appointments a ON a.id = i.appointment_id
    WHERE p.counts_for >= ${from} AND p.counts_for <= ${to} AND ${provider}
    GROUP BY 1`.execute(db);
  return result.rows;
}

/**
 * The payers invoices have been billed to (for the payer filter's choices). A skip scan of the payer index
 * (migration 0037): one index seek per distinct payer instead of a DISTINCT over every invoice.
 */
export async function invoicePayers(db: ReadDb): Promise<string[]> {
  const result = await sql<{ payer: string }>`
    WITH RECURSIVE payers(payer) AS (
      SELECT min(payer) FROM invoices WHERE payer IS NOT NULL
      UNION ALL
      SELECT (SELECT min(payer) FROM invoices WHERE payer > payers.payer) FROM payers WHERE payer IS NOT NULL
    )
    SELECT payer FROM payers WHERE payer IS NOT NULL`.execute(db);
  return result.rows.map((row) => row.payer);
}

/** What narrows the revenue report's invoices beyond the range and provider (each null for all). */
export interface InvoiceNarrowing {
  payer: string | null;
  locationId: string | null;
  typeId: string | null;
}

/**
 * The joins the narrowing and the provider need, and only those (each is a lookup per invoice, the read's
 * whole cost at full size): the invoice's provider (`a`, `v`), the credited invoice whose payer a credit
 * note's follows (`o`), and the invoice's appointment — its own, else its visit's (a credit note carries the
 * credited invoice's) — whose location and type narrow it (`na`).
 */
function invoiceJoins(providerId: string | null, narrowing: InvoiceNarrowing) {
  const byAppointment = narrowing.locationId !== null || narrowing.typeId !== null;
  return sql.join(
    [
      ...(providerId === null
        ? []
        : [sql`LEFT JOIN appointments a ON a.id = i.appointment_id LEFT JOIN visits v ON v.id = i.visit_id`]),
      ...(narrowing.payer === null ? [] : [sql`LEFT JOIN invoices o ON o.id = i.credits_invoice_id`]),
      ...(byAppointment
        ? [
            sql`LEFT JOIN visits nv ON nv.id = i.visit_id AND i.appointment_id IS NULL
              JOIN appointments na ON na.id = coalesce(i.appointment_id, nv.appointment_id)`,
          ]
        : []),
    ],
    sql` `,
  );
}

/**
 * The invoice matches what was chosen: its payer (a credit note's is the credited invoice's, null is
 * self-pay), and the location and type of its appointment (an invoice with none matches neither).
 */
function invoiceMatches(narrowing: InvoiceNarrowing) {
  const { payer, locationId, typeId } = narrowing;
  const parts = [
    ...(payer === null
      ? []
      : [payer === SELF_PAY ? sql`coalesce(o.payer, i.payer) IS NULL` : sql`coalesce(o.payer, i.payer) = ${payer}`]),
    ...(locationId === null ? [] : [sql`na.location_id = ${locationId}`]),
    ...(typeId === null ? [] : [sql`na.type_id = ${typeId}`]),
  ];
  return parts.length === 0 ? sql`1` : sql.join(parts, sql` AND `);
}

/** Issued invoices and credit notes by issue date, narrowed by payer, location or type (DEFINITIONS). */
export async function issuedByDayNarrowed(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
  narrowing: InvoiceNarrowing,
) {
  const result = await sql<{ day: string; kind: string; amount: number }>`
    SELECT i.issued_on AS day, i.kind AS kind, sum(i.total_minor) AS amount
    FROM invoices i
    ${invoiceJoins(providerId, narrowing)}
    WHERE i.status = 'issued' AND i.issued_on >= ${from} AND i.issued_on <= ${to} AND ${providerIs(providerId)}
      AND ${invoiceMatches(narrowing)}
    GROUP BY i.issued_on, i.kind`.execute(db);
  return result.rows;
}

/**
 * Payments applied to the narrowed invoices (a provider's, with one chosen), net of what was taken back, by
 * the date the payment counts for and its method.
 */
export async function collectedByDayNarrowed(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
  narrowing: InvoiceNarrowing,
) {
  // Applied payments belong to an invoice, so unlike the clinic's takings they follow the provider too.
  const result = await sql<{ day: string; method: string; amount: number }>`
    SELECT p.counts_for AS day, p.method_kind AS method, sum(pa.amount_minor) AS amount
      FROM payments p
      JOIN payment_allocations pa ON pa.payment_id = p.id
      JOIN invoices i ON i.id = pa.invoice_id
      ${invoiceJoins(providerId, narrowing)}
      WHERE p.counts_for >= ${from} AND p.counts_for <= ${to} AND ${providerIs(providerId)}
        AND ${invoiceMatches(narrowing)}
      GROUP BY p.counts_for, p.method_kind`.execute(db);
  return result.rows;
}

/**
 * With an insurer chosen, its remittances for claims on the narrowed invoices by the date received, as the
 * method 'remittance' (none for self-pay or no payer).
 */
export async function remittancesByDayNarrowed(
  db: ReadDb,
  from: string,
  to: string,
  providerId: string | null,
  narrowing: InvoiceNarrowing,
) {
  const { payer } = narrowing;
  if (payer === null || payer === SELF_PAY) return [];
  const others = { ...narrowing, payer: null };
  const result = await sql<{ day: string; method: string; amount: number }>`
    SELECT r.received_on AS day, 'remittance' AS method, sum(l.paid_minor) AS amount
      FROM claim_remittance_lines l
      JOIN claim_remittances r ON r.id = l.remittance_id
      JOIN claims c ON c.id = r.claim_id
      JOIN invoices i ON i.id = c.invoice_id
      ${invoiceJoins(providerId, others)}
      WHERE c.payer = ${payer} AND r.received_on >= ${from} AND r.received_on <= ${to}
        AND ${providerIs(providerId)} AND ${invoiceMatches(others)}
      GROUP BY r.received_on`.execute(db);
  return result.rows;
}
