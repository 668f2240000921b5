import { sql } from 'kysely';
import type { ReadDb } from '../db/handles';

/**
 * SQL of a patient's ledger: every row that moves the account, in one statement, in the order it
 * happened; within one instant the rank puts a payment before its allocations, a reversal before the
 * allocations it takes back, and an invoice or a remittance before the credit applied to it.
 */

export interface LedgerRowRaw {
  id: string;
  kind: 'invoice' | 'credit_note' | 'payment' | 'allocation' | 'refund' | 'reversal' | 'adjustment' | 'remittance';
  at: number;
  date: string;
  rank: number;
  amount: number;
  /** Second amount where one row moves two things (a secondary remittance: paid, adjusted). */
  extra: number;
  label: string | null;
  reference: string | null;
  invoice_id: string | null;
  payment_id: string | null;
  by_name: string | null;
  detail: string | null;
}

export async function ledgerRows(db: ReadDb, patientId: string): Promise<LedgerRowRaw[]> {
  const result = await sql<LedgerRowRaw>`
    SELECT * FROM (
      SELECT i.id, i.kind, i.issued_at AS at, i.issued_on AS date, 0 AS rank, i.patient_minor AS amount, 0 AS extra,
        c.number AS label, i.number AS reference, coalesce(i.credits_invoice_id, i.id) AS invoice_id, NULL AS payment_id,
        i.issued_by_name AS by_name, i.reason AS detail
      FROM invoices i LEFT JOIN invoices c ON c.id = i.credits_invoice_id
      WHERE i.patient_id = ${patientId} AND i.status = 'issued'
      UNION ALL
      SELECT p.id, 'payment', p.entered_at, p.counts_for, 1, p.amount_minor, 0, m.name, p.reference, NULL, p.id,
        p.entered_by_name, p.note
      FROM payments p JOIN payment_methods m ON m.id = p.method_id WHERE p.patient_id = ${patientId}
      UNION ALL
      SELECT r.id, 'reversal', r.entered_at, r.counts_for, 3, r.amount_minor, 0, r.target_kind, NULL, NULL,
        CASE WHEN r.target_kind = 'payment' THEN r.target_id END, r.entered_by_name, r.reason
      FROM reversals r WHERE r.patient_id = ${patientId}
      UNION ALL
      SELECT f.id, 'refund', f.entered_at, f.counts_for, 5, f.amount_minor, 0, m.name, NULL, NULL, f.payment_id,
        f.entered_by_name, f.reason
      FROM refunds f JOIN payment_methods m ON m.id = f.method_id WHERE f.patient_id = ${patientId}
      UNION ALL
      SELECT a.id, 'adjustment', a.entered_at, a.counts_for, 6, a.amount_minor, 0, a.reason_code, i.number, a.invoice_id, NULL,
        a.entered_by_name, a.note
      FROM adjustments a JOIN invoices i ON i.id = a.invoice_id WHERE a.patient_id = ${patientId}
      UNION ALL
      SELECT l.id, 'remittance', l.at, m.received_on, 7,
        CASE WHEN l.sequence = 'primary' THEN l.patient_minor ELSE l.paid_minor END,
        CASE WHEN l.sequence = 'primary' THEN 0 ELSE l.adjustment_minor END,
        l.sequence, k.payer, l.invoice_id, NULL, m.posted_by_name, i.number
      FROM claim_remittance_lines l JOIN claim_remittances m ON m.id = l.remittance_id JOIN claims k ON k.id = m.claim_id
        JOIN invoices i ON i.id = l.invoice_id
      WHERE l.patient_id = ${patientId}
      UNION ALL
      SELECT a.id, 'allocation', a.at, '', CASE a.cause WHEN 'payment' THEN 2 WHEN 'reversal' THEN 4 ELSE 8 END, a.amount_minor, 0, a.cause, i.number, a.invoice_id,
        a.payment_id, NULL, NULL
      FROM payment_allocations a JOIN invoices i ON i.id = a.invoice_id WHERE a.patient_id = ${patientId}
    ) ORDER BY at, rank, id`.execute(db);
  return result.rows;
}
