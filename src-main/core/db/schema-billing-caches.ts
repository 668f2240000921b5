import type { Generated } from 'kysely';

/**
 * Billing's local caches: sums over the synced ledgers, kept in the writer's transaction (by the
 * repository or by triggers) and never synced (src-shared/sync/tables.ts names each).
 */

/** Each patient's unallocated credit, kept by triggers on the ledgers (migration 0039); local to the desk. */
export interface PatientCreditsTable {
  patient_id: string;
  credit_minor: number;
}

/** Each patient's sum of open amounts on issued invoices (migration 0042, kept by triggers on invoice_balances). */
export interface PatientOwingTable {
  patient_id: string;
  owing_minor: number;
}

/** Open patient amounts by issue date, and how many of those open rows are negative (migration 0042). */
export interface PatientOpenDaysTable {
  issued_on: string;
  open_minor: number;
  negative_rows: number;
}

export interface InvoiceBalancesTable {
  invoice_id: string;
  patient_id: string;
  issued_on: string;
  due_on: string;
  payer: string | null;
  patient_due_minor: number;
  patient_settled_minor: number;
  insurer_due_minor: number;
  patient_open_minor: Generated<number>;
  created_at: number;
  updated_at: number;
}

/** Merged into `BillingTables`. */
export interface BillingCacheTables {
  invoice_balances: InvoiceBalancesTable;
  patient_credits: PatientCreditsTable;
  patient_owing: PatientOwingTable;
  patient_open_days: PatientOpenDaysTable;
}
